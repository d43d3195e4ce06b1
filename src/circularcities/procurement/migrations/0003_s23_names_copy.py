"""Copy the names of comparison items and alternatives from their ``name`` column into
parler's English translation rows, and back again on reverse (English only: the column
had one language)."""

from django.db import migrations

MODELS = ("ProjectItem", "ItemAlternative")


def forward(apps, schema_editor):
    # bulk_create: the historical translation model's save() would write parler's cache.
    # Rows left by an earlier run (migrated back to 0002) are replaced from the column.
    for name in MODELS:
        model = apps.get_model("procurement", name)
        translation = apps.get_model("procurement", f"{name}Translation")
        translation.objects.all().delete()
        translation.objects.bulk_create(
            (translation(master_id=pk, language_code="en", name=text or "")
             for pk, text in model.objects.values_list("pk", "name").iterator()), batch_size=500)


def backward(apps, schema_editor):
    for name in MODELS:
        model = apps.get_model("procurement", name)
        translation = apps.get_model("procurement", f"{name}Translation")
        english = dict(translation.objects.filter(language_code="en").values_list("master_id", "name"))
        for obj in model.objects.all().iterator():
            # The column is unique per project / item: a row without English keeps a unique key.
            obj.name = english.get(obj.pk) or f"#{obj.pk}"
            obj.save(update_fields=["name"])


class Migration(migrations.Migration):

    dependencies = [
        ("procurement", "0002_s23_names_translations"),
    ]

    operations = [
        migrations.RunPython(forward, backward),
    ]
