"""Shared builders for the routing tests (no tests in here).

SmallScenario: two municipalities (North, South) with 4 points each around
a small town, a depot in each, one facility between them; easy to follow and
solved to optimality in well under a second.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np

from circularcities.core.routing import (
    CollectionPoint,
    Depot,
    Facility,
    Partition,
    PlanGroup,
    Scenario,
    VehicleType,
)

DATA = Path(__file__).resolve().parents[1] / "data"
REPO = Path(__file__).resolve().parents[2]


def small_scenario(*, capacity_t: float = 2.0, count: int = 2, windows: bool = True,
                   facility_capacity: float = 100.0, shift_hours: float = 8.0) -> Scenario:
    """SmallScenario (see module docstring)."""
    points = []
    for m, (lat0, lon0) in {"North": (34.10, 131.40), "South": (34.00, 131.40)}.items():
        for i, (dlat, dlon) in enumerate([(0.01, 0.0), (0.0, 0.012), (-0.01, 0.0),
                                          (0.0, -0.012)]):
            early, late = (None, None)
            if windows and i == 1:
                early, late = (30.0, 120.0)
            points.append(CollectionPoint(id=f"{m[0]}{i}", name=f"{m} point {i}",
                                          municipality=m, lat=lat0 + dlat, lon=lon0 + dlon,
                                          quantity_t=0.6 + 0.1 * i, service_min=5.0,
                                          earliest_min=early, latest_min=late))
    depots = (Depot("dN", 34.11, 131.39, "North", "North depot"),
              Depot("dS", 33.99, 131.41, "South", "South depot"))
    vehicles = tuple(VehicleType(id=f"v{d.id}", depot_id=d.id, count=count, capacity_t=capacity_t,
                                 cost_per_km=50.0, cost_per_hour=3000.0, cost_per_day=10000.0,
                                 speed_kmh=30.0, co2e_kg_per_km=0.5, shift_hours=shift_hours)
                     for d in depots)
    plans = (Partition("apart", (PlanGroup({"North"}), PlanGroup({"South"}))),
             Partition("together", (PlanGroup({"North", "South"}),)))
    return Scenario(points=tuple(points), depots=depots,
                    facilities=(Facility("plant", 34.05, 131.45, facility_capacity, "Plant"),),
                    vehicle_types=vehicles, currency="JPY", plans=plans, name="small")


def brute_force_cvrp(distance: np.ndarray, demand: list[int], capacity: int) -> int:
    """Optimal CVRP cost by enumeration (depot = index 0; tiny instances only)."""
    customers = list(range(1, len(demand)))

    def tsp(route: tuple[int, ...]) -> int:
        best = None
        for perm in itertools.permutations(route):
            cost = distance[0, perm[0]] + distance[perm[-1], 0] + sum(
                distance[a, b] for a, b in itertools.pairwise(perm))
            best = cost if best is None else min(best, cost)
        return int(best)

    def partitions(items):
        if not items:
            yield []
            return
        first, rest = items[0], items[1:]
        for smaller in partitions(rest):
            yield [[first], *smaller]
            for i in range(len(smaller)):
                yield [*smaller[:i], [first, *smaller[i]], *smaller[i + 1:]]

    best = None
    for part in partitions(customers):
        if any(sum(demand[c] for c in r) > capacity for r in part):
            continue
        cost = sum(tsp(tuple(r)) for r in part)
        best = cost if best is None else min(best, cost)
    return int(best)
