from __future__ import annotations

from datetime import date

from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from pydantic import Field

from circularcities.accounts.auth import write_auth
from circularcities.coalition.models import City, Event, Partner, ThematicArea, WorkingGroup
from circularcities.coalition.permissions import require_add_event, require_edit_city
from circularcities.coalition.services import city_update, set_focal_areas
from circularcities.core import rules
from circularcities.core.errors import ValidationError
from circularcities.core.rules import FieldError
from circularcities.web.api_support import finite, lock, responses, with_etag

PREFIX = "/"
router = Router(tags=["coalition"])


class AreaOut(Schema):
    slug: str
    name_en: str
    name_zh: str
    description_en: str
    description_zh: str


class CityOut(Schema):
    slug: str
    name_en: str
    name_zh: str
    country: str
    region: str
    status: str
    population: int | None
    population_year: int | None
    gdp: float | None
    gdp_currency: str
    gdp_year: int | None
    area_km2: float | None
    density_per_km2: float | None
    lat: float | None
    lon: float | None
    member_since: date | None
    focal_areas: list[str]
    estimated_fields: list[str]

    @staticmethod
    def resolve_focal_areas(obj):
        return [f.area.slug for f in obj.focal_areas.all()]

    @staticmethod
    def resolve_density_per_km2(obj):
        return finite(round(obj.density, 1)) if obj.density else None

    @staticmethod
    def resolve_gdp(obj):
        return float(obj.gdp) if obj.gdp is not None else None


class PartnerOut(Schema):
    slug: str
    name_en: str
    name_zh: str
    kind: str
    country: str


class GroupOut(Schema):
    area: str
    name_en: str
    name_zh: str
    cities: list[str]
    partners: list[str]

    @staticmethod
    def resolve_area(obj):
        return obj.area.slug

    @staticmethod
    def resolve_name_en(obj):
        return obj.area.name_en

    @staticmethod
    def resolve_name_zh(obj):
        return obj.area.name_zh

    @staticmethod
    def resolve_cities(obj):
        return [c.slug for c in obj.cities()]

    @staticmethod
    def resolve_partners(obj):
        return [p.slug for p in obj.partners.all()]


class EventOut(Schema):
    slug: str
    kind: str
    title_en: str
    title_zh: str
    date: date
    place_en: str
    place_zh: str
    area: str | None
    cities: list[str]
    is_demo: bool

    @staticmethod
    def resolve_area(obj):
        return obj.working_group.area.slug if obj.working_group else None

    @staticmethod
    def resolve_cities(obj):
        return [c.slug for c in obj.cities.all()]


class CityPatch(Schema):
    """Fields a city editor may change; omitted fields stay as they are."""

    name_en: str | None = Field(None, max_length=120)
    name_zh: str | None = Field(None, max_length=120)
    population: int | None = Field(None, description=f"0..{rules.MAX_POPULATION:,}")
    population_year: int | None = Field(None, description=f"{rules.YEAR_MIN}..{rules.YEAR_MAX}")
    gdp: float | None = Field(None, description=f"0..{rules.MAX_GDP:g}, in gdp_currency")
    gdp_currency: str | None = Field(None, description="ISO 4217")
    gdp_year: int | None = Field(None, description=f"{rules.YEAR_MIN}..{rules.YEAR_MAX}")
    area_km2: float | None = Field(None, description=f"above 0, at most {rules.MAX_AREA_KM2:,.0f}")
    lat: float | None = Field(None, description="-90..90 (WGS84)")
    lon: float | None = Field(None, description="-180..180 (WGS84)")
    profile_en: str | None = None
    profile_zh: str | None = None


class EventIn(Schema):
    slug: str = Field(..., pattern=r"^[a-z0-9-]+$", max_length=50)
    kind: str = Field(..., description="workshop, annual-forum, study-tour or training")
    title_en: str = Field(..., min_length=1, max_length=200)
    title_zh: str = Field(..., min_length=1, max_length=200)
    date: date
    place_en: str = ""
    place_zh: str = ""
    area: str | None = None
    cities: list[str] = []
    agenda_en: str = ""
    agenda_zh: str = ""
    outcomes_en: str = ""
    outcomes_zh: str = ""


class FocalAreasIn(Schema):
    areas: list[str] = Field(..., description="Slugs of at most three thematic areas.")


@router.get("/areas", response=responses(list[AreaOut]))
def list_areas(request):
    return ThematicArea.objects.prefetch_related("translations")


@router.get("/cities", response=responses(list[CityOut]))
def list_cities(request, status: str | None = None, country: str | None = None):
    qs = City.objects.prefetch_related("translations", "focal_areas__area")
    if status:
        qs = qs.filter(status=status)
    if country:
        qs = qs.filter(country__iexact=country)
    return qs


@router.get("/cities/{slug}", response=responses(CityOut, 404))
def get_city(request, response: HttpResponse, slug: str):
    city = get_object_or_404(City.objects.prefetch_related("translations", "focal_areas__area"), slug=slug)
    with_etag(response, city)
    return city


@router.put("/cities/{slug}/focal-areas", response=responses(CityOut, 404, write=True), auth=write_auth)
def put_focal_areas(request, slug: str, payload: FocalAreasIn):
    city = get_object_or_404(City, slug=slug)
    require_edit_city(request.user, city)
    areas = list(ThematicArea.objects.filter(slug__in=payload.areas))
    unknown = sorted(set(payload.areas) - {a.slug for a in areas})
    if unknown:
        raise ValidationError(f"Field 'areas': unknown thematic area {unknown[0]!r}.")
    by_slug = {a.slug: a for a in areas}
    try:
        set_focal_areas(city, [by_slug[s] for s in payload.areas], user=request.user)
    except ValidationError as exc:
        raise ValidationError(f"Field 'areas': {exc}") from exc
    return get_object_or_404(City.objects.prefetch_related("translations", "focal_areas__area"), slug=slug)


@router.patch("/cities/{slug}", response=responses(CityOut, 404, 412, write=True), auth=write_auth)
def patch_city(request, response: HttpResponse, slug: str, payload: CityPatch):
    """Change the fields sent, and only those. Send ``If-Match: <ETag>`` to refuse (412) if changed meanwhile."""
    with transaction.atomic():
        city = lock(request, City.objects.all(), slug=slug)
        require_edit_city(request.user, city)
        city_update(city=city, user=request.user, **payload.dict(exclude_unset=True))
    city = get_object_or_404(City.objects.prefetch_related("translations", "focal_areas__area"), slug=slug)
    with_etag(response, city)
    return city


@router.post("/events", response=responses(EventOut, status=201, write=True), auth=write_auth)
def create_event(request, payload: EventIn):
    from circularcities.coalition.events import event_save

    require_add_event(request.user)
    data = payload.dict()
    try:
        event = event_save(user=request.user, slug=data.pop("slug"), **data)
    except FieldError as exc:
        raise ValidationError(exc.full("en")) from exc
    return Status(201, event)


@router.get("/partners", response=responses(list[PartnerOut]))
def list_partners(request, kind: str | None = None):
    qs = Partner.objects.prefetch_related("translations")
    return qs.filter(kind=kind) if kind else qs


@router.get("/working-groups", response=responses(list[GroupOut]))
def list_groups(request):
    return WorkingGroup.objects.select_related("area").prefetch_related("area__translations", "partners")


@router.get("/events", response=responses(list[EventOut]))
def list_events(request, kind: str | None = None):
    qs = Event.objects.select_related("working_group__area").prefetch_related("translations", "cities")
    return qs.filter(kind=kind) if kind else qs
