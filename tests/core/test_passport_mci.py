"""The Material Circularity Indicator against hand-computed cases and its bounds."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from circularcities.core.errors import ValidationError
from circularcities.core.passport import (
    Flows,
    Part,
    building,
    coming_free,
    compute,
    detachability,
    summarise,
)


def test_fully_linear_scores_one_tenth():
    r = compute(Flows(mass_kg=100))
    assert r.virgin_kg == 100 and r.waste_kg == 100
    assert r.lfi == pytest.approx(1.0)
    assert r.utility == 1 and r.utility_factor == pytest.approx(0.9)
    assert r.mci == pytest.approx(0.1)


def test_fully_restorative_scores_one():
    r = compute(Flows(mass_kg=10, reused_in=1, reused_out=1))
    assert (r.virgin_kg, r.waste_kg, r.lfi) == (0, 0, 0)
    assert r.mci == 1


def test_short_lived_linear_is_clipped_at_zero():
    r = compute(Flows(mass_kg=5, lifetime_ratio=0.5))
    # F(X) = 0.9 / 0.5 = 1.8, 1 - 1 * 1.8 = -0.8
    assert r.mci_unclipped == pytest.approx(-0.8)
    assert r.mci == 0


def test_recycling_with_efficiencies_by_hand():
    # M=200, F_R=0.5, C_R=0.5, E_C=0.8, E_F=0.9, L/Lav=2
    r = compute(Flows(mass_kg=200, recycled_in=0.5, recycled_out=0.5, eff_collection=0.8,
                      eff_feedstock=0.9, lifetime_ratio=2))
    assert r.virgin_kg == pytest.approx(100)
    assert r.waste_direct_kg == pytest.approx(100)
    assert r.waste_collection_kg == pytest.approx(20)          # 200 * 0.2 * 0.5
    assert r.waste_feedstock_kg == pytest.approx(100 / 9)      # 200 * 0.1 * 0.5 / 0.9
    assert r.waste_kg == pytest.approx(100 + (20 + 100 / 9) / 2)
    assert r.lfi == pytest.approx((100 + r.waste_kg) / (400 + (100 / 9 - 20) / 2))
    assert r.mci == pytest.approx(1 - r.lfi * 0.45)


def test_2019_sustained_biological_feedstock_and_composting():
    # timber from sustained forestry, composted at end of use: restorative on both sides
    r = compute(Flows(mass_kg=1000, sustained_bio_in=1, composted_out=1))
    assert r.virgin_kg == 0 and r.waste_kg == 0 and r.mci == 1
    # half sustained, half virgin; 40 % composted, 60 % landfilled
    r = compute(Flows(mass_kg=1000, sustained_bio_in=0.5, composted_out=0.4))
    assert r.virgin_kg == pytest.approx(500) and r.waste_kg == pytest.approx(600)
    assert r.lfi == pytest.approx(1100 / 2000)
    assert r.mci == pytest.approx(1 - 0.55 * 0.9)


def test_2019_energy_recovery_credited_only_for_sustained_biological_material():
    credited = compute(Flows(mass_kg=100, sustained_bio_in=1, energy_out=1))
    assert credited.waste_kg == 0 and credited.mci == 1
    # virgin material burnt for energy is still unrecoverable waste
    uncredited = compute(Flows(mass_kg=100, sustained_bio_in=0.3, energy_out=1))
    assert uncredited.energy_uncredited == pytest.approx(0.7)
    assert uncredited.waste_direct_kg == pytest.approx(70)
    assert uncredited.virgin_kg == pytest.approx(70)
    assert uncredited.lfi == pytest.approx(140 / 200)


def test_2015_method_rejects_biological_terms():
    with pytest.raises(ValidationError, match="2015"):
        compute(Flows(mass_kg=1, composted_out=0.5), method="2015")
    assert compute(Flows(mass_kg=1), method="2015").mci == pytest.approx(0.1)


@pytest.mark.parametrize("kwargs, message", [
    ({"mass_kg": 0}, "mass_kg above 0"),
    ({"mass_kg": -3}, "mass_kg above 0"),
    ({"mass_kg": 1, "recycled_in": 0.6, "reused_in": 0.6}, "recycled_in \\+ reused_in"),
    ({"mass_kg": 1, "reused_out": 0.7, "energy_out": 0.4}, "recycled_out \\+ reused_out"),
    ({"mass_kg": 1, "recycled_in": 0.2, "eff_feedstock": 0}, "eff_feedstock above 0"),
    ({"mass_kg": 1, "lifetime_ratio": 0}, "lifetime_ratio above 0"),
    ({"mass_kg": float("nan")}, "mass_kg"),
])
def test_bad_inputs_rejected(kwargs, message):
    with pytest.raises(ValidationError, match=message):
        Flows(**kwargs)


def test_building_is_mass_weighted():
    b = building([Flows(mass_kg=300, id="a"), Flows(mass_kg=100, reused_in=1, reused_out=1, id="b")])
    assert b.mci == pytest.approx((300 * 0.1 + 100 * 1) / 400)
    assert b.virgin_kg == 300 and b.mass_kg == 400
    with pytest.raises(ValidationError):
        building([])


fractions = st.floats(0, 1, allow_nan=False)


@st.composite
def flows(draw):
    fr, fu, fs = draw(fractions), draw(fractions), draw(fractions)
    total = fr + fu + fs
    if total > 1:
        fr, fu, fs = fr / total, fu / total, fs / total
    outs = [draw(fractions) for _ in range(4)]
    total = sum(outs)
    if total > 1:
        outs = [o / total for o in outs]
    return Flows(mass_kg=draw(st.floats(1e-3, 1e9)), recycled_in=min(fr, 1), reused_in=min(fu, 1),
                 sustained_bio_in=min(fs, 1), recycled_out=outs[0], reused_out=outs[1],
                 composted_out=outs[2], energy_out=outs[3], eff_collection=draw(fractions),
                 eff_feedstock=draw(st.floats(0.01, 1)), lifetime_ratio=draw(st.floats(0.01, 100)),
                 use_ratio=draw(st.floats(0.01, 100)))


@settings(max_examples=300, deadline=None)
@given(flows())
def test_bounds(f):
    r = compute(f)
    assert 0 <= r.mci <= 1
    assert -1e-9 <= r.lfi <= 1 + 1e-9
    assert 0 <= r.virgin_kg <= f.mass_kg * (1 + 1e-9)
    assert r.waste_kg >= 0


@settings(max_examples=100, deadline=None)
@given(st.lists(flows(), min_size=1, max_size=6))
def test_building_between_its_components(fs):
    b = building(fs)
    lo, hi = min(c.mci for c in b.components), max(c.mci for c in b.components)
    assert lo - 1e-9 <= b.mci <= hi + 1e-9


@settings(max_examples=100, deadline=None)
@given(flows())
def test_longer_life_never_lowers_the_score(f):
    longer = Flows(**{**f.__dict__, "lifetime_ratio": f.lifetime_ratio * 2})
    assert compute(longer).mci >= compute(f).mci - 1e-12


def test_detachability_harmonic_mean():
    d = detachability("added_elements", "free")
    assert d.score == pytest.approx(2 / (1 / 0.8 + 1 / 1.0))
    assert detachability("dry", "free").score == 1
    assert detachability("hard_chemical", "irreparable_damage").score == pytest.approx(
        2 / (10 + 2.5))
    with pytest.raises(ValidationError, match="connection type"):
        detachability("glued", "free")


def test_summary_lists_missing_and_never_guesses():
    parts = [
        Part(id="beam", materials=(("timber", 1000.0),), origin="sustained_bio", reusable_share=0.8,
             recyclable_share=0.1, connection="added_elements", accessibility="free",
             take_back_until=dt.date(2040, 1, 1), residual_value=500, currency="EUR",
             quality={"mass": "measured"}),
        Part(id="wall", materials=(("concrete", None),), origin=None),
    ]
    s = summarise(parts, on=dt.date(2030, 1, 1))
    assert s.mass_kg == 1000 and s.mass_unknown == ["wall"]
    assert s.mci_missing == ["wall"] and set(s.mci_by_part) == {"beam"}
    assert s.reusable_kg == pytest.approx(800) and s.lost_kg == pytest.approx(100)
    assert s.take_back_kg == 1000 and s.residual_value == {"EUR": 500}
    assert s.quality["mass"] == {"measured": 0.5, "estimated": 0.0, "missing": 0.5}
    assert summarise(parts, on=dt.date(2041, 1, 1)).take_back_kg == 0


def test_coming_free_by_year_and_material():
    parts = [Part(id="a", materials=(("timber", 2000.0), ("steel", 500.0)), reusable_share=0.5,
                  end_of_use=dt.date(2034, 6, 1)),
             Part(id="b", materials=(("timber", 1000.0),), reusable_share=1,
                  end_of_use=dt.date(2060, 1, 1))]
    got = coming_free(parts, start=dt.date(2026, 1, 1), horizon_years=10)
    assert [(a.year, a.material, a.tonnes) for a in got] == [(2034, "steel", 0.25),
                                                              (2034, "timber", 1.0)]
