"""Copy the two-language columns (``<field>_en`` / ``<field>_zh``) of flows, flow values,
product categories, programme figures and material weights into parler's translation rows
(English as ``en``, Chinese as ``zh-hans``), and back again on reverse. The packaged product
categories (seeded by 0002) also get their Japanese and Korean names."""

from django.db import migrations

LANGS = (("en", "en"), ("zh", "zh-hans"))
# model -> its translated fields
MODELS = {
    "Flow": ("name",),
    "FlowValue": ("basis",),
    "ProductCategory": ("name",),
    "ProgrammeFigure": ("label", "unit", "note"),
    "MaterialWeight": ("note",),
}


def forward(apps, schema_editor):
    # bulk_create: the historical translation model's save() would write parler's cache.
    # Rows left by an earlier run (migrated back to 0012) are replaced from the columns.
    for name, fields in MODELS.items():
        master = apps.get_model("marketplace", name)
        translation = apps.get_model("marketplace", f"{name}Translation")
        translation.objects.all().delete()
        columns = [f"{f}_{sfx}" for sfx, _code in LANGS for f in fields]
        rows = []
        for values in master.objects.values_list("pk", *columns).iterator():
            pk, texts = values[0], values[1:]
            for i, (sfx, code) in enumerate(LANGS):
                own = {f: texts[i * len(fields) + j] or "" for j, f in enumerate(fields)}
                if sfx == "en" or any(own.values()):
                    rows.append(translation(master_id=pk, language_code=code, **own))
        translation.objects.bulk_create(rows, batch_size=500)
    _packaged_category_names(apps)


def _packaged_category_names(apps):
    from circularcities.marketplace.catalogue import CATEGORY_NAMES_JA_KO

    master = apps.get_model("marketplace", "ProductCategory")
    translation = apps.get_model("marketplace", "ProductCategoryTranslation")
    present = set(master.objects.filter(slug__in=list(CATEGORY_NAMES_JA_KO)).values_list("slug", flat=True))
    translation.objects.bulk_create([
        translation(master_id=slug, language_code=code, name=name)
        for slug, names in CATEGORY_NAMES_JA_KO.items() if slug in present
        for code, name in zip(("ja", "ko"), names, strict=True) if name])


def backward(apps, schema_editor):
    for name, fields in MODELS.items():
        master = apps.get_model("marketplace", name)
        translation = apps.get_model("marketplace", f"{name}Translation")
        texts: dict = {}
        for row in translation.objects.filter(language_code__in=[c for _s, c in LANGS]).values(
                "master_id", "language_code", *fields):
            texts.setdefault(row["master_id"], {})[row["language_code"]] = row
        columns = [f"{f}_{sfx}" for sfx, _code in LANGS for f in fields]
        for obj in master.objects.all().iterator():
            own = texts.get(obj.pk, {})
            for sfx, code in LANGS:
                for f in fields:
                    setattr(obj, f"{f}_{sfx}", (own.get(code) or {}).get(f) or "")
            obj.save(update_fields=columns)


class Migration(migrations.Migration):

    dependencies = [
        ("marketplace", "0012_s23_bi_translations"),
    ]

    operations = [
        migrations.RunPython(forward, backward),
    ]
