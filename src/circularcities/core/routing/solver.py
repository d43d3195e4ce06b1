"""Solve a collection scenario with PyVRP.

Model (documented choice)
-------------------------
Each vehicle leaves its home depot, collects points, drives to the
processing facility and unloads; it may then start another trip from the
facility (PyVRP *reload depots*), and after its last unload drives home.
In PyVRP terms every vehicle type starts at its depot, *ends at the
facility* and may reload there; the facility -> home leg is the same for
every route of a vehicle type, so its distance and time cost is added to
the type's fixed cost and its duration taken off the shift end. When the
facility and the depot coincide that leg is zero. The facility leg is
therefore always counted, which is what the plans being compared (who
drives how far to which plant) are about.

Penalties: PyVRP searches through infeasible plans with penalties per unit
of excess load or lateness whose bounds are tuned for costs of about one
unit per distance unit; the bounds are multiplied by the cost of one second
of driving so they keep their meaning.

Integer scaling: PyVRP works in integers, so distances are metres
(rounded), times are seconds rounded *up*, time windows are tightened to
whole seconds (earliest up, latest down), loads are kilograms rounded *up*
and capacities kilograms rounded *down*. A plan PyVRP calls feasible is then
feasible in the exact figures :func:`~.evaluate.evaluate` recomputes, which
are the figures reported. Costs are scaled by a power of ten chosen so the
smallest per-metre / per-second cost is at least 1000 units (rounding error
below 0.05 %).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence

import numpy as np
from pyvrp import (
    Activity,
    ActivityType,
    Client,
    Depot,
    Location,
    PenaltyParams,
    ProblemData,
    Solution,
    SolveParams,
)
from pyvrp import Route as PyVRPRoute
from pyvrp import VehicleType as PyVRPVehicleType
from pyvrp import solve as pyvrp_solve
from pyvrp.stop import MaxRuntime

from circularcities.core.errors import InfeasibleError, ValidationError

from .checks import check_feasibility, check_references
from .distance import DistanceProvider, GreatCircleCircuity
from .evaluate import evaluate
from .model import Scenario
from .result import Progress, Route, SolveResult

ProgressCallback = Callable[[Progress], object]
"""Called with a :class:`Progress` about ten times a second; if it returns
``True`` the search stops and the best plan so far is returned."""

_INT_MAX = np.iinfo(np.int64).max


class ProgressStop:
    """PyVRP stopping criterion: a time limit that also reports progress.

    Parameters
    ----------
    seconds
        Time limit, seconds, ``> 0``.
    callback
        Optional :data:`ProgressCallback`.
    cost_scale
        Solver cost units per currency unit (to report ``best_cost``).
    interval
        Seconds between two calls of ``callback``.
    """

    def __init__(self, seconds: float, callback: ProgressCallback | None = None,
                 cost_scale: float = 1.0, interval: float = 0.1, label: str = ""):
        if not seconds > 0:
            raise ValidationError(f"Expected seconds > 0, got {seconds!r}.")
        self._limit = MaxRuntime(seconds)
        self.seconds = seconds
        self.callback = callback
        self.cost_scale = cost_scale
        self.interval = interval
        self.label = label
        self.iterations = 0
        self._start: float | None = None
        self._last = -math.inf
        self.stopped_by_callback = False

    def __call__(self, best_cost: int) -> bool:
        now = time.perf_counter()
        if self._start is None:
            self._start = now
        self.iterations += 1
        done = self._limit(best_cost)
        if self.callback is not None and (done or now - self._last >= self.interval):
            self._last = now
            best = None if best_cost >= _INT_MAX // 2 else best_cost / self.cost_scale
            elapsed = now - self._start
            if self.callback(Progress(fraction=min(1.0, elapsed / self.seconds),
                                      elapsed_s=elapsed, iterations=self.iterations,
                                      best_cost=best, label=self.label)) is True:
                self.stopped_by_callback = True
                return True
        return done


def cost_scale(scenario: Scenario) -> float:
    """Power of ten turning per-metre and per-second costs into integers
    with at most 0.05 % rounding error (capped at 10**9)."""
    coefs = [c for v in scenario.vehicle_types
             for c in (v.cost_per_km / 1000.0, v.cost_per_hour / 3600.0) if c > 0]
    if not coefs:
        return 1.0
    k = math.ceil(math.log10(1000.0 / min(coefs)))
    return float(10 ** min(max(k, 0), 9))


def solve(scenario: Scenario, *, seconds: float = 10.0, seed: int = 0,
          facility_id: str | None = None, distances: DistanceProvider | None = None,
          progress: ProgressCallback | None = None, label: str = "",
          initial_routes: Sequence[Route] | None = None) -> SolveResult:
    """Plan the day's collection routes for ``scenario``.

    Parameters
    ----------
    scenario
        Points, depots, vehicles and (at least) the facility to unload at.
    seconds
        Time limit of the search, seconds, ``> 0``.
    seed
        Seed of the search; same seed and time give the same plan on the
        same machine load (the search is time-limited, so not bit-for-bit).
    facility_id
        Facility to unload at; default: the scenario's only facility.
    distances
        Distance provider; default ``GreatCircleCircuity(scenario.circuity)``.
    progress
        Optional :data:`ProgressCallback` (progress bars, cancelling).
    label
        Shown in :class:`Progress` and kept in the result.
    initial_routes
        Optional warm start (e.g. the routes of sub-groups when solving a
        joint plan); the search never returns a plan worse than a feasible
        warm start. Ignored when it does not fit the scenario.

    Returns
    -------
    SolveResult
        Routes with figures recomputed by :func:`~.evaluate.evaluate`.

    Raises
    ------
    ValidationError
        Bad references, no vehicles, bad parameters (all problems listed).
    InfeasibleError
        A check before solving fails (all problems listed), or the search
        finds no feasible plan in the time given.
    """
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise ValidationError(f"Expected a whole number seed >= 0, got {seed!r}.")
    if not isinstance(seconds, int | float) or not seconds > 0:
        raise ValidationError(f"Expected seconds > 0, got {seconds!r}.")
    facility = scenario.facility(facility_id)
    distances = distances or GreatCircleCircuity(scenario.circuity)
    check_references(scenario, facility)
    check_feasibility(scenario, facility, distances)

    data, types, scale, unit = _problem_data(scenario, facility, distances)
    stop = ProgressStop(seconds, progress, cost_scale=scale, label=label)
    # PyVRP's penalty bounds assume about one cost unit per distance unit;
    # ours cost ``unit`` per second of driving, so the bounds scale with it.
    defaults = PenaltyParams()
    params = SolveParams(penalty=PenaltyParams(min_penalty=defaults.min_penalty * unit,
                                               max_penalty=defaults.max_penalty * unit))
    init = _initial_solution(data, scenario, types, initial_routes)
    result = pyvrp_solve(data, stop, seed=seed, collect_stats=False, display=False,
                         params=params, initial_solution=init)
    best = result.best
    if not best.is_feasible():
        reasons = []
        if best.has_excess_load():
            reasons.append("some trips are over capacity")
        if best.has_time_warp():
            reasons.append("some time windows or shifts are missed")
        if best.num_missing_clients():
            reasons.append(f"{best.num_missing_clients()} points are not served")
        raise InfeasibleError(f"No feasible plan found in {seconds:g} s ("
                              f"{', '.join(reasons) or 'unknown reason'}): add vehicles, "
                              "lengthen shifts or time windows, or allow more time.")
    home = len(scenario.depots) + 1  # locations: depots, facility, points
    routes = []
    for r in best.routes():
        trips: list[list[str]] = [[]]
        for activity in r.schedule()[1:-1]:
            if activity.is_depot():
                trips.append([])
            else:
                trips[-1].append(scenario.points[data.client(activity.idx).location - home].id)
        routes.append(Route(vehicle_type=types[r.vehicle_type()].id,
                            trips=tuple(tuple(t) for t in trips if t),
                            start_min=r.start_time() / 60.0))
    evaluation = evaluate(scenario, routes, facility_id=facility.id, distances=distances)
    return SolveResult(evaluation=evaluation, runtime_s=result.runtime,
                       iterations=result.num_iterations, solver_cost=result.cost() / scale,
                       label=label)


def _initial_solution(data: ProblemData, scenario: Scenario, types, routes):
    if not routes:
        return None
    client = {p.id: i for i, p in enumerate(scenario.points)}
    type_idx = {v.id: i for i, v in enumerate(types)}
    fac = len(scenario.depots)
    pyroutes = []
    for route in routes:
        if route.vehicle_type not in type_idx or any(p not in client for p in route.stops):
            return None
        activities = []
        for n, trip in enumerate(route.trips):
            if n:
                activities.append(Activity(ActivityType.DEPOT, fac))
            activities += [Activity(ActivityType.CLIENT, client[p]) for p in trip]
        pyroutes.append(PyVRPRoute(data, activities, type_idx[route.vehicle_type]))
    try:
        return Solution(data, pyroutes)
    except (ValueError, RuntimeError, IndexError):
        return None


def _problem_data(scenario: Scenario, facility, distances: DistanceProvider):
    depots = list(scenario.depots)
    points = list(scenario.points)
    places = np.array([[d.lat, d.lon] for d in depots] + [[facility.lat, facility.lon]]
                      + [[p.lat, p.lon] for p in points])
    fac = len(depots)
    dist_m = np.rint(distances.distance_km(places) * 1000.0).astype(np.int64)
    types = [v for v in scenario.vehicle_types if v.count > 0]
    speeds = sorted({v.speed_kmh for v in types})
    dur_s = [np.ceil(distances.duration_h(places, s) * 3600.0 - 1e-9).astype(np.int64)
             for s in speeds]
    for m in dur_s:
        np.fill_diagonal(m, 0)
    np.fill_diagonal(dist_m, 0)

    locations = [Location(x=lon, y=lat, name=name) for (lat, lon), name in zip(
        places, [d.id for d in depots] + [facility.id] + [p.id for p in points], strict=True)]
    pydepots = [Depot(location=i, name=d.id) for i, d in enumerate(depots)]
    pydepots.append(Depot(location=fac, name=facility.id))
    clients = []
    for k, p in enumerate(points, start=fac + 1):
        late = _INT_MAX if p.latest_min is None else math.floor(p.latest_min * 60 + 1e-9)
        clients.append(Client(location=k, pickup=[math.ceil(p.quantity_t * 1000 - 1e-9)],
                              service_duration=math.ceil(p.service_min * 60 - 1e-9),
                              tw_early=math.ceil((p.earliest_min or 0.0) * 60 - 1e-9),
                              tw_late=late, name=p.id))
    scale = cost_scale(scenario)
    depot_idx = {d.id: i for i, d in enumerate(depots)}
    pytypes = []
    unit = 1.0  # cost units of the dearest second of driving
    for v in types:
        d = depot_idx[v.depot_id]
        prof = speeds.index(v.speed_kmh)
        per_m = round(v.cost_per_km / 1000.0 * scale)
        per_s = round(v.cost_per_hour / 3600.0 * scale)
        unit = max(unit, per_s + per_m * v.speed_kmh / 3.6)
        back_m, back_s = int(dist_m[fac, d]), int(dur_s[prof][fac, d])
        fixed = round(v.cost_per_day * scale) + per_m * back_m + per_s * back_s
        pytypes.append(PyVRPVehicleType(
            num_available=v.count, capacity=[math.floor(v.capacity_t * 1000 + 1e-9)],
            start_depot=d, end_depot=fac, fixed_cost=fixed,
            tw_late=max(0, math.floor(v.shift_hours * 3600 + 1e-9) - back_s),
            unit_distance_cost=per_m, unit_duration_cost=per_s, profile=prof,
            reload_depots=[fac], name=v.id))
    data = ProblemData(locations, clients, pydepots, pytypes,
                       [dist_m] * len(speeds), dur_s)  # type: ignore[arg-type, list-item]
    return data, types, scale, unit
