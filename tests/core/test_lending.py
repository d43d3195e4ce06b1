"""Lending: loan checks, overdue, and the impact method (never waste diverted)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from circularcities.core import lending
from circularcities.core.rules import FieldError

TODAY = dt.date(2026, 5, 10)


def test_loan_terms_checked():
    t = lending.check_loan(start="2026-05-10", due="2026-05-17", condition_out="good", deposit="20",
                           currency="gbp", today=TODAY)
    assert (t.due, t.deposit, t.currency) == (dt.date(2026, 5, 17), Decimal("20.00"), "GBP")
    with pytest.raises(FieldError, match="due date is before"):
        lending.check_loan(start="2026-05-10", due="2026-05-09", condition_out="good", today=TODAY)
    with pytest.raises(FieldError, match="currency"):
        lending.check_loan(start="2026-05-10", due="2026-05-12", condition_out="good", deposit=5, today=TODAY)
    with pytest.raises(FieldError, match="condition_out"):
        lending.check_loan(start="2026-05-10", due="2026-05-12", condition_out="shiny", today=TODAY)
    with pytest.raises(FieldError, match="at most 366 days"):
        lending.check_loan(start="2026-05-10", due="2027-06-12", condition_out="good", today=TODAY)


def test_return_checked():
    assert lending.check_return(start=dt.date(2026, 5, 1), returned_on="2026-05-03", condition_in="worn",
                                today=TODAY) == (dt.date(2026, 5, 3), "worn")
    with pytest.raises(FieldError, match="before the start"):
        lending.check_return(start=dt.date(2026, 5, 1), returned_on="2026-04-30", condition_in="good", today=TODAY)


def test_overdue():
    assert lending.is_overdue(dt.date(2026, 5, 9), None, TODAY)
    assert not lending.is_overdue(dt.date(2026, 5, 10), None, TODAY)
    assert not lending.is_overdue(dt.date(2026, 5, 1), dt.date(2026, 5, 2), TODAY)
    assert lending.days_overdue(dt.date(2026, 5, 7), TODAY) == 3


def test_impact_counts_purchases_avoided_and_no_waste():
    loans = [lending.LoanFacts("drill", dt.date(2026, 1, 1), dt.date(2026, 1, 3), Decimal("60"), "GBP"),
             lending.LoanFacts("drill", dt.date(2026, 2, 1), None, Decimal("60"), "GBP"),
             lending.LoanFacts("ladder", dt.date(2026, 2, 1), dt.date(2026, 2, 2), Decimal("90"), "EUR"),
             lending.LoanFacts("tent", dt.date(2026, 3, 1), dt.date(2026, 3, 2))]
    out = lending.impact(loans)
    assert (out.loans, out.items_shared, out.on_loan, out.purchases_avoided) == (4, 3, 1, 4)
    assert out.money_not_spent == {"GBP": Decimal("120"), "EUR": Decimal("90")}
    names = {f.name for f in dataclasses.fields(out)}
    assert not any("waste" in n or "kg" in n or "divert" in n for n in names)
    assert "never counted as waste diverted" in out.assumption
