"""The exact matcher: named small cases, validation, strategies and impacts."""

import math

import numpy as np
import pytest

from circularcities.core.errors import ValidationError
from circularcities.core.matching import (
    CircuityDistance,
    ColumnGenerationLP,
    Compatibility,
    GreatCircle,
    Listing,
    NetworkSimplex,
    StarSolver,
    TwoPhaseLP,
    WeightedLP,
    annotate_plan,
    candidate_arcs,
    default_compatibility,
    exact_lp_reference,
    greedy_nearest_partner,
    match,
    material_key,
    solve_component,
    split_components,
)
from circularcities.core.matching.distance import DistanceProvider


def L(id, material, q, lat, lon, **kw):  # noqa: N802 - short fixture builder
    return Listing(id, material, q, lat, lon, **kw)


# Greedy trap: o1 sits next to w1 but is the only offer that can reach w2; greedy
# sends o1 to w1 and strands w2. The optimum sends o1 to w2 and o2 to w1.
TRAP_OFFERS = [L("o1", "wood", 10, 0.0, 0.0), L("o2", "wood", 10, 0.0, -0.3)]
TRAP_WANTS = [L("w1", "wood", 10, 0.0, 0.01), L("w2", "wood", 10, 0.0, 0.3)]


def test_greedy_trap_exact_beats_greedy():
    exact = match(TRAP_OFFERS, TRAP_WANTS, max_km=40)
    greedy = greedy_nearest_partner(TRAP_OFFERS, TRAP_WANTS, max_km=40)
    assert exact.matched_t == pytest.approx(20)
    assert greedy.matched_t == pytest.approx(10)
    assert {(m.offer, m.want) for m in exact.matches} == {("o1", "w2"), ("o2", "w1")}


def test_lexicographic_prefers_tonnes_over_distance():
    offers = [L("a", "x", 5, 0, 0), L("b", "x", 5, 0, 1)]
    wants = [L("w", "x", 10, 0, 0)]
    plan = match(offers, wants)
    assert plan.matched_t == pytest.approx(10)
    assert plan.tonne_km == pytest.approx(5 * 111.19, rel=1e-3)


def test_split_quantities_and_nearest_first():
    offers = [L("o", "x", 10, 0, 0)]
    wants = [L("far", "x", 8, 0, 0.5), L("near", "x", 8, 0, 0.1)]
    plan = match(offers, wants)
    got = {m.want: m.quantity_t for m in plan.matches}
    assert got == pytest.approx({"near": 8.0, "far": 2.0})


def test_material_must_match_unless_compatible():
    offers = [L("o", "15 01 01", 3, 0, 0)]
    wants = [L("w", "200101", 3, 0, 0)]
    assert match(offers, wants).matched_t == 0
    assert match(offers, wants, compatibility=default_compatibility()).matched_t == 3
    # Direction matters: the reverse pair is a different rule.
    comp = Compatibility.from_pairs([("200101", "150101")])
    assert match(offers, wants, compatibility=comp).matched_t == 0


def test_ewc_codes_normalise():
    assert material_key("15 01 01*") == material_key("150101") == "150101"
    assert material_key("  Wood  Chips ") == "wood chips"
    plan = match([L("o", "15 01 01", 1, 0, 0)], [L("w", "150101", 1, 0, 0)])
    assert plan.matched_t == 1


def test_distance_limit_and_circuity():
    offers = [L("o", "x", 1, 0, 0)]
    wants = [L("w", "x", 1, 0, 0.4)]  # 44.5 km great-circle
    assert match(offers, wants, max_km=50).matched_t == 1
    assert match(offers, wants, max_km=50, distance=CircuityDistance(1.3)).matched_t == 0
    plan = match(offers, wants, max_km=60, distance=CircuityDistance(1.3))
    assert plan.matches[0].distance_km == pytest.approx(1.3 * 44.478, rel=1e-3)
    assert isinstance(GreatCircle(), DistanceProvider)


@pytest.mark.parametrize("factor", [0.9, 6, float("nan"), True])
def test_circuity_validates(factor):
    with pytest.raises(ValidationError, match="Expected circuity factor"):
        CircuityDistance(factor)


@pytest.mark.parametrize("kw,field", [
    (dict(quantity_t=-1), "quantity_t"), (dict(quantity_t=float("nan")), "quantity_t"),
    (dict(lat=90.5), "lat"), (dict(lon=-181), "lon"), (dict(lat=float("inf")), "lat"),
])
def test_listing_validation_names_id_and_field(kw, field):
    args = dict(id="L7", material="x", quantity_t=1.0, lat=0.0, lon=0.0) | kw
    with pytest.raises(ValidationError, match=f"{field}.*'L7'"):
        Listing(**args)


def test_duplicate_ids_rejected():
    with pytest.raises(ValidationError, match="'o'"):
        match([L("o", "x", 1, 0, 0), L("o", "x", 2, 0, 0)], [])


def test_negative_max_km_rejected():
    with pytest.raises(ValidationError, match="max_km"):
        match([], [], max_km=-1)


@pytest.mark.parametrize("offers,wants", [
    ([], []), ([L("o", "x", 1, 0, 0)], []), ([], [L("w", "x", 1, 0, 0)]),
    ([L("o", "x", 0, 0, 0)], [L("w", "x", 5, 0, 0)]),
])
def test_empty_and_degenerate(offers, wants):
    plan = match(offers, wants, max_km=10)
    assert plan.matches == [] and plan.matched_t == 0 and plan.tonne_km == 0


def test_identical_coordinates_zero_distance():
    plan = match([L("o", "x", 2, 5, 5)], [L("w", "x", 3, 5, 5)], max_km=0)
    assert plan.matched_t == 2 and plan.tonne_km == 0


@pytest.mark.parametrize("solver", [NetworkSimplex(), TwoPhaseLP(), WeightedLP(),
                                    ColumnGenerationLP(k_nearest=1)])
def test_solvers_agree_on_trap(solver):
    plan = match(TRAP_OFFERS + [L("o3", "wood", 4, 0.0, 0.2)],
                 TRAP_WANTS + [L("w3", "wood", 7, 0.0, -0.1)], max_km=40, solver=solver)
    ref = exact_lp_reference(TRAP_OFFERS + [L("o3", "wood", 4, 0.0, 0.2)],
                             TRAP_WANTS + [L("w3", "wood", 7, 0.0, -0.1)], max_km=40)
    assert plan.matched_t == pytest.approx(ref.matched_t, rel=1e-7)
    assert plan.tonne_km == pytest.approx(ref.tonne_km, rel=1e-6)


def test_star_solver_rejects_non_star():
    import numpy as np
    with pytest.raises(ValueError):
        StarSolver().solve(np.ones(2), np.ones(2), np.array([0, 1]), np.array([0, 1]),
                           np.ones(2))


@pytest.mark.parametrize("kw", [dict(k_nearest=0), dict(pricing_tolerance=0),
                                dict(max_rounds=0)])
def test_column_generation_validates(kw):
    with pytest.raises(ValueError, match="Expected"):
        ColumnGenerationLP(**kw)


def test_progress_callback_and_components():
    calls = []
    offers = [L("a", "x", 1, 0, 0), L("b", "y", 1, 10, 10)]
    wants = [L("c", "x", 1, 0, 0), L("d", "y", 1, 10, 10)]
    plan = match(offers, wants, progress=lambda d, t: calls.append((d, t)))
    assert plan.n_components == 2 and calls == [(1, 2), (2, 2)]


def test_match_as_dict_and_impacts():
    offers = [L("o", "15 01 01", 10, 0, 0, avoided_cost_per_t=50.0, currency="EUR")]
    wants = [L("w", "15 01 01", 10, 0, 0.1, avoided_cost_per_t=20.0, currency="EUR")]
    plan = annotate_plan(match(offers, wants), offers, wants, transport_cost_per_tkm=0.1)
    m = plan.matches[0]
    assert m.impact.emissions.kg_co2e_avoided == pytest.approx(12614.1472)
    assert m.impact.money_saved == pytest.approx(10 * 70 - m.tonne_km * 0.1)
    assert m.impact.currency == "EUR"
    d = plan.as_dict()
    assert d["matches"][0]["impact"]["emissions"]["factors"][0]["year"] == 2025
    assert math.isclose(d["tonne_km"], m.tonne_km)


def test_impacts_reject_mixed_currency_and_no_cost_gives_none():
    offers = [L("o", "wood", 1, 0, 0, avoided_cost_per_t=5.0, currency="EUR")]
    wants = [L("w", "wood", 1, 0, 0, avoided_cost_per_t=5.0, currency="GBP")]
    with pytest.raises(ValidationError, match="one currency"):
        annotate_plan(match(offers, wants), offers, wants)
    o2, w2 = [L("o", "zzz", 1, 0, 0)], [L("w", "zzz", 1, 0, 0)]
    m = annotate_plan(match(o2, w2), o2, w2).matches[0]
    assert m.impact.money_saved is None and m.impact.emissions.status == "no factor"


def test_listing_currency_required_with_cost():
    with pytest.raises(ValidationError, match="ISO 4217"):
        Listing("a", "x", 1, 0, 0, avoided_cost_per_t=3.0)


def test_two_workers_give_the_same_plan():
    offers = TRAP_OFFERS + [L("o3", "glass", 4, 10, 10), L("o4", "glass", 3, 10, 10.2)]
    wants = TRAP_WANTS + [L("w3", "glass", 5, 10, 10.1), L("w4", "glass", 1, 10, 10)]
    one = match(offers, wants, max_km=40)
    two = match(offers, wants, max_km=40, workers=2)
    assert one.as_dict() == two.as_dict()
    with pytest.raises(ValidationError, match="workers"):
        match(offers, wants, workers=0)


def test_memory_guard_says_what_it_would_need(monkeypatch):
    import circularcities.core.matching.candidates as candidates
    # 2 x 2 pairs need 4 x BYTES_PER_ARC bytes; pretend only 3 arcs' worth is free.
    monkeypatch.setattr(candidates, "available_memory_bytes",
                        lambda: 3 * candidates.BYTES_PER_ARC)
    with pytest.raises(ValidationError, match=r"4 candidate pairs need about .* GiB"):
        match([L(f"o{i}", "x", 1, 0, 0) for i in range(2)],
              [L(f"w{i}", "x", 1, 0, 0) for i in range(2)])


def test_memory_guard_counts_pairs_in_range_before_refusing(monkeypatch):
    import circularcities.core.matching.candidates as candidates
    # All pairs (4) would not fit, but only 2 are within max_km: those fit.
    monkeypatch.setattr(candidates, "available_memory_bytes",
                        lambda: 3 * candidates.BYTES_PER_ARC)
    offers = [L("o1", "x", 1, 0, 0), L("o2", "x", 1, 10, 10)]
    wants = [L("w1", "x", 1, 0, 0), L("w2", "x", 1, 10, 10)]
    plan = match(offers, wants, max_km=5)
    assert plan.matched_t == pytest.approx(2) and plan.n_components == 2


def test_solve_component_from_plain_lists():
    # The greedy trap as plain data: a job can solve one component without Listings.
    flows = solve_component([10, 10], [10, 10], [0, 0, 1], [0, 1, 0], [1.1, 33.4, 34.5])
    assert flows.tolist() == pytest.approx([0.0, 10.0, 10.0])
    # Components are independent problems with local numbering.
    offers = TRAP_OFFERS + [L("g", "glass", 4, 10, 10)]
    wants = TRAP_WANTS + [L("h", "glass", 5, 10, 10.1)]
    oi, wj, km = candidate_arcs(offers, wants, 40, Compatibility(), GreatCircle())
    parts = split_components(len(offers), len(wants), oi, wj)
    assert parts.n == 2
    assert sorted(np.diff(parts.offer_bounds).tolist()) == [1, 2]


def test_network_simplex_falls_back_to_lp_without_certificate(monkeypatch):
    import circularcities.core.matching.solvers.network_simplex as ns
    calls = []
    real = ns.ColumnGenerationLP.solve

    def spy(self, *args):
        calls.append(1)
        return real(self, *args)

    monkeypatch.setattr(ns, "CERTIFICATE_TOLERANCE", -1.0)  # no plan can be certified
    monkeypatch.setattr(ns.ColumnGenerationLP, "solve", spy)
    offers = TRAP_OFFERS + [L("o3", "wood", 7, 0.0, 0.1)]
    wants = TRAP_WANTS + [L("w3", "wood", 7, 0.0, -0.1)]
    plan = match(offers, wants, max_km=40)
    assert calls and plan.matched_t == pytest.approx(27)
    ref = exact_lp_reference(offers, wants, max_km=40)
    assert plan.tonne_km == pytest.approx(ref.tonne_km, rel=1e-6)


def test_same_owner_pairs_are_excluded_before_solving():
    # o1 and w1 belong to one owner: pairing them and dropping the pair afterwards
    # would leave w2 unserved; excluding the pair up front serves w2 in full.
    offers = [L("o1", "wood", 10, 0.0, 0.0, owner="acme")]
    wants = [L("w1", "wood", 10, 0.0, 0.001, owner="acme"), L("w2", "wood", 10, 0.0, 0.2, owner="b")]
    plan = match(offers, wants, max_km=50)
    assert [(m.offer, m.want, m.quantity_t) for m in plan.matches] == [("o1", "w2", pytest.approx(10))]
    # Listings without an owner are never excluded from each other.
    anon = match([L("o1", "wood", 10, 0.0, 0.0)], [L("w1", "wood", 10, 0.0, 0.001)], max_km=50)
    assert anon.matched_t == pytest.approx(10)
