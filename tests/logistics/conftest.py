"""Small named scenarios for the logistics app.

``TwoTowns``: 6 points in two municipalities ("North", "South") around
Amsterdam, one depot each, one facility, 2 t trucks; plans "Each alone" and
"Together". Easy to follow, solves in well under a second.
"""

from __future__ import annotations

import pytest

from circularcities.core import routing


def two_towns(**changes) -> routing.Scenario:
    pts = []
    for i in range(3):
        pts.append(routing.CollectionPoint(id=f"N{i}", name=f"North shop {i}", municipality="North",
                                           lat=52.40 + 0.01 * i, lon=4.90 + 0.01 * i,
                                           quantity_t=0.4, service_min=5))
        pts.append(routing.CollectionPoint(id=f"S{i}", name=f"South shop {i}", municipality="South",
                                           lat=52.30 - 0.01 * i, lon=4.88 + 0.01 * i,
                                           quantity_t=0.5, service_min=5,
                                           earliest_min=0 if i == 0 else None,
                                           latest_min=240 if i == 0 else None))
    depots = (routing.Depot("dn", 52.41, 4.89, "North", "North depot"),
              routing.Depot("ds", 52.29, 4.87, "South", "South depot"))
    facility = routing.Facility("plant", 52.35, 4.95, 20.0, "Biogas plant")
    vehicles = (routing.VehicleType("vn", "dn", 2, 2.0, 1.0, 30.0, 100.0, 30.0, 0.5, 8.0, "North truck"),
                routing.VehicleType("vs", "ds", 2, 2.0, 1.0, 30.0, 100.0, 30.0, 0.5, 8.0, "South truck"))
    plans = (routing.Partition("Each alone", (routing.PlanGroup(frozenset({"North"})),
                                              routing.PlanGroup(frozenset({"South"})))),
             routing.Partition("Together", (routing.PlanGroup(frozenset({"North", "South"})),)))
    kwargs = dict(points=tuple(pts), depots=depots, facilities=(facility,), vehicle_types=vehicles,
                  currency="EUR", circuity=1.3, plans=plans, name="Two towns")
    kwargs.update(changes)
    return routing.Scenario(**kwargs)


@pytest.fixture
def core_scenario():
    return two_towns()


@pytest.fixture
def scenario(city, owner):
    from circularcities.logistics import models as m
    from circularcities.logistics.convert import save_core

    stored = m.Scenario.objects.create(city=city, name="Two towns", created_by=owner)
    return save_core(stored, two_towns())


@pytest.fixture
def workbook_bytes(tmp_path):
    def make(scenario: routing.Scenario | None = None) -> bytes:
        path = tmp_path / "scenario.xlsx"
        routing.write_scenario(path, scenario or two_towns())
        return path.read_bytes()
    return make
