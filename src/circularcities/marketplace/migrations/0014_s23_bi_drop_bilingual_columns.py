"""Drop the two-language columns now held in the translation rows (0013 copies them)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('marketplace', '0013_s23_bi_copy_text'),
    ]

    operations = [
        # Product categories were ordered by name_en; lists now order by the translated
        # name (ProductCategory.objects.by_name()).
        migrations.AlterModelOptions(
            name='productcategory',
            options={'ordering': ['slug'], 'verbose_name_plural': 'product categories'},
        ),
        # Required columns become blank first: migrating back then adds them as '' to
        # tables with rows (0013 fills them from the translations) before they are
        # made required again.
        migrations.AlterField(
            model_name='flow',
            name='name_en',
            field=models.CharField(blank=True, max_length=200),
        ),
        migrations.AlterField(
            model_name='flow',
            name='name_zh',
            field=models.CharField(blank=True, max_length=200),
        ),
        migrations.AlterField(
            model_name='productcategory',
            name='name_en',
            field=models.CharField(blank=True, max_length=120),
        ),
        migrations.AlterField(
            model_name='programmefigure',
            name='label_en',
            field=models.CharField(blank=True, max_length=200),
        ),
        migrations.AlterField(
            model_name='programmefigure',
            name='label_zh',
            field=models.CharField(blank=True, max_length=200),
        ),
        migrations.RemoveField(
            model_name='flow',
            name='name_en',
        ),
        migrations.RemoveField(
            model_name='flow',
            name='name_zh',
        ),
        migrations.RemoveField(
            model_name='flowvalue',
            name='basis_en',
        ),
        migrations.RemoveField(
            model_name='flowvalue',
            name='basis_zh',
        ),
        migrations.RemoveField(
            model_name='materialweight',
            name='note_en',
        ),
        migrations.RemoveField(
            model_name='materialweight',
            name='note_zh',
        ),
        migrations.RemoveField(
            model_name='productcategory',
            name='name_en',
        ),
        migrations.RemoveField(
            model_name='productcategory',
            name='name_zh',
        ),
        migrations.RemoveField(
            model_name='programmefigure',
            name='label_en',
        ),
        migrations.RemoveField(
            model_name='programmefigure',
            name='label_zh',
        ),
        migrations.RemoveField(
            model_name='programmefigure',
            name='unit_en',
        ),
        migrations.RemoveField(
            model_name='programmefigure',
            name='unit_zh',
        ),
        migrations.RemoveField(
            model_name='programmefigure',
            name='note_en',
        ),
        migrations.RemoveField(
            model_name='programmefigure',
            name='note_zh',
        ),
    ]
