"""Reading systems: the list, a system with its Sankey per layer and year, the scenario
comparison side by side, and the downloads (JSON, Excel, PDF report)."""

from __future__ import annotations

import json

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from circularcities.coalition.models import City
from circularcities.core.errors import ValidationError
from circularcities.core.i18n import render as in_language
from circularcities.core.mfa import system as core
from circularcities.core.mfa import system_io
from circularcities.core.mfa.system import error_message
from circularcities.core.reports import to_pdf
from circularcities.systems import forms as f
from circularcities.systems import services
from circularcities.systems.labels import chart, layer_label, status_label
from circularcities.systems.models import StockModel, System
from circularcities.systems.permissions import can_edit, require_view, visible_to
from circularcities.systems.report import build_report
from circularcities.web.downloads import XLSX, attachment


def index(request):
    from circularcities.accounts.permissions import editable_city_ids

    systems = (visible_to(request.user, System.objects.all()).select_related("city", "base")
               .prefetch_related("translations"))
    models = visible_to(request.user, StockModel.objects.all()).select_related("city").prefetch_related("translations")
    by_city: dict = {}
    for s in systems:
        by_city.setdefault(s.city, {"systems": [], "models": []})["systems"].append(s)
    for mdl in models:
        by_city.setdefault(mdl.city, {"systems": [], "models": []})["models"].append(mdl)
    ids = editable_city_ids(request.user)
    editable = City.objects.all() if ids is None else City.objects.filter(pk__in=ids)
    return render(request, "systems/index.html", {
        "cities": sorted(by_city.items(), key=lambda kv: kv[0].t("name")),
        "editable": list(editable.order_by("slug")) if request.user.is_authenticated else []})


def _pick(request, result: core.SystemResult) -> tuple[str, int, str | None]:
    defn = result.definition
    layers = [lay.code for lay in defn.layers]
    layer = request.GET.get("layer")
    if layer not in layers:
        with_flows = [c for c in layers if any(fl.layer == c for fl in result.flows)]
        layer = (with_flows or layers)[0]
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        year = defn.years[-1]
    if year not in defn.years:
        year = defn.years[-1]
    items = defn.second_dimension.items if defn.second_dimension else ()
    item = request.GET.get("item") or None
    return layer, year, item if item in items else None


def _flow_rows(result: core.SystemResult, layer: str, year: int) -> list[dict]:
    defn = result.definition
    names = {p.code: p.label for p in defn.processes}
    specs = {fl.key: fl for fl in defn.flows}
    rows = []
    i = result.year_index(year)
    for fl in result.flows:
        if fl.layer != layer:
            continue
        spec = specs.get((fl.origin, fl.destination, fl.layer))
        rows.append({"origin": fl.origin, "destination": fl.destination, "origin_name": names.get(fl.origin),
                     "destination_name": names.get(fl.destination), "item": fl.item, "amount": float(fl.values[i]),
                     "kind": fl.kind, "estimate": fl.estimate,
                     "share": spec.share if spec else None, "source": spec.source if spec else ""})
    return rows


def _conversion_rows(result: core.SystemResult, year: int) -> list[dict]:
    """Each conversion as defined, with what it used up and yielded in ``year``."""
    defn = result.definition
    i = result.year_index(year)
    computed = {(c.process, c.from_layer, c.to_layer): c for c in result.conversions}
    rows = []
    for c in defn.conversions:
        done = computed.get(c.key)
        src, dst = defn.layer(c.from_layer), defn.layer(c.to_layer)
        rows.append({"spec": c, "process_name": defn.process(c.process).label,
                     "from_label": layer_label(src.code, src.name), "to_label": layer_label(dst.code, dst.name),
                     "from_unit": src.unit, "to_unit": dst.unit,
                     "used": float(done.consumed[i]) if done else 0.0,
                     "made": float(done.produced[i]) if done else 0.0})
    return rows


DEFINITION_ROWS = 100


def _summary(values: dict) -> str:
    """``2020: 100; 2021: 120`` for a few years, ``2000: 5 … 2029: 9 (30 years)`` for many."""
    items = list(values.items())

    def one(k, v):
        return f"{k}: {v if not isinstance(v, dict) else sum(v.values()):g}"

    if len(items) <= 4:
        return "; ".join(one(k, v) for k, v in items)
    return f"{one(*items[0])} … {one(*items[-1])} ({len(items)})"


def _definition_rows(system, layer: str | None) -> dict:
    """The flows as defined, of the layer shown (the first DEFINITION_ROWS; the exports have all)."""
    qs = system.flows.select_related("origin", "destination", "layer")
    if layer:
        qs = qs.filter(layer__code=layer)
    total = qs.count()
    rows = [{"flow": fl, "summary": _summary(fl.values)} for fl in qs[:DEFINITION_ROWS]]
    return {"flows": rows, "flows_total": total, "flows_shown": len(rows)}


def detail(request, pk):
    system = get_object_or_404(System.objects.select_related("city", "base"), pk=pk)
    require_view(request.user, system)
    editable = can_edit(request.user, system)
    context: dict = {"system": system, "can_edit": editable, "city": system.city,
                     "scenarios": list(system.scenarios.prefetch_related("translations"))}
    try:
        result = services.result_of(system)
    except ValidationError as exc:
        context["error"] = in_language(error_message(exc))
        return render(request, "systems/detail.html", context)
    defn = result.definition
    if defn.layers and any(True for _f in result.flows):
        layer, year, item = _pick(request, result)
        context.update(layer=layer, year=year, item=item, sankey=chart(result, layer, year, item),
                       flow_rows=_flow_rows(result, layer, year),
                       totals=result.totals(layer, year), unit=defn.layer(layer).unit)
    names = {p.code: p.label for p in defn.processes}
    issues = [{**i.as_dict(), "process_name": names.get(i.process, i.process), "share_pct": 100 * i.share}
              for i in result.issues]
    values = result.indicator_values()
    context.update(
        definition=defn, result=result, status=result.status, status_text=status_label(result.status),
        issues=issues[:200], n_issues=len(issues), n_open=sum(1 for i in issues if not i["accepted"]),
        layers=[{"code": lay.code, "unit": lay.unit, "label": layer_label(lay.code, lay.name)} for lay in defn.layers],
        years=list(defn.years), items=list(defn.second_dimension.items) if defn.second_dimension else [],
        processes=list(system.processes.prefetch_related("translations")),
        **_definition_rows(system, context.get("layer")),
        stocks=[{"spec": s, "series": result.stocks.get(s.key)} for s in defn.stocks],
        stock_rows=[{"process": names.get(s.process, s.process), "code": s.process, "layer": s.layer, "kind": s.kind,
                     "years": list(zip(defn.years, result.stocks[s.key].stock.tolist(), strict=True))[-3:]}
                    for s in defn.stocks if s.key in result.stocks],
        parameters=list(system.parameters.all()),
        conversions=_conversion_rows(result, context.get("year") or defn.years[-1]),
        acceptances=list(system.acceptances.select_related("process", "layer", "accepted_by")),
        indicators=[{"ind": i, "unit": result.indicator_unit(i),
                     "values": list(zip(defn.years, values[i.code], strict=True))} for i in defn.indicators],
        others=list(System.objects.filter(city=system.city).exclude(pk=system.pk)
                    .prefetch_related("translations")[:50]),
    )
    if editable:
        ch = {"processes": defn.process_codes, "layers": [lay.code for lay in defn.layers]}
        context.update(
            process_form=f.ProcessForm(**ch), layer_form=f.LayerForm(**ch), flow_form=f.FlowForm(**ch),
            stock_form=f.StockForm(**ch), conversion_form=f.ConversionForm(**ch), parameter_form=f.ParameterForm(**ch), accept_form=f.AcceptForm(**ch),
            scenario_form=f.ScenarioForm(), upload_form=f.UploadForm())
    return render(request, "systems/detail.html", context)


def compare_page(request, pk, other):
    base = get_object_or_404(System.objects.select_related("city"), pk=pk)
    scenario = get_object_or_404(System.objects.select_related("city"), pk=other)
    require_view(request.user, base)
    require_view(request.user, scenario)
    context: dict = {"base": base, "scenario": scenario}
    try:
        ra, rb = services.result_of(base), services.result_of(scenario)
        layer, year, _item = _pick(request, ra)
        cmp = core.compare(ra, rb, year=year)
    except ValidationError as exc:
        context["error"] = in_language(error_message(exc))
        return render(request, "systems/compare.html", context, status=400)
    names = {p.code: p.label for p in ra.definition.processes}
    names.update({p.code: p.label for p in rb.definition.processes if p.code not in names})
    for row in cmp.flows:
        row["origin_name"], row["destination_name"] = names.get(row["origin"]), names.get(row["destination"])
        row["layer_label"] = layer_label(row["layer"])
    for row in cmp.layers:
        row["layer_label"] = layer_label(row["layer"])
    layer_b = layer if any(lay.code == layer for lay in rb.definition.layers) else None
    context.update(
        layer=layer, year=year, years=list(ra.definition.years),
        layers=[{"code": lay.code, "label": layer_label(lay.code, lay.name)} for lay in ra.definition.layers],
        sankey_a=chart(ra, layer, year, None), sankey_b=chart(rb, layer_b, year, None) if layer_b else None,
        comparison=cmp, status_a=status_label(ra.status), status_b=status_label(rb.status))
    return render(request, "systems/compare.html", context)


def export_json(request, pk):
    system = get_object_or_404(System, pk=pk)
    require_view(request.user, system)
    doc = system_io.to_json(services.definition(system))
    return attachment(json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8"), f"system-{pk}.json",
                     "application/json")


def export_xlsx(request, pk):
    system = get_object_or_404(System, pk=pk)
    require_view(request.user, system)
    return attachment(system_io.to_xlsx(services.definition(system)), f"system-{pk}.xlsx", XLSX)


def template(request):
    return attachment(system_io.template_xlsx(), "system-template.xlsx", XLSX)


def report_pdf(request, pk):
    system = get_object_or_404(System.objects.select_related("city"), pk=pk)
    require_view(request.user, system)
    try:
        result = services.result_of(system)
    except ValidationError as exc:
        return HttpResponse(_("The system cannot be computed: %(error)s") % {"error": in_language(error_message(exc))}, status=400,
                            content_type="text/plain; charset=utf-8")
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        year = result.years[-1]
    if year not in result.years:
        year = result.years[-1]
    return attachment(to_pdf(build_report(system, result, year)), f"system-{pk}.pdf", "application/pdf")
