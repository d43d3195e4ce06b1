"""Circular procurement API: comparisons, requirement sets and the supplier finder,
products, tenders with scorecards and awards, savings roll-up, pilots.

Reads follow the pages: the public sees published comparisons and awarded
tenders; a city's people also see its drafts. Writes need a session or a
token and then the same services and rules as the pages. Units: kg CO2e,
t, %, ISO 4217 currencies.
"""

from __future__ import annotations

import datetime as dt

from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from pydantic import Field

from circularcities.accounts.auth import write_auth
from circularcities.coalition.models import City, Partner
from circularcities.core.errors import ValidationError
from circularcities.core.procurement import rule_text
from circularcities.procurement import models as m
from circularcities.procurement import permissions as perms
from circularcities.procurement import services as s
from circularcities.procurement.report import Labels
from circularcities.web.api_support import Id, responses

router = Router(tags=["procurement"])
PREFIX = "/procurement/"

Slug = Field(..., min_length=1, max_length=50, pattern=r"^[-a-zA-Z0-9_]+$")


class ProcLineIn(Schema):
    module: str = Field(..., max_length=6, description="EN 15804 module: A1-A3, A4, A5, B1..B7, C1..C4, D")
    quantity: float = Field(..., ge=0, le=1e12)
    unit: str = Field(..., min_length=1, max_length=20)
    kgco2e_per_unit: float = Field(..., ge=-1e9, le=1e9)
    source: str = Field("", max_length=300)
    generic: bool = False
    note: str = Field("", max_length=300)


class ProcNamesIn(Schema):
    """Names in the other platform languages (empty: none yet; the English name is shown, marked)."""

    name_zh: str = Field("", max_length=200)
    name_ja: str = Field("", max_length=200)
    name_ko: str = Field("", max_length=200)


class ProcAlternativeIn(ProcNamesIn):
    name: str = Field(..., min_length=1, max_length=200, description="English name, unique in the item")
    lines: list[ProcLineIn] = Field(..., min_length=1, max_length=100)
    reused: bool = False
    assumption: str = Field("", max_length=5000)
    service_life_years: float | None = Field(None, gt=0, le=1000)


class ProcItemIn(ProcNamesIn):
    name: str = Field(..., min_length=1, max_length=200, description="English name, unique in the comparison")
    alternatives: list[ProcAlternativeIn] = Field(..., min_length=2, max_length=50)
    study_period_years: float | None = Field(None, gt=0, le=1000)


class ProcAlternativeOut(Schema):
    id: int
    alternative: str = Field(..., description="English name (the key)")
    names: dict[str, str] = Field(..., description="Name per language code; only languages written")
    total_a_c_kgco2e: float
    module_d_kgco2e: float | None
    by_module: dict[str, float]
    reused: bool
    assumption: str
    generic: bool


class ProcItemOut(Schema):
    id: int
    item: str = Field(..., description="English name (the key)")
    names: dict[str, str] = Field(..., description="Name per language code; only languages written")
    chosen: str
    reference: str
    saving_kgco2e: float
    alternatives: list[ProcAlternativeOut]


class ProcProjectOut(Schema):
    slug: str
    city: str
    name: str
    kind: str
    published: bool
    source: str
    is_demo: bool


class ProcProjectDetailOut(ProcProjectOut):
    items: list[ProcItemOut]
    total_saving_kgco2e: float


class ProcProjectIn(Schema):
    city: str = Field(..., max_length=50)
    slug: str = Slug
    name: str = Field(..., min_length=1, max_length=200)
    description: str = Field("", max_length=20000)
    kind: str = Field("building", description="building or purchase")
    published: bool = False
    source: str = Field("", max_length=300)


def _project_out(p: m.ComparisonProject) -> dict:
    return {"slug": p.slug, "city": p.city.slug, "name": str(p), "kind": p.kind, "published": p.published,
            "source": p.source, "is_demo": p.is_demo}


def _names(obj) -> dict[str, str]:
    return {t.language_code: t.name for t in obj.translations.all() if t.name}


def _item_out(r, labels: Labels) -> dict:
    d = r.as_dict()
    item = labels.item_obj(r.item.name)
    d.update(id=item.pk, names=_names(item))
    for a, res in zip(d["alternatives"], r.results, strict=True):
        alt = labels.alternative_obj(r.item.name, res.alternative.name)
        a.update(id=alt.pk, names=_names(alt), reused=res.alternative.reused,
                 assumption=res.alternative.assumption, generic=res.generic)
    return d


def _compared(p: m.ComparisonProject) -> tuple[list, Labels]:
    items = s.project_items(p)
    return s.compare_project(p, items), Labels(items)


def _item_result(p: m.ComparisonProject, english: str) -> dict:
    results, labels = _compared(p)
    return _item_out(next(r for r in results if r.item.name == english), labels)


def _other(payload) -> dict[str, str]:
    return {sfx: getattr(payload, f"name_{sfx}") for sfx in ("zh", "ja", "ko") if getattr(payload, f"name_{sfx}")}


def _city(slug: str) -> City:
    city = City.objects.filter(slug=slug).first()
    if city is None:
        raise ValidationError(f"Field 'city': no city '{slug}'.")
    return city


@router.get("/projects", response=responses(list[ProcProjectOut]))
def list_projects(request):
    qs = m.ComparisonProject.objects.filter(perms.visible_project_filter(request.user)).select_related("city")
    return [_project_out(p) for p in qs[:500]]


def _visible_project(request, slug: str) -> m.ComparisonProject:
    p = get_object_or_404(m.ComparisonProject.objects.select_related("city"), slug=slug)
    if not perms.can_view_project(request.user, p):
        raise Http404
    return p


@router.get("/projects/{slug}", response=responses(ProcProjectDetailOut, 404))
def get_project(request, slug: str):
    p = _visible_project(request, slug)
    results, labels = _compared(p)
    return {**_project_out(p), "items": [_item_out(r, labels) for r in results],
            "total_saving_kgco2e": round(sum(r.saving_kgco2e for r in results), 6)}


@router.post("/projects", response=responses(ProcProjectOut, status=201, write=True), auth=write_auth)
def create_project(request, payload: ProcProjectIn):
    p = s.project_create(user=request.user, city=_city(payload.city), slug=payload.slug, name=payload.name,
                         description=payload.description, kind=payload.kind, published=payload.published,
                         source=payload.source)
    return Status(201, _project_out(p))


@router.post("/projects/{slug}/items", response=responses(ProcItemOut, 404, status=201, write=True),
             auth=write_auth)
def add_item(request, slug: str, payload: ProcItemIn):
    p = get_object_or_404(m.ComparisonProject, slug=slug)
    item = s.item_add(user=request.user, project=p, name=payload.name, names=_other(payload),
                      study_period_years=payload.study_period_years,
                      alternatives=[a.dict() for a in payload.alternatives])
    return Status(201, _item_result(p, item.name_en))


class ProcNamesPatch(Schema):
    """Only the languages sent change; the others keep their names. English cannot be emptied;
    an empty text in another language removes that language's name."""

    name_en: str | None = Field(None, min_length=1, max_length=200)
    name_zh: str | None = Field(None, max_length=200)
    name_ja: str | None = Field(None, max_length=200)
    name_ko: str | None = Field(None, max_length=200)


def _patch_names(request, obj, payload: ProcNamesPatch) -> None:
    sent = payload.dict(exclude_unset=True)
    s.rename(user=request.user, obj=obj, names={k.removeprefix("name_"): v or "" for k, v in sent.items()})


@router.patch("/projects/{slug}/items/{item_id}", response=responses(ProcItemOut, 404, write=True),
              auth=write_auth)
def patch_item(request, slug: str, item_id: int, payload: ProcNamesPatch):
    """Change an item's names in the languages sent."""
    p = get_object_or_404(m.ComparisonProject, slug=slug)
    item = get_object_or_404(p.items.all(), pk=item_id)
    _patch_names(request, item, payload)
    return _item_result(p, m.ProjectItem.objects.get(pk=item.pk).name_en)


@router.patch("/projects/{slug}/items/{item_id}/alternatives/{alternative_id}",
              response=responses(ProcItemOut, 404, write=True), auth=write_auth)
def patch_alternative(request, slug: str, item_id: int, alternative_id: int, payload: ProcNamesPatch):
    """Change an alternative's names in the languages sent; answers with its item."""
    p = get_object_or_404(m.ComparisonProject, slug=slug)
    item = get_object_or_404(p.items.all(), pk=item_id)
    alt = get_object_or_404(item.alternatives.all(), pk=alternative_id)
    _patch_names(request, alt, payload)
    return _item_result(p, item.name_en)


class ProcEpdIn(ProcNamesIn):
    item: str = Field(..., min_length=1, max_length=200, description="English name of an item of the comparison")
    name: str = Field(..., min_length=1, max_length=200, description="English name of the new alternative")
    quantity: float = Field(..., ge=0, le=1e12)
    unit: str = Field(..., min_length=1, max_length=20, description="Must be the EPD's declared unit")
    document: dict = Field(..., description="An openEPD or ILCD+EPD JSON document")


@router.post("/projects/{slug}/epd", response=responses(ProcItemOut, 404, status=201, write=True),
             auth=write_auth)
def add_epd_alternative(request, slug: str, payload: ProcEpdIn):
    import json

    p = get_object_or_404(m.ComparisonProject, slug=slug)
    perms.require_officer(request.user, p.city)
    item = p.items.filter(translations__language_code="en", translations__name=payload.item).first()
    if item is None:
        raise ValidationError(f"Field 'item': no item '{payload.item}' in this comparison.")
    s.alternative_from_epd(user=request.user, item=item, name=payload.name, names=_other(payload),
                           data=json.dumps(payload.document).encode(), filename="document.json",
                           quantity=payload.quantity, unit=payload.unit)
    return Status(201, _item_result(p, item.name_en))


# --- requirement sets, products, finder -------------------------------------------------------

class ProcBannedOut(Schema):
    name: str
    cas: str


class ProcRequirementSetOut(Schema):
    slug: str
    city: str | None
    name: str
    category: str
    min_recycled_content_pct: float | None
    certification_scheme: str
    certification_level: str
    take_back: bool
    banned: list[ProcBannedOut]
    source: str


def _rs_out(rs) -> dict:
    return {"slug": rs.slug, "city": rs.city.slug if rs.city_id else None, "name": str(rs),
            "category": rs.category, "min_recycled_content_pct": rs.min_recycled_content_pct,
            "certification_scheme": rs.certification_scheme, "certification_level": rs.certification_level,
            "take_back": rs.take_back, "banned": [{"name": b.name, "cas": b.cas} for b in rs.banned.all()],
            "source": rs.source}


class ProcRequirementSetIn(Schema):
    city: str = Field(..., max_length=50)
    slug: str = Slug
    name: str = Field(..., min_length=1, max_length=200)
    description: str = Field("", max_length=20000)
    category: str = Field("", max_length=100)
    min_recycled_content_pct: float | None = Field(None, ge=0, le=100)
    certification_scheme: str = Field("", max_length=100)
    certification_level: str = Field("", max_length=50)
    take_back: bool = False
    banned: list[ProcBannedOut] = Field([], max_length=200)
    source: str = Field("", max_length=300)


@router.post("/requirement-sets", response=responses(ProcRequirementSetOut, status=201, write=True),
             auth=write_auth)
def save_requirement_set(request, payload: ProcRequirementSetIn):
    rs = s.requirement_set_save(user=request.user, city=_city(payload.city), slug=payload.slug, name=payload.name,
                                description=payload.description, category=payload.category,
                                min_recycled_content_pct=payload.min_recycled_content_pct,
                                certification_scheme=payload.certification_scheme,
                                certification_level=payload.certification_level, take_back=payload.take_back,
                                banned=[(b.name, b.cas) for b in payload.banned], source=payload.source)
    return Status(201, _rs_out(rs))


@router.get("/requirement-sets", response=responses(list[ProcRequirementSetOut]))
def list_requirement_sets(request):
    return [_rs_out(rs) for rs in m.RequirementSet.objects.select_related("city").prefetch_related("banned")[:500]]


class ProcCertificateIO(Schema):
    scheme: str = Field(..., min_length=1, max_length=100)
    level: str = Field(..., min_length=1, max_length=50)
    issuer: str = Field(..., min_length=1, max_length=200)
    valid_until: dt.date | None = None


class ProcDeclarationIO(Schema):
    name: str = Field(..., min_length=1, max_length=200)
    cas: str = Field("", max_length=12)
    group: str = Field("", max_length=100)


class ProcProductOut(Schema):
    id: int
    supplier: str
    name: str
    category: str
    recycled_content_pct: float | None
    take_back: bool
    declarations: list[ProcDeclarationIO]
    certificates: list[ProcCertificateIO]
    source: str


class ProcProductIn(Schema):
    supplier: str = Field(..., max_length=50, description="Partner slug of the supplier")
    name: str = Field(..., min_length=1, max_length=200)
    category: str = Field("", max_length=100)
    recycled_content_pct: float | None = Field(None, ge=0, le=100)
    take_back: bool = False
    description: str = Field("", max_length=20000)
    declarations: list[ProcDeclarationIO] = Field([], max_length=200)
    certificates: list[ProcCertificateIO] = Field([], max_length=50)
    source: str = Field("", max_length=300)


def _product_out(p) -> dict:
    return {"id": p.pk, "supplier": p.supplier.slug, "name": p.name, "category": p.category,
            "recycled_content_pct": p.recycled_content_pct, "take_back": p.take_back, "source": p.source,
            "declarations": [{"name": d.name, "cas": d.cas, "group": d.group} for d in p.declarations.all()],
            "certificates": [{"scheme": c.scheme, "level": c.level, "issuer": c.issuer,
                              "valid_until": c.valid_until} for c in p.certificates.all()]}


@router.get("/products", response=responses(list[ProcProductOut]))
def list_products(request, category: str | None = None):
    qs = m.Product.objects.select_related("supplier").prefetch_related("declarations", "certificates")
    if category:
        qs = qs.filter(category__iexact=category)
    return [_product_out(p) for p in qs[:1000]]


@router.post("/products", response=responses(ProcProductOut, status=201, write=True), auth=write_auth)
def save_product(request, payload: ProcProductIn):
    supplier = Partner.objects.filter(slug=payload.supplier).first()
    if supplier is None:
        raise ValidationError(f"Field 'supplier': no organisation '{payload.supplier}'.")
    p = s.product_save(user=request.user, supplier=supplier, name=payload.name, category=payload.category,
                       recycled_content_pct=payload.recycled_content_pct, take_back=payload.take_back,
                       description=payload.description, source=payload.source,
                       declarations=[(d.name, d.cas, d.group) for d in payload.declarations],
                       certificates=[(c.scheme, c.level, c.issuer, c.valid_until) for c in payload.certificates])
    return Status(201, _product_out(p))


@router.delete("/products/{product_id}", response=responses(None, 404, status=204, write=True), auth=write_auth)
def delete_product(request, product_id: Id):
    s.product_delete(user=request.user, product=get_object_or_404(m.Product, pk=product_id))
    return Status(204, None)


class ProcFailureOut(Schema):
    code: str
    requirement: str
    message: str


class ProcFinderRowOut(Schema):
    product: ProcProductOut
    complies: bool
    failures: list[ProcFailureOut]


@router.get("/requirement-sets/{slug}/finder", response=responses(list[ProcFinderRowOut], 404))
def finder(request, slug: str, on: dt.date | None = None):
    rs = get_object_or_404(m.RequirementSet, slug=slug)
    return [{"product": _product_out(r.product), "complies": not r.failures,
             "failures": [f.__dict__ for f in r.failures]} for r in s.finder(rs, on=on)]


# --- tenders --------------------------------------------------------------------------------------

class ProcCriterionIO(Schema):
    key: str = Field(..., description="price, life_cycle_cost, life_cycle_carbon, circularity, social_value")
    points: float = Field(..., gt=0, le=100)


class ProcCriterionOut(ProcCriterionIO):
    rule: str


class ProcScoreLineOut(Schema):
    criterion: str
    value: float
    points: float
    max_points: float
    rule: str


class ProcBidOut(Schema):
    id: int
    bidder: str
    product: int | None
    total: float
    rank: int | None
    lines: list[ProcScoreLineOut]
    failures: list[ProcFailureOut]
    warnings: list[ProcFailureOut]


class ProcSavingOut(Schema):
    kind: str
    value: float
    unit: str
    year: int | None
    method: str
    source: str


class ProcTenderOut(Schema):
    slug: str
    city: str
    title: str
    status: str
    year: int | None
    currency: str
    requirement_set: str | None
    source: str


class ProcTenderDetailOut(ProcTenderOut):
    criteria: list[ProcCriterionOut]
    bids: list[ProcBidOut]
    awarded_bid: int | None
    award_date: dt.date | None
    justification: str
    award_warnings: list[str]
    savings: list[ProcSavingOut]


class ProcTenderIn(Schema):
    city: str = Field(..., max_length=50)
    slug: str = Slug
    title: str = Field(..., min_length=1, max_length=200)
    description: str = Field("", max_length=20000)
    year: int | None = Field(None, ge=1900, le=2100)
    currency: str = Field("EUR", max_length=3)
    requirement_set: str | None = Field(None, max_length=50)
    criteria: list[ProcCriterionIO] = Field(..., min_length=1, max_length=5)
    source: str = Field("", max_length=300)


class ProcBidIn(Schema):
    bidder: str = Field(..., min_length=1, max_length=200)
    product: int | None = Field(None, ge=1, le=2**63 - 1)
    price: float | None = Field(None, gt=0, le=1e15)
    life_cycle_cost: float | None = Field(None, gt=0, le=1e15)
    life_cycle_carbon: float | None = Field(None, gt=0, le=1e15)
    circularity: float | None = Field(None, ge=0, le=10)
    social_value: float | None = Field(None, ge=0, le=10)
    note: str = Field("", max_length=300)


class ProcAwardIn(Schema):
    bid: int = Field(..., ge=1, le=2**63 - 1)
    justification: str = Field(..., min_length=1, max_length=20000)


class ProcSavingIn(Schema):
    kind: str = Field(..., description="energy, carbon, money or waste")
    value: float = Field(..., ge=-1e15, le=1e15)
    unit: str = Field(..., min_length=1, max_length=20)
    year: int | None = Field(None, ge=1900, le=2100)
    method: str = Field(..., min_length=1, max_length=500)
    source: str = Field("", max_length=300)


def _tender_out(t) -> dict:
    return {"slug": t.slug, "city": t.city.slug, "title": str(t), "status": t.status, "year": t.year,
            "currency": t.currency, "requirement_set": t.requirement_set.slug if t.requirement_set_id else None,
            "source": t.source}


def _tender_detail(t) -> dict:
    cards = s.scorecards(t)
    return {**_tender_out(t),
            "criteria": [{"key": c.key, "points": c.points, "rule": rule_text(c.key, c.points)}
                         for c in t.criteria.all()],
            "bids": [{"id": c.bid.pk, "bidder": c.bid.bidder_name, "product": c.bid.product_id,
                      "total": round(c.card.total, 6), "rank": c.card.rank,
                      "lines": [ln.__dict__ for ln in c.card.lines],
                      "failures": [f.__dict__ for f in c.failures], "warnings": [f.__dict__ for f in c.warnings]}
                     for c in cards],
            "awarded_bid": t.awarded_bid_id, "award_date": t.award_date,
            "justification": t.safe_translation_getter("justification", any_language=True) or "",
            "award_warnings": list(t.award_warnings or []),
            "savings": [{"kind": x.kind, "value": x.value, "unit": x.unit, "year": x.year, "method": x.method,
                         "source": x.source} for x in t.savings.all()]}


@router.get("/tenders", response=responses(list[ProcTenderOut]))
def list_tenders(request):
    qs = m.Tender.objects.filter(perms.visible_tender_filter(request.user)).select_related("city",
                                                                                           "requirement_set")
    return [_tender_out(t) for t in qs[:500]]


def _visible_tender(request, slug: str) -> m.Tender:
    t = get_object_or_404(m.Tender.objects.select_related("city", "requirement_set"), slug=slug)
    if not perms.can_view_tender(request.user, t):
        raise Http404
    return t


@router.get("/tenders/{slug}", response=responses(ProcTenderDetailOut, 404))
def get_tender(request, slug: str):
    return _tender_detail(_visible_tender(request, slug))


@router.post("/tenders", response=responses(ProcTenderOut, status=201, write=True), auth=write_auth)
def create_tender(request, payload: ProcTenderIn):
    rs = None
    if payload.requirement_set:
        rs = m.RequirementSet.objects.filter(slug=payload.requirement_set).first()
        if rs is None:
            raise ValidationError(f"Field 'requirement_set': no requirement set '{payload.requirement_set}'.")
    t = s.tender_create(user=request.user, city=_city(payload.city), slug=payload.slug, title=payload.title,
                        description=payload.description, year=payload.year, currency=payload.currency,
                        requirement_set=rs, criteria=[(c.key, c.points) for c in payload.criteria],
                        source=payload.source)
    return Status(201, _tender_out(t))


def _officer_tender(request, slug: str) -> m.Tender:
    t = get_object_or_404(m.Tender.objects.select_related("city"), slug=slug)
    perms.require_officer(request.user, t.city)
    return t


@router.post("/tenders/{slug}/bids", response=responses(ProcTenderDetailOut, 404, status=201, write=True),
             auth=write_auth)
def add_bid(request, slug: str, payload: ProcBidIn):
    t = _officer_tender(request, slug)
    product = None
    if payload.product is not None:
        product = m.Product.objects.filter(pk=payload.product).first()
        if product is None:
            raise ValidationError(f"Field 'product': no product #{payload.product}.")
    values = payload.dict(exclude={"bidder", "product", "note"})
    s.bid_save(user=request.user, tender=t, bidder_name=payload.bidder, product=product, note=payload.note,
               **values)
    return Status(201, _tender_detail(t))


@router.post("/tenders/{slug}/award", response=responses(ProcTenderDetailOut, 404, write=True), auth=write_auth)
def award(request, slug: str, payload: ProcAwardIn):
    t = _officer_tender(request, slug)
    bid = t.bids.filter(pk=payload.bid).first()
    if bid is None:
        raise ValidationError(f"Field 'bid': no bid #{payload.bid} in this tender.")
    s.award(user=request.user, tender=t, bid=bid, justification=payload.justification)
    return _tender_detail(t)


@router.post("/tenders/{slug}/savings", response=responses(ProcSavingOut, 404, status=201, write=True),
             auth=write_auth)
def add_saving(request, slug: str, payload: ProcSavingIn):
    t = _officer_tender(request, slug)
    x = s.saving_add(user=request.user, tender=t, kind=payload.kind, value=payload.value, unit=payload.unit,
                     year=payload.year, method=payload.method, source=payload.source)
    return Status(201, {"kind": x.kind, "value": x.value, "unit": x.unit, "year": x.year, "method": x.method,
                        "source": x.source})


class ProcRollupOut(Schema):
    city: str
    year: int | None
    kind: str
    unit: str
    total: float | None
    count: int
    values: list[float]


@router.get("/savings", response=responses(list[ProcRollupOut]))
def savings(request, city: str | None = None):
    c = City.objects.filter(slug=city).first() if city else None
    if city and c is None:
        return []
    return [r.__dict__ | {"values": list(r.values)} for r in s.savings_rollup(c)]


# --- pilots ----------------------------------------------------------------------------------------

class ProcReadingIO(Schema):
    dimension: str = Field(..., description="economic, environmental or social")
    indicator: str = Field(..., min_length=1, max_length=200)
    programme_indicator: str = Field("", max_length=30)
    year: int = Field(..., ge=1900, le=2100)
    quarter: int = Field(..., ge=1, le=4)
    value: float = Field(..., ge=-1e15, le=1e15)
    unit: str = Field(..., min_length=1, max_length=30)
    source: str = Field("", max_length=300)


class ProcPilotOut(Schema):
    slug: str
    city: str
    name: str
    start: dt.date | None
    end: dt.date | None
    planning_project: str | None
    source: str
    readings: list[ProcReadingIO]


def _pilot_out(p) -> dict:
    return {"slug": p.slug, "city": p.city.slug, "name": str(p), "start": p.start, "end": p.end,
            "planning_project": p.planning_project.code if p.planning_project_id else None, "source": p.source,
            "readings": [{"dimension": r.dimension, "indicator": r.indicator,
                          "programme_indicator": r.programme_indicator, "year": r.year, "quarter": r.quarter,
                          "value": r.value, "unit": r.unit, "source": r.source} for r in p.readings.all()]}


@router.get("/pilots", response=responses(list[ProcPilotOut]))
def list_pilots(request):
    qs = m.Pilot.objects.select_related("city", "planning_project").prefetch_related("readings")
    return [_pilot_out(p) for p in qs[:500]]


class ProcPilotIn(Schema):
    city: str = Field(..., max_length=50)
    slug: str = Slug
    name: str = Field(..., min_length=1, max_length=200)
    description: str = Field("", max_length=20000)
    start: dt.date | None = None
    end: dt.date | None = None
    planning_project: str | None = Field(None, max_length=50, description="Code of a planning project")
    source: str = Field("", max_length=300)


@router.post("/pilots", response=responses(ProcPilotOut, status=201, write=True), auth=write_auth)
def create_pilot(request, payload: ProcPilotIn):
    from circularcities.planning.models import Project

    project = None
    if payload.planning_project:
        project = Project.objects.select_related("programme").filter(code=payload.planning_project).first()
        if project is None:
            raise ValidationError(f"Field 'planning_project': no project '{payload.planning_project}'.")
    p = s.pilot_create(user=request.user, city=_city(payload.city), slug=payload.slug, name=payload.name,
                       description=payload.description, start=payload.start, end=payload.end,
                       planning_project=project, source=payload.source)
    return Status(201, _pilot_out(p))


@router.post("/pilots/{slug}/readings", response=responses(ProcPilotOut, 404, status=201, write=True),
             auth=write_auth)
def add_reading(request, slug: str, payload: ProcReadingIO):
    p = get_object_or_404(m.Pilot.objects.select_related("city", "planning_project"), slug=slug)
    s.reading_record(user=request.user, pilot=p, **payload.dict())
    return Status(201, _pilot_out(p))
