"""Life-cycle comparison: totals per module against hand-computed values, module D
apart, unit checks, reuse, and properties of the choice."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from circularcities.core.errors import ValidationError
from circularcities.core.procurement import (
    A_TO_C,
    Alternative,
    Item,
    ModuleLine,
    ReuseAssumption,
    compare_item,
    module_code,
    reused_component,
    unit_code,
)


def alt(name, *rows, **kw):
    return Alternative(name, tuple(ModuleLine(*r) for r in rows), **kw)


def test_totals_per_module_hand_computed():
    # new bricks: 300 t x 241.8 = 72,540; A4 30,000 t·km x 0.1 = 3,000; C4 300 x 1.26 = 378
    new = alt("new bricks", ("A1-A3", 300, "t", 241.8), ("A4", 30000, "tkm", 0.1),
              ("C4", 300, "t", 1.26), ("D", 300, "t", -20))
    # glulam in m3: 150 m3 x 120 = 18,000; A1 and A1-A3 rows add up in one module
    glulam = alt("glulam", ("A1-A3", 100, "m3", 120), ("A1-A3", 50, "m3", 120), ("C3", 150, "m3", 5),
                 ("D", 150, "m3", -300))
    r = compare_item(Item("outer wall", (new, glulam)))
    a, b = r.results
    assert a.by_module == {"A1-A3": pytest.approx(72540), "A4": pytest.approx(3000), "C4": pytest.approx(378)}
    assert a.total_a_c_kgco2e == pytest.approx(72540 + 3000 + 378)
    assert a.module_d_kgco2e == pytest.approx(-6000)
    assert b.by_module == {"A1-A3": pytest.approx(18000), "C3": pytest.approx(750)}
    assert b.total_a_c_kgco2e == pytest.approx(18750)
    assert b.module_d_kgco2e == pytest.approx(-45000)
    assert r.chosen.alternative.name == "glulam" and r.reference.alternative.name == "new bricks"
    assert r.saving_kgco2e == pytest.approx(75918 - 18750)
    d = r.as_dict()
    assert set(d) == {"item", "chosen", "reference", "saving_kgco2e", "alternatives"}
    assert set(d["alternatives"][0]) == {"alternative", "total_a_c_kgco2e", "module_d_kgco2e", "by_module"}
    assert "D" not in d["alternatives"][0]["by_module"]


def test_module_d_never_in_total_and_never_decides():
    # b has the lower A-C total; a has a huge D credit: b is still chosen
    a = alt("a", ("A1-A3", 1, "t", 100), ("D", 1, "t", -1e6))
    b = alt("b", ("A1-A3", 1, "t", 90))
    r = compare_item(Item("x", (a, b)))
    assert r.chosen.alternative.name == "b"
    assert r.results[0].total_a_c_kgco2e == pytest.approx(100)
    assert r.results[1].module_d_kgco2e is None  # not declared is not zero


def test_tie_keeps_the_reference():
    r = compare_item(Item("x", (alt("ref", ("A1-A3", 1, "t", 5)), alt("b", ("A4", 1, "t", 5)))))
    assert r.chosen.alternative.name == "ref" and r.saving_kgco2e == 0


@pytest.mark.parametrize("kwargs, message", [
    ({"module": "A6"}, "EN 15804 module"),
    ({"module": "B8"}, "EN 15804 module"),
    ({"quantity": -1}, "quantity"),
    ({"quantity": math.nan}, "quantity"),
    ({"kgco2e_per_unit": math.inf}, "kg CO2e"),
    ({"unit": " "}, "unit"),
])
def test_bad_lines_rejected(kwargs, message):
    base = {"module": "A1-A3", "quantity": 1, "unit": "t", "kgco2e_per_unit": 1}
    with pytest.raises(ValidationError, match=message):
        ModuleLine(**{**base, **kwargs})


def test_item_needs_two_alternatives_and_distinct_names():
    with pytest.raises(ValidationError, match="at least two alternatives"):
        Item("wall", (alt("a", ("A1-A3", 1, "t", 1)),))
    with pytest.raises(ValidationError, match="appear twice"):
        Item("wall", (alt("a", ("A1-A3", 1, "t", 1)), alt("a", ("A4", 1, "t", 1))))
    with pytest.raises(ValidationError, match="at least one line in modules A1-A3 to C4"):
        alt("only D", ("D", 1, "t", -1))


def test_service_life_shorter_than_study_period_names_the_item():
    short = alt("carpet tiles", ("A1-A3", 100, "m2", 10), service_life_years=15)
    long = alt("linoleum", ("A1-A3", 100, "m2", 12), service_life_years=30)
    with pytest.raises(ValidationError, match="Item 'floor'.*carpet tiles.*15 years.*30 years"):
        Item("floor", (short, long), study_period_years=30)
    with_b4 = alt("carpet tiles", ("A1-A3", 100, "m2", 10), ("B4", 100, "m2", 10), service_life_years=15)
    assert Item("floor", (with_b4, long), study_period_years=30)


def test_reused_component_carries_only_recovery_cleaning_transport():
    reuse = ReuseAssumption(quantity_t=300, recovery_kgco2e_per_t=5, cleaning_kgco2e_per_t=10,
                            transport_km=10, transport_kgco2e_per_tkm=0.1, source="estimate")
    a = reused_component("reused bricks", reuse, [ModuleLine("C4", 300, "t", 1.26)])
    assert a.reused and "recovery" in a.assumption and "transport" in a.assumption
    new = alt("new bricks", ("A1-A3", 300, "t", 241.8), ("C4", 300, "t", 1.26))
    r = compare_item(Item("outer wall", (new, a)))
    reused = r.results[1]
    assert reused.by_module["A1-A3"] == pytest.approx(300 * 15)
    assert reused.by_module["A4"] == pytest.approx(3000 * 0.1)
    assert r.chosen is reused and r.saving_kgco2e == pytest.approx(300 * 241.8 - 300 * 15 - 300)
    with pytest.raises(ValidationError, match="recovery, cleaning and transport only"):
        reused_component("x", reuse, [ModuleLine("A1-A3", 1, "t", 200)])
    with pytest.raises(ValidationError, match="assumption"):
        alt("x", ("A1-A3", 1, "t", 1), reused=True)


def test_codes_and_units():
    assert module_code("a1a2a3") == "A1-A3" and module_code(" c4 ") == "C4" and module_code("E") is None
    assert unit_code("tonnes") == "t" and unit_code("m³") == "m3" and unit_code("kg") == "kg"


line = st.builds(ModuleLine, st.sampled_from(A_TO_C), st.floats(0, 1e4), st.just("t"),
                 st.floats(-1e3, 1e3))
d_line = st.builds(ModuleLine, st.just("D"), st.floats(0, 1e4), st.just("t"), st.floats(-1e4, 1e4))


@st.composite
def items(draw):
    n = draw(st.integers(2, 5))
    alts = tuple(Alternative(f"alt{i}", tuple(draw(st.lists(line, min_size=1, max_size=6))))
                 for i in range(n))
    return Item("item", alts)


@settings(max_examples=150, deadline=None)
@given(items())
def test_chosen_is_the_minimum(item):
    r = compare_item(item)
    totals = [x.total_a_c_kgco2e for x in r.results]
    assert r.chosen.total_a_c_kgco2e == min(totals)
    assert r.chosen is r.results[totals.index(min(totals))]  # first of equals
    assert r.saving_kgco2e >= 0


@settings(max_examples=150, deadline=None)
@given(items(), st.data())
def test_adding_module_d_rows_never_changes_the_choice(item, data):
    before = compare_item(item)
    alts = tuple(Alternative(a.name, a.lines + tuple(data.draw(st.lists(d_line, max_size=4))))
                 for a in item.alternatives)
    after = compare_item(Item(item.name, alts))
    assert after.chosen.alternative.name == before.chosen.alternative.name
    assert [x.total_a_c_kgco2e for x in after.results] == [x.total_a_c_kgco2e for x in before.results]
