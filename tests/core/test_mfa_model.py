"""City metabolism: validation, mass balance (incl. Hypothesis properties), helpers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from circularcities.core.errors import MassBalanceError, ValidationError
from circularcities.core.mfa import CityMetabolism, Flow, StockChange, quantities

CHAIN = ["imports", "production", "consumption", "collection", "sorting"]


def small_model() -> CityMetabolism:
    f = lambda o, d, v, layer="material", unit="t": Flow(o, d, 2020, layer, "paper", v, unit)  # noqa: E731
    return CityMetabolism(
        flows=[f("environment", "imports", 100), f("imports", "consumption", 100),
               f("consumption", "collection", 80), f("consumption", "stock_buildings", 20),
               f("collection", "recycling", 50), f("collection", "landfill", 30),
               f("recycling", "production", 40), f("recycling", "landfill", 10),
               f("production", "exports", 40), f("exports", "environment", 40)],
        stock_changes=[StockChange("stock_buildings", 2020, "material", "paper", 20, "t"),
                       StockChange("landfill", 2020, "material", "paper", 40, "t")])


def test_small_model_balances():
    model = small_model()
    assert model.imbalances() == []
    model.check_mass_balance()


@pytest.mark.parametrize("kwargs, message", [
    (dict(origin="nowhere"), "Expected origin"),
    (dict(origin="imports"), "differ"),
    (dict(year=1800), "Expected a year"),
    (dict(layer="heat"), "Expected layer"),
    (dict(unit="kg"), "Expected unit t"),
    (dict(value=-1.0), "Expected value >= 0"),
    (dict(value=float("nan")), "finite"),
    (dict(material=" "), "material"),
])
def test_flow_validation(kwargs, message):
    args = dict(origin="environment", destination="imports", year=2020, layer="material",
                material="paper", value=1.0, unit="t") | kwargs
    with pytest.raises(ValidationError, match=message):
        Flow(**args)


def test_stock_change_only_on_stock_processes():
    with pytest.raises(ValidationError, match="stock process"):
        StockChange("consumption", 2020, "material", "paper", 1.0, "t")
    assert StockChange("landfill", 2020, "material", "paper", -3, "t").value == -3.0


def test_nutrient_units():
    Flow("sorting", "composting_digestion", 2020, "nutrient", "phosphorus", 1, "t P")
    with pytest.raises(ValidationError, match="t N or t P"):
        Flow("sorting", "composting_digestion", 2020, "nutrient", "phosphorus", 1, "t")


def test_imbalance_names_process_year_layer():
    model = small_model()
    model.flows.append(Flow("consumption", "collection", 2020, "energy", "heat", 5, "MWh"))
    with pytest.raises(MassBalanceError) as info:
        model.check_mass_balance()
    found = info.value.imbalances
    assert {(i.process, i.year, i.layer) for i in found} == {("consumption", 2020, "energy"),
                                                           ("collection", 2020, "energy")}
    assert "consumption 2020 energy" in str(info.value) and "MWh" in str(info.value)


def test_tolerance_scales_with_data():
    model = CityMetabolism(flows=[Flow("environment", "imports", 2020, "material", "m", 1e6, "t"),
                                  Flow("imports", "environment", 2020, "material", "m", 1e6 - 0.5, "t")])
    assert model.imbalances(rtol=1e-6, atol=0) == []
    assert len(model.imbalances(rtol=1e-8, atol=0)) == 1
    with pytest.raises(ValidationError):
        model.imbalances(rtol=-1)


def test_totals_and_sankey():
    model = small_model()
    totals = model.totals_by_process(2020)
    assert totals["consumption"] == {"inflow": 100.0, "outflow": 100.0, "stock_change": 0.0}
    assert totals["landfill"]["stock_change"] == 40.0
    sankey = model.sankey(2020)
    assert sankey["nodes"][0] == "environment" and sankey["unit"] == "t"
    links = sankey["links"]
    assert len(links["source"]) == len(links["target"]) == len(links["value"]) == 10
    i = sankey["nodes"].index("collection")
    assert sum(v for s, v in zip(links["source"], links["value"], strict=True) if s == i) == 80
    assert model.sankey(1999) == {"nodes": [], "links": {"source": [], "target": [], "value": [],
                                                         "label": []}, "unit": ""}


def test_quantities():
    model = small_model()
    assert quantities.domestic_material_consumption(model, 2020).value == 100 - 40
    assert quantities.recycled_material_use(model, 2020).value == 40
    routes = quantities.waste_by_route(model, 2020)
    assert routes["recycling"].value == 50 and routes["landfill"].value == 30
    assert not routes["incineration_energy_recovery"].present
    assert quantities.waste_collected(model, 2020).value == 80


# -- Hypothesis: random balanced systems pass; perturbing one flow is reported -------------
@st.composite
def balanced_systems(draw):
    """A random tree of flows down CHAIN with random branching to treatment routes and stocks."""
    years = draw(st.lists(st.integers(2000, 2030), min_size=1, max_size=3, unique=True))
    flows, stocks = [], []
    for year in years:
        for material in draw(st.lists(st.sampled_from(["paper", "glass", "wood"]), min_size=1,
                                      max_size=2, unique=True)):
            amount = draw(st.floats(0.001, 1e7))
            flows.append(Flow("environment", CHAIN[0], year, "material", material, amount, "t"))
            for a, b in zip(CHAIN, CHAIN[1:], strict=False):
                kept = amount * draw(st.floats(0, 0.5)) if a == "consumption" else 0.0
                if kept:
                    flows.append(Flow(a, "stock_buildings", year, "material", material, kept, "t"))
                    stocks.append(StockChange("stock_buildings", year, "material", material, kept, "t"))
                amount -= kept
                flows.append(Flow(a, b, year, "material", material, amount, "t"))
            shares = draw(st.lists(st.one_of(st.just(0.0), st.floats(0.01, 1)), min_size=4, max_size=4))
            total = sum(shares) or 1.0
            for route, share in zip(["recycling", "composting_digestion",
                                     "incineration_energy_recovery", "landfill"], shares, strict=True):
                part = amount * share / total if sum(shares) else amount * (route == "landfill")
                flows.append(Flow("sorting", route, year, "material", material, part, "t"))
                if route == "landfill":
                    stocks.append(StockChange("landfill", year, "material", material, part, "t"))
                else:
                    flows.append(Flow(route, "environment", year, "material", material, part, "t"))
    return CityMetabolism(flows=flows, stock_changes=stocks)


@settings(max_examples=60, deadline=None)
@given(balanced_systems())
def test_random_balanced_systems_pass(model):
    assert model.imbalances(rtol=1e-9, atol=1e-6) == []


@settings(max_examples=60, deadline=None)
@given(balanced_systems(), st.data())
def test_perturbing_one_flow_is_reported(model, data):
    index = data.draw(st.integers(0, len(model.flows) - 1))
    old = model.flows[index]
    # The tolerance scales with each process's throughput (all materials together), so the
    # perturbation is sized against the largest flow of the system to stay detectable.
    delta = data.draw(st.floats(1e-3, 10)) * max(1.0, max(f.value for f in model.flows))
    flows = list(model.flows)
    flows[index] = Flow(old.origin, old.destination, old.year, old.layer, old.material,
                        old.value + delta, old.unit)
    model = CityMetabolism(flows=flows, stock_changes=model.stock_changes)
    found = model.imbalances(rtol=1e-9, atol=1e-6)
    expected = {p for p in (old.origin, old.destination) if p != "environment"}
    assert {(i.process, i.year, i.layer) for i in found} == {(p, old.year, "material") for p in expected}
    with pytest.raises(MassBalanceError, match=f"{sorted(expected)[0]} {old.year} material"):
        model.check_mass_balance(tolerance=1e-9)
