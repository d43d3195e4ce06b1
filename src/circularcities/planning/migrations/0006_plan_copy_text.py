"""Copy plan text from the ``_en`` / ``_zh`` columns into parler's translation rows
(English as ``en``, Chinese as ``zh-hans``), and back again on reverse."""

from django.db import migrations

LANGS = (("en", "en"), ("zh", "zh-hans"))
# model -> (translated fields, the field that decides whether a Chinese row is written)
TEXT = {
    "Programme": ("name", "description"),
    "Project": ("title", "description"),
    "Target": ("title",),
    "Measure": ("title", "description"),
    "Milestone": ("title",),
}


def forward(apps, schema_editor):
    # bulk_create: the historical translation models' save() would write parler's cache.
    # Rows left by an earlier run (migrated back to 0005) are replaced from the columns.
    for name, fields in TEXT.items():
        model = apps.get_model("planning", name)
        translation = apps.get_model("planning", f"{name}Translation")
        translation.objects.all().delete()
        rows = []
        for obj in model.objects.all().iterator():
            for sfx, code in LANGS:
                values = {f: getattr(obj, f"{f}_{sfx}") or "" for f in fields}
                if (sfx == "en" and (name != "Target" or values["title"])) or any(values.values()):
                    rows.append(translation(master_id=obj.pk, language_code=code, **values))
        translation.objects.bulk_create(rows, batch_size=500)


def backward(apps, schema_editor):
    for name, fields in TEXT.items():
        model = apps.get_model("planning", name)
        translation = apps.get_model("planning", f"{name}Translation")
        for obj in model.objects.all().iterator():
            for sfx, code in LANGS:
                t = translation.objects.filter(master_id=obj.pk, language_code=code).first()
                for f in fields:
                    setattr(obj, f"{f}_{sfx}", getattr(t, f, "") if t else "")
            obj.save(update_fields=[f"{f}_{s}" for f in fields for s, _c in LANGS])


class Migration(migrations.Migration):

    dependencies = [
        ("planning", "0005_plan_translations"),
    ]

    operations = [
        migrations.RunPython(forward, backward),
    ]
