"""Writing indicator values: every path (form, upload, API, model) goes through here."""

from __future__ import annotations

from django.db import transaction

from circularcities.core import rules
from circularcities.core.errors import ValidationError
from circularcities.core.indicators import load_catalogue
from circularcities.diagnosis.models import Indicator, IndicatorValue, IndicatorValueChange, Quality


def sync_catalogue() -> int:
    """Mirror the packaged catalogue into the database (idempotent)."""
    return register_indicators(load_catalogue().values())


def register_indicators(indicators) -> int:
    """Create or refresh catalogue indicators (core ``Indicator`` objects) in the database, e.g. an
    indicator set a city adopts (idempotent)."""
    n = 0
    for ind in indicators:
        Indicator.objects.update_or_create(code=ind.code, defaults={
            "name_en": ind.name_en, "name_zh": ind.name_zh, "definition_en": ind.definition_en,
            "definition_zh": ind.definition_zh, "formula": ind.formula, "unit": ind.unit,
            "theme": ind.theme, "direction": ind.direction, "source": ind.source,
            "computable_from_mfa": ind.computable_from_mfa, "related_areas": list(ind.related_areas)})
        n += 1
    return n


def set_value(city, code: str, year: int, value: float, *, source: str = "",
              quality: str = Quality.MEASURED, user=None, via: str = "form") -> tuple[IndicatorValue, bool]:
    """Create or change one value and record the change.

    Returns ``(value, changed)``; writing the same value, quality and source
    again changes nothing and records nothing, so re-uploading a file is a no-op.
    Concurrent writers are serialised on the row (select_for_update), so no
    change is lost from the history.

    Raises
    ------
    ValidationError
        (a :class:`~circularcities.core.rules.FieldError` naming the field) for a year outside
        the data years, a value that is not finite or larger than 1e15 in size, a share outside
        0..100 (unit %), a source with control characters, an unknown quality or indicator.
    """
    year = rules.year("year", year)
    source = rules.name("source", source, max_length=300)
    if quality not in Quality.values:
        raise ValidationError(f"Expected quality to be one of {', '.join(Quality.values)}; got {quality!r}.")
    try:
        indicator = Indicator.objects.get(code=code)
    except Indicator.DoesNotExist:
        raise ValidationError(f"Unknown indicator code {code!r}.") from None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise rules.FieldError("value", rules.NOT_NUMBER, value=str(value)[:40])
    rules.indicator_value("value", indicator.unit, value)
    with transaction.atomic():
        current = (IndicatorValue.objects.select_for_update()
                   .filter(city=city, indicator=indicator, year=year).first())
        if current is not None and (current.value, current.quality, current.source) == (value, quality, source):
            return current, False
        IndicatorValueChange.objects.create(
            city=city, indicator=indicator, year=year,
            old_value=current.value if current else None, new_value=value,
            old_quality=current.quality if current else "", new_quality=quality,
            old_source=current.source if current else "", new_source=source,
            changed_by=user, via=via)
        if current is None:
            current = IndicatorValue.objects.create(city=city, indicator=indicator, year=year, value=value,
                                                    source=source, quality=quality, updated_by=user)
        else:
            current.value, current.quality, current.source, current.updated_by = value, quality, source, user
            current.save()
        return current, True


def latest_values(city, codes=None) -> dict[str, IndicatorValue]:
    """The most recent value per indicator for ``city`` (one query)."""
    qs = IndicatorValue.objects.filter(city=city).select_related("indicator").order_by("indicator_id", "-year")
    if codes is not None:
        qs = qs.filter(indicator_id__in=list(codes))
    out: dict[str, IndicatorValue] = {}
    for v in qs:
        out.setdefault(v.indicator_id, v)
    return out
