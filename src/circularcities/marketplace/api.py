"""Marketplace API: listings, suggested partners, deals, exchanges, programme metrics.

Reads are public. Writes need a session or a personal token, and then the
same rules as the pages: a business changes its own organisation's listings;
a deal is proposed by one organisation and accepted, countered or declined by the
other, and only an accepted deal becomes an exchange; an exchange with someone
outside the platform is recorded by the offering organisation or the secretariat.
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
from circularcities.marketplace.models import Exchange, Listing, Proposal
from circularcities.marketplace.permissions import require_view_proposal, side_of
from circularcities.marketplace.services import (
    accept_deal,
    counter_deal,
    decline_deal,
    propose_deal,
    record_exchange,
    save_listing,
    withdraw_deal,
    write_in_deal,
)
from circularcities.marketplace.views.listings import filter_listings
from circularcities.web.api_support import Id, lock, responses, with_etag

router = Router(tags=["marketplace"])


class ListingOut(Schema):
    id: int
    kind: str
    title_en: str
    title_zh: str
    title_ja: str
    title_ko: str
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
    title_en: str = Field(..., max_length=200, description="Required; the text shown where a language has none")
    title_zh: str = Field("", max_length=200)
    title_ja: str = Field("", max_length=200)
    title_ko: str = Field("", max_length=200)
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
    title_en: str | None = Field(None, max_length=200)
    title_zh: str | None = Field(None, max_length=200)
    title_ja: str | None = Field(None, max_length=200)
    title_ko: str | None = Field(None, max_length=200)
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


# --- deals ---------------------------------------------------------------------

class DealEventOut(Schema):
    kind: str
    side: str
    author: str | None
    text: str
    quantity_t: float | None
    value: float | None
    currency: str
    created_at: dt.datetime


class DealOut(Schema):
    id: int
    offer: int
    want: int | None
    giver: str | None
    receiver: str
    started_by: str
    turn: str = Field(description="The side that must answer the current terms: giver or receiver.")
    status: str
    quantity_t: float
    items: int | None
    value: float | None
    currency: str
    version: int
    exchange: int | None
    your_side: str | None
    events: list[DealEventOut]


class DealIn(Schema):
    offer: int
    want: int | None = None
    quantity_t: Decimal = Field(..., gt=0)
    items: int | None = Field(None, ge=0)
    value: Decimal | None = Field(None, ge=0)
    currency: str = ""
    text: str = ""


class CounterIn(Schema):
    quantity_t: Decimal = Field(..., gt=0)
    items: int | None = Field(None, ge=0)
    value: Decimal | None = Field(None, ge=0)
    currency: str = ""
    text: str = ""
    version: int | None = Field(None, ge=1, le=2**31 - 1)


class AnswerIn(Schema):
    text: str = ""
    version: int | None = Field(None, ge=1, le=2**31 - 1)


class MessageIn(Schema):
    text: str


def _deal_out(request, p: Proposal) -> dict:
    return {"id": p.pk, "offer": p.offer_id, "want": p.want_id, "giver": p.giver.slug if p.giver else None,
            "receiver": p.receiver.slug, "started_by": p.started_by, "turn": p.turn, "status": p.status,
            "quantity_t": float(p.quantity_t), "items": p.items,
            "value": float(p.value) if p.value is not None else None, "currency": p.currency,
            "version": p.version, "exchange": p.exchange_id, "your_side": side_of(request.user, p),
            "events": [{"kind": e.kind, "side": e.side, "author": e.author.get_username() if e.author else None,
                        "text": e.text, "quantity_t": float(e.quantity_t) if e.quantity_t is not None else None,
                        "value": float(e.value) if e.value is not None else None, "currency": e.currency,
                        "created_at": e.created_at} for e in p.events.select_related("author")]}


def _deal(request, deal_id: int) -> Proposal:
    p = get_object_or_404(Proposal.objects.select_related("giver", "receiver", "offer", "want"), pk=deal_id)
    require_view_proposal(request.user, p)
    return p


def _listing(pk: int | None, field: str) -> Listing | None:
    if pk is None:
        return None
    found = Listing.objects.filter(pk=pk).first()
    if found is None:
        raise ValidationError(f"Field '{field}': no listing #{pk}.")
    return found


@router.get("/deals", response=responses(list[DealOut], write=True), auth=write_auth)
def list_deals(request, status: str | None = None):
    """The deals of the caller's organisation (all deals for the secretariat)."""
    from django.db.models import Q

    from circularcities.accounts.permissions import is_secretariat, organisation_of

    qs = Proposal.objects.select_related("giver", "receiver")
    if not is_secretariat(request.user):
        mine = organisation_of(request.user)
        qs = qs.filter(Q(giver=mine) | Q(receiver=mine)) if mine is not None else qs.none()
    if status:
        qs = qs.filter(status=status)
    return [_deal_out(request, p) for p in qs[:500]]


@router.post("/deals", response=responses(DealOut, status=201, write=True), auth=write_auth)
def create_deal(request, payload: DealIn):
    offer = _listing(payload.offer, "offer")
    assert offer is not None  # the offer id is required by the schema
    p = propose_deal(request.user, offer, want=_listing(payload.want, "want"), quantity_t=payload.quantity_t,
                     items=payload.items, value=payload.value, currency=payload.currency, text=payload.text)
    return Status(201, _deal_out(request, p))


@router.get("/deals/{deal_id}", response=responses(DealOut, 404, write=True), auth=write_auth)
def get_deal(request, deal_id: Id):
    return _deal_out(request, _deal(request, deal_id))


@router.post("/deals/{deal_id}/accept", response=responses(DealOut, 404, write=True), auth=write_auth)
def accept(request, deal_id: Id, payload: AnswerIn):
    return _deal_out(request, accept_deal(request.user, _deal(request, deal_id), version=payload.version,
                                          text=payload.text))


@router.post("/deals/{deal_id}/counter", response=responses(DealOut, 404, write=True), auth=write_auth)
def counter(request, deal_id: Id, payload: CounterIn):
    return _deal_out(request, counter_deal(request.user, _deal(request, deal_id), quantity_t=payload.quantity_t,
                                           items=payload.items, value=payload.value, currency=payload.currency,
                                           text=payload.text, version=payload.version))


@router.post("/deals/{deal_id}/decline", response=responses(DealOut, 404, write=True), auth=write_auth)
def decline(request, deal_id: Id, payload: AnswerIn):
    return _deal_out(request, decline_deal(request.user, _deal(request, deal_id), text=payload.text,
                                           version=payload.version))


@router.post("/deals/{deal_id}/withdraw", response=responses(DealOut, 404, write=True), auth=write_auth)
def withdraw(request, deal_id: Id, payload: AnswerIn):
    return _deal_out(request, withdraw_deal(request.user, _deal(request, deal_id), text=payload.text,
                                            version=payload.version))


@router.post("/deals/{deal_id}/messages", response=responses(DealOut, 404, status=201, write=True),
             auth=write_auth)
def message(request, deal_id: Id, payload: MessageIn):
    p = _deal(request, deal_id)
    write_in_deal(request.user, p, payload.text)
    return Status(201, _deal_out(request, p))


# --- pickers: material and place --------------------------------------------------

class MaterialOut(Schema):
    key: str = Field(description="What to send as a listing's material: an EWC code or a category slug.")
    kind: str = Field(description="ewc or category")
    code: str
    label: str
    hazardous: bool
    group: str


class PlaceOut(Schema):
    name: str
    kind: str = Field(description="city, organisation or municipality")
    lat: float
    lon: float


@router.get("/materials", response=responses(list[MaterialOut]))
def materials(request, q: str = Query("", max_length=100), limit: int = Query(20, ge=1, le=50)):
    """EU List of Waste entries and product categories by code or words, in the reader's language."""
    from circularcities.marketplace.catalogue import search_materials

    return search_materials(q, getattr(request, "LANGUAGE_CODE", "en"), limit)


@router.get("/places", response=responses(list[PlaceOut]))
def places(request, q: str = Query("", max_length=100), limit: int = Query(10, ge=1, le=30)):
    """Coalition cities, organisations and Japan's municipal offices by name."""
    from circularcities.marketplace.places import search_places

    return search_places(q, getattr(request, "LANGUAGE_CODE", None), limit)
# Industrial parks have their own module of operations, under the same prefix.
from circularcities.marketplace.parks_api import router as parks_router  # noqa: E402

router.add_router("", parks_router)

from circularcities.marketplace.business_api import router as business_router  # noqa: E402

router.add_router("", business_router)
