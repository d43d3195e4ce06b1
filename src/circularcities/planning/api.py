"""JSON API of plans: targets (with status), measures, programmes, projects, progress entries.

Reads are public; writes need a session or token and the same permissions as
the pages (city editors plan; project owners log their project's progress).
"""

from __future__ import annotations

from datetime import date

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.responses import Status
from pydantic import Field

from circularcities.coalition.models import City, ThematicArea
from circularcities.core.errors import ValidationError
from circularcities.core.planning import PROGRAMME_INDICATORS, Quarter, Trajectory
from circularcities.diagnosis.models import Indicator
from circularcities.planning.models import Measure, ProgressEntry, Project, Target
from circularcities.planning.permissions import require_log_progress, require_plan
from circularcities.planning.services import assess_targets, check_measure_currency, log_progress
from circularcities.planning.validation import TARGET_FIELDS, check_model
from circularcities.web.api import write_auth
from circularcities.web.api_support import Id, responses, with_etag

PREFIX = "/plans/"
router = Router(tags=["plans"])


class TargetOut(Schema):
    id: int
    city: str
    area: str | None
    title_en: str
    title_zh: str
    indicator: str | None
    programme: str | None
    programme_indicator: str | None
    unit: str
    higher_is_better: bool
    baseline_year: int
    baseline_value: float
    target_year: int
    target_value: float
    trajectory_points: list[list[float]]
    status: str
    status_reason: str
    latest_value: float | None
    latest_label: str | None
    latest_quarters: int | None
    expected_value: float | None


def _target_out(t: Target, a) -> dict:
    o = a.observation
    return {"id": t.pk, "city": t.city.slug, "area": t.area.slug if t.area_id else None, "title_en": t.title_en,
            "title_zh": t.title_zh, "indicator": t.indicator_id, "programme": t.programme.slug if t.programme_id else None,
            "programme_indicator": t.programme_indicator or None, "unit": t.unit,
            "higher_is_better": t.higher_is_better, "baseline_year": t.baseline_year,
            "baseline_value": t.baseline_value, "target_year": t.target_year, "target_value": t.target_value,
            "trajectory_points": t.trajectory_points or [], "status": a.status.value, "status_reason": a.reason,
            "latest_value": o.value if o else None, "latest_label": o.label if o else None,
            "latest_quarters": o.quarters if o else None,
            "expected_value": a.expected}


class TargetIn(Schema):
    city: str
    indicator: str | None = Field(None, description="Catalogue indicator code (yearly values).")
    programme: str | None = Field(None, description="Programme slug (quarterly progress entries).")
    programme_indicator: str | None = None
    area: str | None = None
    title_en: str = ""
    title_zh: str = ""
    baseline_year: int
    baseline_value: float
    target_year: int
    target_value: float
    trajectory_points: list[list[float]] = []
    owner_name: str = ""
    source: str = ""


@router.get("/targets", response=responses(list[TargetOut]))
def list_targets(request, city: str | None = None):
    qs = Target.objects.select_related("city", "area", "indicator", "programme")
    if city:
        qs = qs.filter(city__slug=city)
    targets = list(qs)
    a = assess_targets(targets)
    return [_target_out(t, a[t.pk]) for t in targets]


@router.get("/targets/{target_id}", response=responses(TargetOut, 404))
def get_target(request, response: HttpResponse, target_id: Id):
    t = get_object_or_404(Target.objects.select_related("city", "area", "indicator", "programme"), pk=target_id)
    with_etag(response, t)
    return _target_out(t, assess_targets([t])[t.pk])


@router.post("/targets", response=responses(TargetOut, 404, status=201, write=True), auth=write_auth)
def create_target(request, payload: TargetIn):
    city = get_object_or_404(City, slug=payload.city)
    require_plan(request.user, city)
    if bool(payload.indicator) == bool(payload.programme):
        raise ValidationError("Expected either 'indicator' or 'programme' (with 'programme_indicator'), not both.")
    indicator = programme = None
    if payload.indicator:
        indicator = Indicator.objects.filter(code=payload.indicator).first()
        if indicator is None:
            raise ValidationError(f"Unknown indicator code {payload.indicator!r}.")
    else:
        programme = city.programmes.filter(slug=payload.programme).first()
        if programme is None:
            raise ValidationError(f"No programme {payload.programme!r} in {city.name_en}.")
        if payload.programme_indicator not in PROGRAMME_INDICATORS:
            raise ValidationError(f"Expected 'programme_indicator' among {', '.join(PROGRAMME_INDICATORS)}.")
    check_model(Target(indicator=indicator, programme=programme,
                       programme_indicator=payload.programme_indicator if programme else "",
                       baseline_year=payload.baseline_year, baseline_value=payload.baseline_value,
                       target_year=payload.target_year, target_value=payload.target_value), TARGET_FIELDS)
    try:
        Trajectory(payload.baseline_year, payload.baseline_value, payload.target_year, payload.target_value,
                   tuple(tuple(p) for p in payload.trajectory_points))
    except ValueError as exc:
        raise ValidationError(str(exc)) from None
    area = ThematicArea.objects.filter(slug=payload.area).first() if payload.area else None
    t = Target.objects.create(
        city=city, area=area, indicator=indicator, programme=programme,
        programme_indicator=payload.programme_indicator if programme else "", title_en=payload.title_en,
        title_zh=payload.title_zh, baseline_year=payload.baseline_year, baseline_value=payload.baseline_value,
        target_year=payload.target_year, target_value=payload.target_value,
        trajectory_points=payload.trajectory_points, owner=request.user, owner_name=payload.owner_name,
        source=payload.source)
    t = Target.objects.select_related("city", "area", "indicator", "programme").get(pk=t.pk)
    return Status(201, _target_out(t, assess_targets([t])[t.pk]))


class MeasureOut(Schema):
    id: int
    city: str
    code: str
    title_en: str
    title_zh: str
    area: str | None
    r_strategies: list[str]
    lead: str | None
    lead_name: str
    partners: list[str]
    budget: float | None
    currency: str
    start: date | None
    end: date | None
    status: str
    targets: list[int]
    milestones: list[dict]
    is_summary_record: bool

    @staticmethod
    def resolve_city(obj):
        return obj.city.slug

    @staticmethod
    def resolve_area(obj):
        return obj.area.slug if obj.area_id else None

    @staticmethod
    def resolve_r_strategies(obj):
        return [r.slug for r in obj.r_strategies.all()]

    @staticmethod
    def resolve_lead(obj):
        return obj.lead.slug if obj.lead_id else None

    @staticmethod
    def resolve_partners(obj):
        return [p.slug for p in obj.partners.all()]

    @staticmethod
    def resolve_budget(obj):
        return float(obj.budget) if obj.budget is not None else None

    @staticmethod
    def resolve_targets(obj):
        return [t.pk for t in obj.targets.all()]

    @staticmethod
    def resolve_milestones(obj):
        return [{"title_en": m.title_en, "title_zh": m.title_zh, "due": m.due.isoformat(),
                 "done": m.done.isoformat() if m.done else None} for m in obj.milestones.all()]


class MeasureIn(Schema):
    city: str
    title_en: str = Field(..., min_length=1)
    title_zh: str = ""
    code: str = ""
    area: str | None = None
    r_strategies: list[str] = []
    budget: float | None = None
    currency: str = ""
    start: date | None = None
    end: date | None = None
    status: str = "not_started"
    targets: list[int] = []


def _measures():
    return Measure.objects.select_related("city", "area", "lead").prefetch_related(
        "r_strategies", "partners", "targets", "milestones")


@router.get("/measures", response=responses(list[MeasureOut]))
def list_measures(request, city: str | None = None, status: str | None = None):
    qs = _measures()
    if city:
        qs = qs.filter(city__slug=city)
    if status:
        qs = qs.filter(status=status)
    return list(qs)


@router.post("/measures", response=responses(MeasureOut, 404, status=201, write=True), auth=write_auth)
def create_measure(request, payload: MeasureIn):
    from circularcities.coalition.models import RStrategy

    city = get_object_or_404(City, slug=payload.city)
    require_plan(request.user, city)
    if payload.status not in Measure.Status.values:
        raise ValidationError(f"Expected status among {', '.join(Measure.Status.values)}; got {payload.status!r}.")
    if payload.start and payload.end and payload.end < payload.start:
        raise ValidationError("Expected 'end' on or after 'start'.")
    check_model(Measure(budget=payload.budget, start=payload.start, end=payload.end), ("budget",))
    currency = check_measure_currency(payload.currency, payload.budget)
    targets = list(Target.objects.filter(city=city, pk__in=payload.targets))
    if len(targets) != len(set(payload.targets)):
        raise ValidationError(f"Expected targets of {city.name_en}; some ids are not.")
    m = Measure.objects.create(
        city=city, title_en=payload.title_en, title_zh=payload.title_zh, code=payload.code,
        area=ThematicArea.objects.filter(slug=payload.area).first() if payload.area else None,
        budget=payload.budget, currency=currency, start=payload.start, end=payload.end, status=payload.status,
        owner=request.user)
    m.r_strategies.set(RStrategy.objects.filter(slug__in=payload.r_strategies))
    m.targets.set(targets)
    return Status(201, _measures().get(pk=m.pk))


class ProjectOut(Schema):
    code: str
    programme: str
    city: str | None = Field(description="Null for a project of a coalition-wide programme.")
    title_en: str
    title_zh: str
    organisation: str | None

    @staticmethod
    def resolve_programme(obj):
        return obj.programme.slug

    @staticmethod
    def resolve_city(obj):
        return obj.programme.city.slug if obj.programme.city_id else None

    @staticmethod
    def resolve_organisation(obj):
        return obj.organisation.slug if obj.organisation_id else None


@router.get("/projects", response=responses(list[ProjectOut]))
def list_projects(request, city: str | None = None):
    qs = Project.objects.select_related("programme__city", "organisation")
    if city:
        qs = qs.filter(programme__city__slug=city)
    return list(qs)


class EntryOut(Schema):
    project: str
    quarter: str
    indicator: str
    value: float
    unit: str
    note: str

    @staticmethod
    def resolve_project(obj):
        return obj.project.code

    @staticmethod
    def resolve_quarter(obj):
        return f"{obj.year}-Q{obj.quarter}"

    @staticmethod
    def resolve_unit(obj):
        return obj.unit


class EntryIn(Schema):
    quarter: str = Field(..., description="e.g. 2024-Q3")
    indicator: str
    value: float = Field(..., ge=0)
    currency: str = ""
    note: str = ""


@router.get("/projects/{code}/progress", response=responses(list[EntryOut], 404))
def list_progress(request, code: str):
    project = get_object_or_404(Project, code=code)
    return list(ProgressEntry.objects.filter(project=project).select_related("project"))


@router.post("/projects/{code}/progress", response=responses(EntryOut, 404, status=201, write=True), auth=write_auth)
def post_progress(request, code: str, payload: EntryIn):
    project = get_object_or_404(Project.objects.select_related("programme__city", "organisation"), code=code)
    require_log_progress(request.user, project)
    try:
        quarter = Quarter.parse(payload.quarter)
    except ValueError as exc:
        raise ValidationError(str(exc)) from None
    entry, _ = log_progress(project, quarter, payload.indicator, payload.value, user=request.user,
                            currency=payload.currency, note=payload.note)
    return Status(201, entry)


from circularcities.planning import api_edit  # noqa: E402,F401  (registers the edit endpoints on ``router``)
