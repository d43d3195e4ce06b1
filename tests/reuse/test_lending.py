"""Item library: borrow, return, one open loan per item, overdue reminders in the
borrower's language, impact as purchases avoided."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from circularcities.core.errors import ValidationError
from circularcities.core.rules import FieldError
from circularcities.reuse import services
from circularcities.reuse.models import Loan

pytestmark = pytest.mark.django_db


def today():
    return timezone.localdate()


def test_resident_borrows_and_returns(resident, drill):
    loan = services.borrow(resident, drill, {"due": today() + dt.timedelta(days=7), "deposit": "20",
                                             "currency": "EUR"})
    assert (loan.borrower, loan.borrower_name, loan.deposit) == (resident, "resident-1", Decimal("20.00"))
    with pytest.raises(ValidationError, match="on loan"):
        services.borrow(resident, drill, {"due": today() + dt.timedelta(days=7)})
    services.return_loan(resident, loan, {"condition_in": "worn"})
    loan.refresh_from_db()
    drill.refresh_from_db()
    assert loan.returned_on == today() and drill.condition == "worn"
    with pytest.raises(ValidationError, match="already returned"):
        services.return_loan(resident, loan, {"condition_in": "worn"})
    impact = services.lending_impact(Loan.objects.filter(item=drill))
    assert (impact.loans, impact.purchases_avoided, impact.money_not_spent) == (1, 1, {"EUR": Decimal("60.00")})


def test_public_cannot_borrow_and_others_cannot_return(drill, resident, outsider, organiser):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        services.borrow(AnonymousUser(), drill, {"due": today()})
    loan = services.borrow(resident, drill, {"due": today() + dt.timedelta(days=3)})
    with pytest.raises(PermissionDenied):
        services.return_loan(outsider, loan, {"condition_in": "good"})
    services.return_loan(organiser, loan, {"condition_in": "good"})  # the library's organiser may


def test_organiser_lends_to_a_named_borrower_a_resident_cannot(drill, organiser, resident):
    loan = services.borrow(organiser, drill, {"due": today() + dt.timedelta(days=2), "borrower_name": "Ana",
                                              "borrower_email": "ana@example.org", "language": "zh-hans"})
    assert (loan.borrower_name, loan.borrower, loan.language) == ("Ana", None, "zh-hans")
    services.return_loan(organiser, loan, {"condition_in": "good"})
    loan2 = services.borrow(resident, drill, {"due": today() + dt.timedelta(days=2), "borrower_name": "Bob"})
    assert loan2.borrower_name == "resident-1"  # a resident borrows only for themselves


def test_bad_loans_refused(drill, resident):
    with pytest.raises(FieldError, match="due date is before"):
        services.borrow(resident, drill, {"due": today() - dt.timedelta(days=1)})
    with pytest.raises(FieldError):
        services.borrow(resident, drill, {"due": today(), "deposit": "5"})  # no currency
    assert not Loan.objects.filter(item=drill).exists()


def test_overdue_reminders_in_the_borrowers_language_once_a_day(drill, organiser):
    start = today() - dt.timedelta(days=10)
    Loan.objects.create(item=drill, borrower_name="Li", borrower_email="li@example.org", language="zh-hans",
                        start=start, due=start + dt.timedelta(days=3), condition_out="good")
    mail.outbox.clear()
    assert services.send_overdue_reminders(today()) == 1
    msg = mail.outbox[-1]
    assert msg.to == ["li@example.org"] and "Drill" in msg.body
    assert "请" in msg.subject or "请" in msg.body
    assert services.send_overdue_reminders(today()) == 0  # not twice the same day


def test_reminders_job_is_scheduled():
    from django.conf import settings

    names = {j["name"]: j for j in settings.JOBS_SCHEDULE}
    assert names["lending-remind"]["func"] == "circularcities.reuse.services.reminders_job"
