"""Move cases' and key figures' ``<field>_en`` / ``<field>_zh`` columns into
django-parler translation rows (``en`` and ``zh-hans``), and back on reverse."""

import importlib

from django.db import migrations

_coalition = importlib.import_module("circularcities.coalition.migrations.0003_office_translations_data")

MODELS = {
    "Case": ("title", "summary", "keywords"),
    "KeyFigure": ("label", "note"),
}


def forward(apps, schema_editor):
    _coalition.columns_to_rows(apps, "knowledge", MODELS)


def backward(apps, schema_editor):
    _coalition.rows_to_columns(apps, "knowledge", MODELS)


class Migration(migrations.Migration):

    dependencies = [
        ("knowledge", "0004_office_translations"),
        ("coalition", "0003_office_translations_data"),
    ]

    operations = [migrations.RunPython(forward, backward)]
