"""Repair, reuse and lending API: the directory, repair figures and logging,
a refurbishment centre's items and steps, an item library's loans.

Reads are public (borrowers' names are not: loans are read by their borrower
and the library's organisers). Writes need a session or a personal token and
follow the same rules as the pages. Units: kg, WGS84, ISO 4217 currencies.
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
from circularcities.coalition.models import City
from circularcities.core.errors import ValidationError
from circularcities.reuse import services
from circularcities.reuse.models import CentreItem, LendingItem, Loan, Place, Repair, RepairEvent
from circularcities.reuse.permissions import can_see_loan
from circularcities.reuse.views import filter_places
from circularcities.web.api_support import Id, lock, responses, with_etag
from circularcities.web.translated import translated

router = Router(tags=["reuse"])
PREFIX = "/reuse/"


def _reader_text(field: str) -> staticmethod:
    """A schema's ``resolve_<field>``: the text in the reader's language (English, when
    not yet translated)."""
    return staticmethod(lambda obj: translated(obj, field).text)


class ReusePlaceOut(Schema):
    slug: str
    kind: str
    name: str
    description: str
    takes: str
    opening_times: str
    city: str | None
    address: str
    lat: float
    lon: float
    email: str
    phone: str
    website: str
    languages: list[str]
    source: str
    is_demo: bool

    resolve_name = _reader_text("name")
    resolve_description = _reader_text("description")
    resolve_takes = _reader_text("takes")
    resolve_opening_times = _reader_text("opening_times")

    @staticmethod
    def resolve_city(obj):
        return obj.city.slug if obj.city_id else None

    @staticmethod
    def resolve_languages(obj):
        return obj.language_list


class ReusePlaceIn(Schema):
    kind: str = Field(..., description="repair-cafe, reuse-centre, tool-library, second-hand or refurbishment")
    name: str = Field(..., max_length=200)
    description: str = ""
    takes: str = ""
    opening_times: str = Field("", max_length=300)
    city: str | None = Field(None, description="City slug")
    address: str = Field("", max_length=300)
    lat: float = Field(..., description="-90..90 (WGS84)")
    lon: float = Field(..., description="-180..180 (WGS84)")
    email: str = Field("", max_length=254)
    phone: str = Field("", max_length=40)
    website: str = Field("", max_length=200)
    languages: str = Field("", max_length=100, description="Comma-separated language codes")


class ReusePlacePatch(Schema):
    kind: str | None = None
    name: str | None = Field(None, max_length=200)
    description: str | None = None
    takes: str | None = None
    opening_times: str | None = Field(None, max_length=300)
    address: str | None = Field(None, max_length=300)
    lat: float | None = None
    lon: float | None = None
    email: str | None = Field(None, max_length=254)
    phone: str | None = Field(None, max_length=40)
    website: str | None = Field(None, max_length=200)
    languages: str | None = Field(None, max_length=100)


class ReusePlaceFilters(Schema):
    q: str | None = Field(None, max_length=100)
    kind: str | None = Field(None, max_length=20)
    city: str | None = Field(None, max_length=100)


class RepairCategoryOut(Schema):
    category: str
    statuses: dict[str, int]
    attempts: int
    fix_rate: float | None
    kg_per_item: float | None
    weight_basis: str
    kg_kept: float


class RepairSummaryOut(Schema):
    records: int
    statuses: dict[str, int]
    fix_rate: float | None
    kg_kept: float
    kg_kept_estimated: float
    fixed_without_weight: int
    categories: list[RepairCategoryOut]


class RepairEventIn(Schema):
    date: dt.date
    group_identifier: str = Field("", max_length=200)


class RepairEventOut(Schema):
    id: int
    place: str
    date: dt.date
    group_identifier: str

    @staticmethod
    def resolve_place(obj):
        return obj.place.slug


class RepairIn(Schema):
    id: str = Field("", max_length=100, description="ORDS id; empty numbers it")
    product_category: str = Field(..., max_length=200, description="ORDS product category")
    brand: str = Field("", max_length=200)
    year_of_manufacture: int | None = Field(None, ge=1900, le=2100)
    product_age: float | None = Field(None, ge=0, le=150)
    repair_status: str = Field(..., description="Fixed, Repairable, End of life or Unknown")
    repair_barrier_if_end_of_life: str = Field("", max_length=200)
    problem: str = Field("", max_length=1000)


class RepairOut(Schema):
    id: str
    product_category: str
    brand: str
    product_age: float | None
    repair_status: str
    repair_barrier_if_end_of_life: str
    event_date: dt.date
    problem: str

    @staticmethod
    def resolve_id(obj):
        return obj.ords_id


class CentreIntakeIn(Schema):
    reference: str = Field("", max_length=60)
    donor: str = Field(..., max_length=200)
    category: str = Field(..., max_length=100)
    mass_kg: float = Field(..., gt=0, le=10000)
    date: dt.date | None = None


class CentreStepIn(Schema):
    action: str = Field(..., description="assess, refurbish, dismantle, donate or auction")
    date: dt.date | None = None
    decision: str = Field("", description="assess: refurbish or dismantle")
    recipient: str = Field("", max_length=200, description="donate: who receives it; auction: the buyer")
    price: Decimal | None = Field(None, gt=0, le=Decimal("1e10"))
    currency: str = Field("", max_length=3)
    list_parts: bool = Field(False, description="dismantle: offer the parts on the marketplace")
    note: str = Field("", max_length=500)


class CentreStepOut(Schema):
    action: str
    from_state: str
    to_state: str
    date: dt.date
    actor: str
    note: str


class CentreItemOut(Schema):
    id: int
    centre: str
    reference: str
    donor: str
    category: str
    mass_kg: float
    received_on: dt.date
    state: str
    decision: str
    recipient: str
    price: float | None
    currency: str
    listing: int | None
    steps: list[CentreStepOut]

    @staticmethod
    def resolve_centre(obj):
        return obj.centre.slug

    @staticmethod
    def resolve_listing(obj):
        return obj.listing_id

    @staticmethod
    def resolve_steps(obj):
        return list(obj.steps.all())


class LendingItemOut(Schema):
    id: int
    place: str
    code: str
    name: str
    category: str
    condition: str
    replacement_value: float | None
    currency: str
    available: bool

    @staticmethod
    def resolve_place(obj):
        return obj.place.slug

    resolve_name = _reader_text("name")

    @staticmethod
    def resolve_available(obj):
        return not obj.loans.filter(returned_on__isnull=True).exists()


class LendingLoanIn(Schema):
    due: dt.date
    start: dt.date | None = None
    condition_out: str = ""
    deposit: Decimal | None = Field(None, ge=0, le=Decimal("1e7"))
    currency: str = Field("", max_length=3)
    borrower_name: str = Field("", max_length=200, description="Organisers lending to someone else")
    borrower_email: str = Field("", max_length=254)
    language: str = Field("", max_length=10, description="Language of reminder e-mails")


class LendingReturnIn(Schema):
    condition_in: str = Field(..., description="good, fair, worn or damaged")
    returned_on: dt.date | None = None


class LendingLoanOut(Schema):
    id: int
    item: int
    borrower_name: str
    start: dt.date
    due: dt.date
    returned_on: dt.date | None
    condition_out: str
    condition_in: str
    deposit: float | None
    currency: str

    @staticmethod
    def resolve_item(obj):
        return obj.item_id


class LendingImpactOut(Schema):
    loans: int
    items_shared: int
    on_loan: int
    purchases_avoided: int
    money_not_spent: dict[str, float]
    assumption: str


def _city(slug: str | None):
    if not slug:
        return None
    found = City.objects.filter(slug=slug).first()
    if found is None:
        raise ValidationError(f"Field 'city': no city '{slug}'.")
    return found


@router.get("/places", response=responses(list[ReusePlaceOut]))
def list_places(request, filters: Query[ReusePlaceFilters]):
    qs, _f = filter_places({k: v or "" for k, v in filters.dict().items()})
    return list(qs[:500])


@router.get("/places/{slug}", response=responses(ReusePlaceOut, 404))
def get_place(request, response: HttpResponse, slug: str):
    place = get_object_or_404(Place, slug=slug[:80])
    with_etag(response, place)
    return place


@router.post("/places", response=responses(ReusePlaceOut, status=201, write=True), auth=write_auth)
def create_place(request, payload: ReusePlaceIn):
    from circularcities.accounts.permissions import organisation_of

    data = payload.dict()
    data["city"] = _city(data.get("city"))
    data["organisation"] = organisation_of(request.user)
    return Status(201, services.save_place(request.user, data))


@router.patch("/places/{slug}", response=responses(ReusePlaceOut, 404, 412, write=True), auth=write_auth)
def update_place(request, response: HttpResponse, slug: str, payload: ReusePlacePatch):
    with transaction.atomic():
        place = lock(request, Place.objects.all(), slug=slug[:80])
        place = services.save_place(request.user, payload.dict(exclude_unset=True), place)
        with_etag(response, place)
        return place


@router.get("/repairs/summary", response=responses(RepairSummaryOut, 404))
def repair_summary(request, place: str | None = None, city: str | None = None):
    qs = Repair.objects.all()
    if place:
        qs = qs.filter(place=get_object_or_404(Place, slug=place[:80]))
    if city:
        qs = qs.filter(place__city=get_object_or_404(City, slug=city[:100]))
    return services.repair_summary(qs)


@router.get("/places/{slug}/repairs", response=responses(list[RepairOut], 404))
def list_repairs(request, slug: str):
    place = get_object_or_404(Place, slug=slug[:80])
    return list(Repair.objects.filter(place=place)[:2000])


@router.post("/places/{slug}/events", response=responses(RepairEventOut, 404, status=201, write=True), auth=write_auth)
def create_event(request, slug: str, payload: RepairEventIn):
    place = get_object_or_404(Place, slug=slug[:80])
    return Status(201, services.create_event(request.user, place, date=payload.date,
                                             group_identifier=payload.group_identifier))


@router.post("/events/{event_id}/repairs", response=responses(RepairOut, 404, status=201, write=True),
             auth=write_auth)
def log_repair(request, event_id: Id, payload: RepairIn):
    event = get_object_or_404(RepairEvent.objects.select_related("place"), pk=event_id)
    return Status(201, services.log_repair(request.user, event, payload.dict()))


@router.get("/places/{slug}/items", response=responses(list[CentreItemOut], 404))
def list_items(request, slug: str, state: str | None = None):
    place = get_object_or_404(Place, slug=slug[:80])
    qs = CentreItem.objects.filter(centre=place).prefetch_related("steps")
    if state:
        qs = qs.filter(state=state[:12])
    return list(qs[:1000])


@router.post("/places/{slug}/items", response=responses(CentreItemOut, 404, status=201, write=True), auth=write_auth)
def intake(request, slug: str, payload: CentreIntakeIn):
    place = get_object_or_404(Place, slug=slug[:80])
    return Status(201, services.intake_item(request.user, place, payload.dict()))


@router.post("/items/{item_id}/steps", response=responses(CentreItemOut, 404, write=True), auth=write_auth)
def move_item(request, item_id: Id, payload: CentreStepIn):
    item = get_object_or_404(CentreItem.objects.select_related("centre"), pk=item_id)
    data = payload.dict()
    services.move_item(request.user, item, data.pop("action"), data)
    item.refresh_from_db()
    return item


@router.get("/places/{slug}/lending", response=responses(list[LendingItemOut], 404))
def list_lending(request, slug: str):
    place = get_object_or_404(Place, slug=slug[:80])
    return list(LendingItem.objects.filter(place=place).select_related("place")[:1000])


@router.get("/places/{slug}/lending/impact", response=responses(LendingImpactOut, 404))
def lending_impact(request, slug: str):
    place = get_object_or_404(Place, slug=slug[:80])
    out = services.lending_impact(Loan.objects.filter(item__place=place))
    return {"loans": out.loans, "items_shared": out.items_shared, "on_loan": out.on_loan,
            "purchases_avoided": out.purchases_avoided,
            "money_not_spent": {c: float(v) for c, v in out.money_not_spent.items()},
            "assumption": out.assumption}


@router.post("/lending/{item_id}/loans", response=responses(LendingLoanOut, 404, status=201, write=True),
             auth=write_auth)
def borrow(request, item_id: Id, payload: LendingLoanIn):
    item = get_object_or_404(LendingItem.objects.select_related("place"), pk=item_id)
    return Status(201, services.borrow(request.user, item, payload.dict()))


@router.post("/loans/{loan_id}/return", response=responses(LendingLoanOut, 404, write=True), auth=write_auth)
def return_loan(request, loan_id: Id, payload: LendingReturnIn):
    loan = get_object_or_404(Loan.objects.select_related("item__place"), pk=loan_id)
    if not can_see_loan(request.user, loan):
        from circularcities.reuse.permissions import require_return

        require_return(request.user, loan)
    return services.return_loan(request.user, loan, payload.dict())
