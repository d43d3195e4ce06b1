from __future__ import annotations

from django.shortcuts import get_object_or_404, render

from circularcities.coalition.models import RStrategy, ThematicArea
from circularcities.knowledge.models import Case
from circularcities.knowledge.search import search_cases, similar_cases


def case_list(request):
    q = request.GET.get("q", "").strip()
    area = request.GET.get("area") or None
    r = request.GET.get("r") or None
    country = request.GET.get("country") or None
    hits = search_cases(q, area=area, r=r, country=country, limit=100)
    countries = (Case.objects.filter(published=True).values_list("country", "city__country_name_en",
                                                                 "city__country_name_zh")
                 .distinct().order_by("country"))
    context = {
        "q": q, "area": area, "r": r, "country": country, "hits": hits,
        "areas": ThematicArea.objects.all(), "strategies": RStrategy.objects.all(),
        "countries": sorted(set(countries)),
    }
    template = "knowledge/_results.html" if request.htmx else "knowledge/case_list.html"
    return render(request, template, context)


def case_detail(request, slug):
    case = get_object_or_404(
        Case.objects.select_related("city").prefetch_related("areas", "r_strategies", "figures", "related"),
        slug=slug, published=True)
    return render(request, "knowledge/case_detail.html", {
        "case": case, "similar": similar_cases(case, limit=4), "related": case.related.all()})
