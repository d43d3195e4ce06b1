"""Formulas of city-defined indicators: safe evaluation, named errors, framework references."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from circularcities.core.indicators.expression import indicator_term, parse
from circularcities.core.indicators.frameworks import check_reference, describe_reference
from circularcities.core.indicators.series import Point, bar_chart, format_value
from circularcities.core.rules import FieldError


def test_by_hand_values():
    f = parse("EBUS_FLEET * 0.3 / 1000 + max(1, 2) - abs(-1)")
    assert f.indicators == ("EBUS_FLEET",)
    assert f.evaluate({"EBUS_FLEET": 16_000}) == pytest.approx(16_000 * 0.3 / 1000 + 2 - 1)
    assert parse("(a - b) / b * 100").evaluate({"a": 1.3, "b": 1.0}) == pytest.approx(30.0)
    assert parse("-a + +b").evaluate({"a": 2, "b": 5}) == 3
    assert parse("min(a, b, 7)").evaluate({"a": 9, "b": 8}) == 7


def test_system_terms_are_named_canonically():
    f = parse("flow('collection', 'recycling', 'material') / stock(\"buildings\", \"material\")")
    assert f.system_terms == ('flow("collection", "recycling", "material")', 'stock("buildings", "material")')
    assert f.evaluate({f.system_terms[0]: 30, f.system_terms[1]: 60}) == 0.5


def test_unknown_term_is_named():
    f = parse("SW_RECYCLING / NOT_THERE")
    with pytest.raises(FieldError) as exc:
        f.check_terms({"SW_RECYCLING"})
    assert "NOT_THERE" in str(exc.value) and exc.value.field == "formula"


def test_missing_value_is_named_with_the_period():
    with pytest.raises(FieldError) as exc:
        parse("a + b").evaluate({"a": 1}, period="2024 Q2")
    assert "'b'" in str(exc.value) and "2024 Q2" in str(exc.value)


def test_division_by_zero_is_an_error_naming_the_divisor():
    with pytest.raises(FieldError) as exc:
        parse("a / (b - c)").evaluate({"a": 1, "b": 2, "c": 2})
    assert "Division by zero" in str(exc.value) and "b - c" in str(exc.value)


@pytest.mark.parametrize("text", ["__import__('os')", "a.b", "a ** 2", "a if b else c", "[1, 2]", "'text'",
                                  "open('x')", "lambda: 1", "a < b", "a // b", "True", "min()", "flow('a')",
                                  "flow(a, b, c)", "f(x=1)", "a; b", ""])
def test_anything_but_arithmetic_is_refused(text):
    with pytest.raises(FieldError):
        parse(text)


def test_length_and_size_are_bounded():
    with pytest.raises(FieldError):
        parse("a+" * 300 + "a")
    with pytest.raises(FieldError):
        parse("+".join(["1"] * 120))


def test_a_non_finite_result_is_an_error():
    with pytest.raises(FieldError):
        parse("a * a").evaluate({"a": 1e200})


def test_indicator_terms_use_underscores():
    assert indicator_term("SW-RECYCLING") == "SW_RECYCLING"


@given(st.floats(-1e6, 1e6), st.floats(-1e6, 1e6).filter(lambda x: abs(x) > 1e-9))
def test_arithmetic_matches_python(a, b):
    assert parse("(a + b) * a / b - b").evaluate({"a": a, "b": b}) == pytest.approx((a + b) * a / b - b)


@given(st.dictionaries(st.sampled_from(["x", "y", "z"]), st.floats(-1e3, 1e3), min_size=3))
def test_the_result_is_finite_or_an_error(values):
    try:
        out = parse("x / y + z / (x - y)").evaluate(values)
    except FieldError as exc:
        assert "Division by zero" in str(exc) or "not finite" in str(exc)
    else:
        assert math.isfinite(out)


@pytest.mark.parametrize(("framework", "ref", "ok"), [
    ("iso37120", "16.1", True), ("iso37120", "5", True), ("iso37120", "23.4", True),
    ("iso37120", "24.1", False), ("iso37120", "4.1", False), ("iso37120", "16.0", False), ("iso37120", "x", False),
    ("iso37122", "16.2", True), ("iso37122", "2.1", False),
    ("sdg", "11.6", True), ("sdg", "12.a", True), ("sdg", "18.1", False), ("sdg", "11", False),
    ("eu_cmu", "7b", True), ("eu_cmu", "11", False), ("cn_zero_waste", "1.2", True), ("cn_zero_waste", "", False),
    ("gri", "306-3", False),
])
def test_framework_references(framework, ref, ok):
    if ok:
        assert check_reference(framework, ref)
    else:
        with pytest.raises(FieldError):
            check_reference(framework, ref)


def test_iso37120_reference_names_the_2018_theme():
    assert describe_reference("iso37120", "16.1") == "ISO 37120:2018 16.1 (Solid waste)"
    assert describe_reference("iso37120", "19.1").endswith("(Transportation)")


def test_quarterly_chart_labels_every_bar_and_each_year_once():
    pts = [Point(2023, q, 10.0 * q) for q in (3, 4)] + [Point(2024, q, 5.0) for q in (1, 2)]
    chart = bar_chart(pts, "quarterly")
    assert [b.period for b in chart.bars] == ["Q3", "Q4", "Q1", "Q2"]
    assert [b.value for b in chart.bars] == ["30", "40", "5", "5"]
    assert [y.year for y in chart.years] == [2023, 2024]
    assert len(chart.separators) == 1
    # heights proportional to the values, from zero
    assert chart.bars[1].h / chart.bars[0].h == pytest.approx(40 / 30, rel=1e-2)


def test_negative_values_hang_below_zero():
    chart = bar_chart([Point(2020, 0, 10), Point(2021, 0, -5)])
    assert chart.bars[1].y == chart.baseline and chart.bars[0].y + chart.bars[0].h == pytest.approx(chart.baseline)


def test_format_value():
    assert format_value(16000) == "16\u202f000" and format_value(0.052) == "0.052" and format_value(3.456) == "3.46"
    assert bar_chart([]) is None
