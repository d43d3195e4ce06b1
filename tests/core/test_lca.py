"""Avoided emissions: the worked example, signs, missing factors, comparison."""

import pytest

from circularcities.core.errors import ValidationError
from circularcities.core.lca import (
    Alternative,
    avoided_emissions,
    choose_factor_set,
    compare_alternatives,
    lookup_material,
    materials_in_factor_table,
)


def test_worked_example_cardboard_defra_2025():
    r = avoided_emissions("15 01 01", 10)
    assert r.status == "ok"
    assert r.factor_material == "Paper and board: board"
    # S = 1199.72542 - 1098.11442; E = 1164.4894 - 4.68568
    assert r.kg_co2e_avoided == pytest.approx(10 * (101.611 + 1159.80372))
    roles = {(f.factor.route, f.sign) for f in r.factors}
    assert roles == {("primary_production", 1), ("closed_loop_recycling", -1),
                     ("landfill", 1)}
    assert all(f.factor.source.startswith("DESNZ/DEFRA") and f.factor.year == 2025
               for f in r.factors)
    assert r.as_dict()["factors"][0]["unit"] == "kg CO2e/t"


def test_factor_set_2024_differs_and_is_labelled():
    r = avoided_emissions("150101", 10, factor_set="DEFRA-2024")
    assert r.status == "ok" and {f.factor.year for f in r.factors} == {2024}
    assert r.kg_co2e_avoided != avoided_emissions("150101", 10).kg_co2e_avoided


def test_reuse_flags_proxy():
    r = avoided_emissions("wood", 1, route="reuse")
    assert r.status == "ok"
    assert [f.proxy for f in r.factors].count(True) == 1
    assert any("proxy" in n for n in r.notes)
    # 269.50416 - 38.54288 + 925.34348 - 4.68568
    assert r.kg_co2e_avoided == pytest.approx(1151.61908)


def test_negative_result_is_reported_not_clipped():
    # A long haul with a big freight factor can outweigh the saving.
    r = avoided_emissions("concrete", 1, tonne_km=10_000, freight_kg_co2e_per_tkm=0.1)
    assert r.kg_co2e_avoided is not None and r.kg_co2e_avoided < 0


def test_transport_reduces_avoided():
    base = avoided_emissions("glass", 2).kg_co2e_avoided
    with_t = avoided_emissions("glass", 2, tonne_km=100, freight_kg_co2e_per_tkm=0.1)
    assert with_t.kg_co2e_avoided == pytest.approx(base - 10)


def test_epa_is_incomplete_without_supply_factors():
    r = avoided_emissions("150101", 10, factor_set="EPA-2021")
    assert r.status == "incomplete" and r.kg_co2e_avoided is None
    assert r.partial_kg_co2e == pytest.approx(10 * (992.08 - 121.25))
    assert any("EPA-2021" in m for m in r.missing)


def test_unknown_material_says_no_factor():
    r = avoided_emissions("99 99 99", 5)
    assert r.status == "no factor" and r.kg_co2e_avoided is None
    assert "No factor" in r.missing[0]


def test_missing_route_factor_is_explicit():
    r = avoided_emissions("tyres", 1)  # DEFRA has no tyre landfill factor (banned in UK)
    assert r.status == "incomplete" and r.kg_co2e_avoided is None
    assert any("landfill" in m for m in r.missing)


@pytest.mark.parametrize("kw", [dict(route="burn"), dict(counterfactual="sea"),
                                dict(factor_set="DEFRA-1999")])
def test_bad_choices_rejected(kw):
    with pytest.raises(ValidationError, match="Expected"):
        avoided_emissions("glass", 1, **kw)


def test_negative_quantity_rejected():
    with pytest.raises(ValidationError, match="quantity_t"):
        avoided_emissions("glass", -1)


@pytest.mark.parametrize("code,material", [
    ("20 01 01", "Paper and board: mixed"), ("200108", "Organic: food and drink waste"),
    ("17 01 02", "Bricks"), ("17 01 01", "Concrete"), ("17 05 04", "Soils"),
    ("20 01 36", "WEEE - mixed"), ("16 01 03", "Tyres"), ("20 01 11", "Clothing"),
    ("20 01 39", "Plastics: average plastics"), ("20 01 40", "Metal: scrap metal"),
    ("20 01 02", "Glass"), ("20 01 38", "Wood"),
])
def test_map_covers_common_codes(code, material):
    assert lookup_material(code).defra_material == material


def test_every_mapped_material_exists_in_table():
    from circularcities.core.lca import material_factor_map
    names = set(materials_in_factor_table())
    for m in material_factor_map().values():
        for name in (m.defra_material, m.epa_material):
            assert not name or name in names


def test_materials_in_factor_table_per_set():
    assert "Bricks" in materials_in_factor_table("DEFRA-2025")
    assert "Bricks" not in materials_in_factor_table("EPA-2021")
    assert choose_factor_set().name == "DEFRA-2025"


def test_copenhagen_comparison_picks_lowest():
    comp = compare_alternatives("facade wall", [
        Alternative("new bricks", "bricks", 100),
        Alternative("new concrete", "concrete", 120),
        Alternative("reclaimed bricks", "bricks", 100, supply_route="reuse",
                    supply_kg_co2e_per_t=20.0, supply_source="project EPD, 2019"),
    ])
    by = {r.alternative.name: r.kg_co2e for r in comp.results}
    assert by["new bricks"] == pytest.approx(100 * (241.79306 + 1.26338))
    assert comp.best.alternative.name == "reclaimed bricks"
    assert comp.saving_kg_co2e == pytest.approx(by["new bricks"] - by["reclaimed bricks"])


def test_comparison_never_picks_incomplete():
    comp = compare_alternatives("wall", [Alternative("reused bricks", "bricks", 1,
                                                     supply_route="reuse"),
                                         Alternative("concrete", "concrete", 1)])
    assert comp.results[0].kg_co2e is None and comp.results[0].missing
    assert comp.best.alternative.name == "concrete"


def test_comparison_needs_two_and_defra():
    with pytest.raises(ValidationError, match="two"):
        compare_alternatives("x", [Alternative("a", "bricks", 1)])
    with pytest.raises(ValidationError, match="DEFRA"):
        compare_alternatives("x", [Alternative("a", "bricks", 1),
                                   Alternative("b", "bricks", 2)], factor_set="EPA-2021")
    with pytest.raises(ValidationError, match="mass_t"):
        Alternative("a", "bricks", 0)
