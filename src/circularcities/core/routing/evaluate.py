"""Recompute a plan's figures and feasibility from scratch.

:func:`evaluate` shares no code with the solver beyond the distance
provider: it walks each route in floating point, so tests can check the
solver's answer against it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import numpy as np

from .distance import DistanceProvider, GreatCircleCircuity
from .model import Scenario
from .result import Evaluation, Route, RouteMetrics, Stop

TOLERANCE_MIN = 1e-6
"""Slack allowed on times (minutes) before a window counts as missed."""

TOLERANCE_T = 1e-9
"""Slack allowed on loads (tonnes) before a trip counts as overloaded."""


def evaluate(scenario: Scenario, routes: Iterable[Route], *, facility_id: str | None = None,
             distances: DistanceProvider | None = None) -> Evaluation:
    """Figures and feasibility of ``routes`` for ``scenario``.

    Parameters
    ----------
    scenario
        The scenario (or the subset of it the routes serve).
    routes
        One route per vehicle used.
    facility_id
        Facility where trips unload; default: the scenario's only facility.
    distances
        Distance provider; default ``GreatCircleCircuity(scenario.circuity)``.

    Returns
    -------
    Evaluation
        Per-route figures, totals and the list of violations (empty when
        feasible).
    """
    routes = list(routes)
    facility = scenario.facility(facility_id)
    distances = distances or GreatCircleCircuity(scenario.circuity)
    depots = {d.id: d for d in scenario.depots}
    points = {p.id: p for p in scenario.points}
    types = {v.id: v for v in scenario.vehicle_types}

    keys = [("depot", d) for d in depots] + [("facility", facility.id)] + [
        ("point", p) for p in points]
    places = np.array([[d.lat, d.lon] for d in depots.values()] + [[facility.lat, facility.lon]]
                      + [[p.lat, p.lon] for p in points.values()])
    index = {k: i for i, k in enumerate(keys)}
    dist = distances.distance_km(places)
    durations: dict[float, np.ndarray] = {}

    violations: list[str] = []
    metrics: list[RouteMetrics] = []
    for n, route in enumerate(routes, start=1):
        vt = types.get(route.vehicle_type)
        if vt is None:
            violations.append(f"Route {n}: unknown vehicle type '{route.vehicle_type}'.")
            continue
        if vt.depot_id not in depots:
            violations.append(f"Route {n}: depot '{vt.depot_id}' is not in the scenario.")
            continue
        if vt.speed_kmh not in durations:
            durations[vt.speed_kmh] = distances.duration_h(places, vt.speed_kmh) * 60.0
        dur = durations[vt.speed_kmh]
        if not route.trips or any(not trip for trip in route.trips):
            violations.append(f"Route {n}: expected at least one trip and no empty trip.")
        if route.start_min < -TOLERANCE_MIN:
            violations.append(f"Route {n}: starts before the shift ({route.start_min:g} min).")

        here = index[("depot", vt.depot_id)]
        fac = index[("facility", facility.id)]
        t = route.start_min
        km = drive = 0.0
        stops: list[Stop] = []
        loads: list[float] = []
        for trip_no, trip in enumerate(route.trips, start=1):
            load = 0.0
            for pid in trip:
                p = points.get(pid)
                if p is None:
                    violations.append(f"Route {n}: unknown point '{pid}'.")
                    continue
                nxt = index[("point", pid)]
                km += dist[here, nxt]
                drive += dur[here, nxt]
                arrival = t + dur[here, nxt]
                start = max(arrival, p.earliest_min or 0.0)
                if p.latest_min is not None and start > p.latest_min + TOLERANCE_MIN:
                    violations.append(f"Route {n}: point '{pid}' served at {start:.1f} min, "
                                      f"after its latest time {p.latest_min:g} min.")
                t = start + p.service_min
                load += p.quantity_t
                stops.append(Stop(pid, trip_no, arrival, start, t, load))
                here = nxt
            km += dist[here, fac]
            drive += dur[here, fac]
            t += dur[here, fac]
            stops.append(Stop(None, trip_no, t, t, t, 0.0))
            here = fac
            loads.append(load)
            if load > vt.capacity_t + TOLERANCE_T:
                violations.append(f"Route {n}, trip {trip_no}: carries {load:g} t, more than "
                                  f"the vehicle's {vt.capacity_t:g} t.")
        home = index[("depot", vt.depot_id)]
        km += dist[here, home]
        drive += dur[here, home]
        t += dur[here, home]
        if t > vt.shift_hours * 60 + TOLERANCE_MIN:
            violations.append(f"Route {n}: returns at {t:.1f} min, after the end of the "
                              f"{vt.shift_hours:g} h shift.")
        duration_h = (t - route.start_min) / 60.0
        cost = vt.cost_per_day + vt.cost_per_km * km + vt.cost_per_hour * duration_h
        metrics.append(RouteMetrics(route=route, depot_id=vt.depot_id, distance_km=float(km),
                                    duration_h=float(duration_h), driving_h=float(drive / 60.0),
                                    load_t=float(sum(loads)), trip_loads_t=tuple(loads),
                                    cost=float(cost), co2e_kg=float(km * vt.co2e_kg_per_km),
                                    stops=tuple(stops)))

    used = Counter(r.vehicle_type for r in routes)
    for type_id, count in used.items():
        if type_id in types and count > types[type_id].count:
            violations.append(f"Vehicle type '{type_id}': {count} routes but only "
                              f"{types[type_id].count} vehicles.")
    visits = Counter(pid for r in routes for pid in r.stops)
    for pid in points:
        if visits[pid] == 0:
            violations.append(f"Point '{pid}' is not collected.")
        elif visits[pid] > 1:
            violations.append(f"Point '{pid}' is collected {visits[pid]} times.")
    return Evaluation(routes=tuple(metrics), violations=tuple(violations),
                      currency=scenario.currency, facility_id=facility.id)

