"""Collection logistics API: scenarios, runs (start, status, result with GeoJSON)."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from pydantic import Field

from circularcities.accounts.auth import write_auth
from circularcities.core.errors import InfeasibleError, ValidationError
from circularcities.web.api_support import Id, responses

from . import models as m
from . import permissions, services

router = Router(tags=["logistics"])


class ScenarioOut(Schema):
    id: int
    name: str
    city: str | None = Field(description="Slug of the owning city; null: the secretariat")
    currency: str
    circuity: float
    published: bool
    is_demo: bool
    points: int
    quantity_t_per_day: float
    municipalities: list[str]
    url: str


def _scenario_out(s: m.Scenario) -> dict:
    pts = list(s.points.values_list("quantity_t", "municipality"))
    return {"id": s.pk, "name": s.name, "city": s.city.slug if s.city else None,
            "currency": s.currency, "circuity": s.circuity, "published": s.published,
            "is_demo": s.is_demo, "points": len(pts),
            "quantity_t_per_day": round(sum(q for q, _ in pts), 6),
            "municipalities": sorted({x for _, x in pts}), "url": s.get_absolute_url()}


class RunIn(Schema):
    seconds: float = Field(2.0, ge=services.MIN_SECONDS, le=services.MAX_SECONDS,
                           description="Search time per plan group, seconds")
    seed: int = Field(0, ge=0, le=2**31 - 1)
    mode: str = Field("plans", pattern="^(plans|all)$",
                      description="'plans': the scenario's plans; 'all': every partition")


class RunOut(Schema):
    id: int
    scenario: int
    status: str
    progress: float
    message: str
    mode: str
    seconds: float
    seed: int
    error: str
    problems: list[dict]
    result: dict | None
    url: str


def _run_out(run: m.Run, with_geojson: bool = False) -> dict:
    job = run.job
    result = run.result
    if with_geojson and run.status == m.Run.Status.DONE and result is not None:
        core, comparison = services.rebuild(run)
        result = {**result, "geojson": {p.name: services.plan_geojson(core, p)
                                            for p in comparison.plans}}
    return {"id": run.pk, "scenario": run.scenario_id, "status": run.status,
            "progress": 1.0 if run.status == m.Run.Status.DONE else (job.progress if job else 0.0),
            "message": job.message if job else "", "mode": run.mode, "seconds": run.seconds,
            "seed": run.seed, "error": run.error, "problems": run.problems or [],
            "result": result, "url": run.get_absolute_url()}


@router.get("/scenarios", response=responses(list[ScenarioOut]))
def list_scenarios(request):
    """Scenarios you may see (published ones, your cities', all for the secretariat)."""
    return [_scenario_out(s) for s in permissions.visible_scenarios(request.user)]


@router.get("/scenarios/{pk}", response=responses(dict, 403, 404))
def scenario_detail(request, pk: Id):
    """A scenario with its data (the core scenario's fields) and its runs."""
    from .convert import to_core, to_dict

    scenario = get_object_or_404(m.Scenario, pk=pk)
    permissions.require_view(request.user, scenario)
    return {**_scenario_out(scenario), "data": to_dict(to_core(scenario)),
            "runs": [{"id": r.pk, "status": r.status, "mode": r.mode,
                      "cheapest": (r.result or {}).get("cheapest")} for r in scenario.runs.all()]}


@router.post("/scenarios/{pk}/runs", response=responses(RunOut, 404, status=201, write=True), auth=write_auth)
def start_run(request, pk: Id, payload: RunIn):
    """Check the scenario and start solving it (a background job).

    If a check fails (a point heavier than any vehicle, a facility over
    capacity...), nothing runs and every problem is listed under ``errors``.
    """
    scenario = get_object_or_404(m.Scenario, pk=pk)
    permissions.require_edit(request.user, scenario)
    try:
        run = services.start_run(scenario, seconds=payload.seconds, seed=payload.seed,
                                 mode=payload.mode, user=request.user)
    except (ValidationError, InfeasibleError) as exc:
        problems = getattr(exc, "problems", None) or []
        return Status(422, {"detail": str(problems[0]) if problems else str(exc),
                     "errors": [p.as_dict() for p in problems]})
    return Status(201, _run_out(run))


@router.get("/runs/{pk}", response=responses(RunOut, 403, 404))
def run_detail(request, pk: Id):
    """A run's status and progress; when done, the comparison, the routes per
    plan and group, and a GeoJSON FeatureCollection per plan (``result.geojson``)."""
    run = get_object_or_404(m.Run.objects.select_related("scenario", "job"), pk=pk)
    permissions.require_view(request.user, run.scenario)
    return _run_out(services.sync_status(run), with_geojson=True)
