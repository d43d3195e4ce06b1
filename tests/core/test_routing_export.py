"""GeoJSON and CSV exports of routes."""

from __future__ import annotations

import csv
import io
import json

from circularcities.core.routing import routes_to_csv, routes_to_geojson, solve
from circularcities.core.routing.export import STOP_COLUMNS
from tests.core.test_routing_support import (  # noqa: F401
    small_scenario,
)


def test_geojson_and_csv():
    s = small_scenario()
    ev = solve(s, seconds=0.2).evaluation
    gj = routes_to_geojson(s, ev)
    json.dumps(gj)  # serialisable
    assert gj["type"] == "FeatureCollection"
    lines = [f for f in gj["features"] if f["geometry"]["type"] == "LineString"]
    assert len(lines) == len(ev.routes)
    for f, rm in zip(lines, ev.routes, strict=True):
        coords = f["geometry"]["coordinates"]
        assert coords[0] == coords[-1]  # back at the depot
        assert all(-180 <= lon <= 180 and -90 <= lat <= 90 for lon, lat in coords)
        assert f["properties"]["cost"] == round(rm.cost, 2)
    kinds = [f["properties"]["kind"] for f in gj["features"]]
    assert kinds.count("point") == len(s.points) and kinds.count("facility") == 1

    rows = list(csv.DictReader(io.StringIO(routes_to_csv(s, ev))))
    assert list(rows[0]) == STOP_COLUMNS
    assert {r["point_id"] for r in rows if r["point_id"]} == {p.id for p in s.points}
    assert sum(1 for r in rows if not r["point_id"]) == sum(len(rm.route.trips) for rm in ev.routes)
