"""Translation tables (django-parler) for the last two-language marketplace content:
flow names, flow-value bases, product-category names, programme-figure labels, units
and notes, material-weight notes."""

import django.db.models.deletion
import parler.fields
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('marketplace', '0011_s22_listing_drop_title_columns'),
    ]

    operations = [
        migrations.CreateModel(
            name='FlowTranslation',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('language_code', models.CharField(db_index=True, max_length=15, verbose_name='Language')),
                ('name', models.CharField(blank=True, max_length=200)),
                ('master', parler.fields.TranslationsForeignKey(editable=False, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='translations', to='marketplace.flow')),
            ],
            options={
                'verbose_name': 'flow Translation',
                'db_table': 'marketplace_flow_translation',
                'db_tablespace': '',
                'managed': True,
                'default_permissions': (),
                'constraints': [models.UniqueConstraint(fields=('language_code', 'master'), name='marketplace_flow_translation_uniq_lang')],
            },
            bases=(models.Model,),  # plain in migrations: the master has no parler base here
        ),
        migrations.CreateModel(
            name='FlowValueTranslation',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('language_code', models.CharField(db_index=True, max_length=15, verbose_name='Language')),
                ('basis', models.CharField(blank=True, max_length=200)),
                ('master', parler.fields.TranslationsForeignKey(editable=False, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='translations', to='marketplace.flowvalue')),
            ],
            options={
                'verbose_name': 'flow value Translation',
                'db_table': 'marketplace_flowvalue_translation',
                'db_tablespace': '',
                'managed': True,
                'default_permissions': (),
                'constraints': [models.UniqueConstraint(fields=('language_code', 'master'), name='marketplace_flowvalue_translation_uniq_lang')],
            },
            bases=(models.Model,),  # plain in migrations: the master has no parler base here
        ),
        migrations.CreateModel(
            name='MaterialWeightTranslation',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('language_code', models.CharField(db_index=True, max_length=15, verbose_name='Language')),
                ('note', models.CharField(blank=True, max_length=300)),
                ('master', parler.fields.TranslationsForeignKey(editable=False, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='translations', to='marketplace.materialweight')),
            ],
            options={
                'verbose_name': 'material weight Translation',
                'db_table': 'marketplace_materialweight_translation',
                'db_tablespace': '',
                'managed': True,
                'default_permissions': (),
                'constraints': [models.UniqueConstraint(fields=('language_code', 'master'), name='marketplace_materialweight_translation_uniq_lang')],
            },
            bases=(models.Model,),  # plain in migrations: the master has no parler base here
        ),
        migrations.CreateModel(
            name='ProductCategoryTranslation',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('language_code', models.CharField(db_index=True, max_length=15, verbose_name='Language')),
                ('name', models.CharField(blank=True, max_length=120)),
                ('master', parler.fields.TranslationsForeignKey(editable=False, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='translations', to='marketplace.productcategory')),
            ],
            options={
                'verbose_name': 'product category Translation',
                'db_table': 'marketplace_productcategory_translation',
                'db_tablespace': '',
                'managed': True,
                'default_permissions': (),
                'constraints': [models.UniqueConstraint(fields=('language_code', 'master'), name='marketplace_productcategory_translation_uniq_lang')],
            },
            bases=(models.Model,),  # plain in migrations: the master has no parler base here
        ),
        migrations.CreateModel(
            name='ProgrammeFigureTranslation',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('language_code', models.CharField(db_index=True, max_length=15, verbose_name='Language')),
                ('label', models.CharField(blank=True, max_length=200)),
                ('unit', models.CharField(blank=True, max_length=60)),
                ('note', models.TextField(blank=True)),
                ('master', parler.fields.TranslationsForeignKey(editable=False, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='translations', to='marketplace.programmefigure')),
            ],
            options={
                'verbose_name': 'programme figure Translation',
                'db_table': 'marketplace_programmefigure_translation',
                'db_tablespace': '',
                'managed': True,
                'default_permissions': (),
                'constraints': [models.UniqueConstraint(fields=('language_code', 'master'), name='marketplace_programmefigure_translation_uniq_lang')],
            },
            bases=(models.Model,),  # plain in migrations: the master has no parler base here
        ),
    ]
