"""Planning services: target status in bulk, progress logging, measure summaries, and the
ONE write path of every planning entity.

Every status on every page comes from :func:`assess_targets`, which reads the
observations of any number of targets in two queries.

Writes: targets (:func:`target_create`, :func:`target_update`), measures
(:func:`measure_create`, :func:`measure_update`, :func:`measure_set_status`), milestones
(:func:`milestone_save`, :func:`milestone_done`), programmes (:func:`programme_create`,
:func:`programme_update`, with their yearly goals), projects (:func:`project_create`,
:func:`project_update`) and progress entries (:func:`log_progress`). The pages' forms,
the API, the imports, the admin, the demo data and other apps (procurement) all call
them: one rule set per entity, the same message on every path. Each raises
:class:`~circularcities.core.rules.FieldError` naming the field; nothing is stored then.
``*_update`` changes only the fields given (a PATCH never overwrites what it did not send).

Text people write (titles, names, descriptions) is stored per language with
django-parler; the services take it as ``title_en``, ``title_zh``, ``title_ja``,
``title_ko`` ... (one keyword per platform language) or as ``translations={"ja":
{"title": ...}}`` (:func:`texts`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal

from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from circularcities.coalition.services import only_changeable
from circularcities.core import rules
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
from circularcities.planning.models import (
    Measure,
    MeasureStatusChange,
    Milestone,
    Programme,
    ProgrammeGoal,
    ProgressEntry,
    Project,
    Target,
)
from circularcities.web.content import LEGACY_SUFFIXES


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
    indicator = rules.choice("indicator", indicator, tuple(PROGRAMME_INDICATORS))
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


# --- text people write, per language ------------------------------------------------

TEXT_LENGTH = rules.TEXT_LENGTH


def text_keys(model) -> tuple[str, ...]:
    """``title_en``, ``title_zh``, ``title_ja``, ``title_ko``, ... of a planning model."""
    return tuple(f"{f}_{sfx}" for f in model.legacy_fields for sfx in LEGACY_SUFFIXES)


def texts(model, translations: dict | None) -> dict[str, str]:
    """``{"ja": {"title": "..."}}`` -> ``{"title_ja": "..."}`` (languages and fields checked)."""
    out: dict[str, str] = {}
    codes = {code: sfx for sfx, code in LEGACY_SUFFIXES.items()}
    for language, fields in (translations or {}).items():
        sfx = codes.get(str(language).lower()) or (str(language).lower() if str(language).lower()
                                                   in LEGACY_SUFFIXES else None)
        if sfx is None:
            raise FieldError("translations", rules.CHOICE, choices=", ".join(codes), value=str(language)[:20])
        for field, text in (fields or {}).items():
            if field not in model.legacy_fields:
                raise FieldError("translations", rules.CHOICE, choices=", ".join(model.legacy_fields),
                                 value=str(field)[:40])
            out[f"{field}_{sfx}"] = text
    return out


def _check_text(obj, lengths: dict[str, int], required: tuple[str, ...] = ()) -> None:
    """Every language's text of ``obj``: one line for names and titles, text for descriptions;
    the English of the ``required`` fields is required."""
    for field, length in lengths.items():
        rule = rules.text if length >= TEXT_LENGTH else rules.name
        for sfx in LEGACY_SUFFIXES:
            key = f"{field}_{sfx}"
            setattr(obj, key, rule(key, getattr(obj, key), max_length=length,
                                   required=sfx == "en" and field in required))


def _changes(obj, changes: dict, editable: tuple[str, ...], *, keep_none: tuple[str, ...] = ()) -> dict:
    """Refuse a field that cannot be changed; ``translations`` become per-language keys;
    ``None`` for a text clears it (``keep_none``: fields where None is a value)."""
    changes = dict(changes)
    changes.update(texts(type(obj), changes.pop("translations", None)))
    only_changeable(changes, editable)
    for name, value in changes.items():
        if value is None and name not in keep_none:
            changes[name] = ""
    return changes


def _period(start, end) -> tuple:
    start = rules.date("start", start, required=False)
    end = rules.date("end", end, required=False)
    if start and end and end < start:
        raise FieldError("end", _("The end date must not be before the start date."))
    return start, end


def _money(field: str, amount, currency_field: str, code) -> tuple:
    """An amount of money (0 or more, two decimals) and its currency (required with an amount)."""
    if amount is not None and amount != "":
        amount = Decimal(str(rules.non_negative(field, amount, maximum=rules.MAX_MONEY))).quantize(Decimal("0.01"))
    else:
        amount = None
    return amount, rules.money_currency(currency_field, code, amount)


def _by_slug(model, field: str, value, *, queryset=None):
    """An object for a slug (or the object itself, or None for empty)."""
    if value is None or value == "" or isinstance(value, model):
        return value or None
    obj = (queryset if queryset is not None else model.objects).filter(slug=value).first()
    if obj is None:
        raise FieldError(field, _("Nothing named %(slug)s.") % {"slug": repr(str(value)[:60])})
    return obj


def _many_by_slug(model, field: str, values) -> list:
    values = list(values or [])
    objs = [v for v in values if isinstance(v, model)]
    slugs = [v for v in values if not isinstance(v, model)]
    found = list(model.objects.filter(slug__in=slugs))
    if unknown := sorted(set(map(str, slugs)) - {o.slug for o in found}):
        raise FieldError(field, _("Nothing named %(slug)s.") % {"slug": ", ".join(unknown)[:200]})
    return objs + found


# --- targets ------------------------------------------------------------------------

TARGET_TEXT = {"title": 200}
TARGET_EDITABLE = ("indicator", "programme", "programme_indicator", "area", *text_keys(Target), "baseline_year",
                   "baseline_value", "target_year", "target_value", "trajectory_points", "owner_name", "source")


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
    _check_text(t, TARGET_TEXT)
    t.owner_name = rules.name("owner_name", t.owner_name, max_length=200)
    t.source = rules.name("source", t.source, max_length=300)
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
                  area=None, baseline_year, baseline_value, target_year, target_value, trajectory_points=(),
                  owner_name: str = "", source: str = "", is_demo: bool = False, **text) -> Target:
    """Create a target after checking every rule. ``indicator``, ``programme`` and ``area``
    are objects or their codes/slugs; ``text`` is ``title_<language>`` or ``translations``.
    Raises FieldError naming the field."""
    indicator, programme = _measured(city, indicator, programme)
    t = Target(city=city, indicator=indicator or None, programme=programme or None,
               programme_indicator=programme_indicator or "", area=_area_of(area),
               baseline_year=baseline_year, baseline_value=baseline_value,
               target_year=target_year, target_value=target_value,
               trajectory_points=list(trajectory_points or []), owner=user, owner_name=owner_name or "",
               source=source or "", is_demo=is_demo)
    for key, value in _changes(t, text, text_keys(Target)).items():
        setattr(t, key, value)
    _check_target(t)
    with transaction.atomic():
        t.save()
    return t


def target_update(*, target: Target, user, **changes) -> Target:
    """Change the given fields of a target (others stay as they are) after checking every rule."""
    changes = _changes(target, changes, TARGET_EDITABLE,
                       keep_none=("area", "indicator", "programme", "baseline_year", "baseline_value",
                                  "target_year", "target_value"))
    if "area" in changes:
        changes["area"] = _area_of(changes["area"])
    if "indicator" in changes or "programme" in changes:
        changes["indicator"], changes["programme"] = _measured(
            target.city, changes.get("indicator", target.indicator), changes.get("programme", target.programme))
    if "programme_indicator" in changes:
        changes["programme_indicator"] = changes["programme_indicator"] or ""
    for name, value in changes.items():
        if value is None and name not in ("area", "indicator", "programme"):
            raise FieldError(name, rules.REQUIRED)
        setattr(target, name, value)
    _check_target(target)
    with transaction.atomic():
        target.save()
    return target


# --- measures and their status history -------------------------------------------------

MEASURE_TEXT = {"title": 250, "description": TEXT_LENGTH}
MEASURE_EDITABLE = ("code", *text_keys(Measure), "area", "r_strategies", "lead", "lead_name", "partners",
                    "budget", "currency", "start", "end", "status", "targets", "source")
MEASURE_NONE = ("area", "lead", "budget", "start", "end", "status", "r_strategies", "partners", "targets")


def _check_measure(m: Measure) -> None:
    """Every rule on a measure, in field order; raises FieldError naming the field."""
    m.code = rules.name("code", m.code, max_length=40)
    _check_text(m, MEASURE_TEXT, required=("title",))
    m.lead_name = rules.name("lead_name", m.lead_name, max_length=200)
    m.budget, m.currency = _money("budget", m.budget, "currency", m.currency)
    m.start, m.end = _period(m.start, m.end)
    m.status = rules.choice("status", m.status, Measure.Status.values)
    m.source = rules.name("source", m.source, max_length=300)


def _measure_relations(city, changes: dict) -> dict:
    """The related objects of a measure's changes: slugs (or objects) to objects."""
    from circularcities.coalition.models import Partner, RStrategy

    out = {}
    if "area" in changes:
        changes["area"] = _area_of(changes["area"])
    if "lead" in changes:
        changes["lead"] = _by_slug(Partner, "lead", changes["lead"])
    if changes.get("r_strategies") is not None:
        out["r_strategies"] = _many_by_slug(RStrategy, "r_strategies", changes.pop("r_strategies"))
    if changes.get("partners") is not None:
        out["partners"] = _many_by_slug(Partner, "partners", changes.pop("partners"))
    if changes.get("targets") is not None:
        wanted = [t.pk if isinstance(t, Target) else t for t in changes.pop("targets")]
        try:
            ids = {int(t) for t in wanted}
        except (TypeError, ValueError):
            raise FieldError("targets", _("Expected targets of this city.")) from None
        targets = list(Target.objects.filter(city=city, pk__in=ids))
        if len(targets) != len(ids):
            raise FieldError("targets", _("Expected targets of this city."))
        out["targets"] = targets
    for key in ("r_strategies", "partners", "targets"):
        changes.pop(key, None)
    return out


def _save_measure(m: Measure, old_status: str | None, relations: dict, user, via: str) -> Measure:
    with transaction.atomic():
        m.save()
        for key, objs in relations.items():
            getattr(m, key).set(objs)
        if old_status is not None:
            _record_status(m, old_status, user, via)
    return m


def measure_create(*, city, user, via: str = "page", **fields) -> Measure:
    """Create a measure of ``city`` (``fields`` as :data:`MEASURE_EDITABLE`, relations as slugs,
    ids or objects) after checking every rule."""
    m = Measure(city=city, owner=user if getattr(user, "is_authenticated", False) else None)
    fields = _changes(m, fields, MEASURE_EDITABLE + ("is_summary_record", "is_demo"), keep_none=MEASURE_NONE)
    fields["status"] = fields.get("status") or Measure.Status.NOT_STARTED
    relations = _measure_relations(city, fields)
    for key, value in fields.items():
        setattr(m, key, value)
    _check_measure(m)
    return _save_measure(m, None, relations, user, via)


def measure_update(*, measure: Measure, user, via: str = "page", **changes) -> Measure:
    """Change the given fields of a measure (others stay as they are); a change of status is
    recorded (who, when, old -> new) in the same transaction."""
    changes = _changes(measure, changes, MEASURE_EDITABLE, keep_none=MEASURE_NONE)
    if "status" in changes and changes["status"] is None:
        raise FieldError("status", rules.REQUIRED)
    relations = _measure_relations(measure.city, changes)
    old = Measure.objects.filter(pk=measure.pk).values_list("status", flat=True).first()
    for key, value in changes.items():
        setattr(measure, key, value)
    _check_measure(measure)
    return _save_measure(measure, old, relations, user, via)


def measure_set_status(measure: Measure, status: str, user=None, via: str = "page") -> bool:
    """Change a measure's status and record it; the same status again changes nothing."""
    status = rules.choice("status", status, Measure.Status.values)
    old = measure.status
    if old == status:
        return False
    with transaction.atomic():
        measure.status = status
        measure.save(update_fields=["status", "updated_at"])
        return _record_status(measure, old, user, via)


def _record_status(measure: Measure, old: str, user=None, via: str = "page") -> bool:
    if old == measure.status:
        return False
    MeasureStatusChange.objects.create(measure=measure, old=old, new=measure.status,
                                       changed_by=user if getattr(user, "is_authenticated", False) else None,
                                       via=via)
    return True


# --- milestones ------------------------------------------------------------------------

MILESTONE_EDITABLE = (*text_keys(Milestone), "due", "done")


def milestone_save(*, measure: Measure, user, milestone: Milestone | None = None, **changes) -> Milestone:
    """Add a milestone to ``measure`` (or change the given fields of ``milestone``)."""
    ms = milestone or Milestone(measure=measure)
    changes = _changes(ms, changes, MILESTONE_EDITABLE, keep_none=("due", "done"))
    for key, value in changes.items():
        setattr(ms, key, value)
    _check_text(ms, {"title": 250}, required=("title",))
    ms.due = rules.date("due", ms.due)  # type: ignore[assignment]  # required: never None
    ms.done = rules.date("done", ms.done, not_future=True, required=False)  # type: ignore[assignment]
    with transaction.atomic():
        ms.save()
    return ms


def milestone_done(milestone: Milestone, user, today=None) -> bool:
    """Mark a milestone done today; one already done is left as it is."""
    from django.utils import timezone

    if milestone.done is not None:
        return False
    milestone_save(measure=milestone.measure, user=user, milestone=milestone, done=today or timezone.localdate())
    return True


# --- programmes and their yearly goals -------------------------------------------------

PROGRAMME_TEXT = {"name": 200, "description": TEXT_LENGTH}
PROGRAMME_EDITABLE = ("city", *text_keys(Programme), "funder", "budget", "currency", "start", "end",
                      "indicators", "goals", "source")
PROGRAMME_NONE = ("city", "budget", "start", "end", "indicators", "goals")


def _goals(goals, indicators) -> list[tuple[str, int, float]]:
    """Yearly goals as ``(indicator, year, value)`` (dicts or tuples), each on a tracked indicator."""
    out = []
    for g in goals:
        k, y, v = (g["indicator"], g["year"], g["value"]) if isinstance(g, dict) else g
        if k not in indicators:
            raise FieldError("goals", _("The programme does not track %(indicator)s; add it to its indicators.")
                             % {"indicator": str(k)[:40]})
        out.append((k, rules.year("goals", y), rules.non_negative("goals", v, maximum=rules.MAX_MAGNITUDE)))
    if len({(k, y) for k, y, _v in out}) != len(out):
        raise FieldError("goals", _("An indicator and year are given twice."))
    return out


def _check_programme(p: Programme) -> None:
    _check_text(p, PROGRAMME_TEXT, required=("name",))
    p.funder = rules.name("funder", p.funder, max_length=200)
    p.budget, p.currency = _money("budget", p.budget, "currency", p.currency)
    p.start, p.end = _period(p.start, p.end)
    p.indicators = [rules.choice("indicators", k, tuple(PROGRAMME_INDICATORS)) for k in (p.indicators or [])]
    p.source = rules.name("source", p.source, max_length=300)


def _save_programme(p: Programme, changes: dict) -> Programme:
    from circularcities.coalition.models import City

    goals = changes.pop("goals", None)
    if "city" in changes:
        changes["city"] = _by_slug(City, "city", changes["city"])
    if "indicators" in changes and changes["indicators"] is None:
        changes["indicators"] = []
    for key, value in changes.items():
        setattr(p, key, value)
    _check_programme(p)
    wanted = _goals(goals, p.indicators) if goals is not None else None
    with transaction.atomic():
        p.save()
        if wanted is not None:
            set_goals(p, wanted)
    return p


def programme_create(*, user, slug: str, **fields) -> Programme:
    """Create a programme (``fields`` as :data:`PROGRAMME_EDITABLE`) after checking every rule."""
    slug = rules.slug("slug", slug)
    if Programme.objects.filter(slug=slug).exists():
        raise FieldError("slug", _("A programme with this short name exists already."))
    p = Programme(slug=slug)
    return _save_programme(p, _changes(p, fields, PROGRAMME_EDITABLE + ("is_demo",), keep_none=PROGRAMME_NONE))


def programme_update(*, programme: Programme, user, **changes) -> Programme:
    """Change the given fields of a programme (others stay as they are)."""
    return _save_programme(programme, _changes(programme, changes, PROGRAMME_EDITABLE, keep_none=PROGRAMME_NONE))


def set_goals(programme: Programme, goals: list[tuple[str, int, float]]) -> bool:
    """Make the programme's yearly targets exactly ``goals``; returns whether anything changed."""
    goals = _goals(goals, programme.indicators or [])
    current = {(g.indicator, g.year): g.value for g in programme.goals.all()}
    wanted = {(k, y): v for k, y, v in goals}
    if current == wanted:
        return False
    with transaction.atomic():
        programme.goals.exclude(pk__in=[g.pk for g in programme.goals.all()
                                        if (g.indicator, g.year) in wanted]).delete()
        for (k, y), v in wanted.items():
            ProgrammeGoal.objects.update_or_create(programme=programme, indicator=k, year=y, defaults={"value": v})
    return True


# --- projects --------------------------------------------------------------------------

PROJECT_TEXT = {"title": 200, "description": TEXT_LENGTH}
PROJECT_EDITABLE = (*text_keys(Project), "organisation", "owners", "start", "end", "grant", "currency",
                    "reports_quarterly", "source")
PROJECT_NONE = ("organisation", "owners", "start", "end", "grant", "reports_quarterly")


def _save_project(p: Project, changes: dict) -> Project:
    from circularcities.coalition.models import Partner
    from circularcities.planning.programmes import users_named

    owners = changes.pop("owners", None)
    users = None
    if owners is not None:
        users = [u for u in owners if not isinstance(u, str)] + users_named(
            [u for u in owners if isinstance(u, str)])
    if "organisation" in changes:
        changes["organisation"] = _by_slug(Partner, "organisation", changes["organisation"])
    if "reports_quarterly" in changes and changes["reports_quarterly"] is None:
        changes.pop("reports_quarterly")
    for key, value in changes.items():
        setattr(p, key, value)
    _check_text(p, PROJECT_TEXT, required=("title",))
    p.grant, p.currency = _money("budget", p.grant, "currency", p.currency)  # "budget" on pages and the API
    p.start, p.end = _period(p.start, p.end)
    p.source = rules.name("source", p.source, max_length=300)
    with transaction.atomic():
        p.save()
        if users is not None:
            p.owners.set(users)
    return p


def project_create(*, programme: Programme, user, code: str, **fields) -> Project:
    """Create a project of ``programme`` (``fields`` as :data:`PROJECT_EDITABLE`)."""
    code = rules.slug("code", code)
    if Project.objects.filter(code=code).exists():
        raise FieldError("code", _("A project with this code exists already."))
    p = Project(programme=programme, code=code)
    return _save_project(p, _changes(p, fields, PROJECT_EDITABLE + ("is_demo",), keep_none=PROJECT_NONE))


def project_update(*, project: Project, user, **changes) -> Project:
    """Change the given fields of a project (others stay as they are)."""
    return _save_project(project, _changes(project, changes, PROJECT_EDITABLE, keep_none=PROJECT_NONE))
