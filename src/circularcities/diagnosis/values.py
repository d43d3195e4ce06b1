"""Typing one indicator value (form and API): the same rules on both paths."""

from __future__ import annotations

from django.utils.translation import gettext as _

from circularcities.core import rules
from circularcities.core.diagnosis_io import SIGNED_INDICATORS
from circularcities.core.errors import ValidationError
from circularcities.core.rules import FieldError
from circularcities.diagnosis.models import Computation, Indicator, IndicatorValue, Quality
from circularcities.diagnosis.services import check_period, set_value


class ComputedValueError(ValidationError):
    """A typed value would replace one computed from the metabolism model without saying so."""


def set_typed_value(city, code: str, year: int, value: float, *, source: str, quality: str,
                    user, via: str, override: bool = False, period: int | None = None):
    """Write a value a person typed. Returns ``(value, changed)``.

    Raises
    ------
    ValidationError
        For a ``computed`` quality (only the model computes), a negative value where the
        indicator cannot be negative, an empty source, or a non-finite number.
    ComputedValueError
        If the stored value is computed from the model and ``override`` is not set.
    """
    year = rules.year("year", year)
    if quality == Quality.COMPUTED:
        raise FieldError("quality", _("Expected measured, estimated or proxy; "
                                      "computed values come from the metabolism model only."))
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise FieldError("value", rules.NOT_NUMBER, value=str(value)[:40])
    value = rules.magnitude("value", value)
    if value < 0 and code not in SIGNED_INDICATORS:
        rules.non_negative("value", value, maximum=rules.MAX_MAGNITUDE)
    source = rules.name("source", source, max_length=300, required=True)
    indicator = Indicator.objects.filter(code=code).first()
    if indicator is not None and indicator.computation == Computation.FORMULA:
        raise FieldError("value", _("%(code)s is computed by its formula; enter the values it reads.")
                         % {"code": code})
    period = check_period(indicator, period) if indicator is not None else 0
    current = IndicatorValue.objects.filter(city=city, indicator_id=code, year=year, period=period).first()
    if current is not None and current.quality == Quality.COMPUTED and not override:
        raise ComputedValueError(
            f"Field 'override': the {year} value of {code} is computed from the metabolism model "
            f"({current.value:g}); confirm that a typed value should replace it.")
    return set_value(city, code, year, float(value), period=period, source=source, quality=quality,
                     user=user, via=via)
