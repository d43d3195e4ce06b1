"""Park and facility text now lives in their translation tables (0005)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('marketplace', '0005_parks_copy_text'),
    ]

    operations = [
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
