"""Lending from an item library (a tool library, a library of things): the
checks on a loan and its return, what is overdue, and the impact method.

Impact method (one rule, stated where it is shown):

* **Purchases avoided**: each loan is counted as one purchase of the item the
  borrower did not make (:data:`PURCHASES_PER_LOAN` = 1). This is an
  assumption, not an observation: some borrowers would never have bought the
  item, some would have borrowed elsewhere. The money not spent is the item's
  replacement value, per currency.
* **Waste diverted: never.** Lending an item keeps nothing out of a waste
  stream: the item was not going to be thrown away. A loan therefore adds no
  kilograms to any waste or diversion figure; :class:`LendingImpact` has no
  such field on purpose.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from circularcities.core import rules
from circularcities.core.rules import FieldError, Msg

CONDITIONS = ("good", "fair", "worn", "damaged")
PURCHASES_PER_LOAN = 1
ASSUMPTION = ("Each loan counts as one purchase avoided (an assumption: the borrower would otherwise "
              "have bought the item). Lending is never counted as waste diverted: the item was not "
              "going to be thrown away.")
MAX_LOAN_DAYS = 366
MAX_DEPOSIT = 1e7

DUE_BEFORE_START = Msg("The due date is before the start of the loan.")
TOO_LONG = Msg("A loan lasts at most %(days)s days.")
RETURN_BEFORE_START = Msg("The return date is before the start of the loan (%(start)s).")


@dataclass(frozen=True)
class LoanTerms:
    start: dt.date
    due: dt.date
    condition_out: str
    deposit: Decimal | None
    currency: str


def check_loan(*, start, due, condition_out: str, deposit=None, currency: str = "",
               today: dt.date) -> LoanTerms:
    """A new loan: starts today or earlier, due on or after its start (within a year),
    with the item's condition and an optional deposit in an ISO 4217 currency."""
    start_d = rules.date("start", start, not_future=True, today=today)
    due_d = rules.date("due", due)
    assert start_d is not None and due_d is not None
    if due_d < start_d:
        raise FieldError("due", DUE_BEFORE_START)
    if (due_d - start_d).days > MAX_LOAN_DAYS:
        raise FieldError("due", TOO_LONG, days=MAX_LOAN_DAYS)
    condition = rules.choice("condition_out", condition_out, CONDITIONS)
    amount = rules.non_negative("deposit", deposit, maximum=MAX_DEPOSIT, required=False)
    code = rules.money_currency("currency", currency, amount)
    dep = None if amount is None else Decimal(str(amount)).quantize(Decimal("0.01"))
    return LoanTerms(start_d, due_d, condition, dep, code)


def check_return(*, start: dt.date, returned_on, condition_in: str, today: dt.date) -> tuple[dt.date, str]:
    day = rules.date("returned_on", returned_on, not_future=True, today=today)
    assert day is not None
    if day < start:
        raise FieldError("returned_on", RETURN_BEFORE_START, start=start.isoformat())
    return day, rules.choice("condition_in", condition_in, CONDITIONS)


def is_overdue(due: dt.date, returned_on: dt.date | None, as_of: dt.date) -> bool:
    """Not returned and past its due date on ``as_of``."""
    return returned_on is None and due < as_of


def days_overdue(due: dt.date, as_of: dt.date) -> int:
    return max(0, (as_of - due).days)


@dataclass(frozen=True)
class LoanFacts:
    item: str  # any key of the item
    start: dt.date
    returned_on: dt.date | None = None
    replacement_value: Decimal | None = None
    currency: str = ""


@dataclass
class LendingImpact:
    loans: int = 0
    items_shared: int = 0
    on_loan: int = 0
    purchases_avoided: int = 0
    money_not_spent: dict[str, Decimal] = field(default_factory=dict)
    assumption: str = ASSUMPTION


def impact(loans: Iterable[LoanFacts]) -> LendingImpact:
    """Loans, distinct items shared, items on loan now, purchases avoided and the money
    not spent (replacement values, per currency). No waste figure: see the module docstring."""
    out = LendingImpact()
    items: set[str] = set()
    for loan in loans:
        out.loans += 1
        items.add(loan.item)
        out.on_loan += loan.returned_on is None
        out.purchases_avoided += PURCHASES_PER_LOAN
        if loan.replacement_value is not None and loan.currency:
            out.money_not_spent[loan.currency] = (out.money_not_spent.get(loan.currency, Decimal("0"))
                                                  + loan.replacement_value * PURCHASES_PER_LOAN)
    out.items_shared = len(items)
    return out


__all__ = ["ASSUMPTION", "CONDITIONS", "PURCHASES_PER_LOAN", "LendingImpact", "LoanFacts", "LoanTerms",
           "check_loan", "check_return", "days_overdue", "impact", "is_overdue"]
