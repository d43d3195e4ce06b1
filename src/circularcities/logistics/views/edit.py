"""Changes to a scenario: uploads, things placed on the map, vehicles, plans."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from circularcities.core.errors import DataImportError
from circularcities.web import import_summary

from .. import models as m
from ..forms import PlaceForm, PlanForm, PointsCsvForm, ReplaceWorkbookForm, VehicleForm
from ..imports import (
    MAX_UPLOAD_BYTES,
    import_points,
    import_workbook,
    read_points_csv,
    read_workbook,
)
from ..permissions import require_edit
from .scenarios import scenario_detail, workbook_counts


def _editable(request, pk) -> m.Scenario:
    scenario = get_object_or_404(m.Scenario, pk=pk)
    require_edit(request.user, scenario)
    return scenario


def _posted(request, pk, form_class, key: str, *, scoped: bool = False):
    """The scenario the user may edit, its posted form, and, when the form is not
    valid, the scenario page showing it under ``key`` (400), else ``None``."""
    scenario = _editable(request, pk)
    form = form_class(request.POST, request.FILES, **({"scenario": scenario} if scoped else {}))
    invalid = None if form.is_valid() else scenario_detail(request, pk, forms={key: form}, status=400)
    return scenario, form, invalid


@login_required
@require_POST
def upload_points(request, pk):
    scenario, form, invalid = _posted(request, pk, PointsCsvForm, "csv")
    if invalid:
        return invalid
    upload = form.cleaned_data["file"]
    try:
        if upload.size > MAX_UPLOAD_BYTES:
            raise DataImportError(["Expected a file of at most 10 MB."])
        points = read_points_csv(upload.read())
    except DataImportError as exc:
        return scenario_detail(request, pk, forms={"csv": form}, import_problems=exc.problems, status=400)
    created, updated = import_points(scenario, points, replace=form.cleaned_data["replace"])
    import_summary.report(request, len(points), created + updated,
                          details=_("%(new)d new, %(upd)d updated") % {"new": created, "upd": updated})
    return redirect(scenario)


@login_required
@require_POST
def replace_workbook(request, pk):
    scenario, form, invalid = _posted(request, pk, ReplaceWorkbookForm, "workbook")
    if invalid:
        return invalid
    try:
        core, _settings = read_workbook(form.cleaned_data["file"])
    except DataImportError as exc:
        return scenario_detail(request, pk, forms={"workbook": form}, import_problems=exc.problems,
                               status=400)
    import_workbook(core, city=scenario.city, scenario=scenario, user=request.user)
    import_summary.report(request, *workbook_counts(core, scenario),
                          details=_("The scenario's data was replaced by the workbook's."))
    return redirect(scenario)


@login_required
@require_POST
def place_item(request, pk):
    scenario, form, invalid = _posted(request, pk, PlaceForm, "place", scoped=True)
    if invalid:
        return invalid
    d = form.cleaned_data
    common = {"code": d["code"], "name": d["name"] or d["code"], "lat": d["lat"], "lon": d["lon"]}
    if d["kind"] == "point":
        scenario.points.create(**common, municipality=d["municipality"], quantity_t=d["quantity_t"],
                               service_min=d["service_min"] or 0.0,
                               earliest_min=d["earliest_min"], latest_min=d["latest_min"])
    elif d["kind"] == "depot":
        scenario.depots.create(**common, municipality=d["municipality"])
    else:
        scenario.facilities.create(**common, capacity_t_per_day=d["capacity_t_per_day"])
    scenario.save(update_fields=["updated_at"])
    messages.success(request, _("“%(name)s” added.") % {"name": common["name"]})
    return redirect(scenario.get_absolute_url() + "#map")


@login_required
@require_POST
def delete_item(request, pk, kind, item):
    scenario = _editable(request, pk)
    managers = {"point": scenario.points, "depot": scenario.depots,
                "facility": scenario.facilities, "vehicle": scenario.vehicle_types}
    if kind not in managers:
        raise Http404
    obj = get_object_or_404(managers[kind], pk=item)
    obj.delete()
    messages.success(request, _("“%(name)s” removed.") % {"name": str(obj)})
    return redirect(scenario)


@login_required
@require_POST
def add_vehicle(request, pk):
    scenario, form, invalid = _posted(request, pk, VehicleForm, "vehicle", scoped=True)
    if invalid:
        return invalid
    vehicle = form.save(commit=False)
    vehicle.scenario = scenario
    vehicle.save()
    messages.success(request, _("Vehicle type “%(name)s” added.") % {"name": str(vehicle)})
    return redirect(scenario)


@login_required
@require_POST
def add_plan(request, pk):
    scenario, form, invalid = _posted(request, pk, PlanForm, "plan", scoped=True)
    if invalid:
        return invalid
    order = scenario.plans.count()
    scenario.plans.create(name=form.cleaned_data["name"], groups=form.cleaned_data["groups"],
                          order=order)
    messages.success(request, _("Plan “%(name)s” added.") % {"name": form.cleaned_data["name"]})
    return redirect(scenario)


@login_required
@require_POST
def delete_plan(request, pk, plan):
    scenario = _editable(request, pk)
    obj = get_object_or_404(scenario.plans, pk=plan)
    obj.delete()
    messages.success(request, _("Plan “%(name)s” removed.") % {"name": obj.name})
    return redirect(scenario)
