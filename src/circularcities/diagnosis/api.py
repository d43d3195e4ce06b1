"""Diagnosis API: metabolism (flows, Sankey), indicator values and their history,
7R assessments, peer benchmark and recommendations; uploads and typed values for a
city's editors (same rules as the pages)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from django.shortcuts import get_object_or_404
from ninja import File, Path, Query, Router, Schema
from ninja.files import UploadedFile
from ninja.responses import Status
from pydantic import Field

from circularcities.accounts.auth import write_auth
from circularcities.coalition.models import City
from circularcities.diagnosis import dashboard as dash
from circularcities.diagnosis.imports import import_file, import_indicator_values, read_files
from circularcities.diagnosis.models import (
    Indicator,
    IndicatorValue,
    IndicatorValueChange,
    MaturityAssessment,
    MetabolismFlow,
    MetabolismStock,
)
from circularcities.diagnosis.permissions import (
    require_create_indicator,
    require_edit_diagnosis,
    require_edit_indicator,
    require_enter_values,
)
from circularcities.diagnosis.services import indicators_for, save_indicator
from circularcities.diagnosis.values import set_typed_value
from circularcities.web.api_support import responses

PREFIX = "/diagnosis/"
router = Router(tags=["diagnosis"])


def _city(slug: str) -> City:
    return get_object_or_404(City, slug=slug)


class FrameworkRef(Schema):
    framework: str = Field(..., description="iso37120, iso37122, sdg, eu_cmu or cn_zero_waste", max_length=20)
    ref: str = Field(..., description="clause, target or indicator number, e.g. 16.1", max_length=40)


class IndicatorOut(Schema):
    code: str
    name: dict[str, str] = Field(description="name by language (en, zh-hans, ja, ko) as written")
    definition: dict[str, str]
    city: str | None = Field(description="slug of the city that owns it; null for coalition-wide")
    unit: str
    theme: str
    direction: str
    frequency: str
    computation: str
    expression: str
    formula: str
    frameworks: list[FrameworkRef]
    source: str
    computable_from_mfa: bool
    related_areas: list[str]

    @staticmethod
    def resolve_name(obj):
        return {t.language_code: t.name for t in obj.translations.all() if t.name}

    @staticmethod
    def resolve_definition(obj):
        return {t.language_code: t.definition for t in obj.translations.all() if t.definition}

    @staticmethod
    def resolve_city(obj):
        return obj.city.slug if obj.city_id else None


class IndicatorIn(Schema):
    """A city's own indicator. Names and definitions by language code (en required)."""

    code: str = Field(..., min_length=2, max_length=40, description="capital letters, digits, hyphens")
    name: dict[str, str] = Field(..., description='{"en": "...", "zh-hans": "...", ...}')
    definition: dict[str, str] = Field(default_factory=dict)
    unit: str = Field(..., min_length=1, max_length=40)
    direction: str = Field(..., description="higher_is_better or lower_is_better")
    frequency: str = Field("annual", description="annual, quarterly or monthly")
    computation: str = Field("direct", description="direct or formula")
    expression: str = Field("", max_length=500, description="the formula, when computation is formula")
    system: int | None = Field(None, description="id of the city's system whose flows the formula reads")
    frameworks: list[FrameworkRef] = Field(default_factory=list, max_length=20)
    source: str = Field("", max_length=300)


class IndicatorPatch(Schema):
    """Only the fields sent change."""

    name: dict[str, str] | None = None
    definition: dict[str, str] | None = None
    unit: str | None = Field(None, min_length=1, max_length=40)
    direction: str | None = None
    frequency: str | None = None
    computation: str | None = None
    expression: str | None = Field(None, max_length=500)
    system: int | None = None
    frameworks: list[FrameworkRef] | None = Field(None, max_length=20)
    source: str | None = Field(None, max_length=300)


class FlowOut(Schema):
    origin: str
    destination: str
    year: int
    layer: str
    material: str
    value: float
    unit: str
    source: str
    quality: str


class StockOut(Schema):
    process: str
    year: int
    layer: str
    material: str
    value: float
    unit: str
    source: str
    quality: str


class SankeyOut(Schema):
    nodes: list[str]
    links: dict
    unit: str


class MetabolismOut(Schema):
    city: str
    years: list[int]
    layers: list[str]
    materials: list[str]
    year: int | None
    layer: str
    material: str
    sankey: SankeyOut
    imbalances: list[str]


class ValueOut(Schema):
    indicator: str
    year: int
    period: int = Field(description="0 for the year; the quarter (1-4) or month (1-12) otherwise")
    value: float
    unit: str
    source: str
    quality: str
    updated_at: datetime

    @staticmethod
    def resolve_indicator(obj):
        return obj.indicator_id

    @staticmethod
    def resolve_unit(obj):
        return obj.indicator.unit


class ChangeOut(Schema):
    indicator: str
    year: int
    period: int
    old_value: float | None
    new_value: float | None
    old_quality: str
    new_quality: str
    old_source: str
    new_source: str
    changed_by: str | None
    changed_at: datetime
    via: str

    @staticmethod
    def resolve_indicator(obj):
        return obj.indicator_id

    @staticmethod
    def resolve_changed_by(obj):
        return obj.changed_by.get_username() if obj.changed_by else None


class AssessmentOut(Schema):
    subject: str
    date: date
    levels: dict[str, int]
    notes: dict[str, str]
    overall: float

    @staticmethod
    def resolve_overall(obj):
        return sum(obj.levels.values()) / len(obj.levels)


class BenchmarkRow(Schema):
    indicator: str
    value: float
    year: int
    n_peers: int
    percentile: float | None
    median: float | None
    gap: float | None


class FocalAreaOut(Schema):
    area: str
    score: float
    indicators: list[str]
    weak_rs: list[str]
    reason_en: str
    reason_zh: str
    cases: list[str]


class BenchmarkOut(Schema):
    city: str
    rule: str
    peers: list[str]
    benchmarks: list[BenchmarkRow]
    focal_areas: list[FocalAreaOut]


class ValueIn(Schema):
    value: float = Field(..., ge=-1e15, le=1e15)
    period: int = Field(0, ge=0, le=12, description="quarter (1-4) or month (1-12) for quarterly or monthly "
                        "indicators; 0 for annual ones")
    source: str = Field(..., min_length=1, max_length=300, description="Where the figure comes from.")
    quality: str = Field("measured", description="measured, estimated or proxy.")
    override: bool = Field(False, description="Confirm replacing a value computed from the metabolism model.")


class UploadOut(Schema):
    changed: bool
    already_uploaded_at: datetime | None
    counts: dict
    imbalances: list[str]


@router.get("/indicators", response=responses(list[IndicatorOut], 404))
def list_indicators(request, city: str | None = None):
    """The coalition's indicator catalogue; with ``city``, also that city's own indicators."""
    return indicators_for(_city(city) if city else None).select_related("city").order_by("code")


@router.get("/indicators/{code}", response=responses(IndicatorOut, 404))
def get_indicator(request, code: str):
    return get_object_or_404(Indicator.objects.select_related("city").prefetch_related("translations"), code=code)


def _system(city, system_id):
    if system_id is None:
        return None
    from circularcities.systems.models import System

    return get_object_or_404(System, pk=system_id, city=city)


@router.post("/cities/{slug}/own-indicators", response=responses(IndicatorOut, 404, status=201, write=True),
             auth=write_auth)
def create_indicator(request, slug: str, payload: IndicatorIn):
    """Define one of the city's own indicators (its editors and the secretariat)."""
    city = _city(slug)
    require_create_indicator(request.user, city)
    ind = save_indicator(user=request.user, city=city, code=payload.code, names=payload.name,
                         definitions=payload.definition, unit=payload.unit, direction=payload.direction,
                         frequency=payload.frequency, computation=payload.computation,
                         expression=payload.expression, system=_system(city, payload.system),
                         frameworks=[f.dict() for f in payload.frameworks], source=payload.source)
    return Status(201, get_indicator(request, ind.code))


@router.patch("/indicators/{code}", response=responses(IndicatorOut, 404, write=True), auth=write_auth)
def update_indicator(request, code: str, payload: IndicatorPatch):
    """Change an indicator: the secretariat the coalition's, a city's editors the city's own.
    Fields not sent keep their value."""
    ind = get_object_or_404(Indicator.objects.prefetch_related("translations"), code=code)
    require_edit_indicator(request.user, ind)
    sent = payload.dict(exclude_unset=True)
    rows = {t.language_code: t for t in ind.translations.all()}
    names = {lang: r.name for lang, r in rows.items()} | (sent.get("name") or {})
    definitions = {lang: r.definition for lang, r in rows.items()} | (sent.get("definition") or {})
    save_indicator(
        user=request.user, indicator=ind, names=names, definitions=definitions,
        unit=sent.get("unit") or ind.unit, direction=sent.get("direction") or ind.direction,
        frequency=sent.get("frequency") or ind.frequency, computation=sent.get("computation") or ind.computation,
        expression=sent["expression"] if sent.get("expression") is not None else ind.expression,
        system=_system(ind.city, sent["system"]) if "system" in sent else ind.system,
        frameworks=sent["frameworks"] if sent.get("frameworks") is not None else ind.frameworks,
        source=sent["source"] if sent.get("source") is not None else ind.source)
    return get_indicator(request, code)


@router.get("/cities", response=responses(list[str]))
def list_cities(request):
    """Slugs of the cities with diagnosis data."""
    return list(dash.cities_with_data().order_by("slug").values_list("slug", flat=True))


@router.get("/cities/{slug}/flows", response=responses(list[FlowOut], 404))
def list_flows(request, slug: str, year: int | None = None, layer: str | None = None,
               material: str | None = None):
    qs = MetabolismFlow.objects.filter(city=_city(slug))
    if year is not None:
        qs = qs.filter(year=year)
    if layer:
        qs = qs.filter(layer=layer)
    if material:
        qs = qs.filter(material=material)
    return qs


@router.get("/cities/{slug}/stocks", response=responses(list[StockOut], 404))
def list_stocks(request, slug: str, year: int | None = None):
    qs = MetabolismStock.objects.filter(city=_city(slug))
    return qs.filter(year=year) if year is not None else qs


@router.get("/cities/{slug}/metabolism", response=responses(MetabolismOut, 404))
def metabolism(request, slug: str, year: int | None = None, layer: str | None = None, material: str | None = None):
    """Sankey data for one year, layer and material, the pickers' choices and any imbalance."""
    city = _city(slug)
    v = dash.sankey_view(city, year, layer, material)
    chart = {k: v.chart[k] for k in ("nodes", "links", "unit")}
    return {"city": city.slug, "years": v.years, "layers": v.layers, "materials": v.materials, "year": v.year,
            "layer": v.layer, "material": v.material, "sankey": chart, "imbalances": v.imbalances}


@router.get("/cities/{slug}/indicators", response=responses(list[ValueOut], 404))
def list_values(request, slug: str, code: str | None = None):
    qs = IndicatorValue.objects.filter(city=_city(slug)).select_related("indicator")
    return qs.filter(indicator_id=code) if code else qs


@router.get("/cities/{slug}/indicators/history", response=responses(list[ChangeOut], 404))
def value_history(request, slug: str, code: str | None = None,
                  limit: Annotated[int, Query(ge=1, le=5000)] = 500):
    qs = IndicatorValueChange.objects.filter(city=_city(slug)).select_related("changed_by")
    if code:
        qs = qs.filter(indicator_id=code)
    return qs[: max(1, min(limit, 5000))]


@router.put("/cities/{slug}/indicators/{code}/{year}", response=responses(ValueOut, 404, write=True), auth=write_auth)
def put_value(request, slug: str, code: str, year: Annotated[int, Path(ge=1900, le=2100)], payload: ValueIn):
    """Type one value (measured, estimated or proxy) with its source; kept in the history."""
    city = _city(slug)
    require_edit_diagnosis(request.user, city)
    indicator = get_object_or_404(Indicator, code=code)
    require_enter_values(request.user, city, indicator)
    value, _changed = set_typed_value(city, code, year, payload.value, period=payload.period or None,
                                      source=payload.source, quality=payload.quality, user=request.user,
                                      via="api", override=payload.override)
    return IndicatorValue.objects.select_related("indicator").get(pk=value.pk)


class ValuesImportOut(Schema):
    changed: int
    unchanged: int


@router.post("/cities/{slug}/indicator-values", response=responses(ValuesImportOut, 404, write=True),
             auth=write_auth)
def import_values(request, slug: str, file: UploadedFile = File(...)):  # noqa: B008 - django-ninja idiom
    """Values of the city's indicators by period from a CSV or Excel table (columns indicator_code, year,
    period, value, quality, source): all rows or none; problems name their row and column."""
    city = _city(slug)
    require_edit_diagnosis(request.user, city)
    return import_indicator_values(city, file.read(), file.name or "", user=request.user, via="api")


@router.get("/cities/{slug}/assessments", response=responses(list[AssessmentOut], 404))
def list_assessments(request, slug: str, subject: str | None = None):
    qs = MaturityAssessment.objects.filter(city=_city(slug))
    return qs.filter(subject=subject) if subject else qs


@router.get("/cities/{slug}/benchmark", response=responses(BenchmarkOut, 404))
def get_benchmark(request, slug: str):
    """Peers, percentiles (100 = best), suggested focal areas (at most 3) with reasons and cases."""
    city = _city(slug)
    view = dash.benchmark_view(city)
    return {"city": city.slug, "rule": view.rule, "peers": [p.slug for p in view.peers],
            "benchmarks": [{"indicator": r["indicator"].code, "value": r["b"].value, "year": r["b"].year,
                            "n_peers": r["b"].n_peers, "percentile": r["b"].percentile, "median": r["b"].median,
                            "gap": r["b"].gap} for r in view.rows],
            "focal_areas": [{"area": fa.area, "score": fa.score, "indicators": list(fa.indicators),
                             "weak_rs": list(fa.weak_rs), "reason_en": fa.reason_en, "reason_zh": fa.reason_zh,
                             "cases": [c.slug for c, _ in view.cases.get(fa.area, [])]}
                            for fa in view.focal_areas]}


@router.post("/cities/{slug}/upload", response=responses(UploadOut, 404, write=True), auth=write_auth)
def upload(request, slug: str, files: list[UploadedFile] = File(...)):  # noqa: B008 - django-ninja idiom
    """Upload an .xlsx workbook or CSV files; all or nothing; the same file twice changes nothing."""
    city = _city(slug)
    require_edit_diagnosis(request.user, city)
    result = import_file(city, read_files([(f.name or "", f.read()) for f in files]), user=request.user, via="api")
    return {"changed": result.changed,
            "already_uploaded_at": result.already.uploaded_at if result.already else None,
            "counts": result.counts, "imbalances": result.imbalances}
