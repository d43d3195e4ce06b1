from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from pydantic import Field

from circularcities.accounts.permissions import can_edit_city
from circularcities.coalition.models import City, Event, Partner, ThematicArea, WorkingGroup
from circularcities.coalition.services import set_focal_areas
from circularcities.core.errors import ValidationError
from circularcities.web.api import write_auth

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
        return round(obj.density, 1) if obj.density else None

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


class FocalAreasIn(Schema):
    areas: list[str] = Field(..., description="Slugs of at most three thematic areas.")


@router.get("/areas", response=list[AreaOut])
def list_areas(request):
    return ThematicArea.objects.all()


@router.get("/cities", response=list[CityOut])
def list_cities(request, status: str | None = None, country: str | None = None):
    qs = City.objects.prefetch_related("focal_areas__area")
    if status:
        qs = qs.filter(status=status)
    if country:
        qs = qs.filter(country__iexact=country)
    return qs


@router.get("/cities/{slug}", response=CityOut)
def get_city(request, slug: str):
    return get_object_or_404(City.objects.prefetch_related("focal_areas__area"), slug=slug)


@router.put("/cities/{slug}/focal-areas", response=CityOut, auth=write_auth)
def put_focal_areas(request, slug: str, payload: FocalAreasIn):
    city = get_object_or_404(City, slug=slug)
    if not can_edit_city(request.user, city):
        raise PermissionDenied(f"Only the editors of {city.name_en} or the secretariat can change its focal areas.")
    areas = list(ThematicArea.objects.filter(slug__in=payload.areas))
    unknown = sorted(set(payload.areas) - {a.slug for a in areas})
    if unknown:
        raise ValidationError(f"Field 'areas': unknown thematic area {unknown[0]!r}.")
    by_slug = {a.slug: a for a in areas}
    try:
        set_focal_areas(city, [by_slug[s] for s in payload.areas], user=request.user)
    except ValidationError as exc:
        raise ValidationError(f"Field 'areas': {exc}") from exc
    return get_object_or_404(City.objects.prefetch_related("focal_areas__area"), slug=slug)


@router.get("/partners", response=list[PartnerOut])
def list_partners(request, kind: str | None = None):
    qs = Partner.objects.all()
    return qs.filter(kind=kind) if kind else qs


@router.get("/working-groups", response=list[GroupOut])
def list_groups(request):
    return WorkingGroup.objects.select_related("area").prefetch_related("partners")


@router.get("/events", response=list[EventOut])
def list_events(request, kind: str | None = None):
    qs = Event.objects.select_related("working_group__area").prefetch_related("cities")
    return qs.filter(kind=kind) if kind else qs
