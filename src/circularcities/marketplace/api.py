"""Marketplace API: listings, suggested partners, exchanges, programme metrics.

Reads are public. Writes need a session or a personal token, and then the
same rules as the pages: a business changes its own organisation's listings;
an exchange is recorded by the offering organisation or the secretariat.
Units: tonnes, km, kg CO2e, ISO 4217 currencies, WGS84.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema, Status
from pydantic import Field

from circularcities.accounts.auth import write_auth
from circularcities.coalition.models import City, Partner
from circularcities.core.errors import ValidationError
from circularcities.marketplace.matching import DEFAULT_MAX_KM, suggest
from circularcities.marketplace.metrics import compute_metrics
from circularcities.marketplace.models import Exchange, Listing
from circularcities.marketplace.services import record_exchange, save_listing
from circularcities.marketplace.views.listings import filter_listings
from circularcities.web.api_support import Id, lock, responses, with_etag

router = Router(tags=["marketplace"])


class ListingOut(Schema):
    id: int
    kind: str
    title_en: str
    title_zh: str
    material: str
    material_label: str
    hazardous: bool
    quantity: float
    unit: str
    quantity_t: float
    remaining_t: float
    density_t_per_m3: float | None
    density_source: str
    frequency: str
    route: str
    lat: float
    lon: float
    is_free: bool
    price: float | None
    currency: str
    avoided_cost_per_t: float | None
    available_from: dt.date | None
    available_until: dt.date | None
    organisation: str | None
    status: str
    description: str
    is_demo: bool

    @staticmethod
    def resolve_material(obj):
        return obj.material_code

    @staticmethod
    def resolve_organisation(obj):
        return obj.organisation.slug if obj.organisation_id else None


class ListingIn(Schema):
    kind: str = Field(..., description="offer, want or share")
    title_en: str = Field("", max_length=200)
    title_zh: str = Field("", max_length=200)
    material: str = Field(..., description="EU List of Waste code (e.g. '17 01 01') or product category slug")
    quantity: Decimal = Field(..., gt=0)
    unit: str = Field("t", description="t, m3 or pcs")
    mass_per_piece_kg: float | None = Field(None, gt=0)
    density_t_per_m3: float | None = Field(None, gt=0, description="For m3; empty uses a labelled default")
    frequency: str = "once"
    route: str = "reuse"
    lat: float | None = Field(None, description="-90..90 (WGS84)")
    lon: float | None = Field(None, description="-180..180 (WGS84)")
    use_organisation_location: bool = False
    is_free: bool = False
    price: Decimal | None = Field(None, ge=0)
    currency: str = ""
    avoided_cost_per_t: Decimal | None = Field(None, ge=0)
    available_from: dt.date | None = None
    available_until: dt.date | None = None
    description: str = ""
    organisation: str | None = Field(None, description="Partner slug (secretariat only)")


class ListingPatch(Schema):
    title_en: str | None = None
    title_zh: str | None = None
    material: str | None = None
    quantity: Decimal | None = Field(None, gt=0)
    unit: str | None = None
    mass_per_piece_kg: float | None = Field(None, gt=0)
    density_t_per_m3: float | None = Field(None, gt=0)
    frequency: str | None = None
    route: str | None = None
    lat: float | None = Field(None, description="-90..90 (WGS84)")
    lon: float | None = Field(None, description="-180..180 (WGS84)")
    is_free: bool | None = None
    price: Decimal | None = Field(None, ge=0)
    currency: str | None = None
    avoided_cost_per_t: Decimal | None = Field(None, ge=0)
    available_from: dt.date | None = None
    available_until: dt.date | None = None
    description: str | None = None


class ListingFilters(Schema):
    kind: str | None = None
    material: str | None = None
    chapter: str | None = None
    hazardous: str | None = Field(None, description="yes or no")
    organisation: str | None = None
    status: str | None = Field(None, description="a status, or 'all'; default open listings")
    q: str | None = None
    lat: float | None = None
    lon: float | None = None
    km: float | None = None


class FactorOut(Schema):
    role: str
    sign: int
    value: float
    unit: str
    source: str
    year: int
    factor_id: str
    material: str
    proxy: bool


class SuggestionOut(Schema):
    offer: int
    want: int
    partner: int
    partner_organisation: str | None
    quantity_t: float
    distance_km: float
    tonne_km: float
    kg_co2e_avoided: float | None
    co2e_status: str
    factors: list[FactorOut]
    money_saved: float | None
    currency: str | None
    explain: str


class ExchangeOut(Schema):
    id: int
    offer: int | None
    want: int | None
    giver: str
    receiver: str
    material: str
    quantity_t: float
    items: int | None
    value: float
    currency: str
    disposal_cost_avoided: float
    purchase_cost_avoided: float
    value_created: float
    end_use: str
    date: dt.date
    distance_km: float | None
    route: str
    factor_set: str
    co2e_status: str
    kg_co2e_avoided: float | None
    factors: list[dict]
    weight: float
    is_demo: bool

    @staticmethod
    def resolve_offer(obj):
        return obj.offer_id

    @staticmethod
    def resolve_want(obj):
        return obj.want_id

    @staticmethod
    def resolve_giver(obj):
        return obj.giver.slug if obj.giver_id else obj.giver_name

    @staticmethod
    def resolve_receiver(obj):
        return obj.receiver.slug if obj.receiver_id else obj.receiver_name

    @staticmethod
    def resolve_material(obj):
        return obj.material_code


class ExchangeIn(Schema):
    offer: int
    quantity_t: Decimal = Field(..., gt=0)
    want: int | None = None
    receiver: str | None = Field(None, description="Partner slug")
    receiver_name: str = ""
    items: int | None = Field(None, ge=0)
    value: Decimal | None = Field(None, ge=0)
    currency: str = ""
    disposal_cost_avoided: Decimal | None = Field(None, ge=0)
    purchase_cost_avoided: Decimal | None = Field(None, ge=0)
    end_use: str = ""
    date: dt.date | None = None


class MetricsOut(Schema):
    city: str | None
    participants: int
    organisations: int
    residents: int
    exchanges: int
    tonnes_diverted: float
    kg_co2e_avoided: float
    exchanges_without_complete_co2e: int
    weighted_value: float
    items_shared: int
    value_created: dict[str, float]
    months: list[dict]
    available_by_material: list[list]
    wanted_by_material: list[list]


def _partner(slug: str | None, field: str):
    if not slug:
        return None
    found = Partner.objects.filter(slug=slug).first()
    if found is None:
        raise ValidationError(f"Field '{field}': no organisation '{slug}'.")
    return found


@router.get("/listings", response=responses(list[ListingOut]))
def list_listings(request, filters: Query[ListingFilters]):
    params = {k: ("" if v is None else str(v)) for k, v in filters.dict().items()}
    rows, _f, errors = filter_listings(params)
    if errors:
        raise ValidationError(errors[0])
    return list(rows[:500]) if not isinstance(rows, list) else rows[:500]


@router.get("/listings/{listing_id}", response=responses(ListingOut, 404))
def get_listing(request, response: HttpResponse, listing_id: Id):
    listing = get_object_or_404(Listing, pk=listing_id)
    with_etag(response, listing)
    return listing


@router.post("/listings", response=responses(ListingOut, status=201, write=True), auth=write_auth)
def create_listing(request, payload: ListingIn):
    data = payload.dict()
    data["organisation"] = _partner(data.get("organisation"), "organisation")
    return Status(201, save_listing(request.user, data))


@router.patch("/listings/{listing_id}", response=responses(ListingOut, 404, 412, write=True), auth=write_auth)
def update_listing(request, response: HttpResponse, listing_id: Id, payload: ListingPatch):
    from circularcities.marketplace.forms import ListingForm

    with transaction.atomic():

        listing = lock(request, Listing.objects.all(), pk=listing_id)
        data = ListingForm.initial_for(listing)
        data["use_organisation_location"] = False
        data.update(payload.dict(exclude_unset=True))
        listing = save_listing(request.user, data, listing)
        with_etag(response, listing)
        return listing


@router.get("/listings/{listing_id}/suggestions", response=responses(list[SuggestionOut], 404))
def suggestions(request, listing_id: Id, max_km: float | None = DEFAULT_MAX_KM, no_limit: bool = False):
    listing = get_object_or_404(Listing, pk=listing_id)
    if max_km is not None and max_km < 0:
        raise ValidationError("Field 'max_km': expected km of zero or more.")
    result = suggest(listing, None if no_limit else max_km)
    return [{"offer": s.offer.pk, "want": s.want.pk, "partner": s.partner.pk,
             "partner_organisation": (s.partner.organisation.slug if s.partner.organisation is not None
                                      else None),
             "quantity_t": s.quantity_t, "distance_km": s.distance_km, "tonne_km": s.tonne_km,
             "kg_co2e_avoided": s.kg_co2e_avoided, "co2e_status": s.co2e_status, "factors": s.factors,
             "money_saved": s.money_saved, "currency": s.currency, "explain": s.explain}
            for s in result.suggestions]


@router.get("/exchanges", response=responses(list[ExchangeOut]))
def list_exchanges(request, city: str | None = None, organisation: str | None = None):
    qs = Exchange.objects.select_related("giver", "receiver")
    if city:
        qs = qs.filter(city__slug=city)
    if organisation:
        qs = qs.filter(giver__slug=organisation) | qs.filter(receiver__slug=organisation)
    return list(qs.order_by("-date", "-pk")[:1000])


@router.post("/exchanges", response=responses(ExchangeOut, status=201, write=True), auth=write_auth)
def create_exchange(request, payload: ExchangeIn):
    offer = Listing.objects.filter(pk=payload.offer).first()
    if offer is None:
        raise ValidationError(f"Field 'offer': no listing #{payload.offer}.")
    want = None
    if payload.want is not None:
        want = Listing.objects.filter(pk=payload.want).first()
        if want is None:
            raise ValidationError(f"Field 'want': no listing #{payload.want}.")
    ex = record_exchange(request.user, offer, payload.quantity_t, want=want,
                         receiver=_partner(payload.receiver, "receiver"),
                         receiver_name=payload.receiver_name, value=payload.value,
                         currency=payload.currency, disposal_cost_avoided=payload.disposal_cost_avoided,
                         purchase_cost_avoided=payload.purchase_cost_avoided, end_use=payload.end_use,
                         date=payload.date, items=payload.items)
    return Status(201, ex)


@router.get("/metrics", response=responses(MetricsOut, 404))
def metrics(request, city: str | None = None):
    c = get_object_or_404(City, slug=city) if city else None
    m = compute_metrics(c)
    return {"city": city, "participants": m.participants, "organisations": m.organisations,
            "residents": m.residents, "exchanges": m.n_exchanges, "tonnes_diverted": m.tonnes_diverted,
            "kg_co2e_avoided": m.kg_co2e_avoided, "exchanges_without_complete_co2e": m.n_co2e_incomplete,
            "weighted_value": m.weighted_t, "items_shared": m.items_shared,
            "value_created": m.value_created, "months": m.months,
            "available_by_material": [list(r) for r in m.available_by_material],
            "wanted_by_material": [list(r) for r in m.wanted_by_material]}
