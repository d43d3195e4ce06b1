from __future__ import annotations

from django.shortcuts import get_object_or_404, render

from circularcities.coalition.models import City, RStrategy, ThematicArea
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
        "q": q, "area": area, "r": r, "country": country, "hits": hits,
        "areas": ThematicArea.objects.prefetch_related("translations"),
        "strategies": RStrategy.objects.prefetch_related("translations"),
        "countries": sorted(countries.items()),
    }
    template = "knowledge/_results.html" if request.htmx else "knowledge/case_list.html"
    return render(request, template, context)


def case_detail(request, slug):
    case = get_object_or_404(
        Case.objects.select_related("city").prefetch_related(
            "translations", "city__translations", "areas__translations", "r_strategies__translations",
            "figures__translations", "related__translations"),
        slug=slug, published=True)
    return render(request, "knowledge/case_detail.html", {
        "case": case, "similar": similar_cases(case, limit=4), "related": case.related.all()})
