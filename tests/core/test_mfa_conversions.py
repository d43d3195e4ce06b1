"""Conversions link layers: what one layer uses up at a process, another yields there."""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from circularcities.core import rules
from circularcities.core.errors import DataImportError, ValidationError
from circularcities.core.mfa.system import (
    BOUNDARY,
    LAYER_NODE,
    Acceptance,
    Conversion,
    FlowSpec,
    Layer,
    Parameter,
    Process,
    SystemDefinition,
    apply_changes,
    compare,
    compute,
    sankey,
)
from circularcities.core.mfa.system_io import from_json, read_xlsx, to_json, to_xlsx

YEARS = (2020, 2021)


def biorefinery(consumed: float | str = 0.4, factor: float | str = 0.5, **kw) -> SystemDefinition:
    """1,000 t of organic waste a year reach a biorefinery, which passes 60 % on as digestate
    and turns the rest into electricity (0.5 MWh per tonne used up); the electricity goes
    80 % to vehicles and 20 % to the grid."""
    base = dict(
        name="Biorefinery", years=YEARS,
        layers=(Layer("materials", "t", "Materials"), Layer("energy", "MWh", "Energy")),
        processes=(Process(BOUNDARY, "Outside"), Process("homes", "Homes"), Process("bioref", "Biorefinery"),
                   Process("farms", "Farms"), Process("vehicles", "Vehicles")),
        flows=(FlowSpec(BOUNDARY, "homes", "materials", dict.fromkeys(YEARS, 1000.0)),
               FlowSpec("homes", "bioref", "materials", share=1.0),
               FlowSpec("bioref", "farms", "materials", share=0.6),
               FlowSpec("farms", BOUNDARY, "materials", share=1.0),
               FlowSpec("bioref", "vehicles", "energy", share=0.8),
               FlowSpec("bioref", BOUNDARY, "energy", share=0.2),
               FlowSpec("vehicles", BOUNDARY, "energy", share=1.0)),
        conversions=(Conversion("bioref", "materials", "energy", factor, consumed, source="estimate",
                                estimate=True),),
    )
    base.update(kw)
    return SystemDefinition(**base)


def test_a_conversion_balances_both_layers_by_hand():
    result = compute(biorefinery())
    assert result.status == "balanced"
    (conv,) = result.conversions
    assert conv.consumed.tolist() == pytest.approx([400.0, 400.0])  # 40 % of 1,000 t used up
    assert conv.produced.tolist() == pytest.approx([200.0, 200.0])  # 0.5 MWh per tonne
    energy = result.flow_totals("energy", 2020)
    assert energy[("bioref", "vehicles")] == pytest.approx(160.0)
    assert energy[("bioref", BOUNDARY)] == pytest.approx(40.0)
    assert result.flow_totals("materials", 2020)[("bioref", "farms")] == pytest.approx(600.0)


def test_without_the_conversion_both_layers_are_out_of_balance_at_the_process():
    result = compute(biorefinery(conversions=()))
    where = {(i.process, i.layer) for i in result.issues}
    # 400 t stay unexplained in materials; energy leaves a process that receives nothing
    assert ("bioref", "materials") in where
    assert result.flow_totals("energy", 2020).get(("bioref", "vehicles"), 0.0) == 0.0


def test_too_little_used_up_shows_an_imbalance_where_it_is():
    result = compute(biorefinery(consumed=0.3))
    (issue, *_rest) = [i for i in result.issues if i.year == 2020]
    assert (issue.process, issue.layer) == ("bioref", "materials")
    assert issue.amount == pytest.approx(100.0)  # 1,000 in, 600 out, 300 used up


def test_a_parameter_drives_the_conversion_and_a_scenario_changes_it():
    defn = biorefinery(factor="kwh_per_t", parameters=(Parameter("kwh_per_t", 0.5),))
    scenario = apply_changes(defn, name="better digester", parameters={"kwh_per_t": 0.6})
    cmp = compare(compute(defn), compute(scenario), year=2020)
    changed = {(r["origin"], r["destination"], r["layer"]): r for r in cmp.flows}
    assert changed[(LAYER_NODE + "materials", "bioref", "energy")]["difference"] == pytest.approx(40.0)
    assert changed[("bioref", "vehicles", "energy")]["scenario"] == pytest.approx(192.0)


def test_chained_conversions_are_computed_in_order_whatever_the_layer_order():
    defn = biorefinery(
        layers=(Layer("carbon", "t CO2e"), Layer("energy", "MWh"), Layer("materials", "t")),
        flows=biorefinery().flows + (FlowSpec("vehicles", BOUNDARY, "carbon", share=1.0),),
        conversions=biorefinery().conversions + (Conversion("vehicles", "energy", "carbon", 0.1, 0.0),))
    result = compute(defn)
    carbon = result.flow_totals("carbon", 2021)
    # 160 MWh reach the vehicles; none of the energy is used up (consumed 0), so no carbon is yielded
    assert carbon.get(("vehicles", BOUNDARY), 0.0) == 0.0
    defn = biorefinery(
        layers=defn.layers, flows=(*biorefinery().flows[:-1], FlowSpec("vehicles", BOUNDARY, "carbon", share=1.0)),
        conversions=biorefinery().conversions + (Conversion("vehicles", "energy", "carbon", 0.1, 1.0),))
    result = compute(defn)
    assert result.status == "balanced"
    assert result.flow_totals("carbon", 2021)[("vehicles", BOUNDARY)] == pytest.approx(16.0)


def test_conversions_are_validated():
    with pytest.raises(rules.FieldError):
        Conversion("bioref", "energy", "energy", 1.0)
    with pytest.raises(rules.FieldError):
        Conversion("bioref", "materials", "energy", -1.0)
    with pytest.raises(rules.FieldError):
        Conversion("bioref", "materials", "energy", 1.0, consumed=1.5)
    with pytest.raises(ValidationError, match="unknown layer 'heat'"):
        biorefinery(conversions=(Conversion("bioref", "materials", "heat", 1.0),)).validate()
    with pytest.raises(ValidationError, match="unknown parameter 'nope'"):
        biorefinery(factor="nope").validate()
    with pytest.raises(ValidationError, match="other than the boundary"):
        biorefinery(conversions=(Conversion(BOUNDARY, "materials", "energy", 1.0),)).validate()
    loop = biorefinery(conversions=(Conversion("bioref", "materials", "energy", 1.0),
                                    Conversion("vehicles", "energy", "materials", 1.0)))
    with pytest.raises(ValidationError, match="without a loop"):
        loop.validate()


def test_sankey_draws_each_side_as_a_link_to_the_other_layer():
    result = compute(biorefinery())
    energy = sankey(result, "energy", 2020)
    src = energy["nodes"].index(LAYER_NODE + "materials")
    assert energy["node_labels"][src] == "Materials"
    k = energy["links"]["source"].index(src)
    assert energy["links"]["value"][k] == pytest.approx(200.0)
    assert energy["links"]["label"][k] == "200 MWh"
    materials = sankey(result, "materials", 2020)
    dst = materials["nodes"].index(LAYER_NODE + "energy")
    k = materials["links"]["target"].index(dst)
    assert materials["links"]["value"][k] == pytest.approx(400.0)
    assert not any(materials["imbalanced"]) and not any(energy["imbalanced"])


def test_conversions_round_trip_through_json_and_excel():
    defn = biorefinery(factor="kwh_per_t", parameters=(Parameter("kwh_per_t", 0.5),),
                       acceptances=(Acceptance("farms", "materials", "composting losses"),))
    assert from_json(json.loads(json.dumps(to_json(defn)))) == defn
    again = read_xlsx(to_xlsx(defn))
    assert to_json(again) == to_json(defn)


def test_a_bad_conversion_row_is_reported_by_sheet_row_and_column():
    from io import BytesIO

    from openpyxl import load_workbook

    wb = load_workbook(BytesIO(to_xlsx(biorefinery())))
    wb["conversions"]["D2"] = -3  # factor
    buf = BytesIO()
    wb.save(buf)
    with pytest.raises(DataImportError) as err:
        read_xlsx(buf.getvalue())
    (problem,) = err.value.problems
    assert (problem.sheet, problem.row, problem.column) == ("conversions", 2, "factor")


@settings(max_examples=60, deadline=None)
@given(consumed=st.floats(0.0, 0.4, allow_subnormal=False), factor=st.floats(0.001, 1000.0),
       supply=st.floats(1.0, 1e6))
def test_what_is_used_up_and_yielded_follows_the_factor(consumed, factor, supply):
    defn = biorefinery(consumed=consumed, factor=factor,
                       flows=(FlowSpec(BOUNDARY, "homes", "materials", dict.fromkeys(YEARS, supply)),
                              *biorefinery().flows[1:]))
    result = compute(defn)
    (conv,) = result.conversions
    np.testing.assert_allclose(conv.consumed, consumed * supply, rtol=1e-12)
    np.testing.assert_allclose(conv.produced, factor * consumed * supply, rtol=1e-12)
    energy_out = sum(v for (o, d), v in result.flow_totals("energy", 2020).items() if d == BOUNDARY)
    assert energy_out == pytest.approx(factor * consumed * supply, rel=1e-9)
    # energy always balances; materials only when what is not passed on is exactly what is used up
    assert not [i for i in result.issues if i.layer == "energy"]
