"""Seed the EU List of Waste, product categories and the default compatibility
table from the packaged data files (the same as catalogue.ensure_catalogue)."""

import csv
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parents[2] / "data"


def key(text):
    from circularcities.core.matching import material_key

    return material_key(text)


def seed(apps, schema_editor):
    from circularcities.marketplace.catalogue import CATEGORIES

    WasteCode = apps.get_model("marketplace", "WasteCode")
    ProductCategory = apps.get_model("marketplace", "ProductCategory")
    CompatibilityRule = apps.get_model("marketplace", "CompatibilityRule")
    if not WasteCode.objects.exists():
        with open(DATA / "ewc_codes.csv", encoding="utf-8", newline="") as fh:
            WasteCode.objects.bulk_create([
                WasteCode(code=r["code"], code_display=r["code_display"], chapter=r["chapter"],
                          chapter_title=r["chapter_title"], subchapter=r["subchapter"],
                          subchapter_title=r["subchapter_title"], description=r["description"],
                          hazardous=r["hazardous"] == "true", entry_type=r["entry_type"])
                for r in csv.DictReader(fh)])
    for slug, en, zh, density, sharing in CATEGORIES:
        ProductCategory.objects.update_or_create(slug=slug, defaults={
            "name_en": en, "name_zh": zh, "default_density_t_per_m3": density, "for_sharing": sharing})
    if not CompatibilityRule.objects.exists():
        with open(DATA / "material_compatibility.csv", encoding="utf-8-sig", newline="") as fh:
            CompatibilityRule.objects.bulk_create([
                CompatibilityRule(offer_material=key(r["offer_material"]),
                                  want_material=key(r["want_material"]), note=r.get("note", ""))
                for r in csv.DictReader(fh)])


class Migration(migrations.Migration):
    dependencies = [("marketplace", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
