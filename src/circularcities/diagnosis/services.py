"""Writing indicator values: every path (form, upload, API, model) goes through here."""

from __future__ import annotations

import re

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from circularcities.core import rules
from circularcities.core.errors import ValidationError
from circularcities.core.indicators import DIRECTIONS, load_catalogue
from circularcities.core.indicators.expression import Formula, indicator_term, system_term
from circularcities.core.indicators.expression import parse as parse_formula
from circularcities.core.indicators.frameworks import check_reference
from circularcities.core.rules import FieldError
from circularcities.diagnosis.models import (
    Computation,
    Frequency,
    Indicator,
    IndicatorValue,
    IndicatorValueChange,
    Quality,
)
from circularcities.diagnosis.permissions import require_create_indicator, require_edit_indicator


def sync_catalogue() -> int:
    """Mirror the packaged catalogue into the database (idempotent)."""
    return register_indicators(load_catalogue().values())


def register_indicators(indicators, *, city=None) -> int:
    """Create or refresh catalogue indicators (core ``Indicator`` objects) in the database, e.g. an
    indicator set a city adopts, or a city's own set when ``city`` is given (idempotent).

    Every ``name_<lang>`` / ``definition_<lang>`` the file gives becomes a parler translation
    row (``zh`` -> ``zh-hans``); languages the file does not give are left as they are.
    """
    n = 0
    for ind in indicators:
        obj, _created = Indicator.objects.update_or_create(code=ind.code, defaults={
            "formula": ind.formula, "unit": ind.unit, "city": city,
            "theme": ind.theme, "direction": ind.direction, "source": ind.source,
            "computable_from_mfa": ind.computable_from_mfa, "related_areas": list(ind.related_areas),
            "frequency": ind.frequency, "computation": ind.computation, "expression": ind.expression,
            "frameworks": [{"framework": f, "ref": check_reference(f, r)} for f, r in ind.framework_refs()]})
        _write_translations(obj, ind.translations())
        n += 1
    return n


def _write_translations(obj: Indicator, texts: dict[str, dict[str, str]]) -> None:
    for lang, fields in texts.items():
        row = obj._get_translated_model(lang, auto_create=True)
        if (row.name, row.definition) != (fields.get("name", ""), fields.get("definition", "")) or row.pk is None:
            row.name, row.definition = fields.get("name", ""), fields.get("definition", "")
            row.save()


def set_value(city, code: str, year: int, value: float, *, period: int = 0, source: str = "",
              quality: str = Quality.MEASURED, user=None, via: str = "form",
              _depth: int = 0) -> tuple[IndicatorValue, bool]:
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
    if indicator.city_id is not None and indicator.city_id != city.id:
        raise FieldError("indicator", _("%(code)s is another city's own indicator.") % {"code": code})
    period = check_period(indicator, period)
    rules.indicator_value("value", indicator.unit, value)
    with transaction.atomic():
        current = (IndicatorValue.objects.select_for_update()
                   .filter(city=city, indicator=indicator, year=year, period=period).first())
        if current is not None and (current.value, current.quality, current.source) == (value, quality, source):
            return current, False
        IndicatorValueChange.objects.create(
            city=city, indicator=indicator, year=year, period=period,
            old_value=current.value if current else None, new_value=value,
            old_quality=current.quality if current else "", new_quality=quality,
            old_source=current.source if current else "", new_source=source,
            changed_by=user, via=via)
        if current is None:
            current = IndicatorValue.objects.create(city=city, indicator=indicator, year=year, period=period,
                                                    value=value, source=source, quality=quality, updated_by=user)
        else:
            current.value, current.quality, current.source, current.updated_by = value, quality, source, user
            current.save()
        _recompute_dependents(city, code, user=user, depth=_depth)
        return current, True


def latest_values(city, codes=None) -> dict[str, IndicatorValue]:
    """The most recent value per indicator for ``city`` (one query)."""
    qs = (IndicatorValue.objects.filter(city=city).select_related("indicator")
          .order_by("indicator_id", "-year", "-period"))
    if codes is not None:
        qs = qs.filter(indicator_id__in=list(codes))
    out: dict[str, IndicatorValue] = {}
    for v in qs:
        out.setdefault(v.indicator_id, v)
    return out


# -- indicators the secretariat curates and cities define ---------------------------------------
CODE_PATTERN = re.compile(r"^[A-Z][A-Z0-9-]{1,39}$")
MAX_FRAMEWORK_REFS = 20
PERIODS: dict[str, tuple[int, int]] = {"annual": (0, 0), "quarterly": (1, 4), "monthly": (1, 12)}


def check_period(indicator: Indicator, period) -> int:
    """The period number for ``indicator``'s frequency: 0 for annual, 1-4 quarterly, 1-12 monthly."""
    low, high = PERIODS.get(indicator.frequency, (0, 0))
    if period in (None, "") and low == 0:
        return 0
    if isinstance(period, bool) or not isinstance(period, int) or not low <= period <= high:
        if low == 0:
            raise FieldError("period", _("Expected no quarter or month: %(code)s is reported once a year.")
                             % {"code": indicator.code})
        raise FieldError("period", _("Expected a period from %(low)s to %(high)s for %(code)s (%(frequency)s).")
                         % {"low": low, "high": high, "code": indicator.code,
                            "frequency": indicator.get_frequency_display()})
    return period


def indicators_for(city):
    """The indicators a city reports: the coalition's and its own (translations prefetched)."""
    qs = Indicator.objects.filter(Q(city__isnull=True) | Q(city=city)) if city is not None else \
        Indicator.objects.filter(city__isnull=True)
    return qs.prefetch_related("translations")


def save_indicator(*, user, city=None, indicator: Indicator | None = None, code: str = "",
                   names: dict[str, str], definitions: dict[str, str] | None = None, unit: str,
                   direction: str, frequency: str = Frequency.ANNUAL, computation: str = Computation.DIRECT,
                   expression: str = "", system=None, frameworks=(), source: str = "", theme: str = "",
                   formula: str = "") -> Indicator:
    """Create (``indicator`` None) or change an indicator; the one write path of the form,
    the API, the admin and the demo.

    ``city`` None makes a coalition-wide indicator (the secretariat only); otherwise the
    indicator is the city's own (its editors and the secretariat). A formula is checked
    (syntax, and every term known: an indicator the city reports, or a flow or stock of
    ``system``); the values it gives are computed at once.

    Raises
    ------
    FieldError
        Naming the field: code, name_en, unit, direction, frequency, computation, formula,
        system, frameworks, source.
    PermissionDenied
        (from diagnosis.permissions) for anyone else.
    """
    if indicator is None:
        require_create_indicator(user, city)
    else:
        require_edit_indicator(user, indicator)
        city = indicator.city
    definitions = definitions or {}
    if indicator is None:
        code = rules.name("code", (code or "").strip().upper(), max_length=40, required=True)
        if not CODE_PATTERN.match(code):
            raise FieldError("code", _("Expected capital letters, digits and hyphens, starting with a letter "
                                       "(e.g. EBUS-FLEET); got '%(value)s'.") % {"value": code[:40]})
        if Indicator.objects.filter(code=code).exists():
            raise FieldError("code", _("The code %(code)s is already used.") % {"code": code})
    languages = list(getattr(settings, "PLATFORM_LANGUAGES", dict(settings.LANGUAGES)))
    texts: dict[str, dict[str, str]] = {}
    for lang in set(names) | set(definitions):
        if lang not in languages:
            raise FieldError("names", _("Expected languages among %(choices)s; got '%(value)s'.")
                             % {"choices": ", ".join(languages), "value": str(lang)[:20]})
        key = lang.replace("-", "_")
        texts[lang] = {"name": rules.name(f"name_{key}", names.get(lang, ""), max_length=200),
                       "definition": rules.text(f"definition_{key}", definitions.get(lang, ""), max_length=2000)}
    if not texts.get("en", {}).get("name"):
        raise FieldError("name_en", rules.REQUIRED)
    unit = rules.name("unit", unit, max_length=40, required=True)
    direction = rules.choice("direction", direction, DIRECTIONS)
    frequency = rules.choice("frequency", frequency, Frequency.values)
    computation = rules.choice("computation", computation, Computation.values)
    source = rules.name("source", source, max_length=300)
    refs = _check_frameworks(frameworks)
    expression = (expression or "").strip()
    if computation == Computation.FORMULA:
        if system is not None and (city is None or system.city_id != city.id):
            raise FieldError("system", _("Expected a system of %(city)s.") % {"city": city.t("name") if city else "-"})
        parsed = parse_formula(expression)
        _check_terms(parsed, city, system, this=code if indicator is None else indicator.code)
        expression = parsed.text
    else:
        expression, system = "", None
    if indicator is not None and indicator.frequency != frequency and indicator.values.exists():
        raise FieldError("frequency", _("The frequency cannot change once values are entered."))
    with transaction.atomic():
        if indicator is None:
            indicator = Indicator(code=code, city=city, created_by=user)
        indicator.unit, indicator.direction, indicator.frequency = unit, direction, frequency
        indicator.computation, indicator.expression, indicator.system = computation, expression, system
        indicator.frameworks, indicator.source = refs, source
        indicator.theme = rules.name("theme", theme, max_length=80) or indicator.theme or (
            "City-defined" if city is not None else "")
        indicator.formula = rules.text("formula", formula, max_length=1000) or expression or indicator.formula
        indicator.save()
        _write_translations(indicator, texts)
        if computation == Computation.FORMULA and city is not None:
            recompute_formula(city, indicator, user=user)
    return indicator


def _check_frameworks(frameworks) -> list[dict]:
    refs = list(frameworks or ())
    if len(refs) > MAX_FRAMEWORK_REFS:
        raise FieldError("frameworks", _("At most %(n)s framework references.") % {"n": MAX_FRAMEWORK_REFS})
    out = []
    for ref in refs:
        framework, value = (ref.get("framework"), ref.get("ref")) if isinstance(ref, dict) else ref
        out.append({"framework": framework, "ref": check_reference(str(framework or ""), str(value or ""))})
    return out


def _check_terms(parsed: Formula, city, system, *, this: str) -> None:
    codes = {indicator_term(c): c for c in indicators_for(city).values_list("code", flat=True)}
    available = set(codes) - {indicator_term(this)}
    if system is not None:
        available |= set(_system_terms(system))
    parsed.check_terms(available)
    # no cycle: no indicator the formula reads may read this one, directly or not
    codes[indicator_term(this)] = this
    seen: set[str] = set()
    todo = [codes[t] for t in parsed.indicators]
    while todo:
        code = todo.pop()
        if code == this:
            raise FieldError("formula", _("The formula reads an indicator that reads this one (%(code)s).")
                             % {"code": this})
        if code in seen:
            continue
        seen.add(code)
        expression = Indicator.objects.filter(code=code).values_list("expression", flat=True).first()
        if expression:
            try:
                todo += [codes[t] for t in parse_formula(expression).indicators if t in codes]
            except FieldError:
                continue


def _system_terms(system) -> dict[str, dict[int, float]]:
    """Every flow and stock of ``system`` as a formula term, with its given values per year
    (summed over the second dimension; flows given only as a share have no values)."""
    from circularcities.systems.models import Flow, Stock

    def per_year(values) -> dict[int, float]:
        out = {}
        for year, v in (values or {}).items():
            total = sum(x for x in v.values() if isinstance(x, int | float)) if isinstance(v, dict) else v
            if isinstance(total, int | float):
                out[int(year)] = float(total)
        return out

    terms: dict[str, dict[int, float]] = {}
    for f in Flow.objects.filter(system=system).select_related("origin", "destination", "layer"):
        terms[system_term("flow", f.origin.code, f.destination.code, f.layer.code)] = per_year(f.values)
    for s in Stock.objects.filter(system=system).select_related("process", "layer"):
        terms[system_term("stock", s.process.code, s.layer.code)] = per_year(s.values)
    return terms


def recompute_formula(city, indicator: Indicator, *, user=None, depth: int = 0,
                      dry_run: bool = False) -> tuple[int, list[str]]:
    """Compute a formula indicator's values for every period where all its terms have one;
    returns ``(values written, problems by period)``. Values are stored with quality
    ``computed`` (``estimated`` when an input of that period is an estimate or a proxy) with
    their history, so charts and exports read them like any other;
    ``dry_run`` only reports the problems."""
    if indicator.computation != Computation.FORMULA or not indicator.expression or depth > 10:
        return 0, []
    parsed = parse_formula(indicator.expression)
    by_code = {indicator_term(c): c for c in indicators_for(city).values_list("code", flat=True)}
    series: dict[str, dict[tuple[int, int], float]] = {}
    estimated: set[tuple[int, int]] = set()  # periods where an input is an estimate or a proxy
    for term in parsed.indicators:
        code = by_code.get(term)
        rows = IndicatorValue.objects.filter(city=city, indicator_id=code).values_list("year", "period", "value",
                                                                                       "quality")
        series[term] = {(y, p): v for y, p, v, _q in rows}
        estimated |= {(y, p) for y, p, _v, q in rows if q in (Quality.ESTIMATED, Quality.PROXY)}
    if parsed.system_terms:
        system_values = _system_terms(indicator.system) if indicator.system_id else {}
        for term in parsed.system_terms:
            series[term] = {(y, 0): v for y, v in system_values.get(term, {}).items()}
    keys = sorted(set.union(*(set(s) for s in series.values()))) if series else []
    written, problems = 0, []
    for year, period in keys:
        values = {t: s[(year, period)] for t, s in series.items() if (year, period) in s}
        if len(values) < len(series):
            continue
        if period and indicator.frequency == Frequency.ANNUAL:
            continue
        try:
            result = parsed.evaluate(values, period=period_label(indicator.frequency, year, period))
            rules.magnitude("value", result)
        except FieldError as exc:
            problems.append(f"{period_label(indicator.frequency, year, period)}: {exc.text(get_language() or 'en')}")
            continue
        if dry_run:
            continue
        from_estimates = (year, period) in estimated
        source = f"formula: {indicator.expression}" + ("; inputs include estimates" if from_estimates else "")
        _v, changed = set_value(city, indicator.code, year, result, period=period if indicator.frequency !=
                                Frequency.ANNUAL else 0, source=source[:300],
                                quality=Quality.ESTIMATED if from_estimates else Quality.COMPUTED,
                                user=user, via="formula", _depth=depth + 1)
        written += int(changed)
    return written, problems


def period_label(frequency: str, year: int, period: int) -> str:
    """``2024``, ``2024 Q1`` or ``2024-03``."""
    if frequency == Frequency.QUARTERLY and period:
        return f"{year} Q{period}"
    if frequency == Frequency.MONTHLY and period:
        return f"{year}-{period:02d}"
    return str(year)


def _recompute_dependents(city, code: str, *, user, depth: int) -> None:
    term = indicator_term(code)
    for ind in indicators_for(city).filter(computation=Computation.FORMULA).exclude(code=code):
        try:
            if term in parse_formula(ind.expression).indicators:
                recompute_formula(city, ind, user=user, depth=depth)
        except FieldError:
            continue
