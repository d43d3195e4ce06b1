"""Systems API: a city's systems as flodym-style JSON, their balance, Sankey data per layer
and year, scenarios and their comparison; dynamic stock models. Writes for the city's
editors, through the same services as the pages."""

from __future__ import annotations

from typing import Annotated, Any

from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema, Status
from pydantic import Field

from circularcities.accounts.auth import write_auth
from circularcities.coalition.models import City
from circularcities.core.errors import ValidationError
from circularcities.core.mfa import system as core
from circularcities.core.mfa import system_io
from circularcities.systems import services
from circularcities.systems.models import StockModel, System
from circularcities.systems.permissions import (
    require_edit,
    require_edit_city,
    require_view,
    visible_to,
)
from circularcities.web.api_support import Id, responses
from circularcities.web.translated import translated

PREFIX = "/systems/"
router = Router(tags=["systems"])


class SystemOut(Schema):
    id: int
    city: str
    name: str
    scope: str
    area: str
    first_year: int
    last_year: int
    base: int | None
    published: bool
    blocking: bool
    status: str
    n_issues: int


def _out(s: System) -> dict:
    return {"id": s.pk, "city": s.city.slug, "name": translated(s, "name").text, "scope": s.scope, "area": s.area,
            "first_year": s.first_year, "last_year": s.last_year, "base": s.base_id, "published": s.published,
            "blocking": s.blocking, "status": s.status, "n_issues": int((s.result or {}).get("n_issues", 0))}


class SystemIssueOut(Schema):
    process: str
    layer: str
    year: int
    unit: str
    inflow: float
    outflow: float
    stock_change: float
    amount: float
    share: float
    accepted: bool
    reason: str


class SystemBalanceOut(Schema):
    status: str
    issues: list[SystemIssueOut]


class SystemSankeyOut(Schema):
    layer: str
    year: int
    unit: str
    nodes: list[str]
    node_labels: list[str]
    node_values: list[float]
    imbalanced: list[bool]
    links: dict[str, list[Any]]


class SystemDefinitionIn(Schema):
    definition: dict[str, Any] = Field(description="A flodym-style definition as GET /systems/{id} returns it.")
    scope: str = "city"
    area: str = Field("", max_length=200)


class SystemScenarioIn(Schema):
    name: str = Field(..., min_length=1, max_length=200)


class SystemAcceptIn(Schema):
    process: str = Field(..., max_length=60)
    layer: str = Field(..., max_length=60)
    year: int | None = Field(None, ge=1900, le=2100)
    reason: str = Field(..., min_length=1, max_length=500)


class SystemCompareOut(Schema):
    year: int
    layers: list[dict[str, Any]]
    flows: list[dict[str, Any]]
    indicators: list[dict[str, Any]]


class StockModelOut(Schema):
    id: int
    city: str
    name: str
    subject: str
    unit: str
    driver: str
    first_year: int
    values: list[float]
    lifetime: dict[str, Any]
    estimate: bool
    result: dict[str, Any] | None


def _system(request, pk: int) -> System:
    system = get_object_or_404(System.objects.select_related("city"), pk=pk)
    require_view(request.user, system)
    return system


def _result(system: System) -> core.SystemResult:
    return services.result_of(system)


@router.get("/cities/{slug}", response=responses(list[SystemOut], 404))
def list_systems(request, slug: str):
    """The systems of a city the caller may read (published ones, and drafts for its members)."""
    city = get_object_or_404(City, slug=slug)
    qs = visible_to(request.user, System.objects.filter(city=city)).select_related("city").prefetch_related(
        "translations")
    return [_out(s) for s in qs]


@router.get("/{id}", response=responses(dict[str, Any], 403, 404))
def get_definition(request, id: Id):  # noqa: A002 - the path's name
    """The definition in flodym's field names (see core/mfa/system_io.py); it imports back."""
    return system_io.to_json(services.definition(_system(request, id)))


@router.get("/{id}/balance", response=responses(SystemBalanceOut, 403, 404))
def get_balance(request, id: Id):  # noqa: A002
    """Every imbalance located at its process, layer and year, with its share and whether it is accepted."""
    result = _result(_system(request, id))
    return {"status": result.status, "issues": [i.as_dict() for i in result.issues]}


@router.get("/{id}/sankey", response=responses(SystemSankeyOut, 403, 404))
def get_sankey(request, id: Id, layer: Annotated[str, Query(max_length=60)],  # noqa: A002
               year: Annotated[int, Query(ge=1900, le=2100)]):
    """Nodes and links of one layer and year; ``width`` is the drawn width (amount, or the floor for tiny flows)."""
    result = _result(_system(request, id))
    if layer not in [lay.code for lay in result.definition.layers] or year not in result.years:
        raise ValidationError("Expected a layer and a year of the system.")
    return core.sankey(result, layer, year)


@router.post("/cities/{slug}", response=responses(SystemOut, 404, status=201, write=True), auth=write_auth)
def create_system(request, slug: str, payload: SystemDefinitionIn):
    """Create a system from a flodym-style definition (all or nothing)."""
    city = get_object_or_404(City, slug=slug)
    require_edit_city(request.user, city)
    defn = system_io.from_json(payload.definition)
    system = services.import_system(city, defn, request.user, scope=payload.scope, area=payload.area)
    return Status(201, _out(system))


@router.put("/{id}", response=responses(SystemOut, 404, write=True), auth=write_auth)
def replace_system(request, id: Id, payload: SystemDefinitionIn):  # noqa: A002
    """Replace the system's content with a definition (all or nothing)."""
    system = get_object_or_404(System.objects.select_related("city"), pk=id)
    require_edit(request.user, system)
    services.replace_definition(system, system_io.from_json(payload.definition), request.user)
    system.refresh_from_db()
    return _out(system)


@router.post("/{id}/scenarios", response=responses(SystemOut, 404, status=201, write=True), auth=write_auth)
def make_scenario(request, id: Id, payload: SystemScenarioIn):  # noqa: A002
    """Copy the system as a scenario to change."""
    system = get_object_or_404(System.objects.select_related("city"), pk=id)
    require_edit(request.user, system)
    return Status(201, _out(services.make_scenario(system, request.user, name=payload.name)))


@router.post("/{id}/acceptances", response=responses(SystemBalanceOut, 404, status=201, write=True), auth=write_auth)
def accept(request, id: Id, payload: SystemAcceptIn):  # noqa: A002
    """Accept the imbalance of a process in a layer (one year, or every year) with a reason."""
    system = get_object_or_404(System.objects.select_related("city"), pk=id)
    require_edit(request.user, system)
    services.accept_imbalance(system, request.user, process=payload.process, layer=payload.layer,
                              year=payload.year, reason=payload.reason)
    result = _result(system)
    return Status(201, {"status": result.status, "issues": [i.as_dict() for i in result.issues]})


@router.get("/{id}/compare/{other}", response=responses(SystemCompareOut, 403, 404))
def compare(request, id: Id, other: Id, year: Annotated[int | None, Query(ge=1900, le=2100)] = None):  # noqa: A002
    """What changes from system ``id`` to system ``other``: per layer, per flow and per indicator."""
    a, b = _result(_system(request, id)), _result(_system(request, other))
    y = year if year is not None else a.years[-1]
    cmp = core.compare(a, b, year=y)
    return {"year": y, "layers": cmp.layers, "flows": cmp.flows, "indicators": cmp.indicators}


@router.get("/stock-models/{id}", response=responses(StockModelOut, 403, 404))
def get_stock_model(request, id: Id):  # noqa: A002
    """A dynamic stock model with its result (years, stock, inflow, outflow)."""
    model = get_object_or_404(StockModel.objects.select_related("city"), pk=id)
    require_view(request.user, model)
    return {"id": model.pk, "city": model.city.slug, "name": translated(model, "name").text,
            "subject": model.subject, "unit": model.unit, "driver": model.driver, "first_year": model.first_year,
            "values": model.values, "lifetime": model.lifetime, "estimate": model.estimate, "result": model.result}
