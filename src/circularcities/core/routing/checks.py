"""Checks run before solving: every problem found is reported at once.

Reference problems (unknown depot, no vehicles ...) raise
:class:`~circularcities.core.errors.ValidationError`; data that is valid but
cannot be served (a point heavier than every vehicle, a facility too small,
a time window no vehicle can reach) raises
:class:`~circularcities.core.errors.InfeasibleError`. Both carry a
``problems`` list of :class:`~circularcities.core.errors.Problem`.
"""

from __future__ import annotations

import numpy as np

from circularcities.core.errors import InfeasibleError, Problem, ValidationError

from .distance import DistanceProvider, GreatCircleCircuity
from .model import Facility, Partition, Scenario

_EPS = 1e-9


def _fail(kind: type[Exception], problems: list[Problem]) -> None:
    if problems:
        exc = kind("; ".join(str(p) for p in problems))
        exc.problems = problems  # type: ignore[attr-defined]
        raise exc


def check_references(scenario: Scenario, facility: Facility | None = None) -> None:
    """Raise ValidationError unless the scenario can be turned into a model.

    Checks: at least one point, depot, facility and vehicle; every vehicle
    type's depot exists; ``facility`` (if given) belongs to the scenario.
    """
    problems: list[Problem] = []
    if not scenario.points:
        problems.append(Problem("Expected at least one collection point.", sheet="points"))
    if not scenario.depots:
        problems.append(Problem("Expected at least one depot.", sheet="depots"))
    if not scenario.facilities:
        problems.append(Problem("Expected at least one processing facility.", sheet="facilities"))
    if sum(v.count for v in scenario.vehicle_types) == 0:
        problems.append(Problem("Expected at least one vehicle (no vehicle type has count > 0).",
                                sheet="vehicles"))
    depot_ids = {d.id for d in scenario.depots}
    for v in scenario.vehicle_types:
        if v.depot_id not in depot_ids:
            problems.append(Problem(f"Vehicle type '{v.id}': expected a known depot id, got "
                                    f"'{v.depot_id}'.", sheet="vehicles", column="depot_id"))
    if facility is not None and facility not in scenario.facilities:
        problems.append(Problem(f"Expected facility '{facility.id}' to be in the scenario."))
    _fail(ValidationError, problems)


def check_feasibility(scenario: Scenario, facility: Facility,
                      distances: DistanceProvider | None = None) -> None:
    """Raise InfeasibleError listing every reason the scenario cannot be served.

    Checks: each point fits in at least one vehicle; the day's total fits
    the facility's daily capacity; each point with a time window can be
    reached in time from some depot and the vehicle can still unload and get
    home within its shift.
    """
    problems: list[Problem] = []
    vehicles = [v for v in scenario.vehicle_types if v.count > 0]
    biggest = max((v.capacity_t for v in vehicles), default=0.0)
    for p in scenario.points:
        if p.quantity_t > biggest + _EPS:
            problems.append(Problem(f"Point '{p.id}' ({p.name}): {p.quantity_t:g} t per "
                                    f"collection is more than the largest vehicle carries "
                                    f"({biggest:g} t).", sheet="points", column="quantity_t"))
    total = scenario.total_quantity_t
    if total > facility.capacity_t_per_day + _EPS:
        problems.append(Problem(f"Facility '{facility.id}': the points produce {total:g} t per "
                                f"day but it accepts only {facility.capacity_t_per_day:g} t per "
                                "day.", sheet="facilities", column="capacity_t_per_day"))
    problems += _reach_problems(scenario, facility, vehicles,
                                distances or GreatCircleCircuity(scenario.circuity))
    _fail(InfeasibleError, problems)


def _reach_problems(scenario, facility, vehicles, distances) -> list[Problem]:
    depots = {d.id: d for d in scenario.depots}
    vehicles = [v for v in vehicles if v.depot_id in depots]
    if not vehicles or not scenario.points:
        return []
    places = np.array([[d.lat, d.lon] for d in depots.values()] + [[facility.lat, facility.lon]]
                      + [[p.lat, p.lon] for p in scenario.points])
    didx = {d: i for i, d in enumerate(depots)}
    fac = len(depots)
    problems = []
    durations = {v.speed_kmh: distances.duration_h(places, v.speed_kmh) * 60 for v in vehicles}
    for k, p in enumerate(scenario.points, start=fac + 1):
        ok_window = ok_shift = False
        for v in vehicles:
            dur = durations[v.speed_kmh]
            d = didx[v.depot_id]
            arrive = max(dur[d, k], p.earliest_min or 0.0)
            if p.latest_min is None or arrive <= p.latest_min + _EPS:
                ok_window = True
                back = arrive + p.service_min + dur[k, fac] + dur[fac, d]
                ok_shift = ok_shift or back <= v.shift_hours * 60 + _EPS
        if not ok_window:
            problems.append(Problem(f"Point '{p.id}' ({p.name}): no vehicle can arrive before "
                                    f"its latest time ({p.latest_min:g} min after the shift "
                                    "starts).", sheet="points", column="latest_min"))
        elif not ok_shift:
            problems.append(Problem(f"Point '{p.id}' ({p.name}): no vehicle can collect it, "
                                    "unload at the facility and return within its shift.",
                                    sheet="points"))
    return problems


def check_partition(scenario: Scenario, partition: Partition) -> None:
    """Raise ValidationError unless ``partition`` covers the scenario's
    municipalities exactly once and names known facilities and depots."""
    problems = []
    known = set(scenario.municipalities)
    missing = known - partition.municipalities
    unknown = partition.municipalities - known
    if missing:
        problems.append(Problem(f"Plan '{partition.name}': expected every municipality in a "
                                f"group, missing {', '.join(sorted(missing))}.", sheet="plans"))
    if unknown:
        problems.append(Problem(f"Plan '{partition.name}': no collection points in "
                                f"{', '.join(sorted(unknown))}.", sheet="plans",
                                column="municipalities"))
    facilities = {f.id for f in scenario.facilities}
    depots = {d.id for d in scenario.depots}
    for g in partition.groups:
        if g.facility_id is not None and g.facility_id not in facilities:
            problems.append(Problem(f"Plan '{partition.name}', group {g.label}: unknown "
                                    f"facility '{g.facility_id}'.", sheet="plans",
                                    column="facility"))
        for d in g.depot_ids or ():
            if d not in depots:
                problems.append(Problem(f"Plan '{partition.name}', group {g.label}: unknown "
                                        f"depot '{d}'.", sheet="plans", column="depots"))
    _fail(ValidationError, problems)
