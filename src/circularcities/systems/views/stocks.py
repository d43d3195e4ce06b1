"""Dynamic stock models on a page: input (typed or Excel), lifetime, chart and Excel result."""

from __future__ import annotations

import re

import numpy as np
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from circularcities.coalition.models import City
from circularcities.core.errors import DataImportError, ValidationError
from circularcities.core.i18n import render as in_language
from circularcities.core.mfa import stock_io
from circularcities.core.mfa.stock import StockResult
from circularcities.core.mfa.system import error_message
from circularcities.core.rules import FieldError
from circularcities.systems import forms as f
from circularcities.systems import services
from circularcities.systems.models import StockModel
from circularcities.systems.permissions import (
    can_edit,
    require_edit,
    require_edit_city,
    require_view,
)
from circularcities.web.downloads import XLSX, attachment
from circularcities.web.fielderrors import add_to_form
from circularcities.web.translated import translated


def _series(form) -> tuple[int | None, list[float] | None]:
    """First year and values from the uploaded file, or from the typed numbers."""
    d = form.cleaned_data
    upload = d.get("file")
    if upload:
        try:
            return stock_io.read_series(upload.read(), upload.name or "input.xlsx")
        except DataImportError as exc:
            for p in exc.problems[:10]:
                form.add_error("file", str(p))
            return None, None
    parts = [p for p in re.split(r"[\s,;]+", d.get("values") or "") if p]
    try:
        values = [float(p) for p in parts]
    except ValueError:
        form.add_error("values", _("Write numbers separated by spaces, commas or new lines."))
        return None, None
    return d["first_year"], values


def _save(request, form, city=None, model=None):
    first, values = _series(form)
    if values is None:
        return None
    d = form.cleaned_data
    fields = {"name": d["name"], "subject": d["subject"], "unit": d["unit"], "driver": d["driver"],
              "first_year": first, "values": values, "lifetime": f.lifetime_from(d), "source": d["source"],
              "estimate": d["estimate"]}
    try:
        if model is None:
            return services.create_stock_model(city, request.user, **fields)
        return services.update_stock_model(model, request.user, **fields)
    except FieldError as exc:
        add_to_form(form, exc)
    except ValidationError as exc:
        form.add_error(None, in_language(error_message(exc)))
    return None


@login_required
@require_http_methods(["GET", "POST"])
def new_model(request, slug):
    city = get_object_or_404(City, slug=slug)
    require_edit_city(request.user, city)
    form = f.StockModelForm(request.POST or None, request.FILES or None,
                            initial={"first_year": 2000, "distribution": "normal", "mean": 50, "std": 15})
    if request.method == "POST" and form.is_valid():
        model = _save(request, form, city=city)
        if model is not None:
            messages.success(request, _("Stock model saved."))
            return redirect(model.get_absolute_url())
    return render(request, "systems/stock_new.html", {"city": city, "form": form},
                  status=400 if request.method == "POST" else 200)


def _result(model) -> StockResult | None:
    r = model.result
    if not r:
        return None
    return StockResult(years=np.array(r["years"]), stock=np.array(r["stock"]), inflow=np.array(r["inflow"]),
                       outflow=np.array(r["outflow"]))


@require_http_methods(["GET", "POST"])
def detail(request, pk):
    model = get_object_or_404(StockModel.objects.select_related("city", "job"), pk=pk)
    require_view(request.user, model)
    editable = can_edit(request.user, model)
    initial = {"name": translated(model, "name").text, "subject": model.subject, "unit": model.unit,
               "driver": model.driver, "first_year": model.first_year,
               "values": " ".join(f"{v:g}" for v in model.values), "source": model.source,
               "estimate": model.estimate, **model.lifetime}
    form = f.StockModelForm(initial=initial)
    status = 200
    if request.method == "POST":
        require_edit(request.user, model)
        if request.POST.get("action") == "publish":
            services.update_stock_model(model, request.user, published=request.POST.get("published") == "1")
            return redirect(model.get_absolute_url())
        form = f.StockModelForm(request.POST, request.FILES)
        if form.is_valid() and _save(request, form, model=model) is not None:
            messages.success(request, _("Stock model saved and run again."))
            return redirect(model.get_absolute_url())
        status = 400
    result = _result(model)
    chart = None
    rows = []
    if result is not None:
        chart = {"years": [int(y) for y in result.years], "stock": result.stock.tolist(),
                 "inflow": result.inflow.tolist(), "outflow": result.outflow.tolist(), "unit": model.unit,
                 "labels": {"stock": _("stock"), "inflow": _("inflow"), "outflow": _("outflow")}}
        rows = list(zip(chart["years"], chart["inflow"], chart["outflow"], chart["stock"], strict=True))
    return render(request, "systems/stock_detail.html", {
        "model": model, "city": model.city, "can_edit": editable, "form": form if editable else None,
        "chart": chart, "rows": rows, "job": model.job if model.result is None else None}, status=status)


def download(request, pk):
    model = get_object_or_404(StockModel, pk=pk)
    require_view(request.user, model)
    result = _result(model)
    if result is None:
        return HttpResponse(_("The model has not finished running yet."), status=409,
                            content_type="text/plain; charset=utf-8")
    content = stock_io.result_xlsx(translated(model, "name").text, model.driver, model.unit, model.lifetime,
                                   result, model.source, model.estimate)
    return attachment(content, f"stock-model-{pk}.xlsx", XLSX)


def template(request):
    return attachment(stock_io.template_xlsx(), "stock-model-template.xlsx", XLSX)
