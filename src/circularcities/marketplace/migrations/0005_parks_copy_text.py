"""Copy park and facility text from the ``_en`` / ``_zh`` columns into parler's
translation rows (English as ``en``, Chinese as ``zh-hans``), and back again on reverse."""

from django.db import migrations

PARK_FIELDS = ("name", "description", "coordinates_note")
LANGS = (("en", "en"), ("zh", "zh-hans"))


def forward(apps, schema_editor):
    Park = apps.get_model("marketplace", "Park")
    ParkTranslation = apps.get_model("marketplace", "ParkTranslation")
    Facility = apps.get_model("marketplace", "Facility")
    FacilityTranslation = apps.get_model("marketplace", "FacilityTranslation")
    # bulk_create: the historical translation models' save() would write parler's cache,
    # whose table may not exist yet while migrating. Rows left by an earlier run (migrated
    # back to 0004) are replaced from the columns.
    ParkTranslation.objects.all().delete()
    FacilityTranslation.objects.all().delete()
    rows = []
    for park in Park.objects.all():
        for suffix, code in LANGS:
            values = {f: getattr(park, f"{f}_{suffix}") or "" for f in PARK_FIELDS}
            if suffix == "en" or values["name"]:
                rows.append(ParkTranslation(master_id=park.pk, language_code=code, **values))
    ParkTranslation.objects.bulk_create(rows)
    rows = []
    for fac in Facility.objects.all():
        for suffix, code in LANGS:
            name = getattr(fac, f"name_{suffix}") or ""
            if suffix == "en" or name:
                rows.append(FacilityTranslation(master_id=fac.pk, language_code=code, name=name))
    FacilityTranslation.objects.bulk_create(rows)


def backward(apps, schema_editor):
    Park = apps.get_model("marketplace", "Park")
    ParkTranslation = apps.get_model("marketplace", "ParkTranslation")
    Facility = apps.get_model("marketplace", "Facility")
    FacilityTranslation = apps.get_model("marketplace", "FacilityTranslation")
    for park in Park.objects.all():
        for suffix, code in LANGS:
            t = ParkTranslation.objects.filter(master_id=park.pk, language_code=code).first()
            for f in PARK_FIELDS:
                setattr(park, f"{f}_{suffix}", getattr(t, f, "") if t else "")
        park.save(update_fields=[f"{f}_{s}" for f in PARK_FIELDS for s, _c in LANGS])
    for fac in Facility.objects.all():
        for suffix, code in LANGS:
            t = FacilityTranslation.objects.filter(master_id=fac.pk, language_code=code).first()
            setattr(fac, f"name_{suffix}", t.name if t else "")
        fac.save(update_fields=["name_en", "name_zh"])


class Migration(migrations.Migration):

    dependencies = [
        ('marketplace', '0004_parks_translations'),
    ]

    operations = [
        migrations.RunPython(forward, backward),
    ]
