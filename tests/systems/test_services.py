"""The one write path: every change is checked, and the balance result is recomputed with it."""

from __future__ import annotations

import pytest

from circularcities.core.errors import ValidationError
from circularcities.core.mfa.system import BOUNDARY
from circularcities.core.rules import FieldError
from circularcities.systems import services
from circularcities.systems.models import Flow, System

pytestmark = pytest.mark.django_db


def test_the_fixture_has_one_located_imbalance(system):
    r = system.result
    assert r["status"] == "warning" and r["n_issues"] == 1
    issue = r["issues"][0]
    assert (issue["process"], issue["layer"], issue["year"], issue["unit"]) == ("plant", "energy", 2021, "MWh")
    assert issue["amount"] == pytest.approx(10.0) and issue["share"] == pytest.approx(0.2)


def test_result_follows_each_change_in_the_same_transaction(system):
    version = system.version
    services.set_flow(system, None, origin="plant", destination=BOUNDARY, layer="energy",
                      values=dict.fromkeys((2020, 2021, 2022), 50.0))
    system.refresh_from_db()
    assert system.result["status"] == "balanced" and system.version > version


def test_accepting_and_blocking(system):
    services.accept_imbalance(system, None, process="plant", layer="energy", year=2021, reason="Heat loss")
    system.refresh_from_db()
    assert system.result["status"] == "accepted"
    services.withdraw_acceptance(system, None, pk=system.acceptances.get().pk)
    services.update_system(system, None, blocking=True)
    system.refresh_from_db()
    assert system.result["status"] == "blocked"
    with pytest.raises(ValidationError, match="blocking"):
        services.publish(system, None)
    system.refresh_from_db()
    assert not system.published


def test_a_change_that_breaks_the_definition_is_not_stored(system):
    with pytest.raises(ValidationError, match="unknown parameter"):
        services.set_flow(system, None, origin="plant", destination="house", layer="water", share="nope")
    assert not Flow.objects.filter(system=system, origin__code="plant", destination__code="house").exists()
    with pytest.raises(ValidationError, match="at most 1"):
        services.set_flow(system, None, origin="house", destination="plant", layer="water", share=0.9)
    assert Flow.objects.get(system=system, origin__code="house", destination__code="plant").share_parameter


def test_values_are_checked_by_the_core_rules(system):
    with pytest.raises(FieldError) as err:
        services.set_flow(system, None, origin=BOUNDARY, destination="house", layer="water", values={2020: -1})
    assert err.value.field == "value"
    with pytest.raises(FieldError):
        services.set_flow(system, None, origin=BOUNDARY, destination="house", layer="gold", values={2020: 1})
    with pytest.raises(FieldError):
        services.delete_process(system, None, code=BOUNDARY)
    with pytest.raises(FieldError):
        services.create_system(system.city, None, name="x", first_year=2030, last_year=2020)


def test_scenario_is_a_copy_and_compares(system):
    from circularcities.core.mfa.system import compare

    scenario = services.make_scenario(system, None, name="More to the plant")
    assert scenario.base == system and scenario.flows.count() == system.flows.count()
    services.set_parameter(scenario, None, name="to_plant", values=0.7)
    services.set_flow(scenario, None, origin="house", destination=BOUNDARY, layer="water", share=0.3)
    cmp = compare(services.result_of(system), services.result_of(scenario), year=2020)
    changed = {(r["origin"], r["destination"]): r["difference"] for r in cmp.flows}
    assert changed[("house", "plant")] == pytest.approx(-10.0)
    assert system.parameters.get().value == 0.8  # the base did not change


def test_json_import_round_trips_through_the_database(system):
    from circularcities.core.mfa.system_io import to_json

    defn = services.definition(system, "en")
    copy = services.import_system(system.city, defn, None)
    assert to_json(services.definition(copy, "en")) == to_json(defn)
    assert copy.result == {**system.result, "computed_at": copy.result["computed_at"], "token": copy.result["token"]}


def test_translated_names(system):
    services.set_process(system, None, code="plant", name="处理厂", language="zh-hans")
    zh = services.definition(system, "zh-hans").process("plant").name
    en = services.definition(system, "en").process("plant").name
    assert (zh, en) == ("处理厂", "Plant")


def test_stock_model_runs_and_long_ones_run_as_jobs(city, stock_model, settings):
    assert len(stock_model.result["years"]) == 10
    assert stock_model.result["stock"][0] == pytest.approx(100 - stock_model.result["outflow"][0])
    settings.JOBS_INLINE = True
    long = services.create_stock_model(city, None, name="Buildings", subject="buildings", unit="t",
                                       driver="stock", first_year=1900, values=[1000.0 + i for i in range(100)],
                                       lifetime={"distribution": "weibull", "scale": 60, "shape": 2.5})
    long.refresh_from_db()
    assert long.job is not None and long.job.status == "done"
    assert len(long.result["years"]) == 100


def test_delete_system_removes_its_scenarios(system):
    scenario = services.make_scenario(system, None, name="copy")
    services.delete_system(system, None)
    assert not System.objects.filter(pk__in=[system.pk, scenario.pk]).exists()


def test_kept_results_follow_every_write(system):
    first = services.result_of(system)
    assert services.result_of(system) is first
    services.set_parameter(system, None, name="to_plant", values=0.5)
    system.refresh_from_db()
    again = services.result_of(system)
    assert again is not first
    assert again.flow_totals("water", 2020)[("house", "plant")] == 50.0
