"""Indicators computed from a city metabolism, one small class per indicator.

Each formula declares the model quantities it needs. A value is only returned when
its *required* inputs have data (at least one flow row); otherwise the result lists
what is missing and the value is ``None``: never a silent zero. Numerators such as
"waste to landfill" are *optional*: when the denominator has data and no flow goes
to landfill, the city landfills nothing, and 0 is the honest answer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from circularcities.core.errors import ValidationError
from circularcities.core.mfa import quantities as q
from circularcities.core.mfa.model import CityMetabolism


@dataclass(frozen=True)
class CityFacts:
    """Facts about a city that indicators divide by.

    Parameters
    ----------
    population
        Residents (> 0), or ``None`` if unknown.
    gdp
        Gross domestic product in EUR per year (> 0), or ``None``.
    """

    population: float | None = None
    gdp: float | None = None

    def __post_init__(self):
        for name in ("population", "gdp"):
            v = getattr(self, name)
            if v is not None and (isinstance(v, bool) or not isinstance(v, int | float) or v <= 0):
                raise ValidationError(f"Expected {name} > 0 or None, got {v!r}.")


@dataclass(frozen=True)
class IndicatorResult:
    """The value of one indicator in one year, or why there is none.

    ``quality`` is ``computed`` for values from the model; ``missing`` names the
    inputs without data (then ``value`` is ``None``).
    """

    code: str
    year: int
    value: float | None
    unit: str
    quality: str = "computed"
    missing: tuple[str, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return self.value is not None


class Formula(Protocol):
    """Computes one catalogue indicator from a model and city facts."""

    code: str
    unit: str

    def compute(self, model: CityMetabolism, year: int, facts: CityFacts) -> IndicatorResult: ...


def _result(code, unit, year, value, missing):
    return IndicatorResult(code, year, None if missing else value, unit, missing=tuple(missing))


def _need(missing: list[str], name: str, quantity: q.Quantity) -> None:
    if not quantity.present:
        missing.append(name)


def _per_capita(missing: list[str], facts: CityFacts) -> float:
    if facts.population is None:
        missing.append("population")
        return 1.0
    return facts.population


_DMC_INPUTS = "domestic material consumption (extraction, imports, exports)"
_TREATMENT_INPUTS = "flows from collection or sorting to treatment routes"


@dataclass
class QuantityFormula:
    """One model quantity (times ``scale``), per resident when ``per_capita``.

    The value is missing when the quantity has no flow rows (``needs`` names them) or,
    per capita, when the population is unknown.
    """

    code: str
    unit: str
    quantity: Callable[[CityMetabolism, int], q.Quantity]
    needs: str
    scale: float = 1
    per_capita: bool = False

    def compute(self, model, year, facts):
        missing: list[str] = []
        quantity = self.quantity(model, year)
        _need(missing, self.needs, quantity)
        pop = _per_capita(missing, facts) if self.per_capita else 1
        return _result(self.code, self.unit, year, self.scale * quantity.value / pop, missing)


class CircularMaterialUseRate:
    """MF-CMU = U / (DMC + U) x 100 (%), Eurostat's definition applied to the city."""

    code, unit = "MF-CMU", "%"

    def compute(self, model, year, facts):
        missing: list[str] = []
        dmc, u = q.domestic_material_consumption(model, year), q.recycled_material_use(model, year)
        _need(missing, _DMC_INPUTS, dmc)
        total = dmc.value + u.value
        if not missing and total <= 0:
            missing.append("a positive DMC + U")
        return _result(self.code, self.unit, year, 100 * u.value / total if total > 0 else None, missing)


class RecycledMaterialUse:
    """MF-U: recycled and composted material sent on to use (t)."""

    code, unit = "MF-U", "t"

    def compute(self, model, year, facts):
        u = q.recycled_material_use(model, year)
        # No recycled outflow is a real zero only if the waste system is reported at all.
        waste_rows = sum(x.n_rows for x in q.waste_by_route(model, year).values())
        missing = [] if u.present or waste_rows else ["flows out of recycling or composting_digestion"]
        return _result(self.code, self.unit, year, u.value, missing)


class StockAdditionPerCapita:
    """MF-STOCK-ADD-CAP = material stock change of buildings and infrastructure / population."""

    code, unit = "MF-STOCK-ADD-CAP", "t/cap/yr"

    def compute(self, model, year, facts):
        missing: list[str] = []
        rows = [s.value for s in model.stock_changes if s.year == year and s.layer == "material"
                and s.process in ("stock_buildings", "stock_infrastructure")]
        if not rows:
            missing.append("stock changes of stock_buildings or stock_infrastructure")
        pop = _per_capita(missing, facts)
        return _result(self.code, self.unit, year, sum(rows) / pop, missing)


class ResourceProductivity:
    """MF-RES-PROD = GDP / DMC (EUR/t)."""

    code, unit = "MF-RES-PROD", "EUR/t"

    def compute(self, model, year, facts):
        missing: list[str] = []
        dmc = q.domestic_material_consumption(model, year)
        _need(missing, _DMC_INPUTS, dmc)
        if facts.gdp is None:
            missing.append("gdp")
        if not missing and dmc.value <= 0:
            missing.append("a positive DMC")
        return _result(self.code, self.unit, year, (facts.gdp or 0) / dmc.value if not missing else None,
                       missing)


@dataclass
class RouteShare:
    """Share (%) of waste entering treatment that goes to ``routes``."""

    code: str
    routes: tuple[str, ...]
    unit: str = "%"

    def compute(self, model, year, facts):
        missing: list[str] = []
        by_route = q.waste_by_route(model, year)
        total = sum(x.value for x in by_route.values())
        if not any(x.present for x in by_route.values()) or total <= 0:
            missing.append(_TREATMENT_INPUTS)
        share = 100 * sum(by_route[r].value for r in self.routes) / total if total > 0 else None
        return _result(self.code, self.unit, year, share, missing)


class WasteTreated:
    """SW-TREATED: waste entering all treatment routes (t)."""

    code, unit = "SW-TREATED", "t"

    def compute(self, model, year, facts):
        by_route = q.waste_by_route(model, year)
        missing = [] if any(x.present for x in by_route.values()) else [_TREATMENT_INPUTS]
        return _result(self.code, self.unit, year, sum(x.value for x in by_route.values()), missing)


class WasteToEnergyPerCapita:
    """EN-WASTE-TO-ENERGY-CAP: energy delivered by waste plants to users / population (MWh/cap/yr)."""

    code, unit = "EN-WASTE-TO-ENERGY-CAP", "MWh/cap/yr"

    def compute(self, model, year, facts):
        missing: list[str] = []
        plants = ["incineration_energy_recovery", "composting_digestion"]
        users = ["production", "consumption", "stock_buildings", "stock_infrastructure", "exports"]
        value, n = model.flow_between(plants, users, year, layer="energy")
        if not model.select(year, "energy"):
            missing.append("energy-layer flows")
        pop = _per_capita(missing, facts)
        return _result(self.code, self.unit, year, value / pop if n or not missing else None, missing)


class PhosphorusRecovered:
    """NX-PHOSPHORUS-RECOVERED: phosphorus leaving composting_digestion to use (t P)."""

    code, unit = "NX-PHOSPHORUS-RECOVERED", "t P"

    def compute(self, model, year, facts):
        rows = [f.value for f in model.select(year, "nutrient") if f.unit == "t P"
                and f.origin == "composting_digestion" and f.destination != "landfill"]
        missing = [] if any(f.unit == "t P" for f in model.select(year, "nutrient")) else [
            "nutrient-layer flows in t P"]
        return _result(self.code, self.unit, year, float(sum(rows)), missing)


_ALL: list[Formula] = [
    CircularMaterialUseRate(),
    # MF-DMC = extraction + imports - exports (t); MF-DMC-CAP = DMC / population.
    QuantityFormula("MF-DMC", "t", q.domestic_material_consumption, _DMC_INPUTS),
    QuantityFormula("MF-DMC-CAP", "t/cap/yr", q.domestic_material_consumption, _DMC_INPUTS,
                    per_capita=True),
    RecycledMaterialUse(),
    # MF-DE: material leaving extraction (t); MF-IMP-CAP = imports / population.
    QuantityFormula("MF-DE", "t", q.domestic_extraction, "flows out of extraction"),
    QuantityFormula("MF-IMP-CAP", "t/cap/yr", q.imports, "flows out of imports", per_capita=True),
    StockAdditionPerCapita(), ResourceProductivity(),
    # SW-MSW-CAP = waste entering collection x 1000 / population (kg/cap/yr).
    QuantityFormula("SW-MSW-CAP", "kg/cap/yr", q.waste_collected, "flows into collection", scale=1000,
                    per_capita=True),
    RouteShare("SW-RECYCLING", ("recycling",)),
    RouteShare("SW-LANDFILL", ("landfill",)),
    RouteShare("SW-INCINERATION", ("incineration_energy_recovery",)),
    RouteShare("SW-COMPOSTING", ("composting_digestion",)),
    WasteTreated(), WasteToEnergyPerCapita(), PhosphorusRecovered(),
]
FORMULAS: dict[str, Formula] = {f.code: f for f in _ALL}
"""Every computable indicator, by catalogue code."""


def compute_indicators(model: CityMetabolism, facts: CityFacts, years: list[int] | None = None,
                       codes: list[str] | None = None) -> list[IndicatorResult]:
    """Compute indicators from the model for each year.

    Parameters
    ----------
    model
        The city's metabolism.
    facts
        Population (and GDP) the per-capita indicators need.
    years
        Years to compute (default: every year of the model).
    codes
        Indicator codes (default: every formula in :data:`FORMULAS`).

    Returns
    -------
    list of IndicatorResult
        One per code and year, including those with missing inputs (value ``None``).
    """
    codes = list(FORMULAS) if codes is None else codes
    unknown = [c for c in codes if c not in FORMULAS]
    if unknown:
        raise ValidationError(f"Expected computable indicator codes, got {', '.join(unknown)}.")
    return [FORMULAS[c].compute(model, y, facts) for y in (years or model.years) for c in codes]
