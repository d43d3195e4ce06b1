from __future__ import annotations

from django.shortcuts import get_object_or_404, render

from circularcities.coalition.models import City, Publication, RStrategy, ThematicArea
from circularcities.knowledge.models import Case
from circularcities.knowledge.search import search_cases, similar_cases


def case_list(request):
    q = request.GET.get("q", "").strip()
    area = request.GET.get("area") or None
    r = request.GET.get("r") or None
    country = request.GET.get("country") or None
    hits = search_cases(q, area=area, r=r, country=country, limit=100)
    cities = City.objects.filter(cases__published=True).distinct().prefetch_related("translations")
    countries = {}
    for c in cities:
        countries.setdefault(c.country, c.t("country_name") or c.country)
    context = {
        "results": search_results(q) if q else [],
        "q": q, "area": area, "r": r, "country": country, "hits": hits,
        "areas": ThematicArea.objects.prefetch_related("translations"),
        "strategies": RStrategy.objects.prefetch_related("translations"),
        "countries": sorted(countries.items()),
    }
    template = "knowledge/_results.html" if request.htmx else "knowledge/case_list.html"
    return render(request, template, context)


def search_results(q: str, limit: int = 10):
    """Working-group results whose title or summary, in any language, holds the query's words."""
    from django.db.models import Q

    words = [w for w in q.split() if w][:8]
    if not words:
        return []
    qs = Publication.objects.all()
    for w in words:
        qs = qs.filter(Q(translations__title__icontains=w) | Q(translations__summary__icontains=w))
    return list(qs.distinct().select_related("working_group__area")
                .prefetch_related("translations", "cities__translations").order_by("-year", "slug")[:limit])


def case_detail(request, slug):
    case = get_object_or_404(
        Case.objects.select_related("city").prefetch_related(
            "translations", "city__translations", "areas__translations", "r_strategies__translations",
            "figures__translations", "related__translations"),
        slug=slug, published=True)
    return render(request, "knowledge/case_detail.html", {
        "case": case, "similar": similar_cases(case, limit=4), "related": case.related.all()})
