"""The reminder command e-mails owners of overdue items through Django's back end."""

from datetime import date

import pytest
from django.core import mail

from circularcities.cli import main
from circularcities.planning.review import overdue_for_reminders

pytestmark = pytest.mark.django_db


def test_remind_sends_one_mail_per_owner(capsys, demo):
    as_of = date(2030, 1, 1)
    expected = len(overdue_for_reminders(as_of))
    assert expected > 0, "the demo has overdue milestones or reports by 2030"
    assert main(["plans", "remind", "--as-of", as_of.isoformat()]) == 0
    assert len(mail.outbox) == expected
    assert f"{expected} reminder" in capsys.readouterr().out


def test_bad_date_is_refused(capsys):
    with pytest.raises(SystemExit):
        main(["plans", "remind", "--as-of", "next tuesday"])
    assert "invalid" in capsys.readouterr().err
