"""Changing a system in the browser: create, import, and one small form per part."""

from __future__ import annotations

import dataclasses
import json
import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from circularcities.coalition.models import City
from circularcities.core.errors import DataImportError, Problem, ValidationError
from circularcities.core.i18n import Message
from circularcities.core.i18n import render as in_language
from circularcities.core.mfa import system_io
from circularcities.core.mfa.system import error_message
from circularcities.core.rules import FieldError
from circularcities.systems import forms as f
from circularcities.systems import services
from circularcities.systems.models import System
from circularcities.systems.permissions import require_edit, require_edit_city
from circularcities.web import import_summary
from circularcities.web.fielderrors import add_to_form, full_message


@login_required
@require_http_methods(["GET", "POST"])
def new_system(request, slug):
    city = get_object_or_404(City, slug=slug)
    require_edit_city(request.user, city)
    form = f.SystemForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            d = form.cleaned_data
            try:
                system = services.create_system(city, request.user, name=d["name"], first_year=d["first_year"],
                                                last_year=d["last_year"], scope=d["scope"], area=d["area"],
                                                description=d["description"], layers=tuple(d["layers"]))
            except FieldError as exc:
                add_to_form(form, exc)
            else:
                messages.success(request, _("System created. Add its processes and flows."))
                return redirect(system.get_absolute_url())
        status = 400
    return render(request, "systems/new.html", {"city": city, "form": form,
                                                "upload": f.UploadForm()}, status=status)


def read_upload(upload) -> object:
    """A core definition from an uploaded workbook or JSON file (DataImportError otherwise)."""
    data = upload.read()
    name = upload.name or ""
    if name.lower().endswith(".json") or data[:1] in (b"{", b"["):
        try:
            doc = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise DataImportError([_("Expected a JSON file in UTF-8: %(error)s") % {"error": exc}]) from exc
        return system_io.from_json(doc)
    return system_io.read_xlsx(data, name)


def _import(request, form, write, details) -> tuple[list, System | None]:
    """Read the uploaded definition and hand it to ``write`` (the service). Returns the problems
    (sheet, row and column; none when it was written, after the one import summary is
    reported) and what ``write`` returned."""
    if not form.is_valid():
        return [], None
    try:
        defn = read_upload(form.cleaned_data["file"])
        result = write(defn)
    except DataImportError as exc:
        return located(exc.problems), None
    except ValidationError as exc:
        return [full_message(exc) if isinstance(exc, FieldError) else Problem(error_message(exc))], None
    rows = definition_rows(defn)
    import_summary.report(request, rows, rows, details=details(result))
    return [], result


def _import_page(request, form, write, details, template: str, context: dict):
    """The system written by ``write`` (see :func:`_import`), or ``template`` again
    with the problems (400)."""
    problems, system = _import(request, form, write, details)
    if system is not None:
        return redirect(system.get_absolute_url())
    return render(request, template, {**context, "upload": form, "problems": problems}, status=400)


@login_required
@require_POST
def import_new(request, slug):
    city = get_object_or_404(City, slug=slug)
    require_edit_city(request.user, city)
    form = f.UploadForm(request.POST, request.FILES)

    def write(defn):
        if form.cleaned_data["name"]:
            defn = dataclasses.replace(defn, name=form.cleaned_data["name"])
        return services.import_system(city, defn, request.user)

    return _import_page(request, form, write, str, "systems/new.html", {"city": city, "form": f.SystemForm()})


@login_required
@require_POST
def import_into(request, pk):
    system = get_object_or_404(System, pk=pk)
    require_edit(request.user, system)
    form = f.UploadForm(request.POST, request.FILES)

    def write(defn):
        services.replace_definition(system, defn, request.user)
        return system

    return _import_page(request, form, write, lambda _s: _("The system was replaced by the file's content."),
                        "systems/import_into.html", {"system": system})


_FIELD = re.compile(r"^Field '([^']+)': (.*)$", re.S)
_FIELD_TEMPLATE = FieldError.PREFIX.en


def located(problems: list[Problem]) -> list[Problem]:
    """The problems with the field a message names ("Field 'value': ...") in their column, when the
    reader gave none, so the summary's table shows sheet, row and column."""
    out = []
    for p in problems:
        msg = p.message
        if isinstance(msg, Message) and msg.template == _FIELD_TEMPLATE and not p.column:
            out.append(Problem(msg.params["message"], sheet=p.sheet, row=p.row, column=msg.params["field"],
                               letter=p.letter))
            continue
        match = _FIELD.match(p.message) if isinstance(p.message, str) and not p.column else None
        out.append(Problem(match.group(2), sheet=p.sheet, row=p.row, column=match.group(1), letter=p.letter)
                   if match else p)
    return out


def definition_rows(defn) -> int:
    """The rows a definition file holds: layers, processes, flows, stocks, parameters, acceptances,
    conversions and indicators (each one row of its sheet or one entry of the JSON file)."""
    return sum(len(getattr(defn, name)) for name in (
        "layers", "processes", "flows", "stocks", "parameters", "acceptances", "conversions", "indicators"))


def _choices(system):
    return {"processes": list(system.processes.values_list("code", flat=True)),
            "layers": list(system.layers.values_list("code", flat=True))}


def _share(text: str):
    text = (text or "").strip()
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        return text


def _per_year(text: str, years):
    """Values per year from a form's text (see :func:`forms.parse_per_year`), its error
    as a ValidationError."""
    try:
        return f.parse_per_year(text, years)
    except Exception as exc:  # forms.ValidationError
        raise ValidationError(" ".join(getattr(exc, "messages", [str(exc)]))) from exc


def _do(system, user, action: str, data, files) -> str:
    """Run one edit; returns the message to show. Raises FieldError/ValidationError."""
    ch = _choices(system)
    years = system.years

    def valid(form_class):
        form = form_class(data, files, **ch) if issubclass(form_class, f.PartForm) else form_class(data, files)
        if not form.is_valid():
            first = next(iter(form.errors.items()))
            label = form.fields[first[0]].label if first[0] in form.fields else ""
            raise ValidationError(f"{label}: {' '.join(first[1])}" if label else " ".join(first[1]))
        return form.cleaned_data

    if action == "process":
        d = valid(f.ProcessForm)
        services.set_process(system, user, code=d["code"], name=d["name"])
        return _("Process %(code)s saved.") % {"code": d["code"]}
    if action == "process-delete":
        services.delete_process(system, user, code=data.get("code", ""))
        return _("Process removed, with its flows.")
    if action == "layer":
        d = valid(f.LayerForm)
        services.set_layer(system, user, code=d["code"], unit=d["unit"] or None, name=d["name"])
        return _("Layer %(code)s saved.") % {"code": d["code"]}
    if action == "layer-delete":
        services.delete_layer(system, user, code=data.get("code", ""))
        return _("Layer removed, with its flows.")
    if action == "flow":
        d = valid(f.FlowForm)
        values = _per_year(d["amounts"], years)
        services.set_flow(system, user, origin=d["origin"], destination=d["destination"], layer=d["layer"],
                          values=values, share=_share(d["share"]), source=d["source"], estimate=d["estimate"])
        return _("Flow %(o)s → %(d)s saved.") % {"o": d["origin"], "d": d["destination"]}
    if action == "flow-delete":
        services.delete_flow(system, user, origin=data.get("origin", ""), destination=data.get("destination", ""),
                             layer=data.get("layer", ""))
        return _("Flow removed.")
    if action == "conversion":
        d = valid(f.ConversionForm)
        services.set_conversion(system, user, process=d["process"], from_layer=d["from_layer"],
                                to_layer=d["to_layer"], factor=_share(d["factor"]),
                                consumed=_share(d["consumed"]), source=d["source"], estimate=d["estimate"])
        return _("Conversion at %(process)s saved.") % {"process": d["process"]}
    if action == "conversion-delete":
        services.delete_conversion(system, user, process=data.get("process", ""),
                                   from_layer=data.get("from_layer", ""), to_layer=data.get("to_layer", ""))
        return _("Conversion removed.")
    if action == "stock":
        d = valid(f.StockForm)
        changes = _per_year(d["changes"], years)
        services.set_stock(system, user, process=d["process"], layer=d["layer"], kind=d["kind"],
                           lifetime=f.lifetime_from(d) or None, outflow_to=d["outflow_to"] or None,
                           values=changes, initial=d["initial_stock"] or 0.0)
        return _("Stock saved.")
    if action == "stock-delete":
        services.delete_stock(system, user, process=data.get("process", ""), layer=data.get("layer", ""))
        return _("Stock removed.")
    if action == "parameter":
        d = valid(f.ParameterForm)
        text = d["values"].strip()
        try:
            value: float | dict = float(text)
        except ValueError:
            value = _per_year(text, years)
        services.set_parameter(system, user, name=d["name"], values=value)
        return _("Parameter %(name)s saved.") % {"name": d["name"]}
    if action == "parameter-delete":
        services.delete_parameter(system, user, name=data.get("name", ""))
        return _("Parameter removed.")
    if action == "accept":
        d = valid(f.AcceptForm)
        services.accept_imbalance(system, user, process=d["process"], layer=d["layer"], year=d["year"],
                                  reason=d["reason"])
        return _("Imbalance accepted with your reason.")
    if action == "withdraw":
        services.withdraw_acceptance(system, user, pk=int(data.get("pk") or 0))
        return _("Acceptance withdrawn.")
    if action == "blocking":
        blocking = data.get("blocking") == "1"
        services.update_system(system, user, blocking=blocking)
        return _("Imbalances now block publishing.") if blocking else _("Imbalances are now warnings.")
    if action == "publish":
        published = data.get("published") == "1"
        services.publish(system, user, published=published)
        return _("Published: everyone can read this system.") if published else _("Unpublished.")
    if action == "delete":
        services.delete_system(system, user)
        return _("System deleted.")
    raise ValidationError(_("Unknown action."))


@login_required
@require_POST
def edit(request, pk, action):
    system = get_object_or_404(System, pk=pk)
    require_edit(request.user, system)
    if action == "scenario":
        form = f.ScenarioForm(request.POST)
        if form.is_valid():
            try:
                scenario = services.make_scenario(system, request.user, name=form.cleaned_data["name"])
            except ValidationError as exc:
                messages.error(request, in_language(error_message(exc)))
            else:
                messages.success(request, _("Scenario created: change its parameters or flows, then compare."))
                return redirect(scenario.get_absolute_url())
        return redirect(system.get_absolute_url())
    city_slug = system.city.slug
    try:
        text = _do(system, request.user, action, request.POST, request.FILES)
    except FieldError as exc:
        messages.error(request, full_message(exc))
    except ValidationError as exc:
        messages.error(request, in_language(error_message(exc)))
    else:
        messages.success(request, text)
        if action == "delete":
            return redirect(reverse("systems:index") + f"#city-{city_slug}")
    return redirect(system.get_absolute_url() + "?" + request.GET.urlencode() if request.GET else
                    system.get_absolute_url())
