"""Waste-stream rates against hand-computed values, the balance rule, and property bounds."""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from circularcities.core.rules import FieldError
from circularcities.core.waste import (
    ROUTES,
    TOLERANCE_T,
    Stream,
    Totals,
    rates,
    rates_by_year,
    yearly,
)


def stream(generated=1000.0, area="", **routes):
    return Stream(stream="s", year=2022, generated_t=generated, routes=routes, area=area)


def test_every_rate_against_hand_computed_values():
    # 1000 t: 10 reuse + 300 recycling + 90 composting = 400 -> 40 %; 200 energy -> 20 %;
    # 25 incineration -> 2.5 %; 350 landfill -> 35 %; 5 other -> 0.5 %; untreated 1000 - 980 = 20 t.
    r = rates(stream(reuse=10, recycling=300, composting=90, energy_recovery=200, incineration=25,
                     landfill=350, other=5))
    assert r.recycling_rate == pytest.approx(0.40)
    assert r.energy_recovery_rate == pytest.approx(0.20)
    assert r.incineration_rate == pytest.approx(0.025)
    assert r.landfill_rate == pytest.approx(0.35)
    assert r.other_rate == pytest.approx(0.005)
    assert r.untreated_t == pytest.approx(20.0)
    assert r.treated_t == pytest.approx(980.0)
    assert r.utilisation_rate is None and r.sdg_11_6_1 is None


def test_industrial_utilisation_rate_counts_storage_in_both_terms():
    # generated 800 t; utilised 500 recycling + 100 energy; 200 t of older stored waste utilised:
    # (500 + 100 + 200) / (800 + 200) = 0.8
    s = Stream(stream="fly ash", year=2021, generated_t=800, area="industrial", from_storage_t=200,
               routes={"recycling": 500, "energy_recovery": 100, "landfill": 150})
    assert rates(s).utilisation_rate == pytest.approx(0.8)
    assert rates(s).recycling_rate == pytest.approx(500 / 800)


def test_sdg_11_6_1_excludes_uncontrolled_and_uncollected():
    # 1000 t generated, 900 collected; routes 950 of which 100 t open dumping:
    # controlled 850, at most 900 collected -> 850 / 1000
    s = Stream(stream="MSW", year=2020, generated_t=1000, collected_t=900, area="household", uncontrolled_t=100,
               routes={"recycling": 200, "landfill": 600, "energy_recovery": 150})
    assert rates(s).sdg_11_6_1 == pytest.approx(0.85)
    # collected is the cap when less than the controlled tonnes: min(900 - 0, 700) / 1000
    s2 = Stream(stream="MSW", year=2020, generated_t=1000, collected_t=700, area="household",
                routes={"recycling": 200, "landfill": 700})
    assert rates(s2).sdg_11_6_1 == pytest.approx(0.7)


def test_nothing_generated_has_no_rate():
    r = rates(stream(generated=0))
    assert r.recycling_rate is None and r.landfill_rate is None and r.untreated_t == 0


@pytest.mark.parametrize("routes, field", [
    ({"recycling": 600, "landfill": 400.002}, "generated_t"),
    ({"reuse": -1}, "reuse_t"),
    ({"composting": float("nan")}, "composting_t"),
    ({"unknown": 3}, "unknown"),
])
def test_unbalanced_or_negative_rows_are_rejected(routes, field):
    with pytest.raises(FieldError) as exc:
        stream(**routes)
    assert exc.value.field == field


def test_rounding_within_a_kilogram_is_accepted():
    s = stream(recycling=600, landfill=400.0009)
    assert rates(s).untreated_t == 0
    assert rates(s).landfill_rate <= 1


@pytest.mark.parametrize("kwargs, field", [
    ({"collected_t": 1000.01}, "collected_t"),
    ({"month": 13}, "month"),
    ({"area": "space"}, "area"),
    ({"uncontrolled_t": 10}, "uncontrolled_t"),
    ({"area": "household", "from_storage_t": 5}, "from_storage_t"),
    ({"ewc_code": "20 01"}, "ewc_code"),
    ({"year": 1800}, "year"),
])
def test_other_rules(kwargs, field):
    with pytest.raises(FieldError) as exc:
        Stream(**{"stream": "s", "year": 2022, "generated_t": 1000, "routes": {"recycling": 5}, **kwargs})
    assert exc.value.field == field


def test_ewc_code_normalised():
    assert Stream(stream="s", year=2022, generated_t=1, ewc_code="20 01 08*").ewc_code == "200108"


def test_months_sum_to_a_year_unless_a_yearly_row_exists():
    months = [Stream(stream="MSW", year=2022, month=m, generated_t=100, area="household",
                     routes={"recycling": 10 * m}) for m in (1, 2, 3)]
    (y,) = yearly(months)
    assert y.generated_t == 300 and y.route("recycling") == 60 and y.month is None
    whole = Stream(stream="MSW", year=2022, generated_t=1200, area="household", routes={"recycling": 240})
    (y2,) = yearly([*months, whole])
    assert y2.generated_t == 1200
    by_year = rates_by_year([*months, whole], area="household")
    assert by_year[2022].recycling_rate == pytest.approx(0.2)


def test_rates_of_summed_streams_weight_by_tonnes():
    a = Stream(stream="a", year=2022, generated_t=100, area="household", routes={"recycling": 50})
    b = Stream(stream="b", year=2022, generated_t=900, area="household", routes={"recycling": 90})
    # (50 + 90) / 1000, not the mean of 50 % and 10 %
    assert rates(Totals.of([a, b])).recycling_rate == pytest.approx(0.14)


tonnes = st.floats(min_value=0, max_value=1e8, allow_nan=False, allow_infinity=False)


@settings(max_examples=200, deadline=None)
@given(st.lists(tonnes, min_size=len(ROUTES), max_size=len(ROUTES)), st.floats(0, 2))  # at most 7e8 * 3 t, within MAX_TONNES
def test_rates_are_bounded_and_conserve_mass(parts, slack):
    total = math.fsum(parts)
    generated = total * (1 + slack)
    s = Stream(stream="s", year=2022, generated_t=generated, routes=dict(zip(ROUTES, parts, strict=True)),
               area="industrial")
    r = rates(s)
    if generated == 0:
        assert r.recycling_rate is None
        return
    keys = ("recycling_rate", "energy_recovery_rate", "incineration_rate", "landfill_rate", "other_rate")
    for k in keys:
        assert 0 <= getattr(r, k) <= 1
    assert 0 <= r.utilisation_rate <= 1
    # every tonne is in one route or untreated
    assert math.fsum(getattr(r, k) for k in keys) * generated + r.untreated_t == pytest.approx(
        generated, rel=1e-9, abs=1e-6)


@settings(max_examples=100, deadline=None)
@given(st.lists(tonnes, min_size=len(ROUTES), max_size=len(ROUTES)),
       st.floats(min_value=TOLERANCE_T * 2, max_value=1e6))
def test_routes_above_generated_never_give_a_rate(parts, excess):
    total = math.fsum(parts)
    assume(total > excess)
    with pytest.raises(FieldError):
        Stream(stream="s", year=2022, generated_t=total - excess,
               routes=dict(zip(ROUTES, parts, strict=True)))
