"""A city's indicators: the coalition's and its own; defining one; one indicator's page
with its series, framework references and the form to enter a value."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from circularcities.coalition.models import City
from circularcities.core.errors import DataImportError
from circularcities.core.indicators.frameworks import describe_reference, iso37120_theme
from circularcities.core.indicators.series import Point, bar_chart
from circularcities.core.rules import FieldError
from circularcities.diagnosis.forms import IndicatorForm, PeriodValueForm
from circularcities.diagnosis.imports import import_indicator_values
from circularcities.diagnosis.models import (
    FRAMEWORK_LABELS,
    Computation,
    Indicator,
    IndicatorValue,
    Quality,
)
from circularcities.diagnosis.permissions import (
    can_create_indicator,
    can_edit_indicator,
    can_enter_values,
    require_create_indicator,
    require_edit_diagnosis,
    require_edit_indicator,
    require_enter_values,
)
from circularcities.diagnosis.services import (
    indicators_for,
    period_label,
    recompute_formula,
    save_indicator,
)
from circularcities.diagnosis.values import set_typed_value
from circularcities.web.fielderrors import add_to_form


def _systems(city):
    from circularcities.systems.models import System

    return list(System.objects.filter(city=city, base__isnull=True).prefetch_related("translations"))


def indicator_list(request, slug, problems=None):
    city = get_object_or_404(City, slug=slug)
    indicators = list(indicators_for(city).order_by("theme", "code"))
    counts: dict[str, int] = {}
    for code in IndicatorValue.objects.filter(city=city).values_list("indicator_id", flat=True):
        counts[code] = counts.get(code, 0) + 1
    own = [i for i in indicators if i.city_id == city.pk]
    coalition = [i for i in indicators if i.city_id is None]
    return render(request, "diagnosis/indicators.html", {
        "city": city, "own": own, "coalition": coalition, "counts": counts,
        "can_create": can_create_indicator(request.user, city), "problems": problems or []})


@login_required
@require_http_methods(["GET", "POST"])
def indicator_new(request, slug):
    city = get_object_or_404(City, slug=slug)
    require_create_indicator(request.user, city)
    systems = _systems(city)
    form = IndicatorForm(request.POST or None, city=city, systems=systems)
    return _form_page(request, city, systems, form, None, _("Indicator %(code)s defined."),
                      lambda **kw: save_indicator(city=city, code=form.cleaned_data["code"], **kw))


def _form_page(request, city, systems, form, indicator, done: str, save):
    """The indicator form; on a valid POST, ``save(user=, system=, **fields)`` (the one
    write path), ``done`` said and the indicator's page; else the form (400 on errors)."""
    if request.method == "POST" and form.is_valid():
        try:
            ind = save(user=request.user, system=_chosen(systems, form.cleaned_data.get("system")),
                       **form.service_kwargs())
        except FieldError as exc:
            add_to_form(form, exc, fields=_field_names(exc))
        else:
            messages.success(request, done % {"code": ind.code})
            return redirect("diagnosis:indicator", city.slug, ind.code)
    return render(request, "diagnosis/indicator_form.html", {"city": city, "form": form, "indicator": indicator},
                  status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def indicator_edit(request, slug, code):
    city = get_object_or_404(City, slug=slug)
    ind = get_object_or_404(Indicator.objects.prefetch_related("translations"), code=code, city=city)
    require_edit_indicator(request.user, ind)
    systems = _systems(city)
    form = IndicatorForm(request.POST or None, city=city, indicator=ind, systems=systems,
                         initial=IndicatorForm.initial_for(ind))
    return _form_page(request, city, systems, form, ind, _("Indicator %(code)s saved."),
                      lambda **kw: save_indicator(indicator=ind, **kw))


def _chosen(systems, pk):
    return next((s for s in systems if str(s.pk) == str(pk)), None) if pk else None


def _field_names(exc: FieldError) -> dict[str, str]:
    if exc.field == "frameworks":
        return {"frameworks": "ref_1"}
    if exc.field == "formula":
        return {"formula": "expression"}
    return {exc.field: exc.field}


@require_http_methods(["GET", "POST"])
def indicator_detail(request, slug, code):
    city = get_object_or_404(City, slug=slug)
    ind = get_object_or_404(Indicator.objects.select_related("city", "system").prefetch_related("translations"),
                            code=code)
    if ind.city_id not in (None, city.pk):
        return redirect("diagnosis:indicator", ind.city.slug, ind.code)
    can_enter = can_enter_values(request.user, city, ind) and ind.computation == Computation.DIRECT
    form = PeriodValueForm(request.POST or None, indicator=ind) if can_enter else None
    if request.method == "POST":
        require_enter_values(request.user, city, ind)
        if form is not None and form.is_valid():
            d = form.cleaned_data
            try:
                set_typed_value(city, ind.code, d["year"], d["value"], period=d.get("period"), source=d["source"],
                                quality=d["quality"], user=request.user, via="form")
            except FieldError as exc:
                add_to_form(form, exc)
            else:
                messages.success(request, _("Value saved."))
                return redirect(reverse("diagnosis:indicator", args=[city.slug, ind.code]) + "#series")
    values = list(IndicatorValue.objects.filter(city=city, indicator=ind).select_related("updated_by")
                  .order_by("year", "period"))
    chart = bar_chart([Point(v.year, v.period, v.value, v.quality in (Quality.ESTIMATED, Quality.PROXY))
                       for v in values], ind.frequency)
    rows = [{"v": v, "label": period_label(ind.frequency, v.year, v.period)} for v in reversed(values)]
    problems = recompute_formula(city, ind, dry_run=True)[1] if ind.computation == Computation.FORMULA else []
    refs = [{"label": str(FRAMEWORK_LABELS.get(r.get("framework"), r.get("framework"))), "ref": r.get("ref"),
             "theme": iso37120_theme(int(str(r.get("ref")).split(".")[0]))
             if r.get("framework") == "iso37120" else None,
             "text": describe_reference(r.get("framework", ""), r.get("ref", ""))} for r in ind.frameworks]
    return render(request, "diagnosis/indicator.html", {
        "city": city, "indicator": ind, "chart": chart, "rows": rows, "refs": refs, "form": form,
        "problems": problems, "can_edit": ind.city_id is not None and can_edit_indicator(request.user, ind),
        "has_estimates": any(v.quality in (Quality.ESTIMATED, Quality.PROXY) for v in values)},
        status=400 if form is not None and form.errors else 200)


@login_required
@require_http_methods(["POST"])
def indicator_values_import(request, slug):
    """Values of the city's indicators from a CSV or Excel table: all rows or none."""
    city = get_object_or_404(City, slug=slug)
    require_edit_diagnosis(request.user, city)
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Choose a CSV or Excel file."))
        return redirect("diagnosis:indicators", city.slug)
    try:
        counts = import_indicator_values(city, upload.read(), upload.name or "", user=request.user, via="upload")
    except DataImportError as exc:
        response = indicator_list(request, slug, problems=exc.problems)
        response.status_code = 400
        return response
    messages.success(request, _("%(changed)d values changed, %(unchanged)d unchanged.") % counts)
    return redirect("diagnosis:indicators", city.slug)
