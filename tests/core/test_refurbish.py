"""Refurbishment centre workflow: transitions, step checks, stock, throughput, targets."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from circularcities.core import refurbish as rf
from circularcities.core.rules import FieldError

TODAY = dt.date(2026, 6, 30)


def step(state, action, **kw):
    kw.setdefault("date", "2026-03-02")
    kw.setdefault("actor", "Ana")
    return rf.check_step(state, action, today=TODAY, **kw)


def test_the_whole_route_to_donation():
    s = step("intake", "assess", decision="refurbish")
    assert (s.to_state, s.decision) == ("assessed", "refurbish")
    s = step(s.to_state, "refurbish", assessed_decision="refurbish")
    s = step(s.to_state, "donate", recipient="Digital inclusion point 12")
    assert s.to_state == "donated" and s.recipient == "Digital inclusion point 12"


def test_auction_needs_a_price_and_a_currency():
    s = step("dismantled", "auction", price="1250.5", currency="brl")
    assert (s.to_state, s.price, s.currency) == ("auctioned", Decimal("1250.50"), "BRL")
    with pytest.raises(FieldError, match="currency"):
        step("dismantled", "auction", price="10")
    with pytest.raises(FieldError, match="price"):
        step("dismantled", "auction", price="0", currency="BRL")


@pytest.mark.parametrize("state, action", [
    ("intake", "refurbish"), ("intake", "donate"), ("assessed", "donate"), ("donated", "auction"),
    ("auctioned", "assess"), ("refurbished", "dismantle")])
def test_moves_outside_the_workflow_are_refused(state, action):
    with pytest.raises(FieldError) as exc:
        step(state, action, decision="refurbish", recipient="x", price=1, currency="BRL")
    assert exc.value.field == "action"


def test_route_follows_the_assessment_and_dates_go_forward():
    with pytest.raises(FieldError, match="decided to dismantle"):
        step("assessed", "refurbish", assessed_decision="dismantle")
    with pytest.raises(FieldError, match="on or after the previous step"):
        step("intake", "assess", decision="refurbish", previous=dt.date(2026, 3, 5))
    with pytest.raises(FieldError, match="future"):
        step("intake", "assess", decision="refurbish", date="2026-07-01")
    with pytest.raises(FieldError, match="recipient"):
        step("refurbished", "donate")
    with pytest.raises(FieldError, match="actor"):
        step("intake", "assess", decision="refurbish", actor=" ")


def test_intake_checks_mass():
    assert rf.check_intake(donor="School", category="CPU", mass_kg="8.5", date="2026-01-05", today=TODAY)[2] == 8.5
    with pytest.raises(FieldError, match="mass_kg"):
        rf.check_intake(donor="School", category="CPU", mass_kg=0, date="2026-01-05", today=TODAY)


def items():
    d = dt.date
    return [
        rf.ItemFacts("donated", 8.0, d(2025, 12, 1), (("assessed", d(2025, 12, 3)), ("refurbished", d(2026, 1, 4)),
                                                      ("donated", d(2026, 2, 1)))),
        rf.ItemFacts("auctioned", 5.0, d(2026, 1, 1), (("assessed", d(2026, 1, 2)), ("dismantled", d(2026, 1, 3)),
                                                       ("auctioned", d(2026, 3, 1)))),
        rf.ItemFacts("refurbished", 3.0, d(2026, 2, 1), (("assessed", d(2026, 2, 2)), ("refurbished", d(2026, 2, 9)))),
        rf.ItemFacts("intake", 2.5, d(2026, 4, 1)),
    ]


def test_stock_on_hand_is_what_has_not_left():
    s = rf.stock_on_hand(items())
    assert (s.items, s.kg, s.by_state) == (2, 5.5, {"intake": 1, "refurbished": 1})


def test_throughput_counts_each_step_in_its_year():
    years = {y.year: y for y in rf.throughput(items())}
    assert (years[2025].taken_in, years[2025].kg_taken_in, years[2025].refurbished) == (1, 8.0, 0)
    y = years[2026]
    assert (y.taken_in, y.kg_taken_in, y.refurbished, y.dismantled, y.donated, y.auctioned, y.kg_out) == \
        (3, 10.5, 2, 1, 1, 1, 13.0)


def test_target_progress():
    p = rf.target_progress(rf.throughput(items()), [(2026, "refurbished", 1000), (2027, "refurbished", 1000)])
    assert (p[0].actual, p[0].share, p[0].met) == (2.0, 0.002, False)
    assert p[1].actual == 0.0
    with pytest.raises(FieldError):
        rf.target_progress([], [(2026, "happiness", 1)])


def test_yearly_rate_of_a_reported_period():
    # Belo Horizonte: 7,000 items refurbished in the nine years 2008-2016
    assert rf.yearly_rate(7000, 2008, 2016) == pytest.approx(777.78, abs=0.01)
    assert rf.yearly_rate(15000, 2018, 2018) == 15000
    with pytest.raises(FieldError):
        rf.yearly_rate(1, 2020, 2018)
