"""Industrial parks in the marketplace API: parks with their facilities, exchanges and
Sankey; the registry against China's targets; and the writes a park's managers make
(the same rules as the pages, through parks_services). Added to the marketplace router by ``api.py``.

Units: annual quantities in the flow's unit (t, kg, m3, MWh, kWh, GJ, t CO2e); values
in an ISO 4217 currency of a stated year; coordinates WGS84.
"""

from __future__ import annotations

from django.db import transaction
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from pydantic import Field

from circularcities.accounts.auth import write_auth
from circularcities.coalition.models import City
from circularcities.core.errors import ValidationError
from circularcities.marketplace.models import Facility, Flow, Park
from circularcities.marketplace.parks_registry import registry
from circularcities.marketplace.services import (
    add_park_manager,
    save_facility,
    save_flow,
    save_park,
)
from circularcities.marketplace.views.parks import sankey
from circularcities.web.api_support import Id, responses
from circularcities.web.content import LEGACY_SUFFIXES
from circularcities.web.translated import translated

router = Router(tags=["marketplace"])


class ParkFacilityOut(Schema):
    slug: str
    name: str
    kind: str
    lat: float | None
    lon: float | None
    inside_park: bool


class ParkFlowValueOut(Schema):
    amount: float
    currency: str
    year: int | None
    per_year: bool
    basis_en: str
    basis_zh: str
    basis_ja: str
    basis_ko: str
    source: str


class ParkFlowOut(Schema):
    id: int
    source: str
    target: str
    kind: str
    name_en: str
    name_zh: str
    name_ja: str
    name_ko: str
    material_code: str
    annual_quantity: float | None
    unit: str
    values: list[ParkFlowValueOut]


class ParkOut(Schema):
    slug: str
    name: str
    description: str
    notes: str
    city: str | None
    lat: float
    lon: float
    radius_km: float
    level: str
    applies_symbiosis: bool | None
    level_source: str
    sources: list[str]
    is_demo: bool


class ParkSankeyLinksOut(Schema):
    source: list[int]
    target: list[int]
    value: list[float]
    label: list[str]
    kind: list[str]


class ParkSankeyOut(Schema):
    node_labels: list[str]
    links: ParkSankeyLinksOut
    mode: str
    note: str


class ParkDetailOut(ParkOut):
    facilities: list[ParkFacilityOut]
    flows: list[ParkFlowOut]
    sankey: ParkSankeyOut


class ParkRegistryRowOut(Schema):
    level: str
    parks: int
    applying: int
    unknown: int
    share: float | None = Field(None, description="% of registered parks of the level applying symbiosis")
    target: float | None = Field(None, description="national target share, %")
    target_year: int | None
    gap: float | None = Field(None, description="target - share, percentage points")


class ParkRegistryOut(Schema):
    rows: list[ParkRegistryRowOut]
    registered: int
    applying: int
    parks_supported: int
    parks_supported_year: int
    source: str


class ParkIn(Schema):
    language: str | None = Field(None, description="language of the text fields; default en")
    name: str | None = None
    description: str | None = None
    notes: str | None = None
    coordinates_note: str | None = None
    city: str | None = Field(None, description="city slug (on creation)")
    lat: float | None = Field(None, description="-90..90 (WGS84)")
    lon: float | None = Field(None, description="-180..180 (WGS84)")
    radius_km: float | None = None
    level: str | None = Field(None, description="state, province, city or not_stated")
    applies_symbiosis: bool | None = None
    level_source: str | None = None


class ParkFacilityIn(Schema):
    language: str | None = None
    name: str | None = None
    kind: str | None = Field(None, description="plant, treatment, office, source or user")
    lat: float | None = None
    lon: float | None = None
    inside_park: bool | None = None


class ParkFlowIn(Schema):
    source: str | None = Field(None, description="facility slug")
    target: str | None = Field(None, description="facility slug")
    kind: str | None = Field(None, description="material or energy")
    name_en: str | None = Field(None, max_length=200, description="Required on creation; shown where a language has none")
    name_zh: str | None = Field(None, max_length=200)
    name_ja: str | None = Field(None, max_length=200)
    name_ko: str | None = Field(None, max_length=200)
    material_code: str | None = None
    annual_quantity: float | None = None
    unit: str | None = None
    value: float | None = Field(None, description="economic value per year")
    currency: str | None = None
    value_year: int | None = None


class ParkManagerIn(Schema):
    username: str = Field(..., max_length=150)


class ParkManagersOut(Schema):
    managers: list[str]


def _facility_out(f: Facility) -> dict:
    return {"slug": f.slug, "name": translated(f, "name").text, "kind": f.kind, "lat": f.lat, "lon": f.lon,
            "inside_park": f.inside_park}


def _flow_out(fl: Flow) -> dict:
    return {"id": fl.pk, "source": fl.source.slug, "target": fl.target.slug, "kind": fl.kind,
            **{f"name_{sfx}": getattr(fl, f"name_{sfx}") for sfx in LEGACY_SUFFIXES},
            "material_code": fl.material_code, "annual_quantity": fl.annual_quantity, "unit": fl.unit,
            "values": [{"amount": float(v.amount), "currency": v.currency, "year": v.year, "per_year": v.per_year,
                        **{f"basis_{sfx}": getattr(v, f"basis_{sfx}") for sfx in LEGACY_SUFFIXES},
                        "source": v.source} for v in fl.values.all()]}


def _flows(park: Park):
    """The park's flows with their values, every translation prefetched."""
    return (park.flows.select_related("source", "target")
            .prefetch_related("translations", "values", "values__translations"))


def _park_out(p: Park) -> dict:
    return {"slug": p.slug, "name": translated(p, "name").text, "description": translated(p, "description").text,
            "notes": translated(p, "notes").text, "city": p.city.slug if p.city is not None else None, "lat": p.lat,
            "lon": p.lon, "radius_km": p.radius_km, "level": p.level, "applies_symbiosis": p.applies_symbiosis,
            "level_source": p.level_source, "sources": list(p.sources or []), "is_demo": p.is_demo}


def _detail(p: Park) -> dict:
    return {**_park_out(p), "facilities": [_facility_out(f) for f in p.facilities.prefetch_related("translations")],
            "flows": [_flow_out(fl) for fl in _flows(p)],
            "sankey": sankey(p)}


def _park(slug: str) -> Park:
    return get_object_or_404(Park.objects.select_related("city"), slug=slug)


@router.get("/parks", response=responses(list[ParkOut]))
def list_parks(request):
    return [_park_out(p) for p in Park.objects.select_related("city").prefetch_related("translations")]


@router.get("/parks-registry", response=responses(ParkRegistryOut))
def park_registry(request):
    r = registry()
    return {"rows": r["rows"], "registered": r["registered"], "applying": r["applying"],
            "parks_supported": r["supported"], "parks_supported_year": r["supported_year"], "source": r["source"]}


@router.get("/parks/{slug}", response=responses(ParkDetailOut, 404))
def get_park(request, slug: str):
    return _detail(_park(slug))


@router.get("/parks/{slug}/sankey", response=responses(ParkSankeyOut, 404))
def park_sankey(request, slug: str):
    return sankey(_park(slug))


@router.post("/parks", response=responses(ParkDetailOut, status=201, write=True), auth=write_auth)
def create_park(request, payload: ParkIn):
    data = payload.dict(exclude_unset=True)
    slug = data.pop("city", None)
    city = None
    if slug:
        city = City.objects.filter(slug=slug).first()
        if city is None:
            raise ValidationError(f"Field 'city': no city '{slug[:80]}'.")
    data["city"] = city
    return Status(201, _detail(save_park(request.user, data)))


@router.patch("/parks/{slug}", response=responses(ParkDetailOut, 404, write=True), auth=write_auth)
def update_park(request, slug: str, payload: ParkIn):
    data = payload.dict(exclude_unset=True)
    if "city" in data:
        raise ValidationError("Field 'city': a park's city is set when it is created.")
    with transaction.atomic():
        park = _park(slug)
        return _detail(save_park(request.user, data, park))


@router.post("/parks/{slug}/managers", response=responses(ParkManagersOut, 404, status=201, write=True),
             auth=write_auth)
def name_manager(request, slug: str, payload: ParkManagerIn):
    park = _park(slug)
    add_park_manager(request.user, park, payload.username)
    return Status(201, {"managers": list(park.managers.order_by("username").values_list("username", flat=True))})


@router.post("/parks/{slug}/facilities", response=responses(ParkFacilityOut, 404, status=201, write=True),
             auth=write_auth)
def create_facility(request, slug: str, payload: ParkFacilityIn):
    f = save_facility(request.user, _park(slug), payload.dict(exclude_unset=True))
    return Status(201, _facility_out(f))


@router.patch("/parks/{slug}/facilities/{facility}", response=responses(ParkFacilityOut, 404, write=True),
              auth=write_auth)
def update_facility(request, slug: str, facility: str, payload: ParkFacilityIn):
    park = _park(slug)
    f = get_object_or_404(Facility, park=park, slug=facility)
    return _facility_out(save_facility(request.user, park, payload.dict(exclude_unset=True), f))


@router.post("/parks/{slug}/flows", response=responses(ParkFlowOut, 404, status=201, write=True), auth=write_auth)
def create_flow(request, slug: str, payload: ParkFlowIn):
    park = _park(slug)
    fl = save_flow(request.user, park, payload.dict(exclude_unset=True))
    return Status(201, _flow_out(_flows(park).get(pk=fl.pk)))


@router.patch("/parks/{slug}/flows/{flow_id}", response=responses(ParkFlowOut, 404, write=True), auth=write_auth)
def update_flow(request, slug: str, flow_id: Id, payload: ParkFlowIn):
    park = _park(slug)
    fl = get_object_or_404(Flow, park=park, pk=flow_id)
    save_flow(request.user, park, payload.dict(exclude_unset=True), fl)
    return _flow_out(_flows(park).get(pk=fl.pk))
