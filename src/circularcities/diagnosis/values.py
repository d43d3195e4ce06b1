"""Typing one indicator value (form and API): the same rules on both paths."""

from __future__ import annotations

import math

from circularcities.core.diagnosis_io import SIGNED_INDICATORS
from circularcities.core.errors import ValidationError
from circularcities.diagnosis.models import IndicatorValue, Quality
from circularcities.diagnosis.services import check_year, set_value


class ComputedValueError(ValidationError):
    """A typed value would replace one computed from the metabolism model without saying so."""


def set_typed_value(city, code: str, year: int, value: float, *, source: str, quality: str,
                    user, via: str, override: bool = False):
    """Write a value a person typed. Returns ``(value, changed)``.

    Raises
    ------
    ValidationError
        For a ``computed`` quality (only the model computes), a negative value where the
        indicator cannot be negative, an empty source, or a non-finite number.
    ComputedValueError
        If the stored value is computed from the model and ``override`` is not set.
    """
    check_year(year)
    if quality == Quality.COMPUTED:
        raise ValidationError("Field 'quality': expected measured, estimated or proxy; "
                              "computed values come from the metabolism model only.")
    if not isinstance(value, int | float) or not math.isfinite(value):
        raise ValidationError("Field 'value': expected a finite number.")
    if value < 0 and code not in SIGNED_INDICATORS:
        raise ValidationError(f"Field 'value': expected a value >= 0 for {code}, got {value:g}.")
    if not (source or "").strip():
        raise ValidationError("Field 'source': say where the figure comes from.")
    current = IndicatorValue.objects.filter(city=city, indicator_id=code, year=year).first()
    if current is not None and current.quality == Quality.COMPUTED and not override:
        raise ComputedValueError(
            f"Field 'override': the {year} value of {code} is computed from the metabolism model "
            f"({current.value:g}); confirm that a typed value should replace it.")
    return set_value(city, code, year, float(value), source=source.strip(), quality=quality, user=user, via=via)
