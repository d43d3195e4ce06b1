"""Quarter arithmetic, measure summaries and the roll-up (core.planning)."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from circularcities.core.planning import (
    MeasureSummary,
    Quarter,
    is_overdue,
    measure_overdue,
    quarter_range,
    roll_up,
    split_exact,
    summarise,
)
from circularcities.core.rules import currency


@pytest.mark.parametrize(("text", "expected"), [
    ("2024-Q1", Quarter(2024, 1)), ("2024Q3", Quarter(2024, 3)), ("q4 2023", Quarter(2023, 4)),
    ("Q2-2025", Quarter(2025, 2)), ("2024年第3季度", Quarter(2024, 3)), ("2024年第四季度", Quarter(2024, 4)),
])
def test_parse(text, expected):
    assert Quarter.parse(text) == expected


@pytest.mark.parametrize("text", ["2024-Q5", "2024", "Q1", "", "1800-Q1", "abcd-Q1"])
def test_parse_refuses(text):
    with pytest.raises(ValueError, match="Expected"):
        Quarter.parse(text)


def test_dates_time_and_arithmetic():
    q = Quarter(2024, 1)
    assert (q.start, q.end) == (date(2024, 1, 1), date(2024, 3, 31))
    assert Quarter(2024, 4).end == date(2024, 12, 31)
    assert Quarter(2023, 4).time == 2023.0 and q.time == 2023.25
    assert q.previous() == Quarter(2023, 4) and Quarter(2023, 4).next() == q
    assert Quarter(2025, 2) - Quarter(2024, 3) == 3
    assert Quarter.of(date(2024, 8, 15)) == Quarter(2024, 3)
    assert quarter_range(Quarter(2023, 3), Quarter(2024, 2)) == [Quarter(2023, 3), Quarter(2023, 4), q,
                                                                  Quarter(2024, 2)]
    assert quarter_range(q, Quarter(2023, 1)) == []
    assert str(Quarter(2024, 2)) == "2024-Q2"
    with pytest.raises(ValueError, match="between 1 and 4"):
        Quarter(2024, 0)


@settings(max_examples=200, derandomize=True)
@given(y=st.integers(1911, 2088), q=st.integers(1, 4), n=st.integers(-40, 40))
def test_shift_round_trips_and_time_is_consistent(y, q, n):
    a = Quarter(y, q)
    b = a.shift(n)
    assert b - a == n and b.shift(-n) == a
    assert b.time - a.time == pytest.approx(n / 4)
    assert a.contains(a.start) and a.contains(a.end) and not a.contains(a.next().start)
    assert Quarter.parse(str(a)) == a


def test_brussels_summary_shares():
    counts = split_exact(111, {"completed": 0.20, "not_started": 0.12})
    assert counts == {"completed": 22, "not_started": 13, "rest": 76}
    s = summarise(["completed"] * 22 + ["not_started"] * 13 + ["started"] * 76)
    assert s.total == 111
    assert round(s.share_completed * 100) == 20 and round(s.share_not_started * 100) == 12


@settings(max_examples=100, derandomize=True)
@given(total=st.integers(0, 5000), a=st.floats(0, 0.5), b=st.floats(0, 0.5))
def test_split_exact_adds_up_and_stays_within_one(total, a, b):
    counts = split_exact(total, {"x": a, "y": b})
    assert sum(counts.values()) == total
    assert abs(counts["x"] - a * total) < 1 and abs(counts["y"] - b * total) < 1


def test_summary_validation():
    assert summarise([]).share_completed is None
    with pytest.raises(ValueError, match="measure status"):
        summarise(["done"])
    with pytest.raises(ValueError, match="add up"):
        MeasureSummary(3, {"completed": 1, "started": 1, "not_started": 0})


def test_overdue_rules():
    today = date(2024, 5, 1)
    assert is_overdue(date(2024, 4, 30), None, today)
    assert not is_overdue(date(2024, 5, 1), None, today)
    assert not is_overdue(date(2024, 1, 1), date(2024, 2, 1), today)
    assert measure_overdue(date(2024, 1, 1), "started", today)
    assert not measure_overdue(date(2024, 1, 1), "completed", today)
    assert not measure_overdue(None, "not_started", today)


def test_roll_up_counts_per_area_and_city():
    r = roll_up([("ams", "waste", "on_track"), ("ams", None, "no_data"), ("bru", "waste", "off_track")],
                [("ams", "waste", "completed", 2), ("bru", None, "not_started", 3)])
    assert r.by_area["waste"].targets["on_track"] == 1 and r.by_area["waste"].targets["off_track"] == 1
    assert r.by_area[""].targets["no_data"] == 1 and r.by_area[""].measures["not_started"] == 3
    assert r.by_city["ams"].n_targets == 2 and r.by_city["ams"].measures["completed"] == 2
    assert r.total.n_targets == 3 and r.total.n_measures == 5
    assert r.by_city["ams"].share_on_track() == 1.0 and r.by_city["bru"].share_completed() == 0
    with pytest.raises(ValueError, match="target status"):
        roll_up([("x", None, "green")], [])


def test_currency():
    assert currency("currency", " eur ") == "EUR"
    for bad in ("", "EURO", "XYZ", "RMB"):
        with pytest.raises(ValueError, match="ISO 4217"):
            currency("currency", bad)
