"""Hypothesis: the matcher equals the dense LP optimum and respects every limit."""

from collections import defaultdict

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from circularcities.core.matching import (
    Compatibility,
    Listing,
    NetworkSimplex,
    TwoPhaseLP,
    exact_lp_reference,
    greedy_nearest_partner,
    match,
)

MATERIALS = ["a", "b", "c"]
COMPAT = Compatibility.from_pairs([("a", "b")])

# Quantities include exact zeros; coordinates cluster in a ~100 km box (plus
# some repeats) so that max_km in [0, 80] leaves both connected and cut pairs.
quantity = st.one_of(st.just(0.0), st.floats(0.001, 100.0, allow_nan=False))
coord = st.tuples(st.sampled_from([0.0, 0.3, 0.6]), st.sampled_from([0.0, 0.4])) | st.tuples(
    st.floats(-0.5, 0.5), st.floats(-0.5, 0.5))


@st.composite
def listings(draw, prefix, max_n=9):
    n = draw(st.integers(0, max_n))
    out = []
    for k in range(n):
        lat, lon = draw(coord)
        out.append(Listing(f"{prefix}{k}", draw(st.sampled_from(MATERIALS)), draw(quantity),
                           lat, lon))
    return out


max_km = st.one_of(st.none(), st.floats(0.0, 80.0))


def check_limits(plan, offers, wants, limit):
    sent, got = defaultdict(float), defaultdict(float)
    q_o = {x.id: x for x in offers}
    q_w = {x.id: x for x in wants}
    for m in plan.matches:
        assert m.quantity_t >= 1e-9
        sent[m.offer] += m.quantity_t
        got[m.want] += m.quantity_t
        assert COMPAT.allows(q_o[m.offer].material, q_w[m.want].material)
        if limit is not None:
            assert m.distance_km <= limit
    for k, v in sent.items():
        assert v <= q_o[k].quantity_t * (1 + 1e-12) + 1e-12
    for k, v in got.items():
        assert v <= q_w[k].quantity_t * (1 + 1e-12) + 1e-12


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(listings("o"), listings("w"), max_km)
def test_matches_dense_lp_optimum(offers, wants, limit):
    plan = match(offers, wants, max_km=limit, compatibility=COMPAT)
    ref = exact_lp_reference(offers, wants, max_km=limit, compatibility=COMPAT)
    scale = 1.0 + sum(x.quantity_t for x in offers)
    assert plan.matched_t == pytest.approx(ref.matched_t, abs=1e-6 * scale)
    # The reference's phase 2 may give up 1e-9 x total tonnes (its slack), which
    # can cost up to that times the longest possible arc (< 150 km here).
    assert abs(plan.tonne_km - ref.tonne_km) <= 1e-6 * (1.0 + ref.tonne_km) + 1e-9 * scale * 150
    check_limits(plan, offers, wants, limit)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(listings("o"), listings("w"), max_km)
def test_sparse_network_simplex_matches_dense_lp_optimum(offers, wants, limit):
    # The arcs-only form of the network simplex (used for sparse or huge components).
    plan = match(offers, wants, max_km=limit, compatibility=COMPAT,
                 solver=NetworkSimplex(dense_cells=0))
    ref = exact_lp_reference(offers, wants, max_km=limit, compatibility=COMPAT)
    scale = 1.0 + sum(x.quantity_t for x in offers)
    assert plan.matched_t == pytest.approx(ref.matched_t, abs=1e-6 * scale)
    assert abs(plan.tonne_km - ref.tonne_km) <= 1e-6 * (1.0 + ref.tonne_km) + 1e-9 * scale * 150
    check_limits(plan, offers, wants, limit)


@settings(max_examples=60, deadline=None)
@given(listings("o"), listings("w"), max_km)
def test_two_phase_and_greedy_respect_limits(offers, wants, limit):
    exact = match(offers, wants, max_km=limit, compatibility=COMPAT, solver=TwoPhaseLP())
    greedy = greedy_nearest_partner(offers, wants, max_km=limit, compatibility=COMPAT)
    check_limits(exact, offers, wants, limit)
    check_limits(greedy, offers, wants, limit)
    assert greedy.matched_t <= exact.matched_t + 1e-6 * (1 + exact.matched_t)


@settings(max_examples=40, deadline=None)
@given(listings("o"), listings("w"))
def test_all_out_of_range_gives_nothing(offers, wants):
    far = [Listing(w.id, w.material, w.quantity_t, -w.lat - 40.0, w.lon) for w in wants]
    assert match(offers, far, max_km=50.0, compatibility=COMPAT).matches == []


@settings(max_examples=40, deadline=None)
@given(listings("o"), listings("w"))
def test_no_limit_moves_min_of_totals_per_material(offers, wants):
    # Without a limit and with identical-material matching only, every material
    # moves min(total offered, total wanted).
    plan = match(offers, wants)
    expect = sum(min(sum(o.quantity_t for o in offers if o.material == m),
                     sum(w.quantity_t for w in wants if w.material == m)) for m in MATERIALS)
    assert plan.matched_t == pytest.approx(expect, rel=1e-7, abs=1e-7)
