"""The one place where stored scenarios meet the core's dataclasses.

- :func:`to_core`: a stored :class:`~.models.Scenario` -> ``core.routing.Scenario``;
- :func:`to_dict` / :func:`from_dict`: a core scenario <-> plain JSON (run snapshots);
- :func:`save_core`: a core scenario (read from a workbook) -> stored rows,
  replacing the scenario's rows so re-importing the same file changes nothing.
"""

from __future__ import annotations

from django.db import transaction

from circularcities.core import routing

from . import models as m


def _group(data: dict) -> routing.PlanGroup:
    depots = data.get("depots") or None
    return routing.PlanGroup(frozenset(data["municipalities"]), data.get("facility") or None,
                             tuple(depots) if depots else None)


def _group_dict(group: routing.PlanGroup) -> dict:
    return {"municipalities": sorted(group.municipalities), "facility": group.facility_id,
            "depots": list(group.depot_ids) if group.depot_ids else None}


def to_core(scenario: m.Scenario) -> routing.Scenario:
    """The core scenario of a stored one.

    Raises
    ------
    circularcities.core.errors.ValidationError
        When a stored value is not valid for the core (the message names it).
    """
    points = tuple(routing.CollectionPoint(
        id=p.code, name=p.name or p.code, municipality=p.municipality, lat=p.lat, lon=p.lon,
        quantity_t=p.quantity_t, service_min=p.service_min, earliest_min=p.earliest_min,
        latest_min=p.latest_min) for p in scenario.points.order_by("pk"))
    depots = tuple(routing.Depot(id=d.code, lat=d.lat, lon=d.lon, municipality=d.municipality,
                                 name=d.name) for d in scenario.depots.order_by("pk"))
    facilities = tuple(routing.Facility(id=f.code, lat=f.lat, lon=f.lon,
                                        capacity_t_per_day=f.capacity_t_per_day, name=f.name)
                       for f in scenario.facilities.order_by("pk"))
    vehicles = tuple(routing.VehicleType(
        id=v.code, depot_id=v.depot.code, count=v.count, capacity_t=v.capacity_t,
        cost_per_km=v.cost_per_km, cost_per_hour=v.cost_per_hour, cost_per_day=v.cost_per_day,
        speed_kmh=v.speed_kmh, co2e_kg_per_km=v.co2e_kg_per_km, shift_hours=v.shift_hours,
        name=v.name) for v in scenario.vehicle_types.select_related("depot").order_by("pk"))
    plans = tuple(routing.Partition(name=p.name, groups=tuple(_group(g) for g in p.groups))
                  for p in scenario.plans.all())
    return routing.Scenario(points=points, depots=depots, facilities=facilities,
                            vehicle_types=vehicles, currency=scenario.currency,
                            circuity=scenario.circuity, plans=plans, name=scenario.name)


def to_dict(scenario: routing.Scenario) -> dict:
    """A JSON-ready copy of a core scenario (:func:`from_dict` reads it back)."""
    return {
        "name": scenario.name, "currency": scenario.currency, "circuity": scenario.circuity,
        "points": [{"id": p.id, "name": p.name, "municipality": p.municipality, "lat": p.lat,
                    "lon": p.lon, "quantity_t": p.quantity_t, "service_min": p.service_min,
                    "earliest_min": p.earliest_min, "latest_min": p.latest_min}
                   for p in scenario.points],
        "depots": [{"id": d.id, "name": d.name, "municipality": d.municipality, "lat": d.lat,
                    "lon": d.lon} for d in scenario.depots],
        "facilities": [{"id": f.id, "name": f.name, "lat": f.lat, "lon": f.lon,
                        "capacity_t_per_day": f.capacity_t_per_day} for f in scenario.facilities],
        "vehicle_types": [{"id": v.id, "name": v.name, "depot_id": v.depot_id, "count": v.count,
                           "capacity_t": v.capacity_t, "cost_per_km": v.cost_per_km,
                           "cost_per_hour": v.cost_per_hour, "cost_per_day": v.cost_per_day,
                           "speed_kmh": v.speed_kmh, "co2e_kg_per_km": v.co2e_kg_per_km,
                           "shift_hours": v.shift_hours} for v in scenario.vehicle_types],
        "plans": [{"name": p.name, "groups": [_group_dict(g) for g in p.groups]}
                  for p in scenario.plans],
    }


def from_dict(data: dict) -> routing.Scenario:
    """The core scenario of :func:`to_dict`'s output."""
    return routing.Scenario(
        points=tuple(routing.CollectionPoint(**p) for p in data["points"]),
        depots=tuple(routing.Depot(**d) for d in data["depots"]),
        facilities=tuple(routing.Facility(**f) for f in data["facilities"]),
        vehicle_types=tuple(routing.VehicleType(**v) for v in data["vehicle_types"]),
        currency=data["currency"], circuity=data["circuity"], name=data.get("name", ""),
        plans=tuple(routing.Partition(name=p["name"], groups=tuple(_group(g) for g in p["groups"]))
                    for p in data.get("plans", [])))


def _sync(manager, rows: list[dict], **extra) -> None:
    """Make ``manager``'s rows exactly ``rows`` (by ``code``), touching only what differs."""
    keep = []
    for row in rows:
        obj, _ = manager.update_or_create(code=row.pop("code"), defaults={**row, **extra})
        keep.append(obj.pk)
    manager.exclude(pk__in=keep).delete()


@transaction.atomic
def save_core(stored: m.Scenario, core: routing.Scenario) -> m.Scenario:
    """Replace ``stored``'s data by ``core``'s (all or nothing); return ``stored``."""
    stored.currency = core.currency
    stored.circuity = core.circuity
    stored.save()
    _sync(stored.points, [{"code": p.id, "name": p.name, "municipality": p.municipality,
                           "lat": p.lat, "lon": p.lon, "quantity_t": p.quantity_t,
                           "service_min": p.service_min, "earliest_min": p.earliest_min,
                           "latest_min": p.latest_min} for p in core.points])
    _sync(stored.depots, [{"code": d.id, "name": d.name, "municipality": d.municipality,
                           "lat": d.lat, "lon": d.lon} for d in core.depots])
    _sync(stored.facilities, [{"code": f.id, "name": f.name, "lat": f.lat, "lon": f.lon,
                               "capacity_t_per_day": f.capacity_t_per_day}
                              for f in core.facilities])
    depots = {d.code: d for d in stored.depots.all()}
    _sync(stored.vehicle_types, [{"code": v.id, "name": v.name, "depot": depots[v.depot_id],
                                  "count": v.count, "capacity_t": v.capacity_t,
                                  "cost_per_km": v.cost_per_km, "cost_per_hour": v.cost_per_hour,
                                  "cost_per_day": v.cost_per_day, "speed_kmh": v.speed_kmh,
                                  "co2e_kg_per_km": v.co2e_kg_per_km,
                                  "shift_hours": v.shift_hours} for v in core.vehicle_types])
    keep = []
    for order, plan in enumerate(core.plans):
        obj, _ = stored.plans.update_or_create(
            name=plan.name, defaults={"order": order,
                                      "groups": [_group_dict(g) for g in plan.groups]})
        keep.append(obj.pk)
    stored.plans.exclude(pk__in=keep).delete()
    return stored
