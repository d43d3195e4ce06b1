"""Planning services: target status in bulk, progress logging and import, measure summaries.

Every status on every page comes from :func:`assess_targets`, which reads the
observations of any number of targets in two queries.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from circularcities.core import rules
from circularcities.core.errors import ValidationError
from circularcities.core.planning import (
    PROGRAMME_INDICATORS,
    Assessment,
    Observation,
    Quarter,
    Trajectory,
    annual_observations,
    assess,
    summarise,
)
from circularcities.core.rules import FieldError
from circularcities.diagnosis.models import IndicatorValue
from circularcities.planning.models import Measure, ProgressEntry, Project, Target


def trajectory_of(target: Target) -> Trajectory:
    """The core trajectory of a target (raises ValueError when the target is inconsistent)."""
    return Trajectory(target.baseline_year, target.baseline_value, target.target_year, target.target_value,
                      tuple(tuple(p) for p in (target.trajectory_points or [])))


def observations_for(targets: Iterable[Target], until: Quarter | None = None) -> dict[int, list[Observation]]:
    """Observations per target id, read in at most two queries.

    Indicator targets take the city's yearly values; programme targets the
    quarterly progress entries of the programme's projects, summed per year
    (a year not yet complete is annualised). ``until`` keeps only what was
    known by the end of that quarter.
    """
    targets = list(targets)
    out: dict[int, list[Observation]] = {t.pk: [] for t in targets}
    ind_targets = [t for t in targets if t.indicator_id]
    prog_targets = [t for t in targets if t.programme_id]
    limit = until.time if until else None
    if ind_targets:
        cities = {t.city_id for t in ind_targets}
        codes = {t.indicator_id for t in ind_targets}
        qs = IndicatorValue.objects.filter(city_id__in=cities, indicator_id__in=codes)
        if until:
            qs = qs.filter(year__lte=until.year if until.q == 4 else until.year - 1)
        values: dict[tuple[int, str | None], list[Observation]] = defaultdict(list)
        for city_id, code, year, value in qs.values_list("city_id", "indicator_id", "year", "value"):
            values[(city_id, code)].append(Observation(float(year), value, str(year)))
        for t in ind_targets:
            out[t.pk] = values.get((t.city_id, t.indicator_id), [])
    if prog_targets:
        rows = (ProgressEntry.objects
                .filter(project__programme_id__in={t.programme_id for t in prog_targets},
                        indicator__in={t.programme_indicator for t in prog_targets})
                .values_list("project__programme_id", "indicator", "year", "quarter")
                .annotate(total=Sum("value")).order_by())
        entries: dict[tuple[int | None, str], list[tuple[int, int, float]]] = defaultdict(list)
        for programme_id, indicator, year, q, total in rows:
            if limit is None or Quarter(year, q).time <= limit:
                entries[(programme_id, indicator)].append((year, q, total))
        for t in prog_targets:
            out[t.pk] = annual_observations(entries.get((t.programme_id, t.programme_indicator), []))
    return out


def assess_targets(targets: Iterable[Target], until: Quarter | None = None) -> dict[int, Assessment]:
    """Assessment per target id (two queries whatever the number of targets)."""
    targets = list(targets)
    obs = observations_for(targets, until)
    return {t.pk: assess(trajectory_of(t), obs[t.pk], higher_is_better=t.higher_is_better) for t in targets}


def measure_summary(measures):
    """Brussels-style summary of a queryset or list of measures."""
    if hasattr(measures, "values_list"):
        return summarise(measures.values_list("status", flat=True))
    return summarise(m.status for m in measures)


def log_progress(project: Project, quarter: Quarter, indicator: str, value: float, *, user=None,
                 currency: str = "", note: str = "", source: str = "") -> tuple[ProgressEntry, bool]:
    """Create or change one progress entry; the same figures again change nothing.

    Returns ``(entry, changed)``.
    """
    if indicator not in PROGRAMME_INDICATORS:
        raise ValidationError(f"Expected a programme indicator among {', '.join(PROGRAMME_INDICATORS)}; "
                              f"got {indicator!r}.")
    value = rules.non_negative("value", value, maximum=rules.MAX_MAGNITUDE)
    currency = rules.currency("currency", currency, required=PROGRAMME_INDICATORS[indicator].is_money)
    note = rules.text("note", note, max_length=500)
    source = rules.name("source", source, max_length=300)
    entry = ProgressEntry.objects.filter(project=project, year=quarter.year, quarter=quarter.q,
                                         indicator=indicator).first()
    fields = {"value": float(value), "currency": currency, "note": note, "source": source}
    if entry and all(getattr(entry, k) == v for k, v in fields.items()):
        return entry, False
    if entry is None:
        entry = ProgressEntry(project=project, year=quarter.year, quarter=quarter.q, indicator=indicator)
    for k, v in fields.items():
        setattr(entry, k, v)
    entry.created_by = user
    entry.save()
    return entry, True


def progress_totals(project: Project) -> list[dict]:
    """Totals per indicator for a project, with unit (one query)."""
    rows = (project.entries.values("indicator", "currency").annotate(total=Sum("value")).order_by("indicator"))
    out = []
    for r in rows:
        ind = PROGRAMME_INDICATORS[r["indicator"]]
        out.append({"indicator": ind, "total": r["total"], "unit": r["currency"] if ind.is_money else ind.unit})
    return out


def measures_for(city):
    return (Measure.objects.filter(city=city).select_related("area", "lead")
            .prefetch_related("r_strategies", "milestones", "targets"))


# --- targets: the one write path (form, API POST and PATCH, import) ---------------

TARGET_TEXT = {"title_en": 200, "title_zh": 200, "owner_name": 200, "source": 300}
TARGET_EDITABLE = ("indicator", "programme", "programme_indicator", "area", "title_en", "title_zh", "baseline_year", "baseline_value", "target_year",
                   "target_value", "trajectory_points", "owner_name", "source")


def _area_of(value):
    from circularcities.coalition.models import ThematicArea

    if value is None or value == "" or isinstance(value, ThematicArea):
        return value or None
    area = ThematicArea.objects.filter(slug=value).first()
    if area is None:
        raise FieldError("area", _("No thematic area %(slug)s.") % {"slug": repr(value)})
    return area


def _measured(city, indicator, programme):
    """The indicator and programme objects for codes or slugs (or objects, or None)."""
    from circularcities.diagnosis.models import Indicator

    if isinstance(indicator, str):
        code = indicator
        indicator = Indicator.objects.filter(code=code).first()
        if indicator is None:
            raise FieldError("indicator", _("Unknown indicator code %(code)s.") % {"code": repr(code)})
    if isinstance(programme, str):
        slug = programme
        programme = city.programmes.filter(slug=slug).first()
        if programme is None:
            raise FieldError("programme", _("No programme %(slug)s in this city.") % {"slug": repr(slug)})
    return indicator or None, programme or None


def _check_target(t: Target) -> None:
    """Every rule on a target, in field order; raises FieldError naming the field."""
    from circularcities.coalition.models import ThematicArea

    if not t.indicator_id and not t.programme_id:
        raise FieldError("indicator", _("Choose a catalogue indicator or a programme indicator."))
    if t.indicator_id and t.programme_id:
        raise FieldError("indicator", _("Choose a catalogue indicator or a programme indicator, not both."))
    if t.programme is not None:
        if t.programme.city_id != t.city_id:
            raise FieldError("programme", _("The programme belongs to another city."))
        rules.choice("programme_indicator", t.programme_indicator, tuple(PROGRAMME_INDICATORS))
    else:
        t.programme_indicator = ""
    for name, length in TARGET_TEXT.items():
        setattr(t, name, rules.name(name, getattr(t, name), max_length=length))
    t.baseline_year = rules.year("baseline_year", t.baseline_year)
    t.baseline_value = rules.indicator_value("baseline_value", t.unit, t.baseline_value)
    t.target_year = rules.year("target_year", t.target_year)
    rules.year_after("target_year", t.target_year, t.baseline_year)
    t.target_value = rules.indicator_value("target_value", t.unit, t.target_value)
    points = [list(p) for p in (t.trajectory_points or [])]
    for p in points:
        if len(p) != 2:
            raise FieldError("trajectory_points", _("Write milestone points as year: value pairs."))
        p[0] = rules.year("trajectory_points", p[0])
        p[1] = rules.indicator_value("trajectory_points", t.unit, p[1])
    try:
        Trajectory(t.baseline_year, t.baseline_value, t.target_year, t.target_value,
                   tuple(tuple(p) for p in points))
    except ValueError as exc:
        raise FieldError("trajectory_points", str(exc)) from None
    t.trajectory_points = points
    if t.area_id is None and t.indicator is not None and t.indicator.related_areas:
        # A target on a catalogue indicator belongs to the indicator's first thematic area
        # unless one is chosen, whichever path created it.
        t.area = ThematicArea.objects.filter(slug__in=t.indicator.related_areas).first()


def target_create(*, city, user, indicator=None, programme=None, programme_indicator: str = "",
                  area=None, title_en: str = "", title_zh: str = "", baseline_year, baseline_value,
                  target_year, target_value, trajectory_points=(), owner_name: str = "",
                  source: str = "") -> Target:
    """Create a target after checking every rule. ``indicator``, ``programme`` and ``area``
    are objects or their codes/slugs. Raises FieldError naming the field."""
    indicator, programme = _measured(city, indicator, programme)
    t = Target(city=city, indicator=indicator or None, programme=programme or None,
               programme_indicator=programme_indicator or "", area=_area_of(area), title_en=title_en,
               title_zh=title_zh, baseline_year=baseline_year, baseline_value=baseline_value,
               target_year=target_year, target_value=target_value,
               trajectory_points=list(trajectory_points or []), owner=user, owner_name=owner_name,
               source=source)
    _check_target(t)
    with transaction.atomic():
        t.save()
    return t


def target_update(*, target: Target, user, **changes) -> Target:
    """Change the given fields of a target (others stay as they are) after checking every rule."""
    unknown = set(changes) - set(TARGET_EDITABLE)
    if unknown:
        raise FieldError(sorted(unknown)[0], _("This field cannot be changed."))
    if "area" in changes:
        changes["area"] = _area_of(changes["area"])
    if "indicator" in changes or "programme" in changes:
        changes["indicator"], changes["programme"] = _measured(
            target.city, changes.get("indicator", target.indicator), changes.get("programme", target.programme))
    if "programme_indicator" in changes:
        changes["programme_indicator"] = changes["programme_indicator"] or ""
    for name in TARGET_TEXT:
        if name in changes and changes[name] is None:
            changes[name] = ""
    for name, value in changes.items():
        if value is None and name not in ("area", "indicator", "programme"):
            raise FieldError(name, rules.REQUIRED)
        setattr(target, name, value)
    _check_target(target)
    with transaction.atomic():
        target.save()
    return target
