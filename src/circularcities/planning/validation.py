"""Model-level validators of plan figures, built on the platform's rules
(:mod:`circularcities.core.rules`): data years, event dates, finite values of at most
1e15 in size, money never negative. The write paths (``planning.services``) check with
the rules themselves; these validators only guard model validation (``full_clean``).
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from circularcities.core import rules
from circularcities.core.rules import DATE_MAX, DATE_MIN, YEAR_MAX, YEAR_MIN
from circularcities.web.fielderrors import message

TARGET_FIELDS = ("baseline_year", "baseline_value", "target_year", "target_value")

YEAR_VALIDATORS = [MinValueValidator(YEAR_MIN, _("Expected a year from 1900 to 2100.")),
                   MaxValueValidator(YEAR_MAX, _("Expected a year from 1900 to 2100."))]
MONEY_VALIDATORS = [MinValueValidator(0, _("Expected an amount of 0 or more."))]
DATE_VALIDATORS = [MinValueValidator(DATE_MIN, _("Expected a date from 1990 to 2100.")),
                   MaxValueValidator(DATE_MAX, _("Expected a date from 1990 to 2100."))]


def sane_number(value) -> None:
    """A finite number of at most 1e15 in size."""
    try:
        rules.magnitude("value", value, required=False)
    except rules.FieldError as exc:
        raise DjangoValidationError(message(exc), code="magnitude") from None


def not_in_future(value) -> None:
    if value is not None and value > dt.date.today():
        raise DjangoValidationError(_("Expected a date that is not in the future."), code="future")
