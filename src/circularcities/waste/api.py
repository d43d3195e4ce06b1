"""JSON API of waste streams and their rates.

Reads are public; writes need a session or token and the city's editor rights,
the same as the pages. Rates are computed (never written through the API).
"""

from __future__ import annotations

from typing import Annotated

from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.responses import Status
from pydantic import Field

from circularcities.accounts.auth import write_auth
from circularcities.coalition.models import City
from circularcities.core.waste import FORMULAS
from circularcities.waste.models import WasteStream
from circularcities.waste.permissions import require_edit_streams
from circularcities.waste.services import city_summary, stream_delete, stream_write
from circularcities.web.api_support import Id, finite, lock, responses, with_etag

PREFIX = "/waste/"
router = Router(tags=["waste"])

TONNES = Field(None, ge=0, le=1e10)
Year = Annotated[int, Field(ge=1900, le=2100)]


class StreamOut(Schema):
    id: int
    city: str
    name: str = Field(..., description="English name (the key)")
    name_en: str
    name_zh: str
    name_ja: str
    name_ko: str
    area: str
    ewc_code: str
    year: int
    month: int
    generated_t: float
    collected_t: float | None
    reuse_t: float
    recycling_t: float
    composting_t: float
    energy_recovery_t: float
    incineration_t: float
    landfill_t: float
    other_t: float
    uncontrolled_t: float
    from_storage_t: float
    source: str
    quality: str

    @staticmethod
    def resolve_city(obj):
        return obj.city.slug

    @staticmethod
    def resolve_name(obj):
        return obj.name_en


class StreamIn(Schema):
    city: str
    name: str = Field(..., min_length=1, max_length=200, description="English name (the key)")
    name_zh: str = Field("", max_length=200)
    name_ja: str = Field("", max_length=200)
    name_ko: str = Field("", max_length=200)
    area: str
    ewc_code: str = ""
    year: int = Field(..., ge=1900, le=2100)
    month: int = Field(0, ge=0, le=12)
    generated_t: float = Field(..., ge=0, le=1e10)
    collected_t: float | None = TONNES
    reuse_t: float = Field(0, ge=0, le=1e10)
    recycling_t: float = Field(0, ge=0, le=1e10)
    composting_t: float = Field(0, ge=0, le=1e10)
    energy_recovery_t: float = Field(0, ge=0, le=1e10)
    incineration_t: float = Field(0, ge=0, le=1e10)
    landfill_t: float = Field(0, ge=0, le=1e10)
    other_t: float = Field(0, ge=0, le=1e10)
    uncontrolled_t: float = Field(0, ge=0, le=1e10)
    from_storage_t: float = Field(0, ge=0, le=1e10)
    source: str = Field("", max_length=300)
    quality: str = "measured"


class StreamPatch(Schema):
    """Only the fields sent change: a name in a language not sent keeps its text."""

    name: str | None = Field(None, min_length=1, max_length=200, description="English name (as name_en)")
    name_en: str | None = Field(None, min_length=1, max_length=200)
    name_zh: str | None = Field(None, max_length=200, description="Empty removes the Chinese name")
    name_ja: str | None = Field(None, max_length=200)
    name_ko: str | None = Field(None, max_length=200)
    area: str | None = None
    ewc_code: str | None = None
    year: int | None = Field(None, ge=1900, le=2100)
    month: int | None = Field(None, ge=0, le=12)
    generated_t: float | None = TONNES
    collected_t: float | None = TONNES
    reuse_t: float | None = TONNES
    recycling_t: float | None = TONNES
    composting_t: float | None = TONNES
    energy_recovery_t: float | None = TONNES
    incineration_t: float | None = TONNES
    landfill_t: float | None = TONNES
    other_t: float | None = TONNES
    uncontrolled_t: float | None = TONNES
    from_storage_t: float | None = TONNES
    source: str | None = Field(None, max_length=300)
    quality: str | None = None


class PointOut(Schema):
    year: int
    percent: float


class TargetStatusOut(Schema):
    target: int
    target_year: int
    target_value: float
    status: str


class SeriesOut(Schema):
    rate: str
    formula: str
    source: str
    indicator: str
    points: list[PointOut]
    targets: list[TargetStatusOut]


class AreaRatesOut(Schema):
    area: str
    years: list[int]
    generated_t: dict[int, float]
    rates: list[SeriesOut]


class CityRatesOut(Schema):
    city: str
    unit: str = "%"
    formulas: dict[str, str]
    areas: list[AreaRatesOut]


@router.get("/streams", response=responses(list[StreamOut]))
def list_streams(request, city: str | None = None, area: str | None = None, year: Year | None = None):
    qs = WasteStream.objects.select_related("city").prefetch_related("translations")
    if city:
        qs = qs.filter(city__slug=city)
    if area:
        qs = qs.filter(area=area)
    if year is not None:
        qs = qs.filter(year=year)
    return list(qs[:5000])


@router.get("/streams/{stream_id}", response=responses(StreamOut, 404))
def get_stream(request, response: HttpResponse, stream_id: Id):
    s = get_object_or_404(WasteStream.objects.select_related("city").prefetch_related("translations"), pk=stream_id)
    with_etag(response, s)
    return s


@router.post("/streams", response=responses(StreamOut, 404, status=201, write=True), auth=write_auth)
def create_stream(request, payload: StreamIn):
    city = get_object_or_404(City, slug=payload.city)
    require_edit_streams(request.user, city)
    s, _ = stream_write(city=city, user=request.user, fields=payload.dict(exclude={"city"}))
    return Status(201, WasteStream.objects.select_related("city").get(pk=s.pk))


@router.patch("/streams/{stream_id}", response=responses(StreamOut, 404, 412, write=True), auth=write_auth)
def patch_stream(request, response: HttpResponse, stream_id: Id, payload: StreamPatch):
    with transaction.atomic():
        s = lock(request, WasteStream.objects.select_related("city"), pk=stream_id)
        require_edit_streams(request.user, s.city)
        stream_write(city=s.city, user=request.user, fields=payload.model_dump(exclude_unset=True), instance=s)
        with_etag(response, s)
        return WasteStream.objects.select_related("city").get(pk=s.pk)


@router.delete("/streams/{stream_id}", response=responses(None, 404, status=204, write=True), auth=write_auth)
def delete_stream(request, stream_id: Id):
    s = get_object_or_404(WasteStream.objects.select_related("city"), pk=stream_id)
    require_edit_streams(request.user, s.city)
    stream_delete(stream=s, user=request.user)
    return Status(204, None)


@router.get("/cities/{slug}/rates", response=responses(CityRatesOut, 404))
def city_rates(request, slug: str):
    city = get_object_or_404(City, slug=slug)
    areas = []
    for a in city_summary(city):
        areas.append({
            "area": a.area, "years": a.years,
            "generated_t": {y: finite(a.totals[y].generated_t) for y in a.years},
            "rates": [{"rate": s.key, "formula": s.formula, "source": s.source, "indicator": s.indicator_code,
                       "points": [{"year": y, "percent": v} for y, v in s.points],
                       "targets": [{"target": t.pk, "target_year": t.target_year, "target_value": t.target_value,
                                    "status": asm.status.value} for t, asm in s.targets]}
                      for s in a.series]})
    return {"city": city.slug, "unit": "%", "formulas": FORMULAS, "areas": areas}
