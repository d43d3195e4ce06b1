"""Start a run, watch it, see and export its result."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from circularcities.core.errors import InfeasibleError, ValidationError
from circularcities.web.downloads import XLSX, attachment

from .. import models as m
from .. import report, services
from ..forms import RunForm
from ..permissions import can_edit, require_edit, require_view
from .scenarios import scenario_detail


@login_required
@require_POST
def start_run(request, pk):
    scenario = get_object_or_404(m.Scenario, pk=pk)
    require_edit(request.user, scenario)
    form = RunForm(request.POST)
    if not form.is_valid():
        return scenario_detail(request, pk, forms={"run": form}, status=400)
    d = form.cleaned_data
    try:
        run = services.start_run(scenario, seconds=d["seconds"], seed=d["seed"], mode=d["mode"],
                                 user=request.user)
    except (ValidationError, InfeasibleError) as exc:
        problems = getattr(exc, "problems", None) or [str(exc)]
        return scenario_detail(request, pk, forms={"run": form}, problems=problems, status=400)
    messages.info(request, _("Run started."))
    return redirect(run)


def _run(request, pk) -> m.Run:
    run = get_object_or_404(m.Run.objects.select_related("scenario", "scenario__city", "job"), pk=pk)
    require_view(request.user, run.scenario)
    return services.sync_status(run)


def _map_data(core, comparison) -> dict:
    plans = []
    for plan in comparison.plans:
        plans.append({"name": plan.name, "geojson": services.plan_geojson(core, plan)})
    return {"base": services.base_features(core), "plans": plans,
            "labels": {"trips": _("trips"), "stops": _("stops")}}


def run_detail(request, pk):
    run = _run(request, pk)
    context = {"run": run, "scenario": run.scenario, "can_edit": can_edit(request.user,
                                                                                   run.scenario)}
    if run.status == m.Run.Status.DONE:
        core, comparison = services.rebuild(run)
        context.update(comparison=comparison, rows=comparison.table(), core=core,
                       summary=report.summary_sentence(comparison),
                       feasible=all(g.result.evaluation.feasible for p in comparison.plans
                                    for g in p.groups),
                       map_data=_map_data(core, comparison),
                       plan_indexes=range(len(comparison.plans)))
    return render(request, "logistics/run.html", context)


def run_status(request, pk):
    """HTML fragment polled by htmx while the run is going; the page reloads when it ends."""
    run = _run(request, pk)
    resp = render(request, "logistics/_run_status.html", {"run": run})
    if run.finished and request.headers.get("HX-Request"):
        resp["HX-Refresh"] = "true"
    return resp


def export_run(request, pk, fmt):
    run = _run(request, pk)
    if run.status != m.Run.Status.DONE:
        raise Http404(_("This run has no result yet."))
    core, comparison = services.rebuild(run)
    base = f"collection-run-{run.pk}"
    if fmt in ("csv", "geojson"):
        try:
            index = int(request.GET.get("plan", 0))
            plan = comparison.plans[index]
        except (ValueError, IndexError) as exc:
            raise Http404(_("No such plan.")) from exc
        if fmt == "csv":
            content, content_type = report.routes_csv(core, plan), "text/csv; charset=utf-8"
        else:
            content = json.dumps(services.plan_geojson(core, plan), ensure_ascii=False)
            content_type = "application/geo+json"
        return attachment(content, f"{base}-plan{index + 1}.{fmt}", content_type)
    if fmt == "xlsx":
        content, content_type = report.comparison_xlsx(core, comparison), XLSX
    elif fmt == "pdf":
        content, content_type = report.comparison_pdf(run, core, comparison), "application/pdf"
    elif fmt == "json":
        return JsonResponse(run.result)
    else:
        raise Http404
    return attachment(content, f"{base}-comparison.{fmt}", content_type)
