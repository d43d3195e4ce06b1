from __future__ import annotations

from typing import Annotated

from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema

from circularcities.knowledge.models import Case
from circularcities.knowledge.search import search_cases, similar_cases
from circularcities.web.api_support import responses

PREFIX = "/cases"
router = Router(tags=["cases"])


class FigureOut(Schema):
    label_en: str
    label_zh: str
    value: float
    unit: str
    year: int | None
    note_en: str
    note_zh: str
    source: str


class CaseOut(Schema):
    slug: str
    title_en: str
    title_zh: str
    summary_en: str
    summary_zh: str
    city: str
    city_name_en: str
    country: str
    areas: list[str]
    r_strategies: list[str]
    keywords_en: list[str]
    keywords_zh: list[str]
    source_document: str

    @staticmethod
    def resolve_city(obj):
        return obj.city.slug

    @staticmethod
    def resolve_city_name_en(obj):
        return obj.city.name_en

    @staticmethod
    def resolve_areas(obj):
        return [a.slug for a in obj.areas.all()]

    @staticmethod
    def resolve_r_strategies(obj):
        return [r.slug for r in obj.r_strategies.all()]


class CaseDetailOut(CaseOut):
    figures: list[FigureOut]
    related: list[str]
    similar: list[str]

    @staticmethod
    def resolve_figures(obj):
        return list(obj.figures.all())

    @staticmethod
    def resolve_related(obj):
        return [c.slug for c in obj.related.all()]

    @staticmethod
    def resolve_similar(obj):
        return [c.slug for c, _ in similar_cases(obj)]


class HitOut(Schema):
    """One search result. ``rank`` is its position, 1 = most relevant (scores are not published)."""

    slug: str
    title: str
    title_zh: str
    city: str
    rank: int


@router.get("", response=responses(list[CaseOut]))
def list_cases(request, area: str | None = None, r: str | None = None, country: str | None = None):
    hits = search_cases("", area=area, r=r, country=country, limit=None, all_languages=True)
    ids = [h.case.pk for h in hits]
    return (Case.objects.filter(pk__in=ids).select_related("city")
            .prefetch_related("translations", "city__translations", "areas", "r_strategies").order_by("slug"))


@router.get("/search", response=responses(list[HitOut]))
def search(request, q: str, area: str | None = None, r: str | None = None,
           country: str | None = None, limit: Annotated[int, Query(ge=1, le=200)] = 20):
    return [hit_dict(h) for h in search_cases(q, area=area, r=r, country=country, limit=min(limit, 200),
                                              all_languages=True)]


def hit_dict(h) -> dict:
    return {"slug": h.case.slug, "title": h.case.title_en, "title_zh": h.case.title_zh,
            "city": h.case.city.name_en, "rank": h.rank}


@router.get("/{slug}", response=responses(CaseDetailOut, 404))
def get_case(request, slug: str):
    return get_object_or_404(
        Case.objects.select_related("city").prefetch_related("translations", "city__translations", "areas",
                                                             "r_strategies", "figures__translations", "related"),
        slug=slug, published=True)
