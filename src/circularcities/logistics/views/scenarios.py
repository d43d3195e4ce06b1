"""Scenario list, creation (upload or empty) and the planner page."""

from __future__ import annotations

import os
import tempfile

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from circularcities.accounts.permissions import is_secretariat
from circularcities.core import routing
from circularcities.core.errors import CircularCitiesError, DataImportError
from circularcities.web import import_summary
from circularcities.web.downloads import XLSX, attachment

from .. import models as m
from ..convert import to_core
from ..forms import (
    NewScenarioForm,
    PlaceForm,
    PlanForm,
    PointsCsvForm,
    ReplaceWorkbookForm,
    RunForm,
    VehicleForm,
    WorkbookForm,
)
from ..imports import import_workbook, read_workbook
from ..permissions import (
    can_edit,
    creatable_cities,
    may_create_scenarios,
    require_create_scenarios,
    require_scenario_city,
    require_view,
    visible_scenarios,
)
from ..services import base_features, save_scenario


def _forms_for(user):
    cities = creatable_cities(user)
    return cities, is_secretariat(user)


def index(request, upload_form=None, new_form=None, problems=None, status=200):
    cities, allow_none = _forms_for(request.user)
    may_create = may_create_scenarios(request.user)
    if may_create:

        upload_form = upload_form or WorkbookForm(cities=cities, allow_none=allow_none)
        new_form = new_form or NewScenarioForm(cities=cities, allow_none=allow_none)
    scenarios = visible_scenarios(request.user).prefetch_related("runs", "translations")
    return render(request, "logistics/index.html", {
        "scenarios": scenarios, "upload_form": upload_form, "new_form": new_form,
        "may_create": may_create, "problems": problems}, status=status)


def download_template(request):
    fd, path = tempfile.mkstemp(suffix=".xlsx")
    os.close(fd)
    try:
        routing.write_template(path)
        with open(path, "rb") as fh:
            data = fh.read()
    finally:
        os.unlink(path)
    return attachment(data, "collection-scenario-template.xlsx", XLSX)


@login_required
@require_POST
def upload_workbook(request):

    cities, allow_none = _forms_for(request.user)
    require_create_scenarios(request.user)
    form = WorkbookForm(request.POST, request.FILES, cities=cities, allow_none=allow_none)
    if not form.is_valid():
        return index(request, upload_form=form, status=400)
    city = form.cleaned_data["city"]
    require_scenario_city(request.user, city)
    try:
        core, _settings = read_workbook(form.cleaned_data["file"])
    except DataImportError as exc:
        return index(request, upload_form=form, problems=exc.problems, status=400)
    scenario = import_workbook(core, city=city, name=form.cleaned_data["name"], user=request.user)
    import_summary.report(request, *workbook_counts(core, scenario), details=_("Scenario “%(name)s”") % {
        "name": scenario.name})
    return redirect(scenario)


@login_required
@require_POST
def create_scenario(request):
    cities, allow_none = _forms_for(request.user)
    require_create_scenarios(request.user)
    form = NewScenarioForm(request.POST, cities=cities, allow_none=allow_none)
    if not form.is_valid():
        return index(request, new_form=form, status=400)
    require_scenario_city(request.user, form.cleaned_data["city"])
    scenario = save_scenario(form.save(commit=False), translations=form.translations(), created_by=request.user)
    messages.success(request, _("Scenario created: place depots, a facility and collection points "
                                "on the map, then add vehicles."))
    return redirect(scenario)


def workbook_counts(core, scenario) -> tuple[int, int]:
    """Rows of the workbook read (points, depots, facilities, vehicle types, plans) and rows the scenario holds."""
    read = (len(core.points) + len(core.depots) + len(core.facilities) + len(core.vehicle_types)
            + len(core.plans))
    written = (scenario.points.count() + scenario.depots.count() + scenario.facilities.count()
               + scenario.vehicle_types.count() + scenario.plans.count())
    return read, written


def scenario_detail(request, pk, *, forms=None, problems=None, import_problems=None, status=200):
    scenario = get_object_or_404(m.Scenario.objects.select_related("city").prefetch_related("translations"), pk=pk)
    require_view(request.user, scenario)
    editable = can_edit(request.user, scenario)
    forms = forms or {}
    if editable:
        forms.setdefault("place", PlaceForm(scenario=scenario))
        forms.setdefault("csv", PointsCsvForm())
        forms.setdefault("workbook", ReplaceWorkbookForm())
        forms.setdefault("vehicle", VehicleForm(scenario=scenario))
        forms.setdefault("plan", PlanForm(scenario=scenario))
        forms.setdefault("run", RunForm())
    try:
        core = to_core(scenario)
        features = base_features(core)
        total_t = core.total_quantity_t
    except CircularCitiesError as exc:  # stored data the core refuses: say so, show the rest
        features, total_t = {"points": [], "depots": [], "facilities": []}, None
        messages.error(request, str(exc))
    return render(request, "logistics/scenario.html", {
        "scenario": scenario, "can_edit": editable, "forms": forms, "problems": problems,
        "import_problems": import_problems,
        "points": scenario.points.all(), "depots": scenario.depots.all(),
        "facilities": scenario.facilities.all(),
        "vehicles": scenario.vehicle_types.select_related("depot"),
        "plans": scenario.plans.all(), "runs": scenario.runs.all()[:10],
        "features": features, "total_t": total_t,
        "municipalities": scenario.municipalities}, status=status)


def download_scenario(request, pk):
    scenario = get_object_or_404(m.Scenario, pk=pk)
    require_view(request.user, scenario)
    fd, path = tempfile.mkstemp(suffix=".xlsx")
    os.close(fd)
    try:
        routing.write_scenario(path, to_core(scenario))
        with open(path, "rb") as fh:
            data = fh.read()
    finally:
        os.unlink(path)
    return attachment(data, f"scenario-{scenario.pk}.xlsx", XLSX)
