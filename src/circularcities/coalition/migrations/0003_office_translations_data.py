"""Move the two hard-coded language columns (``<field>_en`` / ``<field>_zh``) into
django-parler translation rows (``en`` and ``zh-hans``), and back on reverse."""

from django.db import migrations

LANGUAGES = {"en": "en", "zh": "zh-hans"}
MODELS = {
    "ThematicArea": ("name", "description"),
    "RStrategy": ("name", "description"),
    "City": ("name", "country_name", "profile", "data_notes"),
    "Partner": ("name", "description"),
    "Event": ("title", "place", "agenda", "outcomes"),
    "Publication": ("title", "summary"),
}


def columns_to_rows(apps, app_label, models):
    for name, fields in models.items():
        model = apps.get_model(app_label, name)
        translation = apps.get_model(app_label, f"{name}Translation")
        rows = []
        for obj in model.objects.all().iterator():
            for suffix, language in LANGUAGES.items():
                values = {f: getattr(obj, f"{f}_{suffix}") for f in fields}
                if suffix != "en" and not any(values.values()):
                    continue
                rows.append(translation(master_id=obj.pk, language_code=language,
                                        **{f: _value(f, v) for f, v in values.items()}))
        translation.objects.bulk_create(rows, batch_size=500)


def _value(field, value):
    if value is None:
        return [] if field == "keywords" else ""
    return value


def rows_to_columns(apps, app_label, models):
    for name, fields in models.items():
        model = apps.get_model(app_label, name)
        translation = apps.get_model(app_label, f"{name}Translation")
        by_master: dict = {}
        for row in translation.objects.filter(language_code__in=LANGUAGES.values()):
            by_master.setdefault(row.master_id, {})[row.language_code] = row
        for obj in model.objects.all().iterator():
            for suffix, language in LANGUAGES.items():
                row = by_master.get(obj.pk, {}).get(language)
                for f in fields:
                    setattr(obj, f"{f}_{suffix}", getattr(row, f) if row is not None else
                            type(getattr(obj, f"{f}_{suffix}"))())
            obj.save()


def forward(apps, schema_editor):
    columns_to_rows(apps, "coalition", MODELS)


def backward(apps, schema_editor):
    rows_to_columns(apps, "coalition", MODELS)


class Migration(migrations.Migration):

    dependencies = [
        ("coalition", "0002_office_translations"),
    ]

    operations = [migrations.RunPython(forward, backward)]
