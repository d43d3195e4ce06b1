"""Copy listing titles from the ``title_en`` / ``title_zh`` columns into parler's
translation rows (English as ``en``, Chinese as ``zh-hans``), and back again on reverse."""

from django.db import migrations

LANGS = (("en", "en"), ("zh", "zh-hans"))


def forward(apps, schema_editor):
    # bulk_create: the historical translation model's save() would write parler's cache.
    # Rows left by an earlier run (migrated back to 0009) are replaced from the columns.
    listing = apps.get_model("marketplace", "Listing")
    translation = apps.get_model("marketplace", "ListingTranslation")
    translation.objects.all().delete()
    rows = []
    for pk, en, zh in listing.objects.values_list("pk", "title_en", "title_zh").iterator():
        for (sfx, code), title in zip(LANGS, (en, zh), strict=True):
            if title or sfx == "en":
                rows.append(translation(master_id=pk, language_code=code, title=title or ""))
    translation.objects.bulk_create(rows, batch_size=500)


def backward(apps, schema_editor):
    listing = apps.get_model("marketplace", "Listing")
    translation = apps.get_model("marketplace", "ListingTranslation")
    titles: dict = {}
    for pk, code, title in translation.objects.filter(
            language_code__in=[c for _s, c in LANGS]).values_list("master_id", "language_code", "title"):
        titles.setdefault(pk, {})[code] = title or ""
    for obj in listing.objects.all().iterator():
        own = titles.get(obj.pk, {})
        obj.title_en, obj.title_zh = own.get("en", ""), own.get("zh-hans", "")
        obj.save(update_fields=["title_en", "title_zh"])


class Migration(migrations.Migration):

    dependencies = [
        ("marketplace", "0009_s22_listing_translations"),
    ]

    operations = [
        migrations.RunPython(forward, backward),
    ]
