"""Stored scenario <-> core dataclasses: one conversion, lossless both ways."""

import pytest

from circularcities.core import routing
from circularcities.logistics import models as m
from circularcities.logistics.convert import from_dict, save_core, to_core, to_dict
from circularcities.logistics.demo import DEMO_FILE

from .conftest import two_towns

pytestmark = pytest.mark.django_db


def test_stored_scenario_converts_back_to_the_same_core_scenario(scenario, core_scenario):
    assert to_core(scenario) == core_scenario


def test_vehicle_depot_and_plans_survive_the_database(scenario):
    core = to_core(scenario)
    assert {v.id: v.depot_id for v in core.vehicle_types} == {"vn": "dn", "vs": "ds"}
    assert [p.name for p in core.plans] == ["Each alone", "Together"]
    assert core.plans[1].groups[0].municipalities == frozenset({"North", "South"})


def test_snapshot_round_trip(core_scenario):
    assert from_dict(to_dict(core_scenario)) == core_scenario


def test_saving_the_same_scenario_again_changes_nothing(scenario):
    before = {k: sorted(getattr(scenario, k).values_list("pk", flat=True))
              for k in ("points", "depots", "facilities", "vehicle_types", "plans")}
    save_core(scenario, two_towns())
    after = {k: sorted(getattr(scenario, k).values_list("pk", flat=True))
             for k in ("points", "depots", "facilities", "vehicle_types", "plans")}
    assert before == after
    assert to_core(scenario) == two_towns()


def test_saving_a_smaller_scenario_removes_the_rest(scenario):
    smaller = two_towns(points=two_towns().points[:2])
    save_core(scenario, smaller)
    assert set(scenario.points.values_list("code", flat=True)) == {"N0", "S0"}


def test_stored_value_the_core_refuses_is_reported(scenario):
    m.CollectionPoint.objects.filter(scenario=scenario, code="N0").update(lat=95.0)
    with pytest.raises(routing.RoutingValidationError, match="latitude"):
        to_core(scenario)


def test_demo_scenario_equals_the_packaged_workbook():
    stored = m.Scenario.objects.get(is_demo=True, city__slug="yamaguchi-prefecture")
    workbook, _ = routing.read_scenario_workbook(DEMO_FILE)
    core = to_core(stored)
    assert core.points == workbook.points and core.plans == workbook.plans
    assert core.vehicle_types == workbook.vehicle_types
    assert stored.published and stored.currency == "JPY"
    assert {p.name for p in core.plans} == {"Each city alone", "Ube alone + Hofu & Yamaguchi joint"}


def test_demo_load_is_idempotent():
    from circularcities.logistics import demo

    demo.load(log=lambda *a: None)
    demo.load(log=lambda *a: None)
    assert m.Scenario.objects.filter(is_demo=True).count() == 1
    assert m.Scenario.objects.get(is_demo=True).points.count() == 75
    assert not m.Run.objects.filter(scenario__is_demo=True).exists()  # nothing solved at load
