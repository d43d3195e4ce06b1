"""A generated matching instance for the distributed-matching tests: listings in
several regions far apart and of several materials, so it has many components."""

from __future__ import annotations

import csv
import math
from pathlib import Path

import numpy as np

from circularcities.core import matching as core

MAX_KM = 40.0
REGIONS = [(52.37, 4.90), (43.88, 125.32), (48.86, 2.35), (41.39, 2.17), (-33.87, 151.21),
           (40.71, -74.01)]
MATERIALS = ["wood", "concrete", "glass", "food waste"]


def listings(n: int = 320, seed: int = 18) -> tuple[list[core.Listing], list[core.Listing]]:
    """About n/2 offers and n/2 wants, spread within ~15 km of each region's centre."""
    rng = np.random.default_rng(seed)
    sides: tuple[list[core.Listing], list[core.Listing]] = ([], [])
    for k in range(n):
        lat0, lon0 = REGIONS[k % len(REGIONS)]
        dy, dx = rng.normal(0, 7, 2)  # km
        lat = lat0 + float(dy) / 111.0
        lon = lon0 + float(dx) / (111.0 * math.cos(math.radians(lat0)))
        side = k // len(REGIONS) % 2
        sides[side].append(core.Listing(
            id=f"{'ow'[side]}{k:04d}", material=MATERIALS[int(rng.integers(len(MATERIALS)))],
            quantity_t=round(float(rng.uniform(0.5, 60)), 3), lat=round(lat, 5),
            lon=round(lon, 5)))
    return sides


def write_csv(path: Path, items: list[core.Listing]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "material", "quantity_t", "lat", "lon"])
        for x in items:
            w.writerow([x.id, x.material, repr(x.quantity_t), repr(x.lat), repr(x.lon)])
    return path


def assert_same_plan(got: list[tuple[str, str, float, float]], want: core.MatchPlan) -> None:
    """Same exchanges; tonnes and tonne-km equal to 1e-9 relative (in fact bit for bit)."""
    assert [(o, w) for o, w, _q, _d in got] == [(m.offer, m.want) for m in want.matches]
    for (_o, _w, q, d), m in zip(got, want.matches, strict=True):
        assert math.isclose(q, m.quantity_t, rel_tol=1e-9)
        assert math.isclose(d, m.distance_km, rel_tol=1e-9)
    assert math.isclose(sum(q for _o, _w, q, _d in got), want.matched_t, rel_tol=1e-9)
    assert math.isclose(sum(q * d for _o, _w, q, d in got), want.tonne_km, rel_tol=1e-9)
