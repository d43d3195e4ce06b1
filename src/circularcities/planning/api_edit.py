"""API writes on the plans router: PATCH targets and measures, create and edit programmes and projects.

Same permission rules as the pages and the same write path (``planning.services``):
every error is a sentence naming the field, the same as the form's and the import's.
A PATCH changes only the fields it sends.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Schema
from ninja.responses import Status
from pydantic import Field

from circularcities.accounts.auth import write_auth
from circularcities.coalition.models import City
from circularcities.core import rules
from circularcities.core.rules import FieldError
from circularcities.planning.models import Measure, Programme, Project, Target
from circularcities.planning.permissions import (
    require_edit_project_description,
    require_manage_programmes,
    require_plan,
    require_project_fields,
)
from circularcities.planning.schemas import (
    TRANSLATIONS_IN,
    MeasureOut,
    ProjectOut,
    TargetOut,
    Translated,
    measures_queryset,
    router,
    target_out,
)
from circularcities.planning.services import (
    assess_targets,
    measure_update,
    programme_create,
    programme_update,
    project_create,
    project_update,
    target_update,
    texts,
)
from circularcities.web.api_support import Id, lock, responses, with_etag


class TargetPatch(Schema):
    title_en: str | None = None
    title_zh: str | None = None
    translations: dict[str, dict[str, str]] | None = TRANSLATIONS_IN
    area: str | None = None
    baseline_year: int | None = None
    baseline_value: float | None = None
    target_year: int | None = None
    target_value: float | None = None
    trajectory_points: list[list[float]] | None = None
    owner_name: str | None = None
    source: str | None = None


@router.patch("/targets/{target_id}", response=responses(TargetOut, 404, 412, write=True), auth=write_auth)
def patch_target(request, response: HttpResponse, target_id: Id, payload: TargetPatch):
    with transaction.atomic():
        t = lock(request, Target.objects.select_related("city", "area", "indicator", "programme"), pk=target_id)
        require_plan(request.user, t.city)
        target_update(target=t, user=request.user, **payload.model_dump(exclude_unset=True))
        with_etag(response, t)
        return target_out(t, assess_targets([t])[t.pk])


class MeasurePatch(Schema):
    code: str | None = None
    title_en: str | None = None
    title_zh: str | None = None
    description_en: str | None = None
    description_zh: str | None = None
    translations: dict[str, dict[str, str]] | None = TRANSLATIONS_IN
    area: str | None = None
    r_strategies: list[str] | None = None
    lead_name: str | None = None
    budget: float | None = Field(None, description="0 or more, in currency")
    currency: str | None = Field(None, description="ISO 4217; required with a budget")
    start: date | None = None
    end: date | None = Field(None, description="on or after start")
    status: str | None = Field(None, description="not_started, started or completed")
    targets: list[int] | None = None
    source: str | None = None


@router.patch("/measures/{measure_id}", response=responses(MeasureOut, 404, 412, write=True), auth=write_auth)
def patch_measure(request, response: HttpResponse, measure_id: Id, payload: MeasurePatch):
    with transaction.atomic():
        m = lock(request, Measure.objects.select_related("city"), pk=measure_id)
        require_plan(request.user, m.city)
        measure_update(measure=m, user=request.user, via="api", **payload.model_dump(exclude_unset=True))
        with_etag(response, m)
        return measures_queryset().get(pk=m.pk)


class Goal(Schema):
    indicator: str
    year: int = Field(..., description=f"{rules.YEAR_MIN}..{rules.YEAR_MAX}")
    value: float = Field(..., description="0 or more")


class ProgrammeOut(Translated):
    slug: str
    city: str | None
    name_en: str
    name_zh: str
    description_en: str
    description_zh: str
    funder: str
    budget: float | None
    currency: str
    start: date | None
    end: date | None
    indicators: list[dict]
    goals: list[Goal]
    source: str

    @staticmethod
    def resolve_city(obj):
        return obj.city.slug if obj.city_id else None

    @staticmethod
    def resolve_budget(obj):
        return float(obj.budget) if obj.budget is not None else None

    @staticmethod
    def resolve_indicators(obj):
        return [{"key": t["key"], "unit": t["unit"]} for t in obj.tracked()]

    @staticmethod
    def resolve_goals(obj):
        return [{"indicator": g.indicator, "year": g.year, "value": g.value} for g in obj.goals.all()]


class ProgrammePatch(Schema):
    city: str | None = Field(None, description="City slug; null for a coalition-wide programme.")
    name_en: str | None = None
    name_zh: str | None = None
    description_en: str | None = None
    description_zh: str | None = None
    translations: dict[str, dict[str, str]] | None = TRANSLATIONS_IN
    funder: str | None = None
    budget: float | None = Field(None, description="0 or more, in currency")
    currency: str | None = Field(None, description="ISO 4217; required with a budget")
    start: date | None = None
    end: date | None = Field(None, description="on or after start")
    indicators: list[str] | None = None
    goals: list[Goal] | None = None
    source: str | None = None


class ProgrammeIn(ProgrammePatch):
    slug: str = Field(..., description="lower-case letters, digits and hyphens")
    name_en: str | None = Field(None, description="Required (here or in translations.en.name).")


def _programme_city(request, data: dict) -> None:
    """Who manages a programme's (new) city: its editors or the secretariat."""
    if "city" in data:
        city = None
        if data["city"]:
            city = City.objects.filter(slug=data["city"]).first()
            if city is None:
                raise FieldError("city", _("No city %(slug)s.") % {"slug": repr(str(data["city"])[:60])})
        require_manage_programmes(request.user, city)
        data["city"] = city


def _programmes():
    return Programme.objects.select_related("city").prefetch_related("goals", "translations")


@router.get("/programmes", response=responses(list[ProgrammeOut]))
def list_programmes(request):
    return list(_programmes())


@router.post("/programmes", response=responses(ProgrammeOut, status=201, write=True), auth=write_auth)
def create_programme(request, payload: ProgrammeIn):
    data = payload.model_dump()
    data["city"] = data.get("city")
    _programme_city(request, data)
    p = programme_create(user=request.user, **data)
    return Status(201, _programmes().get(pk=p.pk))


@router.patch("/programmes/{slug}", response=responses(ProgrammeOut, 404, 412, write=True), auth=write_auth)
def patch_programme(request, response: HttpResponse, slug: str, payload: ProgrammePatch):
    with transaction.atomic():
        p = lock(request, Programme.objects.select_related("city"), slug=slug)
        require_manage_programmes(request.user, p.city)
        data = payload.model_dump(exclude_unset=True)
        _programme_city(request, data)
        programme_update(programme=p, user=request.user, **data)
        with_etag(response, p)
        return _programmes().get(pk=p.pk)


class ProjectPatch(Schema):
    title_en: str | None = None
    title_zh: str | None = None
    description_en: str | None = None
    description_zh: str | None = None
    translations: dict[str, dict[str, str]] | None = TRANSLATIONS_IN
    organisation: str | None = Field(None, description="Partner slug.")
    owners: list[str] | None = Field(None, description="User names.")
    start: date | None = None
    end: date | None = Field(None, description="on or after start")
    budget: float | None = Field(None, description="The grant: 0 or more, in currency")
    currency: str | None = Field(None, description="ISO 4217; required with a budget")
    reports_quarterly: bool | None = None
    source: str | None = None


class ProjectIn(ProjectPatch):
    code: str = Field(..., description="lower-case letters, digits and hyphens")
    title_en: str | None = Field(None, description="Required (here or in translations.en.title).")


def _project_fields(data: dict) -> dict:
    """The API's names to the service's: ``budget`` is the project's grant; ``translations``
    become per-language fields (so the owners' permission sees which ones are changed)."""
    if "budget" in data:
        data["grant"] = data.pop("budget")
    data.update(texts(Project, data.pop("translations", None)))
    return data


class ProjectFullOut(ProjectOut):
    description_en: str
    description_zh: str
    owners: list[str]
    start: date | None
    end: date | None
    budget: float | None
    currency: str
    reports_quarterly: bool

    @staticmethod
    def resolve_owners(obj):
        return [u.username for u in obj.owners.all()]

    @staticmethod
    def resolve_budget(obj):
        return float(obj.grant) if obj.grant is not None else None


def _projects():
    return Project.objects.select_related("programme__city", "organisation").prefetch_related("translations",
                                                                                              "owners")


@router.post("/programmes/{slug}/projects", response=responses(ProjectFullOut, 404, status=201, write=True), auth=write_auth)
def create_project(request, slug: str, payload: ProjectIn):
    programme = get_object_or_404(Programme.objects.select_related("city"), slug=slug)
    require_manage_programmes(request.user, programme.city)
    p = project_create(programme=programme, user=request.user, **_project_fields(payload.model_dump()))
    return Status(201, _projects().get(pk=p.pk))


@router.get("/projects/{code}", response=responses(ProjectFullOut, 404))
def get_project(request, response: HttpResponse, code: str):
    project = get_object_or_404(_projects(), code=code)
    with_etag(response, project)
    return project


@router.patch("/projects/{code}", response=responses(ProjectFullOut, 404, 412, write=True), auth=write_auth)
def patch_project(request, response: HttpResponse, code: str, payload: ProjectPatch):
    with transaction.atomic():
        p = lock(request, Project.objects.select_related("programme__city", "organisation"), code=code)
        require_edit_project_description(request.user, p)
        data = _project_fields(payload.model_dump(exclude_unset=True))
        require_project_fields(request.user, p, data)
        project_update(project=p, user=request.user, **data)
        with_etag(response, p)
        return _projects().get(pk=p.pk)
