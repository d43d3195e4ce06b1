"""API writes on the plans router: PATCH targets and measures, create and edit programmes and projects.

Same permission rules as the pages; every error is a sentence naming the field.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Schema
from ninja.responses import Status
from pydantic import Field

from circularcities.accounts.auth import write_auth
from circularcities.coalition.models import City, Partner, RStrategy, ThematicArea
from circularcities.core import rules
from circularcities.core.errors import ValidationError
from circularcities.core.planning import PROGRAMME_INDICATORS
from circularcities.planning.history import set_status
from circularcities.planning.models import Measure, Programme, Project, Target
from circularcities.planning.permissions import (
    require_edit_project_description,
    require_manage_programmes,
    require_plan,
    require_project_fields,
)
from circularcities.planning.programmes import set_goals, users_named
from circularcities.planning.schemas import (
    MeasureOut,
    ProjectOut,
    TargetOut,
    measures_queryset,
    router,
    target_out,
)
from circularcities.planning.services import assess_targets, target_update
from circularcities.planning.validation import check_model
from circularcities.web.api_support import Id, lock, responses, with_etag


def _period(start, end) -> None:
    if start and end and end < start:
        raise ValidationError("'end': expected a date on or after 'start'.")


def _area(slug):
    if not slug:
        return None
    area = ThematicArea.objects.filter(slug=slug).first()
    if area is None:
        raise ValidationError(f"'area': no thematic area {slug!r}.")
    return area


class TargetPatch(Schema):
    title_en: str | None = None
    title_zh: str | None = None
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
    title_en: str | None = Field(None, min_length=1)
    title_zh: str | None = None
    description_en: str | None = None
    description_zh: str | None = None
    area: str | None = None
    r_strategies: list[str] | None = None
    lead_name: str | None = None
    budget: float | None = None
    currency: str | None = None
    start: date | None = None
    end: date | None = None
    status: str | None = None
    targets: list[int] | None = None
    source: str | None = None


@router.patch("/measures/{measure_id}", response=responses(MeasureOut, 404, 412, write=True), auth=write_auth)
def patch_measure(request, response: HttpResponse, measure_id: Id, payload: MeasurePatch):
    with transaction.atomic():
        m = lock(request, Measure.objects.select_related("city"), pk=measure_id)
        require_plan(request.user, m.city)
        data = payload.model_dump(exclude_unset=True)
        status = data.pop("status", None)
        if status is not None and status not in Measure.Status.values:
            raise ValidationError(f"'status': expected one of {', '.join(Measure.Status.values)}; got {status!r}.")
        if "title_en" in data and not data["title_en"]:
            raise ValidationError("'title_en': expected a title.")
        strategies = data.pop("r_strategies", None)
        if strategies is not None:
            found = list(RStrategy.objects.filter(slug__in=strategies))
            if unknown := sorted(set(strategies) - {r.slug for r in found}):
                raise ValidationError(f"'r_strategies': unknown {', '.join(unknown)}.")
        target_ids = data.pop("targets", None)
        if target_ids is not None:
            targets = list(Target.objects.filter(city=m.city, pk__in=target_ids))
            if len(targets) != len(set(target_ids)):
                raise ValidationError(f"'targets': expected ids of targets of {m.city.name_en}; some are not.")
        if "area" in data:
            data["area"] = _area(data["area"])
        for key in ("code", "title_zh", "description_en", "description_zh", "lead_name", "source", "currency"):
            if key in data and data[key] is None:
                data[key] = ""
        budget = data.get("budget", m.budget)
        data["currency"] = rules.money_currency("currency", data.get("currency", m.currency), budget)
        _period(data.get("start", m.start), data.get("end", m.end))
        with transaction.atomic():
            for key, value in data.items():
                setattr(m, key, value)
            check_model(m, ("budget",))
            m.save()
            if strategies is not None:
                m.r_strategies.set(found)
            if target_ids is not None:
                m.targets.set(targets)
            if status is not None:
                set_status(m, status, request.user, via="api")
        with_etag(response, m)
        return measures_queryset().get(pk=m.pk)


class Goal(Schema):
    indicator: str
    year: int = Field(..., description=f"{rules.YEAR_MIN}..{rules.YEAR_MAX}")
    value: float = Field(..., description="0 or more")


class ProgrammeOut(Schema):
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
    name_en: str | None = Field(None, min_length=1)
    name_zh: str | None = None
    description_en: str | None = None
    description_zh: str | None = None
    funder: str | None = None
    budget: float | None = Field(None, ge=0)
    currency: str | None = None
    start: date | None = None
    end: date | None = None
    indicators: list[str] | None = None
    goals: list[Goal] | None = None
    source: str | None = None


class ProgrammeIn(ProgrammePatch):
    slug: str = Field(..., pattern=r"^[-a-z0-9_]+$")
    name_en: str = Field(..., min_length=1)


def _apply_programme(request, p: Programme, data: dict) -> Programme:
    if "city" in data:
        city = None
        if data["city"]:
            city = City.objects.filter(slug=data["city"]).first()
            if city is None:
                raise ValidationError(f"'city': no city {data['city']!r}.")
        require_manage_programmes(request.user, city)
        data["city"] = city
    goals = data.pop("goals", None)
    if "indicators" in data and data["indicators"] is None:
        data["indicators"] = []
    indicators = data.get("indicators", p.indicators or [])
    if unknown := [k for k in indicators if k not in PROGRAMME_INDICATORS]:
        raise ValidationError(f"'indicators': unknown {', '.join(unknown)}; expected among "
                              f"{', '.join(PROGRAMME_INDICATORS)}.")
    if goals is not None:
        if bad := sorted({g["indicator"] for g in goals} - set(indicators)):
            raise ValidationError(f"'goals': the programme does not track {', '.join(bad)}; add it to 'indicators'.")
        keys = [(g["indicator"], g["year"]) for g in goals]
        if len(keys) != len(set(keys)):
            raise ValidationError("'goals': an indicator and year are given twice.")
    for key in ("name_zh", "description_en", "description_zh", "funder", "source", "currency"):
        if key in data and data[key] is None:
            data[key] = ""
    data["currency"] = rules.money_currency("currency", data.get("currency", p.currency), data.get("budget", p.budget))
    _period(data.get("start", p.start), data.get("end", p.end))
    with transaction.atomic():
        for key, value in data.items():
            setattr(p, key, value)
        check_model(p, ("budget",))
        p.save()
        if goals is not None:
            set_goals(p, [(g["indicator"], g["year"], g["value"]) for g in goals])
    return p


@router.get("/programmes", response=responses(list[ProgrammeOut]))
def list_programmes(request):
    return list(Programme.objects.select_related("city").prefetch_related("goals"))


@router.post("/programmes", response=responses(ProgrammeOut, status=201, write=True), auth=write_auth)
def create_programme(request, payload: ProgrammeIn):
    data = payload.model_dump()
    if Programme.objects.filter(slug=data["slug"]).exists():
        raise ValidationError(f"'slug': a programme {data['slug']!r} already exists.")
    p = _apply_programme(request, Programme(slug=data.pop("slug")), data)
    return Status(201, p)


@router.patch("/programmes/{slug}", response=responses(ProgrammeOut, 404, 412, write=True), auth=write_auth)
def patch_programme(request, response: HttpResponse, slug: str, payload: ProgrammePatch):
    with transaction.atomic():
        p = lock(request, Programme.objects.select_related("city"), slug=slug)
        require_manage_programmes(request.user, p.city)
        data = payload.model_dump(exclude_unset=True)
        if "name_en" in data and not data["name_en"]:
            raise ValidationError("'name_en': expected a name.")
        p = _apply_programme(request, p, data)
        with_etag(response, p)
        return p


class ProjectPatch(Schema):
    title_en: str | None = Field(None, min_length=1)
    title_zh: str | None = None
    description_en: str | None = None
    description_zh: str | None = None
    organisation: str | None = Field(None, description="Partner slug.")
    owners: list[str] | None = Field(None, description="User names.")
    start: date | None = None
    end: date | None = None
    budget: float | None = Field(None, ge=0)
    currency: str | None = None
    reports_quarterly: bool | None = None
    source: str | None = None


class ProjectIn(ProjectPatch):
    code: str = Field(..., pattern=r"^[-a-z0-9_]+$")
    title_en: str = Field(..., min_length=1)




def _apply_project(p: Project, data: dict) -> Project:
    owners = data.pop("owners", None)
    users = users_named(owners) if owners is not None else None
    if "organisation" in data:
        slug = data["organisation"]
        data["organisation"] = Partner.objects.filter(slug=slug).first() if slug else None
        if slug and data["organisation"] is None:
            raise ValidationError(f"'organisation': no organisation {slug!r}.")
    if "budget" in data:
        data["grant"] = data.pop("budget")
    for key in ("title_zh", "description_en", "description_zh", "source", "currency"):
        if key in data and data[key] is None:
            data[key] = ""
    if "reports_quarterly" in data and data["reports_quarterly"] is None:
        data.pop("reports_quarterly")
    data["currency"] = rules.money_currency("currency", data.get("currency", p.currency), data.get("grant", p.grant))
    _period(data.get("start", p.start), data.get("end", p.end))
    with transaction.atomic():
        for key, value in data.items():
            setattr(p, key, value)
        check_model(p, ("grant",), rename={"grant": "budget"})
        p.save()
        if users is not None:
            p.owners.set(users)
    return p


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


@router.post("/programmes/{slug}/projects", response=responses(ProjectFullOut, 404, status=201, write=True), auth=write_auth)
def create_project(request, slug: str, payload: ProjectIn):
    programme = get_object_or_404(Programme.objects.select_related("city"), slug=slug)
    require_manage_programmes(request.user, programme.city)
    data = payload.model_dump()
    if Project.objects.filter(code=data["code"]).exists():
        raise ValidationError(f"'code': a project {data['code']!r} already exists.")
    p = _apply_project(Project(programme=programme, code=data.pop("code")), data)
    return Status(201, p)


@router.get("/projects/{code}", response=responses(ProjectFullOut, 404))
def get_project(request, response: HttpResponse, code: str):
    project = get_object_or_404(Project.objects.select_related("programme__city", "organisation"), code=code)
    with_etag(response, project)
    return project


@router.patch("/projects/{code}", response=responses(ProjectFullOut, 404, 412, write=True), auth=write_auth)
def patch_project(request, response: HttpResponse, code: str, payload: ProjectPatch):
    with transaction.atomic():
        p = lock(request, Project.objects.select_related("programme__city", "organisation"), code=code)
        require_edit_project_description(request.user, p)
        data = payload.model_dump(exclude_unset=True)
        require_project_fields(request.user, p, data)
        if "title_en" in data and not data["title_en"]:
            raise ValidationError("'title_en': expected a title.")
        p = _apply_project(p, data)
        with_etag(response, p)
        return p
