"""Load the case library (data/cases.json), idempotently by slug."""

from __future__ import annotations

from django.db import transaction

from circularcities.coalition.models import City, RStrategy, ThematicArea
from circularcities.data import load_json
from circularcities.knowledge.models import Case, KeyFigure


@transaction.atomic
def load(log=print) -> None:
    data = load_json("cases.json")["cases"]
    areas = {a.slug: a for a in ThematicArea.objects.all()}
    rs = {r.slug: r for r in RStrategy.objects.all()}
    cities = {c.slug: c for c in City.objects.all()}
    by_slug = {}
    for c in data:
        case, _ = Case.objects.update_or_create(slug=c["slug"], defaults={
            "title_en": c["title_en"], "title_zh": c["title_zh"],
            "summary_en": c["summary_en"], "summary_zh": c["summary_zh"],
            "city": cities[c["city"]], "country": c["country"],
            "keywords_en": c.get("keywords_en", []), "keywords_zh": c.get("keywords_zh", []),
            "source_document": c.get("source_document", ""), "is_demo": True, "published": True})
        case.areas.set([areas[s] for s in c.get("areas", [])])
        case.r_strategies.set([rs[s] for s in c.get("r_strategies", []) if s in rs])
        case.figures.all().delete()
        KeyFigure.objects.bulk_create([
            KeyFigure(case=case, order=i, label_en=f["label_en"], label_zh=f["label_zh"],
                      value=f["value"], unit=f.get("unit", ""), year=f.get("year"),
                      note_en=f.get("note_en") or "", note_zh=f.get("note_zh") or "",
                      source=f.get("source") or c.get("source_document", ""))
            for i, f in enumerate(c.get("figures", []))])
        by_slug[c["slug"]] = case
    for c in data:
        by_slug[c["slug"]].related.set([by_slug[s] for s in c.get("related", []) if s in by_slug])
    log(f"knowledge: {len(by_slug)} cases")
