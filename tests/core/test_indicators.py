"""Indicator catalogue and formulas computed from an MFA model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from circularcities.core.errors import ValidationError
from circularcities.core.indicators import (
    AREAS,
    FORMULAS,
    CityFacts,
    compute_indicators,
    load_catalogue,
)
from circularcities.core.mfa import CityMetabolism, Flow, StockChange, read_flows_csv

DATA = Path(__file__).resolve().parents[1] / "data"
ISO_THEMES = {"Solid waste", "Energy", "Environment and climate change", "Economy", "Water",
              "Wastewater", "Transportation", "Governance", "Urban planning", "Material flows"}


def test_catalogue_is_complete_and_consistent():
    cat = load_catalogue()
    assert len(cat) >= 45
    for ind in cat.values():
        assert ind.name_en and ind.name_zh and ind.definition_en and ind.definition_zh and ind.formula
        assert ind.theme in ISO_THEMES, ind.code
        assert set(ind.related_areas) <= set(AREAS) and ind.related_areas
        assert ind.source and ind.unit
    assert {c for c, i in cat.items() if i.computable_from_mfa} == set(FORMULAS)
    for f in FORMULAS.values():
        assert f.unit == cat[f.code].unit


@pytest.mark.parametrize("code, source", [
    ("MF-CMU", "Eurostat cei_srm030"), ("SW-RECYCLING", "ISO 37120"), ("SW-LANDFILL", "ISO 37120"),
    ("SW-INCINERATION", "ISO 37120"), ("SW-COMPOSTING", "ISO 37120"), ("SW-MSW-CAP", "ISO 37120"),
    ("MF-DMC-CAP", "Eurostat"), ("ECO-CIRCULAR-JOBS", "Circular Glasgow"), ("EC-GHG-CAP", "ISO 37120"),
    ("EN-RENEWABLE", "ISO 37120"), ("TR-EBUS-SHARE", "Shenzhen e-bus case, 002"),
    ("SW-COLL-POP", "ISO 37120:2018 16.1"), ("SW-HAZ-CAP", "ISO 37120"), ("WW-TREATED", "ISO 37120"),
    ("EN-USE-CAP", "ISO 37120"), ("EC-PM25", "ISO 37120"), ("UP-GREEN-AREA-CAP", "ISO 37120"),
])
def test_required_indicators_present(code, source):
    assert source in load_catalogue()[code].source


def test_catalogue_json_has_unique_codes():
    rows = json.loads((Path(__file__).resolve().parents[2] / "src/circularcities/data/indicators.json")
                      .read_text("utf-8"))["indicators"]
    assert len({r["code"] for r in rows}) == len(rows)


def model_2020() -> CityMetabolism:
    f = lambda o, d, v, layer="material", unit="t", m="mixed": Flow(o, d, 2020, layer, m, v, unit)  # noqa: E731
    return CityMetabolism(flows=[
        f("environment", "extraction", 200), f("extraction", "production", 200),
        f("environment", "imports", 800), f("imports", "production", 800),
        f("recycling", "production", 90), f("production", "consumption", 790),
        f("production", "exports", 300), f("exports", "environment", 300),
        f("consumption", "collection", 500), f("consumption", "stock_buildings", 290),
        f("collection", "sorting", 500), f("sorting", "recycling", 100),
        f("sorting", "composting_digestion", 50), f("sorting", "incineration_energy_recovery", 250),
        f("sorting", "landfill", 100), f("recycling", "landfill", 10),
        f("composting_digestion", "environment", 50), f("incineration_energy_recovery", "environment", 250),
        f("environment", "incineration_energy_recovery", 700, "energy", "MWh", "energy"),
        f("incineration_energy_recovery", "consumption", 300, "energy", "MWh", "energy"),
        f("incineration_energy_recovery", "environment", 400, "energy", "MWh", "energy"),
        f("consumption", "environment", 300, "energy", "MWh", "energy"),
    ], stock_changes=[StockChange("stock_buildings", 2020, "material", "mixed", 290, "t"),
                      StockChange("landfill", 2020, "material", "mixed", 110, "t")])


def test_formulas_compute_expected_values():
    model = model_2020()
    model.check_mass_balance()
    res = {r.code: r for r in compute_indicators(model, CityFacts(population=1000, gdp=7e6))}
    assert all(r.ok and r.quality == "computed" for r in res.values() if r.code != "NX-PHOSPHORUS-RECOVERED")
    dmc, u = 200 + 800 - 300, 90
    assert res["MF-DMC"].value == dmc
    assert res["MF-U"].value == u
    assert res["MF-CMU"].value == pytest.approx(100 * u / (dmc + u))
    assert res["MF-DMC-CAP"].value == pytest.approx(0.7)
    assert res["MF-DE"].value == 200
    assert res["MF-IMP-CAP"].value == pytest.approx(0.8)
    assert res["MF-STOCK-ADD-CAP"].value == pytest.approx(0.29)
    assert res["MF-RES-PROD"].value == pytest.approx(1e4)
    assert res["SW-MSW-CAP"].value == pytest.approx(500)
    assert res["SW-RECYCLING"].value == pytest.approx(20)
    assert res["SW-COMPOSTING"].value == pytest.approx(10)
    assert res["SW-INCINERATION"].value == pytest.approx(50)
    assert res["SW-LANDFILL"].value == pytest.approx(20)
    assert res["SW-TREATED"].value == 500
    assert res["EN-WASTE-TO-ENERGY-CAP"].value == pytest.approx(0.3)
    assert not res["NX-PHOSPHORUS-RECOVERED"].ok
    assert res["NX-PHOSPHORUS-RECOVERED"].missing == ("nutrient-layer flows in t P",)


def test_missing_inputs_are_named_never_filled():
    res = {r.code: r for r in compute_indicators(model_2020(), CityFacts())}
    for code in ("MF-DMC-CAP", "SW-MSW-CAP", "MF-IMP-CAP"):
        assert res[code].value is None and "population" in res[code].missing
    assert res["MF-RES-PROD"].missing == ("gdp",)
    empty = {r.code: r for r in compute_indicators(CityMetabolism(), CityFacts(population=5), years=[2020])}
    assert all(not r.ok and r.missing for r in empty.values())
    assert "flows from collection or sorting to treatment routes" in empty["SW-RECYCLING"].missing


def test_zero_numerator_with_data_is_zero():
    res = {r.code: r for r in compute_indicators(read_flows_csv(DATA / "flows_small.csv"),
                                                 CityFacts(population=10))}
    assert res["SW-INCINERATION"].value == 0.0
    assert res["SW-RECYCLING"].value == pytest.approx(62.5)


def test_bad_inputs():
    with pytest.raises(ValidationError, match="population > 0"):
        CityFacts(population=0)
    with pytest.raises(ValidationError, match="computable"):
        compute_indicators(CityMetabolism(), CityFacts(), codes=["EC-PM25"])
