"""Load the case library (data/cases.json and, when present, data/content_ja.json /
content_ko.json), idempotently by slug."""

from __future__ import annotations

from pathlib import Path

from django.db import transaction

from circularcities.coalition.content_files import language_contents, texts
from circularcities.coalition.models import City, RStrategy, ThematicArea
from circularcities.data import load_json
from circularcities.knowledge.models import Case, KeyFigure


@transaction.atomic
def load(log=print, content_dir: Path | None = None) -> None:
    data = load_json("cases.json")["cases"]
    contents = language_contents(content_dir)
    areas = {a.slug: a for a in ThematicArea.objects.all()}
    rs = {r.slug: r for r in RStrategy.objects.all()}
    cities = {c.slug: c for c in City.objects.all()}
    figure_translation = KeyFigure._parler_meta.root_model
    by_slug = {}
    for c in data:
        case, _ = Case.objects.update_or_create(slug=c["slug"], defaults={
            "title_en": c["title_en"], "title_zh": c["title_zh"],
            "summary_en": c["summary_en"], "summary_zh": c["summary_zh"],
            "city": cities[c["city"]], "country": c["country"],
            "keywords_en": c.get("keywords_en", []), "keywords_zh": c.get("keywords_zh", []),
            "source_document": c.get("source_document", ""), "is_demo": True,
            "published": True})
        more = texts(contents, "cases", c["slug"])
        for language, values in more.items():
            case.set_text(language, **{f: values[f] for f in ("title", "summary", "keywords") if f in values})
        if more:
            case.save()
        case.areas.set([areas[s] for s in c.get("areas", [])])
        case.r_strategies.set([rs[s] for s in c.get("r_strategies", []) if s in rs])
        case.figures.all().delete()
        figures = KeyFigure.objects.bulk_create([
            KeyFigure(case=case, order=i, value=f["value"], unit=f.get("unit", ""), year=f.get("year"),
                      source=f.get("source") or c.get("source_document", ""))
            for i, f in enumerate(c.get("figures", []))])
        rows = []
        for fig, f in zip(figures, c.get("figures", []), strict=True):
            rows.append(figure_translation(master=fig, language_code="en", label=f["label_en"],
                                           note=f.get("note_en") or ""))
            if f.get("label_zh") or f.get("note_zh"):
                rows.append(figure_translation(master=fig, language_code="zh-hans", label=f.get("label_zh") or "",
                                               note=f.get("note_zh") or ""))
            for language, values in more.items():
                extra = (values.get("figures") or [])
                if fig.order < len(extra) and (extra[fig.order].get("label") or extra[fig.order].get("note")):
                    rows.append(figure_translation(master=fig, language_code=language,
                                                   label=extra[fig.order].get("label") or "",
                                                   note=extra[fig.order].get("note") or ""))
        figure_translation.objects.bulk_create(rows)
        by_slug[c["slug"]] = case
    for c in data:
        by_slug[c["slug"]].related.set([by_slug[s] for s in c.get("related", []) if s in by_slug])
    log(f"knowledge: {len(by_slug)} cases" + (f"; text in {', '.join(sorted(contents))}" if contents else ""))
