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
from circularcities.coalition.models import City
from circularcities.core.errors import ValidationError
from circularcities.core.planning import Quarter
from circularcities.planning.models import ProgressEntry, Project
from circularcities.planning.permissions import require_log_progress, require_plan
from circularcities.planning.schemas import (
    TRANSLATIONS_IN,
    MeasureOut,
    ProjectOut,
    TargetOut,
    measures_queryset,
    router,
    target_out,
    targets_queryset,
)
from circularcities.planning.services import (
    assess_targets,
    log_progress,
    measure_create,
    target_create,
)
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
    translations: dict[str, dict[str, str]] | None = TRANSLATIONS_IN
    baseline_year: int
    baseline_value: float
    target_year: int
    target_value: float
    trajectory_points: list[list[float]] = []
    owner_name: str = ""
    source: str = ""


@router.get("/targets", response=responses(list[TargetOut]))
def list_targets(request, city: str | None = None):
    qs = targets_queryset()
    if city:
        qs = qs.filter(city__slug=city)
    targets = list(qs)
    a = assess_targets(targets)
    return [target_out(t, a[t.pk]) for t in targets]


@router.get("/targets/{target_id}", response=responses(TargetOut, 404))
def get_target(request, response: HttpResponse, target_id: Id):
    t = get_object_or_404(targets_queryset(), pk=target_id)
    with_etag(response, t)
    return target_out(t, assess_targets([t])[t.pk])


@router.post("/targets", response=responses(TargetOut, 404, status=201, write=True), auth=write_auth)
def create_target(request, payload: TargetIn):
    city = get_object_or_404(City, slug=payload.city)
    require_plan(request.user, city)
    data = payload.dict(exclude={"city"})
    data["programme_indicator"] = data["programme_indicator"] or ""
    t = target_create(city=city, user=request.user, **data)
    t = targets_queryset().get(pk=t.pk)
    return Status(201, target_out(t, assess_targets([t])[t.pk]))


class MeasureIn(Schema):
    city: str
    title_en: str = Field("", description="Required (here or in translations.en.title).")
    title_zh: str = ""
    description_en: str = ""
    description_zh: str = ""
    translations: dict[str, dict[str, str]] | None = TRANSLATIONS_IN
    code: str = ""
    area: str | None = None
    r_strategies: list[str] = []
    lead_name: str = ""
    budget: float | None = Field(None, description="0 or more, in currency")
    currency: str = Field("", description="ISO 4217; required with a budget")
    start: date | None = None
    end: date | None = Field(None, description="on or after start")
    status: str = Field("not_started", description="not_started, started or completed")
    targets: list[int] = []
    source: str = ""


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
    city = get_object_or_404(City, slug=payload.city)
    require_plan(request.user, city)
    m = measure_create(city=city, user=request.user, via="api", **payload.dict(exclude={"city"}))
    return Status(201, measures_queryset().get(pk=m.pk))


@router.get("/projects", response=responses(list[ProjectOut]))
def list_projects(request, city: str | None = None):
    qs = Project.objects.select_related("programme__city", "organisation").prefetch_related("translations")
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
    value: float = Field(..., description="0 or more, at most 1e15")
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
