"""Scenario objects validate themselves; checks run before solving."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from circularcities.core.errors import InfeasibleError, ValidationError
from circularcities.core.routing import (
    CollectionPoint,
    Depot,
    Facility,
    GreatCircleCircuity,
    MatrixDistances,
    Partition,
    PlanGroup,
    RoutingValidationError,
    Scenario,
    VehicleType,
    check_feasibility,
    check_references,
    haversine_km,
    solve,
)
from tests.core.test_routing_support import (  # noqa: F401
    small_scenario,
)

POINT = dict(id="p", name="P", municipality="M", lat=34.0, lon=131.0, quantity_t=1.0)


@pytest.mark.parametrize(("change", "field"), [
    ({"lat": 91.0}, "lat"), ({"lat": float("nan")}, "lat"), ({"lon": -181.0}, "lon"),
    ({"lat": None}, "lat"), ({"quantity_t": -1.0}, "quantity_t"),
    ({"service_min": -5.0}, "service_min"), ({"earliest_min": -1.0}, "earliest_min"),
    ({"earliest_min": 100.0, "latest_min": 50.0}, "earliest_min"), ({"id": ""}, "id"),
    ({"municipality": " "}, "municipality"),
])
def test_point_rejects_bad_values(change, field):
    with pytest.raises(RoutingValidationError) as info:
        CollectionPoint(**{**POINT, **change})
    assert field in [f for f, _ in info.value.fields]
    assert "Expected" in str(info.value)
    assert isinstance(info.value, ValidationError)


def test_point_collects_every_problem():
    with pytest.raises(RoutingValidationError) as info:
        CollectionPoint(**{**POINT, "lat": 100.0, "lon": 200.0, "quantity_t": -1.0})
    assert {f for f, _ in info.value.fields} == {"lat", "lon", "quantity_t"}


@pytest.mark.parametrize(("change", "field"), [
    ({"count": -1}, "count"), ({"count": 1.5}, "count"), ({"capacity_t": 0.0}, "capacity_t"),
    ({"speed_kmh": 0.0}, "speed_kmh"), ({"cost_per_km": -1.0}, "cost_per_km"),
    ({"shift_hours": 0.0}, "shift_hours"), ({"co2e_kg_per_km": float("inf")}, "co2e_kg_per_km"),
])
def test_vehicle_type_rejects_bad_values(change, field):
    base = dict(id="v", depot_id="d", count=1, capacity_t=2.0)
    with pytest.raises(RoutingValidationError) as info:
        VehicleType(**{**base, **change})
    assert field in [f for f, _ in info.value.fields]


def test_facility_depot_and_scenario_validation():
    with pytest.raises(RoutingValidationError, match="capacity_t_per_day > 0"):
        Facility("f", 34.0, 131.0, 0.0)
    with pytest.raises(RoutingValidationError, match="latitude"):
        Depot("d", 95.0, 131.0, "M")
    s = small_scenario()
    with pytest.raises(RoutingValidationError, match="ISO 4217"):
        dataclasses.replace(s, currency="yen")
    with pytest.raises(RoutingValidationError, match="circuity >= 1"):
        dataclasses.replace(s, circuity=0.9)
    with pytest.raises(RoutingValidationError, match="unique points ids.*N0"):
        dataclasses.replace(s, points=s.points + s.points[:1])


def test_partition_rejects_overlapping_groups():
    with pytest.raises(RoutingValidationError, match="one group only"):
        Partition("x", (PlanGroup({"A", "B"}), PlanGroup({"B"})))
    with pytest.raises(RoutingValidationError, match="at least one municipality"):
        PlanGroup(frozenset())


def test_subset_keeps_group_points_depots_and_vehicles():
    s = small_scenario()
    sub = s.subset(PlanGroup({"North"}), "plant")
    assert {p.municipality for p in sub.points} == {"North"}
    assert [d.id for d in sub.depots] == ["dN"]
    assert [v.depot_id for v in sub.vehicle_types] == ["dN"]
    assert sub.facility().id == "plant"
    with pytest.raises(ValidationError, match="known facility"):
        s.facility("nope")


def test_haversine_and_circuity():
    # One degree of latitude on the mean sphere: 6371.0088 * pi / 180 km.
    d = haversine_km(np.array([[0.0, 0.0], [1.0, 0.0]]))
    assert d[0, 1] == pytest.approx(111.19508, rel=1e-6)
    assert d[0, 0] == 0.0 and d[1, 0] == d[0, 1]
    places = np.array([[34.0, 131.0], [34.1, 131.2]])
    gc = GreatCircleCircuity(1.3)
    assert gc.distance_km(places)[0, 1] == pytest.approx(1.3 * haversine_km(places)[0, 1])
    assert gc.duration_h(places, 40.0)[0, 1] == pytest.approx(gc.distance_km(places)[0, 1] / 40)
    with pytest.raises(ValidationError, match="circuity >= 1"):
        GreatCircleCircuity(0.5)


def test_matrix_distances_plug_in():
    places = np.array([[34.0, 131.0], [34.1, 131.2], [34.2, 131.1]])
    m = MatrixDistances(places, np.array([[0, 10, 20], [10, 0, 5], [20, 5, 0]]),
                        reference_speed_kmh=50.0)
    assert m.distance_km(places[[2, 0]])[0, 1] == 20
    assert m.duration_h(places[[0, 1]], 25.0)[0, 1] == pytest.approx(10 / 25)
    with pytest.raises(ValidationError, match="in the matrix"):
        m.distance_km(np.array([[0.0, 0.0]]))


# ---- checks before solving -------------------------------------------------

def test_point_heavier_than_any_vehicle():
    s = small_scenario(capacity_t=0.65)
    with pytest.raises(InfeasibleError) as info:
        check_feasibility(s, s.facility())
    texts = [str(p) for p in info.value.problems]
    assert any("N1" in t and "largest vehicle carries (0.65 t)" in t for t in texts)
    assert len(texts) == 6  # N1..N3 and S1..S3 are heavier than 0.65 t, all reported


def test_facility_too_small_and_heavy_point_reported_together():
    s = small_scenario(capacity_t=0.65, facility_capacity=3.0)
    with pytest.raises(InfeasibleError) as info:
        solve(s, seconds=0.1)
    texts = [str(p) for p in info.value.problems]
    assert any("accepts only 3 t per day" in t for t in texts)
    assert any("largest vehicle" in t for t in texts)


def test_no_vehicles_and_unknown_depot():
    s = small_scenario(count=0)
    with pytest.raises(ValidationError, match="at least one vehicle"):
        solve(s, seconds=0.1)
    bad = dataclasses.replace(s, vehicle_types=(VehicleType("x", "nowhere", 1, 2.0),))
    with pytest.raises(ValidationError, match="known depot id, got 'nowhere'"):
        check_references(bad)


def test_empty_scenario_lists_what_is_missing():
    s = Scenario(points=(), depots=(), facilities=(Facility("f", 34.0, 131.0, 1.0),),
                 vehicle_types=())
    with pytest.raises(ValidationError) as info:
        check_references(s)
    texts = " ".join(str(p) for p in info.value.problems)
    assert "collection point" in texts and "depot" in texts and "vehicle" in texts


def test_unreachable_time_window_and_short_shift():
    s = small_scenario()
    late = dataclasses.replace(s.points[0], earliest_min=0.0, latest_min=1.0)
    s2 = dataclasses.replace(s, points=(late,) + s.points[1:])
    with pytest.raises(InfeasibleError, match="N0.*no vehicle can arrive before"):
        check_feasibility(s2, s2.facility())
    s3 = small_scenario(shift_hours=0.2)
    with pytest.raises(InfeasibleError, match="within its shift"):
        check_feasibility(s3, s3.facility())


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"seconds": 0}, "seconds > 0"), ({"seconds": -1.0}, "seconds > 0"),
    ({"seed": -1}, "seed >= 0"), ({"facility_id": "nope"}, "known facility"),
])
def test_solve_rejects_bad_parameters(kwargs, message):
    with pytest.raises(ValidationError, match=message):
        solve(small_scenario(), **{"seconds": 0.1, **kwargs})
