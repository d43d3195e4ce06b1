"""User-defined systems: multi-layer balances, shares, stocks equal to flodym, scenarios, JSON and Excel."""

from __future__ import annotations

import json

import numpy as np
import pytest
from flodym import Dimension as FDimension
from flodym import DimensionSet, InflowDrivenDSM, StockArray
from flodym import lifetime_models as lm

from circularcities.core.errors import DataImportError, ValidationError
from circularcities.core.mfa.system import (
    BOUNDARY,
    Acceptance,
    Dimension,
    FlowSpec,
    Layer,
    Parameter,
    Process,
    StockSpec,
    SystemDefinition,
    SystemIndicator,
    apply_changes,
    compare,
    compute,
    sankey,
)
from circularcities.core.mfa.system_io import (
    from_json,
    read_xlsx,
    template_xlsx,
    to_flodym_definition,
    to_json,
    to_xlsx,
)

YEARS = (2020, 2021, 2022)


def two_layers(**kw) -> SystemDefinition:
    """Water and energy through a house and a plant; the plant loses 10 MWh in 2021."""
    flows = (
        FlowSpec(BOUNDARY, "house", "water", dict.fromkeys(YEARS, 100.0)),
        FlowSpec("house", "plant", "water", share=0.8),
        FlowSpec("house", BOUNDARY, "water", share=0.2),
        FlowSpec("plant", BOUNDARY, "water", share=1.0),
        FlowSpec(BOUNDARY, "plant", "energy", {2020: 50.0, 2021: 50.0, 2022: 50.0}),
        FlowSpec("plant", "house", "energy", {2020: 50.0, 2021: 40.0, 2022: 50.0}),
        FlowSpec("house", BOUNDARY, "energy", {2020: 50.0, 2021: 40.0, 2022: 50.0}),
    )
    base = dict(name="Two layers", years=YEARS,
                layers=(Layer("water", "m3", "Water"), Layer("energy", "MWh", "Energy")),
                processes=(Process(BOUNDARY, "Outside"), Process("house", "Houses"), Process("plant", "Plant")),
                flows=flows)
    base.update(kw)
    return SystemDefinition(**base)


def test_multi_layer_balance_locates_the_imbalance():
    result = compute(two_layers())
    assert [(i.process, i.layer, i.year) for i in result.issues] == [("plant", "energy", 2021)]
    issue = result.issues[0]
    assert issue.amount == pytest.approx(10.0)
    assert issue.share == pytest.approx(10 / 50)
    assert issue.imbalance.unit == "MWh"
    assert result.status == "warning"
    # the water layer resolved its shares and balances
    water = result.flow_totals("water", 2021)
    assert water[("house", "plant")] == pytest.approx(80.0)
    assert water[("plant", BOUNDARY)] == pytest.approx(80.0)


def test_acceptance_and_blocking():
    reason = "Heat loss of the plant, not metered"
    accepted = compute(two_layers(acceptances=(Acceptance("plant", "energy", reason, 2021),)))
    assert accepted.status == "accepted" and accepted.issues[0].reason == reason
    assert compute(two_layers(blocking=True)).status == "blocked"
    other_year = compute(two_layers(acceptances=(Acceptance("plant", "energy", reason, 2020),), blocking=True))
    assert other_year.status == "blocked"
    every_year = compute(two_layers(acceptances=(Acceptance("plant", "energy", reason),), blocking=True))
    assert every_year.status == "accepted"


def test_balanced_layers_have_no_issue_in_each_unit():
    flows = tuple(f for f in two_layers().flows if f.layer == "water")
    result = compute(two_layers(flows=flows))
    assert result.issues == [] and result.status == "balanced"
    assert result.totals("water", 2020) == pytest.approx(
        {"input": 100.0, "output": 100.0, "stock_change": 0.0, "throughput": 280.0})


def test_shares_with_a_loop_are_solved():
    # 30 % of what the sorter receives goes back to it through a recycler: x = 100 + 0.3 x
    defn = SystemDefinition(
        name="loop", years=(2020,), layers=(Layer("materials", "t"),),
        processes=(Process(BOUNDARY), Process("sorter"), Process("recycler")),
        flows=(FlowSpec(BOUNDARY, "sorter", "materials", {2020: 100.0}),
               FlowSpec("sorter", "recycler", "materials", share=0.3),
               FlowSpec("sorter", BOUNDARY, "materials", share=0.7),
               FlowSpec("recycler", "sorter", "materials", share=1.0)))
    result = compute(defn)
    assert result.flow_totals("materials", 2020)[("sorter", "recycler")] == pytest.approx(0.3 * 100 / 0.7)
    assert result.issues == []


def test_shares_over_one_are_refused():
    flows = two_layers().flows + (FlowSpec("plant", "house", "water", share=0.5),)
    with pytest.raises(ValidationError, match="add up to at most 1"):
        compute(two_layers(flows=flows))


def test_unknown_process_or_layer_is_refused():
    with pytest.raises(ValidationError, match="unknown process"):
        compute(two_layers(flows=(FlowSpec("nowhere", "house", "water", {2020: 1.0}),)))
    with pytest.raises(ValidationError, match="unknown layer"):
        compute(two_layers(flows=(FlowSpec(BOUNDARY, "house", "carbon", {2020: 1.0}),)))


def test_accumulating_and_given_stocks():
    years = tuple(range(2020, 2025))
    defn = SystemDefinition(
        name="stocks", years=years, layers=(Layer("materials", "t"),),
        processes=(Process(BOUNDARY), Process("buildings"), Process("landfill")),
        flows=(FlowSpec(BOUNDARY, "buildings", "materials", dict.fromkeys(years, 10.0)),
               FlowSpec("buildings", "landfill", "materials", share=0.25),
               FlowSpec("landfill", BOUNDARY, "materials", dict.fromkeys(years, 1.0))),
        stocks=(StockSpec("buildings", "materials", "accumulation", initial=100.0),
                StockSpec("landfill", "materials", "given", values=dict.fromkeys(years, 1.0))))
    result = compute(defn)
    np.testing.assert_allclose(result.stocks[("buildings", "materials")].stock, 100 + 7.5 * np.arange(1, 6))
    # landfill receives 2.5 t, sends 1 t out and stocks 1 t: 0.5 t unaccounted each year
    assert [(i.process, i.year) for i in result.issues] == [("landfill", y) for y in years]
    assert result.issues[0].amount == pytest.approx(0.5)


def test_inflow_driven_stock_equals_flodym():
    years = tuple(range(2000, 2031))
    inflow = 100 + 5 * np.sin(np.arange(len(years))) + np.arange(len(years))
    defn = SystemDefinition(
        name="vehicles", years=years, layers=(Layer("materials", "t"),),
        processes=(Process(BOUNDARY), Process("market"), Process("fleet"), Process("scrap")),
        flows=(FlowSpec(BOUNDARY, "market", "materials", dict(zip(years, inflow, strict=True))),
               FlowSpec("market", "fleet", "materials", share=1.0),
               FlowSpec("scrap", BOUNDARY, "materials", share=1.0)),
        stocks=(StockSpec("fleet", "materials", "inflow_driven",
                          lifetime={"distribution": "normal", "mean": 12, "std": 4}, outflow_to="scrap"),))
    result = compute(defn)
    dims = DimensionSet(dim_list=[FDimension(name="Time", letter="t", items=list(years))])
    ref = InflowDrivenDSM(dims=dims, lifetime_model=lm.NormalLifetime(dims=dims, mean=12, std=4),
                          inflow=StockArray(dims=dims, values=inflow.copy()))
    ref.compute()
    series = result.stocks[("fleet", "materials")]
    np.testing.assert_allclose(series.stock, ref.stock.values, rtol=0, atol=1e-9)
    np.testing.assert_allclose(series.outflow, ref.outflow.values, rtol=0, atol=1e-9)
    scrap = [f for f in result.flows if f.origin == "fleet"][0]
    np.testing.assert_allclose(scrap.values, ref.outflow.values, rtol=0, atol=1e-9)
    assert result.issues == []


def test_dsm_outflow_feeding_back_converges():
    years = tuple(range(2000, 2021))
    defn = SystemDefinition(
        name="reuse loop", years=years, layers=(Layer("materials", "t"),),
        processes=(Process(BOUNDARY), Process("use"), Process("eol")),
        flows=(FlowSpec(BOUNDARY, "use", "materials", dict.fromkeys(years, 10.0)),
               FlowSpec("eol", "use", "materials", share=0.4),
               FlowSpec("eol", BOUNDARY, "materials", share=0.6)),
        stocks=(StockSpec("use", "materials", "inflow_driven",
                          lifetime={"distribution": "fixed", "mean": 1}, outflow_to="eol"),))
    result = compute(defn)
    assert result.issues == []
    series = result.stocks[("use", "materials")]
    eol_to_use = result.flow_totals("materials", 2020)[("eol", "use")]
    assert series.inflow[-1] == pytest.approx(10 + eol_to_use, rel=1e-9)


def test_parameters_per_year_drive_shares():
    defn = two_layers(parameters=(Parameter("to_plant", {2020: 0.8, 2021: 0.5, 2022: 0.5}),),
                      flows=(FlowSpec(BOUNDARY, "house", "water", dict.fromkeys(YEARS, 100.0)),
                             FlowSpec("house", "plant", "water", share="to_plant"),
                             FlowSpec("plant", BOUNDARY, "water", share=1.0)))
    result = compute(defn)
    assert result.flow_totals("water", 2021)[("house", "plant")] == pytest.approx(50.0)
    # what the house does not pass on is an imbalance located at the house
    assert {(i.process, i.year) for i in result.issues} == {("house", y) for y in YEARS}


def indicator_system(**kw):
    ind = SystemIndicator("treated", "Water treated", "water", (("house", "plant"),), ((BOUNDARY, "house"),))
    return two_layers(indicators=(ind,), parameters=(Parameter("to_plant", 0.8),),
                      flows=(FlowSpec(BOUNDARY, "house", "water", dict.fromkeys(YEARS, 100.0)),
                             FlowSpec("house", "plant", "water", share="to_plant"),
                             FlowSpec("house", BOUNDARY, "water", share=0.1),
                             FlowSpec("plant", BOUNDARY, "water", share=1.0)), **kw)


def test_scenario_differences_per_layer_and_indicator():
    base = indicator_system()
    scenario = apply_changes(base, name="More treatment", parameters={"to_plant": 0.9},
                             flows=[FlowSpec(BOUNDARY, "plant", "energy", {2020: 60.0, 2021: 60.0, 2022: 60.0})])
    assert base.parameters[0].values == 0.8  # the base is untouched
    cmp = compare(compute(base), compute(scenario), year=2020)
    water = next(r for r in cmp.layers if r["layer"] == "water")
    assert water["throughput"]["difference"] == pytest.approx(10.0 + 10.0)
    energy = next(r for r in cmp.layers if r["layer"] == "energy")
    assert energy["input"]["difference"] == pytest.approx(60.0)  # the base has no energy flow
    changed = {(f["origin"], f["destination"], f["layer"]): f["difference"] for f in cmp.flows}
    assert changed == pytest.approx({("house", "plant", "water"): 10.0, ("plant", BOUNDARY, "water"): 10.0,
                                     (BOUNDARY, "plant", "energy"): 60.0})
    ind = cmp.indicators[0]
    assert (ind["base"], ind["scenario"], ind["difference"]) == pytest.approx((80.0, 90.0, 10.0))
    assert ind["unit"] == "%"


def test_scenario_can_remove_a_flow_and_refuses_unknown_parameters():
    base = indicator_system()
    without = apply_changes(base, remove=[("house", BOUNDARY, "water")])
    assert len(without.flows) == len(base.flows) - 1
    with pytest.raises(ValidationError):
        apply_changes(base, parameters={"nope": 1.0})


def test_sankey_has_honest_widths_with_a_floor_and_labels():
    defn = SystemDefinition(
        name="s", years=(2020,), layers=(Layer("water", "m3"),),
        processes=(Process(BOUNDARY, "Outside"), Process("a", "Big"), Process("b", "Tiny")),
        flows=(FlowSpec(BOUNDARY, "a", "water", {2020: 1000.0}),
               FlowSpec("a", "b", "water", {2020: 1.0}),
               FlowSpec("a", BOUNDARY, "water", {2020: 999.0}),
               FlowSpec("b", BOUNDARY, "water", {2020: 1.0})))
    data = sankey(compute(defn), "water", 2020, floor=0.02)
    links = data["links"]
    k = next(i for i, (s, t) in enumerate(zip(links["source"], links["target"], strict=True))
             if data["nodes"][s] == "a" and data["nodes"][t] == "b")
    assert links["value"][k] == 1.0 and links["width"][k] == pytest.approx(20.0) and links["floored"][k]
    big = links["value"].index(1000.0)
    assert links["width"][big] == 1000.0 and not links["floored"][big]
    assert links["label"][k] == "1.0 m3"
    assert "Big: 1,000 m3" in data["node_text"]
    assert data["nodes"] == [BOUNDARY, "a", "b", BOUNDARY + ":out"]  # the boundary on both sides
    assert data["imbalanced"] == [False] * 4


def test_json_round_trips_and_is_a_flodym_definition():
    defn = indicator_system(
        second_dimension=Dimension("Material", "m", ("paper", "glass")),
        stocks=(StockSpec("house", "energy", "given", values={2020: 1.0}),),
        acceptances=(Acceptance("plant", "energy", "metering gap", 2021),), blocking=True)
    defn = apply_changes(defn, flows=[FlowSpec(BOUNDARY, "house", "materials" if False else "energy",
                                               {(2020, "paper"): 3.0, (2020, "glass"): 2.0}, source="Survey")])
    data = to_json(defn)
    text = json.dumps(data)
    again = from_json(json.loads(text))
    assert again == defn
    assert to_json(again) == data
    fd = to_flodym_definition(defn)
    assert fd.processes[0] == BOUNDARY
    assert len(fd.flows) == len(defn.flows)
    assert {d.letter for d in fd.dimensions} == {"t", "m"}


def test_json_with_dynamic_stock_round_trips():
    years = tuple(range(2000, 2006))
    defn = SystemDefinition(
        name="fleet", years=years, layers=(Layer("materials", "t"),),
        processes=(Process(BOUNDARY), Process("fleet"), Process("scrap")),
        flows=(FlowSpec(BOUNDARY, "fleet", "materials", dict.fromkeys(years, 5.0)),
               FlowSpec("scrap", BOUNDARY, "materials", share=1.0)),
        stocks=(StockSpec("fleet", "materials", "inflow_driven",
                          lifetime={"distribution": "weibull", "scale": 10, "shape": 2}, outflow_to="scrap"),))
    assert from_json(json.loads(json.dumps(to_json(defn)))) == defn
    assert to_flodym_definition(defn).stocks[0].lifetime_model_class is lm.WeibullLifetime


def test_json_problems_are_reported():
    with pytest.raises(DataImportError, match="time dimension"):
        from_json({"dimensions": [], "processes": [BOUNDARY], "layers": [], "flows": []})
    data = to_json(two_layers())
    data["flows"][0]["layer"] = "gold"
    with pytest.raises(DataImportError, match="unknown layer"):
        from_json(data)


def test_excel_round_trips():
    defn = indicator_system(stocks=(StockSpec("house", "energy", "accumulation"),),
                            acceptances=(Acceptance("plant", "energy", "metering gap"),))
    again = read_xlsx(to_xlsx(defn))
    assert to_json(again) == to_json(defn)
    template = read_xlsx(template_xlsx())
    assert compute(template).status == "warning"  # households keep 10 % of their water


def test_excel_reports_every_bad_row():
    from io import BytesIO

    from openpyxl import load_workbook

    wb = load_workbook(BytesIO(to_xlsx(two_layers())))
    ws = wb["flows"]
    ws["C2"] = "gold!"
    ws["H3"] = -5
    buf = BytesIO()
    wb.save(buf)
    with pytest.raises(DataImportError) as err:
        read_xlsx(buf.getvalue())
    rows = sorted((p.sheet, p.row) for p in err.value.problems)
    assert rows == [("flows", 2), ("flows", 3)]
