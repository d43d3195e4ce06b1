"""JSON API of buildings: passports with their circularity score, registering a
building, partial updates, and components.

Reads show published passports (and, to a city's members, its drafts); writes
need a session or token and the same permissions as the pages.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema
from ninja.responses import Status
from pydantic import Field

from circularcities.accounts.auth import write_auth
from circularcities.buildings import services
from circularcities.buildings.models import Building
from circularcities.buildings.permissions import can_view_building, visible_buildings
from circularcities.buildings.reads import passport_of
from circularcities.coalition.models import City
from circularcities.web.api_support import Id, lock, responses, with_etag
from circularcities.web.translated import translated

router = Router(tags=["buildings"])
PREFIX = "/buildings/"


class MciOut(Schema):
    id: str
    mass_kg: float
    virgin_kg: float
    waste_direct_kg: float
    waste_collection_kg: float
    waste_feedstock_kg: float
    waste_kg: float
    lfi: float
    utility: float
    utility_factor: float
    mci: float


class BuildingOut(Schema):
    id: int
    name: str
    city: str
    address: str
    lat: float | None
    lon: float | None
    use: str
    floor_area_m2: float | None
    year_built: int | None
    design_life_years: int | None
    planned_end_of_use: dt.date | None
    published: bool
    source: str


class PassportOut(BuildingOut):
    mass_kg: float
    mass_unknown: list[str]
    materials: list[tuple[str, float]]
    reusable_kg: float
    recyclable_kg: float
    biological_kg: float
    lost_kg: float
    end_of_use_unknown_kg: float
    detachability: float | None
    take_back_kg: float
    residual_value: dict[str, float]
    mci: float | None = Field(None, description="Mass-weighted Material Circularity Indicator.")
    components: list[MciOut]
    mci_missing: list[str]
    quality: dict[str, dict[str, float]]


def _out(b: Building) -> dict:
    return {"id": b.pk, "name": translated(b, "name").text, "city": b.city.slug,
            "address": b.address, "lat": b.lat, "lon": b.lon, "use": b.use,
            "floor_area_m2": b.floor_area_m2, "year_built": b.year_built,
            "design_life_years": b.design_life_years, "planned_end_of_use": b.planned_end_of_use,
            "published": b.published, "source": b.source}


def _passport(b: Building) -> dict:
    p = passport_of(b)
    return {**_out(b), "mass_kg": p.mass_kg, "mass_unknown": p.mass_unknown,
            "materials": p.materials, "reusable_kg": p.reusable_kg, "recyclable_kg": p.recyclable_kg,
            "biological_kg": p.biological_kg,
            "lost_kg": p.lost_kg, "end_of_use_unknown_kg": p.end_of_use_unknown_kg,
            "detachability": p.detachability, "take_back_kg": p.take_back_kg,
            "residual_value": p.residual_value, "mci": p.mci.mci if p.mci else None,
            "components": [r.as_dict() for r in p.mci_by_part.values()],
            "mci_missing": p.mci_missing, "quality": p.quality}


def _visible(request, pk: int) -> Building:
    b = get_object_or_404(Building.objects.select_related("city"), pk=pk)
    if not can_view_building(request.user, b):
        raise Http404("No building matches the given query.")
    return b


@router.get("", response=responses(list[BuildingOut]))
def list_buildings(request, city: str | None = None):
    qs = visible_buildings(request.user).prefetch_related("translations")
    if city:
        qs = qs.filter(city__slug=city)
    return [_out(b) for b in qs]


class YearOut(Schema):
    year: int
    material: str
    tonnes: float


class AvailabilityOut(Schema):
    id: int
    name: str
    lat: float
    lon: float
    url: str
    rows: list[YearOut]


@router.get("/availability", response=responses(list[AvailabilityOut], 404))
def availability(request, city: Annotated[str, Query(max_length=60)],
                 horizon_years: Annotated[int, Query(ge=1, le=50)] = 20):
    """Reusable tonnes by year and material coming free in the city's visible buildings."""
    from django.utils import timezone

    from circularcities.buildings.bank import city_availability

    c = get_object_or_404(City, slug=city)
    return city_availability(request.user, c, today=timezone.localdate(), horizon_years=horizon_years)


@router.get("/{building_id}", response=responses(PassportOut, 404))
def get_building(request, response: HttpResponse, building_id: Id):
    b = _visible(request, building_id)
    with_etag(response, b)
    return _passport(b)


class BuildingIn(Schema):
    city: str = Field(..., max_length=60)
    name: str = Field(..., max_length=200)
    description: str = Field("", max_length=20000)
    address: str = Field("", max_length=300)
    lat: float | None = None
    lon: float | None = None
    use: str = "civic"
    floor_area_m2: float | None = None
    year_built: int | None = None
    design_life_years: int | None = None
    planned_end_of_use: dt.date | None = None
    published: bool = False
    source: str = Field("", max_length=400)


class BuildingPatch(Schema):
    name: str | None = Field(None, min_length=1, max_length=200)
    description: str | None = Field(None, max_length=20000)
    address: str | None = Field(None, max_length=300)
    lat: float | None = None
    lon: float | None = None
    use: str | None = None
    floor_area_m2: float | None = None
    year_built: int | None = None
    design_life_years: int | None = None
    planned_end_of_use: dt.date | None = None
    published: bool | None = None
    source: str | None = Field(None, max_length=400)


@router.post("", response=responses(PassportOut, 404, status=201, write=True), auth=write_auth)
def create_building(request, payload: BuildingIn):
    city = get_object_or_404(City, slug=payload.city)
    b = services.save_building(request.user, data=payload.model_dump(exclude={"city"}), city=city)
    return Status(201, _passport(b))


@router.patch("/{building_id}", response=responses(PassportOut, 404, 412, write=True),
              auth=write_auth)
def patch_building(request, response: HttpResponse, building_id: Id, payload: BuildingPatch):
    with transaction.atomic():
        b = lock(request, Building.objects.select_related("city"), pk=building_id)
        services.save_building(request.user, data=payload.model_dump(exclude_unset=True), building=b)
    with_etag(response, b)
    return _passport(b)


class MaterialIn(Schema):
    material: str = Field(..., max_length=120)
    mass_kg: float | None = None
    waste_code: str = Field("", max_length=12)


class ComponentIn(Schema):
    reference: str = Field(..., max_length=100)
    name: str = Field("", max_length=200)
    classification: str = Field("", max_length=100)
    count: int = Field(1, ge=1, le=10_000_000)
    materials: list[MaterialIn] = Field(default_factory=list, max_length=50)
    connection: str = ""
    accessibility: str = ""
    reusable_share: float | None = None
    recyclable_share: float | None = None
    composted_share: float | None = None
    energy_share: float | None = None
    origin: str = ""
    lifetime_years: float | None = None
    reference_lifetime_years: float | None = None
    eff_collection: float | None = None
    eff_feedstock: float | None = None
    take_back_supplier: str = Field("", max_length=200)
    take_back_terms: str = Field("", max_length=400)
    take_back_until: dt.date | None = None
    residual_value: float | None = None
    currency: str = Field("", max_length=3)
    residual_value_date: dt.date | None = None
    end_of_use: dt.date | None = None
    quality: dict[str, str] = Field(default_factory=dict, max_length=20)


@router.put("/{building_id}/components", response=responses(PassportOut, 404, write=True),
            auth=write_auth)
def put_component(request, building_id: Id, payload: ComponentIn):
    """Create or replace one component (by its reference within the building)."""
    b = get_object_or_404(Building.objects.select_related("city"), pk=building_id)
    services.save_component(request.user, b, data=payload.model_dump())
    return _passport(b)
