"""Build the Yamaguchi food-waste collection demo (``scenario.xlsx``).

Run from the repository root::

    python -m circularcities.data.routing_demo.build_demo   # or
    python src/circularcities/data/routing_demo/build_demo.py

Real: the three city halls (``../japan_municipal_offices.csv``) and the
prefecture's ~10,000 t/yr of food waste (Green Circular Cities Coalition
brochure, Yamaguchi case). Everything else -- shops, restaurants, canteens,
depots, the feed plant's site and size, the fleet and its costs -- is
GENERATED or ASSUMED, with a fixed seed; see README.md.
"""

from __future__ import annotations

import csv
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
    write_scenario,
)

HERE = Path(__file__).resolve().parent
OFFICES = HERE.parent / "japan_municipal_offices.csv"
SEED = 20240601

ANNUAL_T = 10_000.0
"""Food waste of the prefecture, t/yr (brochure: "around 10,000 tons")."""
OPERATING_DAYS = 300
"""Collection days per year: six days a week minus about 12 public holidays (assumption)."""

CITIES = {
    # lgcode: (English name, population used to share the tonnage, points, south_ok)
    # Populations: 2020 census, rounded (Ube ~162,000, Yamaguchi ~194,000, Hofu ~114,000).
    "352021": ("Ube", 162_000, 25, False),
    "352039": ("Yamaguchi", 194_000, 30, True),
    "352063": ("Hofu", 114_000, 20, False),
}
KINDS = [("shop", 0.45, 0.6), ("restaurant", 0.40, 1.0), ("canteen", 0.15, 2.0)]
"""(kind, share of points, relative size)."""

FEED_PLANT = Facility(id="feed-plant", name="Poultry-feed plant (hypothetical site, generated)",
                      lat=34.0600, lon=131.4000, capacity_t_per_day=60.0)
"""Hypothetical site in the Ajisu/Aio area of Yamaguchi city, near the
coast between the three cities (poultry farms and feed makers sit in the
rural south-west of the city); capacity 60 t/day, about 1.8 times the
demo's 33 t/day, so the joint plan is not capacity-bound."""


def _vehicles(city: str, depot_id: str) -> list[VehicleType]:
    # Assumed costs, JPY (see README): diesel ~160 JPY/L at ~5 km/L plus tyres
    # and maintenance; a driver and a loader at ~1,750 JPY/h each; lease,
    # insurance and depreciation per vehicle-day.
    return [
        VehicleType(id=f"{city.lower()}-2t", name=f"{city} 2 t packer truck", depot_id=depot_id,
                    count=4, capacity_t=2.0, cost_per_km=45.0, cost_per_hour=3_500.0,
                    cost_per_day=12_000.0, speed_kmh=25.0, co2e_kg_per_km=0.52,
                    shift_hours=8.0),
        VehicleType(id=f"{city.lower()}-4t", name=f"{city} 4 t packer truck", depot_id=depot_id,
                    count=2, capacity_t=4.0, cost_per_km=60.0, cost_per_hour=3_500.0,
                    cost_per_day=18_000.0, speed_kmh=25.0, co2e_kg_per_km=0.75,
                    shift_hours=8.0),
    ]


def city_halls() -> dict[str, tuple[float, float]]:
    """``lgcode -> (lat, lon)`` of the three city halls, from the packaged CSV."""
    with open(OFFICES, encoding="utf-8") as fh:
        return {row["lgcode"]: (float(row["lat"]), float(row["lon"]))
                for row in csv.DictReader(fh) if row["lgcode"] in CITIES}


def build() -> Scenario:
    """The demo scenario (deterministic)."""
    rng = np.random.default_rng(SEED)
    halls = city_halls()
    daily_t = ANNUAL_T / OPERATING_DAYS
    population = sum(c[1] for c in CITIES.values())
    points, depots, vehicles = [], [], []
    for code, (city, pop, n, south_ok) in CITIES.items():
        lat0, lon0 = halls[code]
        kinds = rng.choice(len(KINDS), size=n, p=[k[1] for k in KINDS])
        size = np.array([KINDS[k][2] for k in kinds]) * rng.lognormal(0.0, 0.4, size=n)
        quantity = size / size.sum() * daily_t * pop / population
        for i in range(n):
            dlat, dlon = rng.normal(0.0, 0.025), rng.normal(0.0, 0.035)
            if not south_ok:  # coastal city hall: keep generated premises inland
                dlat = abs(dlat)
            kind = KINDS[kinds[i]][0]
            window: tuple[float | None, float | None] = (None, None)
            if kind == "shop" and rng.random() < 0.5:
                window = (0.0, 150.0)     # before opening
            elif kind == "canteen":
                window = (150.0, 330.0)   # after the lunch service
            points.append(CollectionPoint(
                id=f"{city[:3].upper()}-{i + 1:02d}",
                name=f"{city} {kind} {i + 1:02d} (generated)", municipality=city,
                lat=round(lat0 + dlat, 5), lon=round(lon0 + dlon, 5),
                quantity_t=round(float(quantity[i]), 3), service_min=5.0,
                earliest_min=window[0], latest_min=window[1]))
        depot = Depot(id=f"{city.lower()}-depot", name=f"{city} collection depot (generated)",
                      municipality=city, lat=round(lat0 + 0.012, 5), lon=round(lon0 - 0.015, 5))
        depots.append(depot)
        vehicles += _vehicles(city, depot.id)
    plans = (
        Partition("Each city alone", (PlanGroup(frozenset({"Ube"})), PlanGroup(frozenset({"Hofu"})),
                                      PlanGroup(frozenset({"Yamaguchi"})))),
        Partition("Ube alone + Hofu & Yamaguchi joint",
                  (PlanGroup(frozenset({"Ube"})), PlanGroup(frozenset({"Hofu", "Yamaguchi"})))),
    )
    return Scenario(points=tuple(points), depots=tuple(depots), facilities=(FEED_PLANT,),
                    vehicle_types=tuple(vehicles), currency="JPY", circuity=1.3, plans=plans,
                    name="Yamaguchi food waste to poultry feed (demo, generated points)")


def main(out: Path = HERE / "scenario.xlsx") -> Path:
    """Write the demo workbook and return its path."""
    write_scenario(out, build(), {"seconds": 5, "seed": 0})
    return out


if __name__ == "__main__":  # pragma: no cover
    print(main())
