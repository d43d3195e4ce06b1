"""Permissions, checks before solving, runs as background jobs, and results.

A run's ``result`` JSON keeps, per plan and group, the routes the solver
found (vehicle type, trips, start) and the figures; everything shown or
exported is recomputed from the run's scenario snapshot with the core's
independent :func:`~circularcities.core.routing.evaluate`.
"""

from __future__ import annotations

import math

from django.db import transaction
from django.utils import timezone

from circularcities.core import routing
from circularcities.core.errors import (
    CircularCitiesError,
    InfeasibleError,
    Problem,
    ValidationError,
)
from circularcities.jobs import runner
from circularcities.web.translated_forms import save_translations

from . import models as m
from .convert import from_dict, to_core, to_dict

MAX_SECONDS = 60.0
MIN_SECONDS = 0.1


# The views and the API show ``problems`` (each naming where it is) when a check fails.
class ScenarioInvalid(ValidationError):
    def __init__(self, message: str, problems: list[Problem]):
        super().__init__(message)
        self.problems = problems


class ScenarioInfeasible(InfeasibleError):
    def __init__(self, message: str, problems: list[Problem]):
        super().__init__(message)
        self.problems = problems


# -- checks before solving --------------------------------------------------

def save_scenario(scenario: m.Scenario, *, translations: dict[str, dict[str, str]] | None = None,
                  created_by=None) -> m.Scenario:
    """Save a scenario and its description in the languages sent (others are kept)."""
    with transaction.atomic():
        if created_by is not None and scenario.created_by_id is None:
            scenario.created_by = created_by
        scenario.save()
        if translations:
            save_translations(scenario, translations)
    return scenario


def default_plans(core: routing.Scenario) -> tuple[routing.Partition, ...]:
    """The plans to compare when the planner has listed none: all together,
    and (with several municipalities) each alone."""
    munis = core.municipalities
    if not munis:
        return ()
    plans = [routing.Partition(name="All together", groups=(routing.PlanGroup(frozenset(munis)),))]
    if len(munis) > 1:
        plans.append(routing.Partition(name="Each alone", groups=tuple(
            routing.PlanGroup(frozenset([x])) for x in munis)))
    return tuple(plans)


def partitions_for(core: routing.Scenario, mode: str) -> list[routing.Partition]:
    if mode == m.Run.Mode.ALL:
        return [routing.Partition(name=" | ".join(" + ".join(sorted(g)) for g in groups),
                                  groups=tuple(routing.PlanGroup(g) for g in groups))
                for groups in routing.all_partitions(core.municipalities)]
    return list(core.plans or default_plans(core))


def _problems(exc: Exception) -> list[Problem]:
    return list(getattr(exc, "problems", None) or [Problem(str(exc))])


def precheck(core: routing.Scenario, partitions: list[routing.Partition]) -> list[Problem]:
    """Every problem that would stop the solver, without solving anything."""
    try:
        routing.check_references(core)
    except (ValidationError, InfeasibleError) as exc:
        return _problems(exc)
    problems: list[Problem] = []
    seen: set = set()
    for partition in partitions:
        try:
            routing.check_partition(core, partition)
        except ValidationError as exc:
            problems += _problems(exc)
            continue
        for group in partition.groups:
            fac = routing.default_facility(core, group)
            key = (group.municipalities, fac, group.depot_ids)
            if key in seen:
                continue
            seen.add(key)
            sub = core.subset(group, fac)
            try:
                routing.check_references(sub, sub.facility(fac))
                routing.check_feasibility(sub, sub.facility(fac))
            except (ValidationError, InfeasibleError) as exc:
                problems += [Problem(f"{group.label}: {p.message}", p.sheet, p.row, p.column)
                             for p in _problems(exc)]
    # Several plans share groups: report each problem once.
    unique, texts = [], set()
    for p in problems:
        if str(p) not in texts:
            texts.add(str(p))
            unique.append(p)
    return unique


# -- runs -----------------------------------------------------------------

def start_run(scenario: m.Scenario, *, seconds: float, seed: int = 0, mode: str = "plans",
              user=None) -> m.Run:
    """Check the scenario and start solving it in the background.

    Raises
    ------
    ValidationError, InfeasibleError
        With ``problems`` when a check fails; nothing is started.
    """
    if not MIN_SECONDS <= float(seconds) <= MAX_SECONDS:
        raise ValidationError(f"Expected a time limit between {MIN_SECONDS:g} and "
                              f"{MAX_SECONDS:g} seconds, got {seconds!r}.")
    core = to_core(scenario)
    partitions = partitions_for(core, mode)
    if not partitions:
        raise ScenarioInvalid("Expected at least one collection point.",
                              [Problem("Expected at least one collection point.", "points")])
    problems = precheck(core, partitions)
    if problems:
        raise ScenarioInfeasible("; ".join(str(p) for p in problems), problems)
    run = m.Run.objects.create(scenario=scenario, seconds=float(seconds), seed=int(seed),
                               mode=mode, snapshot=to_dict(core), created_by=user)
    job = runner.start("logistics.solve", "circularcities.logistics.services.solve_job",
                       {"run": run.pk}, owner=user, title=f"{scenario.name}: {len(partitions)} plans")
    m.Run.objects.filter(pk=run.pk).update(job=job)
    run.refresh_from_db()
    return run


def sync_status(run: m.Run) -> m.Run:
    """Mark the run failed when its job failed or was cancelled before the run could say so
    (e.g. the worker lost it)."""
    job = run.job
    if not run.finished and job is not None and job.status in ("failed", "cancelled"):
        m.Run.objects.filter(pk=run.pk).update(status=m.Run.Status.FAILED, error=job.error,
                                               finished_at=job.finished_at or timezone.now())
        run.refresh_from_db()
    return run


def solve_job(params: dict, report) -> dict:
    """Job function: solve a run's plans and store the comparison on the run."""
    run = m.Run.objects.select_related("scenario").get(pk=params["run"])
    m.Run.objects.filter(pk=run.pk).update(status=m.Run.Status.RUNNING)
    core = from_dict(run.snapshot)
    partitions = partitions_for(core, run.mode)

    def progress(p: routing.Progress) -> None:
        best = "" if p.best_cost is None else f" · {p.best_cost:,.0f} {core.currency}"
        report(p.fraction, f"{p.label}{best}")

    try:
        comparison = routing.compare_partitions(core, partitions, seconds=run.seconds,
                                                seed=run.seed, progress=progress)
    except CircularCitiesError as exc:
        m.Run.objects.filter(pk=run.pk).update(
            status=m.Run.Status.FAILED, error=str(exc), finished_at=timezone.now(),
            problems=[p.as_dict() for p in _problems(exc)])
        raise
    except Exception as exc:
        m.Run.objects.filter(pk=run.pk).update(status=m.Run.Status.FAILED,
                                               error=f"{type(exc).__name__}: {exc}",
                                               finished_at=timezone.now())
        raise
    result = comparison_to_json(comparison)
    m.Run.objects.filter(pk=run.pk).update(status=m.Run.Status.DONE, result=result,
                                           finished_at=timezone.now())
    return {"run": run.pk, "url": run.get_absolute_url(), "summary": result["summary"]}


def _clean(value):
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def comparison_to_json(comparison: routing.Comparison) -> dict:
    """Plans, groups, routes and the comparison table as JSON."""
    plans = []
    for rank, plan in enumerate(comparison.plans, start=1):
        groups = []
        for g in plan.groups:
            res = g.result
            groups.append({
                "label": g.label, "municipalities": sorted(g.group.municipalities),
                "facility": g.facility_id,
                "depots": list(g.group.depot_ids) if g.group.depot_ids else None,
                "runtime_s": res.runtime_s, "iterations": res.iterations,
                "solver_cost": res.solver_cost,
                "routes": [{"vehicle_type": r.vehicle_type, "trips": [list(t) for t in r.trips],
                            "start_min": r.start_min} for r in res.routes]})
        plans.append({"rank": rank, "name": plan.name, "groups": groups,
                      "distance_km": plan.distance_km, "driving_h": plan.driving_h,
                      "duration_h": plan.duration_h, "vehicles": plan.vehicles_used,
                      "quantity_t": plan.load_t, "cost": plan.cost,
                      "cost_per_t": _clean(plan.cost_per_t), "co2e_kg": plan.co2e_kg})
    table = [{k: _clean(v) for k, v in row.items()} for row in comparison.table()]
    return {"currency": comparison.currency, "summary": comparison.summary(),
            "cheapest": comparison.cheapest.name, "saving": comparison.saving,
            "saving_pct": comparison.saving_pct,
            "runner_up": comparison.plans[1].name if len(comparison.plans) > 1 else None,
            "plans": plans, "table": table}


def rebuild(run: m.Run) -> tuple[routing.Scenario, routing.Comparison]:
    """The run's scenario and comparison, every figure recomputed by ``evaluate``."""
    if run.status != m.Run.Status.DONE or not run.result:
        raise ValidationError("Expected a finished run with results.")
    core = from_dict(run.snapshot)
    plans = []
    for plan in run.result["plans"]:
        groups = []
        for g in plan["groups"]:
            group = routing.PlanGroup(frozenset(g["municipalities"]), g["facility"],
                                      tuple(g["depots"]) if g.get("depots") else None)
            routes = [routing.Route(vehicle_type=r["vehicle_type"],
                                    trips=tuple(tuple(t) for t in r["trips"]),
                                    start_min=r["start_min"]) for r in g["routes"]]
            ev = routing.evaluate(core.subset(group, g["facility"]), routes,
                                  facility_id=g["facility"])
            groups.append(routing.GroupResult(group, g["facility"], routing.SolveResult(
                evaluation=ev, runtime_s=g["runtime_s"], iterations=g["iterations"],
                solver_cost=g["solver_cost"], label=group.label)))
        plans.append(routing.PlanResult(routing.Partition(plan["name"],
                                                          tuple(x.group for x in groups)),
                                        tuple(groups)))
    plans.sort(key=lambda p: p.cost)
    return core, routing.Comparison(plans=tuple(plans), currency=core.currency)


def plan_geojson(core: routing.Scenario, plan: routing.PlanResult) -> dict:
    """One FeatureCollection for a plan: every group's routes (numbered across
    the plan, with ``plan`` and ``group`` properties), points, depots, facilities."""
    features: list[dict] = []
    route_no = 0
    for g in plan.groups:
        sub = core.subset(g.group, g.facility_id)
        fc = routing.routes_to_geojson(sub, g.result.evaluation)
        offset = route_no
        for f in fc["features"]:
            props = f["properties"]
            props.update(plan=plan.name, group=g.label)
            if props["kind"] == "route":
                props["route"] += offset
                route_no = max(route_no, props["route"])
            elif props["kind"] == "point" and props.get("route") is not None:
                props["route"] += offset
            if props["kind"] == "facility" and any(
                    x["properties"]["kind"] == "facility" and x["properties"]["id"] == props["id"]
                    for x in features):
                continue
            features.append(f)
    return {"type": "FeatureCollection", "features": features}


def base_features(core: routing.Scenario) -> dict:
    """Points, depots and facilities of a scenario for the map (no routes)."""
    return {"points": [{"id": p.id, "name": p.name, "municipality": p.municipality, "lat": p.lat,
                        "lon": p.lon, "quantity_t": p.quantity_t} for p in core.points],
            "depots": [{"id": d.id, "name": d.name, "municipality": d.municipality,
                        "lat": d.lat, "lon": d.lon} for d in core.depots],
            "facilities": [{"id": f.id, "name": f.name, "lat": f.lat, "lon": f.lon,
                            "capacity_t_per_day": f.capacity_t_per_day} for f in core.facilities]}
