"""Park and facility text now lives in their translation tables (0005)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('marketplace', '0005_parks_copy_text'),
    ]

    # The old name columns get a default first, so that migrating back re-adds them to
    # existing rows (0005 then copies the text back).
    operations = [
        migrations.AlterField(model_name='park', name='name_en', field=models.CharField(max_length=200, default='')),
        migrations.AlterField(model_name='park', name='name_zh', field=models.CharField(max_length=200, default='')),
        migrations.AlterField(model_name='facility', name='name_en', field=models.CharField(max_length=200, default='')),
        migrations.AlterField(model_name='facility', name='name_zh', field=models.CharField(max_length=200, default='')),
        migrations.AlterModelOptions(
            name='park',
            options={'ordering': ['slug']},
        ),
        migrations.RemoveField(
            model_name='facility',
            name='name_en',
        ),
        migrations.RemoveField(
            model_name='facility',
            name='name_zh',
        ),
        migrations.RemoveField(
            model_name='park',
            name='coordinates_note_en',
        ),
        migrations.RemoveField(
            model_name='park',
            name='coordinates_note_zh',
        ),
        migrations.RemoveField(
            model_name='park',
            name='description_en',
        ),
        migrations.RemoveField(
            model_name='park',
            name='description_zh',
        ),
        migrations.RemoveField(
            model_name='park',
            name='name_en',
        ),
        migrations.RemoveField(
            model_name='park',
            name='name_zh',
        ),
    ]
