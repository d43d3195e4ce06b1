"""Case search: the core BM25 index, built from the database and cached.

The cache key is the number of published cases and the latest change time, so
every process notices an edit on its next query without a message bus.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from django.db.models import Count, Max

from circularcities.core.search import BM25Params, SearchIndex, document_terms, similar_documents
from circularcities.knowledge.models import Case

FIELD_WEIGHTS = {"title": 3.0, "keywords": 2.0, "place": 2.0, "summary": 1.0, "figures": 0.5}

_lock = threading.Lock()
_cache: dict[str, object] = {"key": None, "index": None, "tags": None, "stamps": {}}


@dataclass(frozen=True)
class CaseHit:
    case: Case
    score: float
    matched: tuple[str, ...]


PARAMS = BM25Params(weights=FIELD_WEIGHTS)


def _fields(c: Case) -> dict[str, str]:
    return {
        "title": f"{c.title_en} {c.title_zh}",
        "keywords": " ".join((c.keywords_en or []) + (c.keywords_zh or [])),
        "place": f"{c.city.name_en} {c.city.name_zh} {c.city.country_name_en} {c.city.country_name_zh}",
        "summary": f"{c.summary_en} {c.summary_zh}",
        "figures": " ".join(f"{f.label_en} {f.label_zh}" for f in c.figures.all()),
    }


def _tags(case_ids) -> dict[int, set[str]]:
    tags: dict[int, set[str]] = {pk: set() for pk in case_ids}
    for pk, slug in Case.areas.through.objects.filter(case_id__in=case_ids).values_list(
            "case_id", "thematicarea__slug"):
        tags[pk].add(f"a:{slug}")
    for pk, slug in Case.r_strategies.through.objects.filter(case_id__in=case_ids).values_list(
            "case_id", "rstrategy__slug"):
        tags[pk].add(f"r:{slug}")
    return tags


def get_index() -> tuple[SearchIndex, dict]:
    """The search index, brought up to date with the database.

    A cheap aggregate tells whether anything changed. Cases whose stored terms
    were computed for their current ``updated_at`` are added from those terms;
    only new or edited cases are segmented again (and their terms stored), so
    neither an edit nor a new process re-tokenises the whole library.
    """
    published = Case.objects.filter(published=True)
    stamp = published.aggregate(n=Count("id"), t=Max("updated_at"))
    key = (stamp["n"], stamp["t"])
    with _lock:
        if _cache["key"] == key:
            return _cache["index"], _cache["tags"]  # type: ignore[return-value]
        index = _cache["index"] or SearchIndex(params=PARAMS)
        stamps: dict = _cache["stamps"]  # type: ignore[assignment]
        current = dict(published.values_list("pk", "updated_at"))
        for pk in set(stamps) - set(current):
            index.remove(pk)
            stamps.pop(pk, None)
        changed = [pk for pk, t in current.items() if stamps.get(pk) != t]
        for start in range(0, len(changed), 1000):
            chunk = changed[start:start + 1000]
            stale = []
            for pk, stored, updated in published.filter(pk__in=chunk).values_list(
                    "pk", "search_terms", "updated_at"):
                if stored and stored.get("at") == updated.isoformat():
                    index.replace_terms(pk, stored["tf"])
                    stamps[pk] = updated
                else:
                    stale.append(pk)
            for c in (Case.objects.filter(pk__in=stale).select_related("city")
                      .prefetch_related("figures")):
                tf = document_terms(_fields(c), PARAMS)
                index.replace_terms(c.pk, tf)
                # update() leaves updated_at alone, so the stored stamp stays valid.
                Case.objects.filter(pk=c.pk).update(search_terms={"at": c.updated_at.isoformat(), "tf": tf})
                stamps[c.pk] = c.updated_at
        tags = _tags(list(current))
        _cache.update(key=key, index=index, tags=tags, stamps=stamps)
        return index, tags


def filtered_cases(area: str | None = None, r: str | None = None, country: str | None = None,
                   city: str | None = None):
    qs = Case.objects.filter(published=True)
    if area:
        qs = qs.filter(areas__slug=area)
    if r:
        qs = qs.filter(r_strategies__slug=r)
    if country:
        qs = qs.filter(country__iexact=country)
    if city:
        qs = qs.filter(city__slug=city)
    return qs.distinct()


def search_cases(query: str, area: str | None = None, r: str | None = None,
                 country: str | None = None, limit: int | None = 50) -> list[CaseHit]:
    """Ranked cases for ``query`` within the filters; an empty query lists them all."""
    qs = filtered_cases(area, r, country)
    if not query or not query.strip():
        cases = qs.select_related("city").order_by("title_en")[: limit or None]
        return [CaseHit(case=c, score=0.0, matched=()) for c in cases]
    index, _tags = get_index()
    allowed = None if not (area or r or country) else list(qs.values_list("pk", flat=True))
    hits = index.search(query, limit=limit, allowed=allowed)
    by_pk = Case.objects.select_related("city").in_bulk([h.key for h in hits])
    return [CaseHit(case=by_pk[h.key], score=h.score, matched=h.matched) for h in hits if h.key in by_pk]


def similar_cases(case: Case, limit: int = 4) -> list[tuple[Case, float]]:
    index, tags = get_index()
    if case.pk not in tags:
        return []
    ranked = similar_documents(index, case.pk, tags, limit=limit)
    by_pk = Case.objects.select_related("city").in_bulk([k for k, _ in ranked])
    return [(by_pk[k], s) for k, s in ranked if k in by_pk]
