"""Bounds on plan figures, shared by the forms (model validation) and the API.

Years of targets lie in 1900..2100 and the target year follows the baseline year;
money (budgets, grants) is never negative; values are finite and at most 1e15 in size,
shares (unit %) lie in 0..100; milestone dates lie in 1990..2100 and a milestone is
not done in the future.
"""

from __future__ import annotations

import datetime as dt
import math

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from circularcities.core.errors import ValidationError

YEAR_MIN, YEAR_MAX = 1900, 2100
MAX_MAGNITUDE = 1e15
DATE_MIN, DATE_MAX = dt.date(1990, 1, 1), dt.date(2100, 12, 31)

TARGET_FIELDS = ("baseline_year", "baseline_value", "target_year", "target_value")

YEAR_VALIDATORS = [MinValueValidator(YEAR_MIN, _("Expected a year from 1900 to 2100.")),
                   MaxValueValidator(YEAR_MAX, _("Expected a year from 1900 to 2100."))]
MONEY_VALIDATORS = [MinValueValidator(0, _("Expected an amount of 0 or more."))]
DATE_VALIDATORS = [MinValueValidator(DATE_MIN, _("Expected a date from 1990 to 2100.")),
                   MaxValueValidator(DATE_MAX, _("Expected a date from 1990 to 2100."))]


def sane_number(value) -> None:
    """A finite number of at most 1e15 in size."""
    if value is None:
        return
    if not math.isfinite(value) or abs(value) > MAX_MAGNITUDE:
        raise DjangoValidationError(_("Expected a finite number between -1e15 and 1e15."), code="magnitude")


def not_in_future(value) -> None:
    if value is not None and value > dt.date.today():
        raise DjangoValidationError(_("Expected a date that is not in the future."), code="future")


def share_errors(unit: str, values: dict) -> dict:
    """``{field: message}`` for the values of a % indicator outside 0..100."""
    if unit != "%":
        return {}
    return {k: _("Expected a share between 0 and 100 %.") for k, v in values.items()
            if v is not None and math.isfinite(v) and abs(v) <= MAX_MAGNITUDE and not 0 <= v <= 100}


def check_model(obj, only: tuple[str, ...], rename: dict[str, str] | None = None) -> None:
    """Validate the fields ``only`` of ``obj`` (and its ``clean``) for the API.

    Raises a core ValidationError naming each field, e.g. "'budget': Expected an amount of 0 or more."
    """
    exclude = [f.name for f in obj._meta.fields if f.name not in only]
    try:
        obj.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
    except DjangoValidationError as exc:
        parts = []
        for field, messages in exc.message_dict.items():
            text = " ".join(str(m) for m in messages)
            name = (rename or {}).get(field, field)
            parts.append(text if field == "__all__" else f"'{name}': {text}")
        raise ValidationError("; ".join(parts)) from None
