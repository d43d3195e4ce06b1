"""JSON API of plans: targets (with status), measures, programmes, projects, progress entries.

Reads are public; writes need a session or token and the same permissions as
the pages (city editors plan; project owners log their project's progress).
"""

from __future__ import annotations

from datetime import date

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Schema
from ninja.responses import Status
from pydantic import Field

from circularcities.accounts.auth import write_auth
from circularcities.coalition.models import City, ThematicArea
from circularcities.core import rules
from circularcities.core.errors import ValidationError
from circularcities.core.planning import Quarter
from circularcities.planning.models import Measure, ProgressEntry, Project, Target
from circularcities.planning.permissions import require_log_progress, require_plan
from circularcities.planning.schemas import (
    MeasureOut,
    ProjectOut,
    TargetOut,
    measures_queryset,
    router,
    target_out,
)
from circularcities.planning.services import assess_targets, log_progress, target_create
from circularcities.planning.validation import check_model
from circularcities.web.api_support import Id, responses, with_etag

PREFIX = "/plans/"


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
    return [target_out(t, a[t.pk]) for t in targets]


@router.get("/targets/{target_id}", response=responses(TargetOut, 404))
def get_target(request, response: HttpResponse, target_id: Id):
    t = get_object_or_404(Target.objects.select_related("city", "area", "indicator", "programme"), pk=target_id)
    with_etag(response, t)
    return target_out(t, assess_targets([t])[t.pk])


@router.post("/targets", response=responses(TargetOut, 404, status=201, write=True), auth=write_auth)
def create_target(request, payload: TargetIn):
    city = get_object_or_404(City, slug=payload.city)
    require_plan(request.user, city)
    data = payload.dict(exclude={"city"})
    data["programme_indicator"] = data["programme_indicator"] or ""
    t = target_create(city=city, user=request.user, **data)
    t = Target.objects.select_related("city", "area", "indicator", "programme").get(pk=t.pk)
    return Status(201, target_out(t, assess_targets([t])[t.pk]))


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


@router.get("/measures", response=responses(list[MeasureOut]))
def list_measures(request, city: str | None = None, status: str | None = None):
    qs = measures_queryset()
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
    currency = rules.money_currency("currency", payload.currency, payload.budget)
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
    return Status(201, measures_queryset().get(pk=m.pk))


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
