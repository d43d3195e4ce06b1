# Scenario descriptions per language (django-parler): create the translation table,
# copy the English and Chinese columns into it, then drop the columns.

import django.db.models.deletion
import parler.fields
import parler.models
from django.db import migrations, models

from circularcities.web.parler_migrations import MakeTranslatable, to_translations


class Migration(migrations.Migration):

    dependencies = [
        ('logistics', '0001_initial'),
    ]

    operations = [
        MakeTranslatable("Scenario"),
        migrations.CreateModel(
            name='ScenarioTranslation',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('language_code', models.CharField(db_index=True, max_length=15, verbose_name='Language')),
                ('title', models.CharField(blank=True, max_length=160, verbose_name='title')),
                ('description', models.TextField(blank=True, verbose_name='description')),
                ('master', parler.fields.TranslationsForeignKey(editable=False, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='translations', to='logistics.scenario')),
            ],
            options={
                'verbose_name': 'scenario Translation',
                'db_table': 'logistics_scenario_translation',
                'db_tablespace': '',
                'managed': True,
                'default_permissions': (),
                'constraints': [models.UniqueConstraint(fields=('language_code', 'master'), name='logistics_scenario_translation_uniq_lang')],
            },
            bases=(parler.models.TranslatedFieldsModelMixin, models.Model),
        ),
        migrations.RunPython(*to_translations("logistics", "Scenario", ["description"])),
        migrations.RemoveField(
            model_name='scenario',
            name='description_en',
        ),
        migrations.RemoveField(
            model_name='scenario',
            name='description_zh',
        ),
    ]
