from __future__ import annotations

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from circularcities.coalition.models import City
from circularcities.diagnosis import dashboard as dash
from circularcities.diagnosis.models import DataUpload, Indicator, IndicatorValueChange
from circularcities.diagnosis.permissions import can_edit_diagnosis
from circularcities.diagnosis.services import latest_values


def index(request):
    cities = list(dash.cities_with_data().order_by("slug").prefetch_related("translations"))
    return render(request, "diagnosis/index.html", {"cities": cities})


def dashboard(request, slug):
    city = get_object_or_404(City, slug=slug)
    sankey = dash.sankey_view(city, request.GET.get("year"), request.GET.get("layer"),
                              request.GET.get("material"))
    cards = dash.indicator_cards(city)
    latest = {c.indicator.code: c.latest for c in cards}
    maturity = dash.maturity_views(city)
    bench = dash.benchmark_view(city, latest=latest)
    context = {
        "city": city,
        "can_edit": can_edit_diagnosis(request.user, city),
        "sankey": sankey,
        "sankey_data": {**sankey.chart, "title": ""},
        "layer_labels": dash.LAYER_LABELS,
        "cards": cards,
        "maturity": maturity.get("city"),
        "maturity_business": maturity.get("business"),
        "bench": bench,
        "area_names": dash.area_names(),
        "last_upload": DataUpload.objects.filter(city=city).select_related("uploaded_by").first(),
    }
    if request.htmx and request.htmx.target == "sankey-block":
        return render(request, "diagnosis/_sankey.html", context)
    return render(request, "diagnosis/dashboard.html", context)


def history(request, slug):
    """Every change to the city's indicator values: who, when, old -> new."""
    city = get_object_or_404(City, slug=slug)
    changes = (IndicatorValueChange.objects.filter(city=city).select_related("indicator", "changed_by")
               .order_by("-changed_at", "-id"))
    code = request.GET.get("code") or ""
    indicator = Indicator.objects.filter(code=code).first() if code else None
    if indicator:
        changes = changes.filter(indicator=indicator)
    page = Paginator(changes, 50).get_page(request.GET.get("page"))
    current = latest_values(city, [indicator.code]) if indicator else {}
    return render(request, "diagnosis/history.html", {
        "city": city, "page": page, "indicator": indicator, "current": current.get(code),
        "uploads": DataUpload.objects.filter(city=city).select_related("uploaded_by")[:20],
        "can_edit": can_edit_diagnosis(request.user, city)})
