"""Routes out as GeoJSON (maps) and CSV (spreadsheets)."""

from __future__ import annotations

import csv
import io

from circularcities.core.reports import csv_dict

from .model import Scenario
from .result import Evaluation


def routes_to_geojson(scenario: Scenario, evaluation: Evaluation) -> dict:
    """A GeoJSON FeatureCollection (RFC 7946, WGS84 ``[lon, lat]``).

    One ``LineString`` per route (depot -> points -> facility ... -> depot,
    straight segments: the drawn line is not the road), one ``Point`` per
    collection point, depot and facility used. Route properties carry the
    figures with units in the key names.
    """
    points = {p.id: p for p in scenario.points}
    depots = {d.id: d for d in scenario.depots}
    fac = scenario.facility(evaluation.facility_id)
    features = []
    for n, rm in enumerate(evaluation.routes, start=1):
        d = depots[rm.depot_id]
        line = [[d.lon, d.lat]]
        for stop in rm.stops:
            p = points[stop.point_id] if stop.point_id else fac
            line.append([p.lon, p.lat])
        line.append([d.lon, d.lat])
        features.append({"type": "Feature", "geometry": {"type": "LineString",
                                                         "coordinates": line},
                         "properties": {"kind": "route", "route": n,
                                        "vehicle_type": rm.route.vehicle_type,
                                        "depot": rm.depot_id, "trips": len(rm.route.trips),
                                        "stops": list(rm.route.stops),
                                        "distance_km": round(rm.distance_km, 3),
                                        "duration_h": round(rm.duration_h, 3),
                                        "load_t": round(rm.load_t, 4),
                                        "cost": round(rm.cost, 2),
                                        "currency": evaluation.currency,
                                        "co2e_kg": round(rm.co2e_kg, 2)}})
    served = {s.point_id: (n, s) for n, rm in enumerate(evaluation.routes, start=1)
              for s in rm.stops if s.point_id}
    for p in scenario.points:
        n, s = served.get(p.id, (None, None))  # type: ignore[assignment]
        features.append({"type": "Feature", "geometry": {"type": "Point",
                                                         "coordinates": [p.lon, p.lat]},
                         "properties": {"kind": "point", "id": p.id, "name": p.name,
                                        "municipality": p.municipality,
                                        "quantity_t": p.quantity_t, "route": n,
                                        "arrival_min": None if s is None
                                        else round(s.arrival_min, 1)}})
    used = {rm.depot_id for rm in evaluation.routes}
    for d in scenario.depots:
        if d.id in used:
            features.append({"type": "Feature", "geometry": {"type": "Point",
                                                             "coordinates": [d.lon, d.lat]},
                             "properties": {"kind": "depot", "id": d.id, "name": d.name}})
    features.append({"type": "Feature", "geometry": {"type": "Point",
                                                     "coordinates": [fac.lon, fac.lat]},
                     "properties": {"kind": "facility", "id": fac.id, "name": fac.name,
                                    "capacity_t_per_day": fac.capacity_t_per_day}})
    return {"type": "FeatureCollection", "features": features}


STOP_COLUMNS = ["route", "vehicle_type", "depot", "trip", "sequence", "point_id", "name",
                "municipality", "arrival_min", "service_start_min", "departure_min",
                "load_after_t"]


def stop_rows(scenario: Scenario, evaluation: Evaluation) -> list[dict]:
    """One row per stop (``point_id`` empty and name ``"unload at <facility>"``
    for facility stops), columns :data:`STOP_COLUMNS`."""
    points = {p.id: p for p in scenario.points}
    rows = []
    for n, rm in enumerate(evaluation.routes, start=1):
        for seq, s in enumerate(rm.stops, start=1):
            p = points.get(s.point_id) if s.point_id else None
            rows.append({"route": n, "vehicle_type": rm.route.vehicle_type,
                         "depot": rm.depot_id, "trip": s.trip, "sequence": seq,
                         "point_id": s.point_id or "",
                         "name": p.name if p else f"unload at {evaluation.facility_id}",
                         "municipality": p.municipality if p else "",
                         "arrival_min": round(s.arrival_min, 2),
                         "service_start_min": round(s.start_min, 2),
                         "departure_min": round(s.departure_min, 2),
                         "load_after_t": round(s.load_t, 4)})
    return rows


def routes_to_csv(scenario: Scenario, evaluation: Evaluation) -> str:
    """The stops of every route as CSV text (header :data:`STOP_COLUMNS`)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=STOP_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(csv_dict(row) for row in stop_rows(scenario, evaluation))
    return out.getvalue()
