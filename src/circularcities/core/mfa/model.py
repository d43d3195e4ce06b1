"""City metabolism: processes, flows between them and stock changes.

A :class:`CityMetabolism` is plain data (lists of :class:`Flow` and
:class:`StockChange`) plus invariants and helpers. No I/O happens here; the
CSV reader lives in :mod:`circularcities.core.mfa.io` and the workbook reader
in :mod:`circularcities.core.diagnosis_io`.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from circularcities.core import rules
from circularcities.core.errors import MassBalanceError, ValidationError
from circularcities.core.rules import YEAR_MAX, YEAR_MIN

ENVIRONMENT = "environment"
"""The system boundary: nature and the rest of the world. Never balanced."""

PROCESSES: tuple[str, ...] = (
    ENVIRONMENT,
    "extraction",
    "imports",
    "production",
    "consumption",
    "stock_buildings",
    "stock_infrastructure",
    "collection",
    "sorting",
    "recycling",
    "composting_digestion",
    "incineration_energy_recovery",
    "landfill",
    "exports",
)
"""Process ids a city metabolism may use."""

STOCK_PROCESSES: frozenset[str] = frozenset({"stock_buildings", "stock_infrastructure", "landfill"})
"""Processes that may accumulate material. A landfill is a stock on purpose: what is
landfilled stays in the technosphere (and may be mined later), so it is not a flow
back to the environment."""

LAYERS: tuple[str, ...] = ("material", "energy", "water", "nutrient")

UNITS_BY_LAYER: dict[str, frozenset[str]] = {
    "material": frozenset({"t"}),
    "energy": frozenset({"MWh"}),
    "water": frozenset({"m3"}),
    "nutrient": frozenset({"t N", "t P"}),
}
"""The one unit (or, for nutrients, units) each layer is accounted in."""

def _check_year(year: object) -> int:
    if isinstance(year, bool) or not isinstance(year, int):
        raise ValidationError(f"Expected year to be an integer in {YEAR_MIN}..{YEAR_MAX}, got {year!r}.")
    rules.year("year", year)
    return year


def _check_layer_unit(layer: str, unit: str) -> None:
    if layer not in UNITS_BY_LAYER:
        raise ValidationError(f"Expected layer in {', '.join(LAYERS)}, got {layer!r}.")
    if unit not in UNITS_BY_LAYER[layer]:
        allowed = " or ".join(sorted(UNITS_BY_LAYER[layer]))
        raise ValidationError(f"Expected unit {allowed} for layer '{layer}', got {unit!r}.")


def _check_year_layer_material(year, layer, unit, material) -> None:
    """What a flow and a stock change both state: a year, a layer in its unit, a material."""
    _check_year(year)
    _check_layer_unit(layer, unit)
    if not isinstance(material, str) or not material.strip():
        raise ValidationError("Expected a material name, got an empty one.")


def _check_finite(name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValidationError(f"Expected {name} to be a finite number, got {value!r}.")
    return float(value)


@dataclass(frozen=True)
class Flow:
    """A flow from one process to another during one year.

    Parameters
    ----------
    origin, destination
        Process ids from :data:`PROCESSES`; different from each other.
    year
        Calendar year, 1900..2100.
    layer
        ``material``, ``energy``, ``water`` or ``nutrient``.
    material
        Material or category name, free text (e.g. ``paper``, ``organics``), not empty.
    value
        Amount during the year, >= 0, in ``unit``.
    unit
        ``t`` (material), ``MWh`` (energy), ``m3`` (water), ``t N`` / ``t P`` (nutrient).
    """

    origin: str
    destination: str
    year: int
    layer: str
    material: str
    value: float
    unit: str

    def __post_init__(self):
        for name in ("origin", "destination"):
            if getattr(self, name) not in PROCESSES:
                raise ValidationError(f"Expected {name} to be one of {', '.join(PROCESSES)}, "
                                      f"got {getattr(self, name)!r}.")
        if self.origin == self.destination:
            raise ValidationError(f"Expected origin and destination to differ, both are {self.origin!r}.")
        _check_year_layer_material(self.year, self.layer, self.unit, self.material)
        value = _check_finite("value", self.value)
        if value < 0:
            raise ValidationError(f"Expected value >= 0, got {value}.")
        object.__setattr__(self, "value", value)


@dataclass(frozen=True)
class StockChange:
    """Net addition to a stock process during one year (negative: the stock shrinks).

    Parameters
    ----------
    process
        A process from :data:`STOCK_PROCESSES`.
    year, layer, material, unit
        As for :class:`Flow`.
    value
        Stock at the end of the year minus stock at its start, in ``unit``; any sign.
    """

    process: str
    year: int
    layer: str
    material: str
    value: float
    unit: str

    def __post_init__(self):
        if self.process not in STOCK_PROCESSES:
            raise ValidationError(f"Expected a stock process ({', '.join(sorted(STOCK_PROCESSES))}), "
                                  f"got {self.process!r}.")
        _check_year_layer_material(self.year, self.layer, self.unit, self.material)
        object.__setattr__(self, "value", _check_finite("value", self.value))


@dataclass(frozen=True)
class Imbalance:
    """A process whose inflow - outflow - stock change is beyond tolerance.

    ``imbalance`` is inflow - outflow - stock change, in ``unit``: positive means
    material arrives that is neither passed on nor stocked.
    """

    process: str
    year: int
    layer: str
    unit: str
    inflow: float
    outflow: float
    stock_change: float
    imbalance: float

    @property
    def share(self) -> float:
        """The imbalance as a fraction of the larger of inflow, outflow and stock change (0..)."""
        scale = max(self.inflow, self.outflow, abs(self.stock_change))
        return abs(self.imbalance) / scale if scale > 0 else 0.0

    def __str__(self) -> str:
        return (f"{self.process} {self.year} {self.layer}: in {self.inflow:g} - out {self.outflow:g}"
                f" - stock change {self.stock_change:g} = {self.imbalance:+g} {self.unit}")


def find_imbalances(inflow: dict[tuple, float], outflow: dict[tuple, float],
                    stock_change: dict[tuple, float], *, boundary: str = ENVIRONMENT,
                    rtol: float = 1e-6, atol: float = 1e-6) -> list[Imbalance]:
    """The one mass-balance check: every key that does not balance.

    Keys are ``(process, year, layer, unit)``; the dicts sum inflows, outflows and stock
    changes per key. A key balances when ``|in - out - stock change| <= rtol * max(in, out,
    |stock change|) + atol``, so the tolerance scales with the data. The ``boundary``
    process (nature and the rest of the world) is never checked. Used by
    :class:`CityMetabolism` and by user-defined systems (:mod:`~circularcities.core.mfa.system`).
    """
    if rtol < 0 or atol < 0:
        raise ValidationError("Expected rtol >= 0 and atol >= 0.")
    found = []
    for key in sorted(set(inflow) | set(outflow) | set(stock_change)):
        if key[0] == boundary:
            continue
        fin, fout, ds = inflow.get(key, 0.0), outflow.get(key, 0.0), stock_change.get(key, 0.0)
        diff = fin - fout - ds
        if abs(diff) > rtol * max(fin, fout, abs(ds)) + atol:
            found.append(Imbalance(key[0], key[1], key[2], key[3], fin, fout, ds, diff))
    return found


@dataclass
class CityMetabolism:
    """Flows and stock changes of one city.

    Parameters
    ----------
    flows
        Every flow, any years and layers.
    stock_changes
        Net stock additions of stock processes.
    """

    flows: list[Flow] = field(default_factory=list)
    stock_changes: list[StockChange] = field(default_factory=list)

    def __post_init__(self):
        self.flows = list(self.flows)
        self.stock_changes = list(self.stock_changes)
        for f in self.flows:
            if not isinstance(f, Flow):
                raise ValidationError(f"Expected Flow objects in flows, got {type(f).__name__}.")
        for s in self.stock_changes:
            if not isinstance(s, StockChange):
                raise ValidationError(f"Expected StockChange objects, got {type(s).__name__}.")

    # -- queries -------------------------------------------------------------------------
    @property
    def years(self) -> list[int]:
        """Sorted years that have a flow or a stock change."""
        return sorted({f.year for f in self.flows} | {s.year for s in self.stock_changes})

    def select(self, year: int | None = None, layer: str | None = None,
               material: str | None = None) -> list[Flow]:
        """Flows matching every filter given (``None`` matches everything)."""
        return [f for f in self.flows
                if (year is None or f.year == year) and (layer is None or f.layer == layer)
                and (material is None or f.material == material)]

    def totals_by_process(self, year: int, layer: str = "material",
                          material: str | None = None) -> dict[str, dict[str, float]]:
        """Inflow, outflow and stock change per process in one year and layer.

        Returns
        -------
        dict
            ``{process: {"inflow": x, "outflow": y, "stock_change": z}}`` for every process
            touched, in the layer's unit. Mixed nutrient units are summed only if you
            filter by material; prefer :meth:`imbalances` for checks.
        """
        out: dict[str, dict[str, float]] = defaultdict(
            lambda: {"inflow": 0.0, "outflow": 0.0, "stock_change": 0.0})
        for f in self.select(year, layer, material):
            out[f.destination]["inflow"] += f.value
            out[f.origin]["outflow"] += f.value
        for s in self.stock_changes:
            if s.year == year and s.layer == layer and (material is None or s.material == material):
                out[s.process]["stock_change"] += s.value
        return dict(out)

    def flow_between(self, origins: Iterable[str], destinations: Iterable[str], year: int,
                     layer: str = "material") -> tuple[float, int]:
        """Sum of flows from any of ``origins`` to any of ``destinations``.

        Returns
        -------
        (total, n_rows)
            ``n_rows`` is how many flow rows contributed, so callers can tell a
            measured zero from absent data.
        """
        origins, destinations = set(origins), set(destinations)
        rows = [f.value for f in self.select(year, layer)
                if f.origin in origins and f.destination in destinations]
        return float(sum(rows)), len(rows)

    # -- invariants ----------------------------------------------------------------------
    def imbalances(self, rtol: float = 1e-6, atol: float = 1e-6) -> list[Imbalance]:
        """Every process, year, layer and unit that does not balance.

        A process balances when ``|in - out - stock change| <= rtol * max(in, out) + atol``,
        so the tolerance scales with the data. The environment is the system boundary
        and is never checked.

        Parameters
        ----------
        rtol
            Relative tolerance, >= 0 (default one part per million).
        atol
            Absolute tolerance in the layer's unit, >= 0.
        """
        key_in: dict[tuple, float] = defaultdict(float)
        key_out: dict[tuple, float] = defaultdict(float)
        key_stock: dict[tuple, float] = defaultdict(float)
        for f in self.flows:
            key_in[(f.destination, f.year, f.layer, f.unit)] += f.value
            key_out[(f.origin, f.year, f.layer, f.unit)] += f.value
        for s in self.stock_changes:
            key_stock[(s.process, s.year, s.layer, s.unit)] += s.value
        return find_imbalances(key_in, key_out, key_stock, boundary=ENVIRONMENT, rtol=rtol, atol=atol)

    def check_mass_balance(self, tolerance: float = 1e-6, atol: float = 1e-6) -> None:
        """Raise :class:`MassBalanceError` if any process does not balance.

        Parameters
        ----------
        tolerance
            Relative tolerance (see :meth:`imbalances`).
        atol
            Absolute tolerance in the layer's unit.

        Raises
        ------
        MassBalanceError
            Naming every failing process, year, layer and its imbalance; the list is
            in ``error.imbalances``.
        """
        found = self.imbalances(rtol=tolerance, atol=atol)
        if found:
            err = MassBalanceError("Expected every process to balance; "
                                   + "; ".join(str(i) for i in found[:10])
                                   + (f" (and {len(found) - 10} more)" if len(found) > 10 else ""))
            err.imbalances = found  # type: ignore[attr-defined]
            raise err

    # -- charts --------------------------------------------------------------------------
    def sankey(self, year: int, layer: str = "material", material: str | None = None) -> dict:
        """Nodes and links for a Sankey diagram (e.g. ``plotly.graph_objects.Sankey``).

        Returns
        -------
        dict
            ``{"nodes": [process ids], "links": {"source": [i], "target": [j],
            "value": [v], "label": [material]}, "unit": unit}`` with parallel flows of the
            same material summed. Plain lists, JSON-serialisable.
        """
        totals: dict[tuple[str, str, str], float] = defaultdict(float)
        units = set()
        for f in self.select(year, layer, material):
            totals[(f.origin, f.destination, f.material)] += f.value
            units.add(f.unit)
        nodes = [p for p in PROCESSES if any(p in k[:2] for k in totals)]
        index = {p: i for i, p in enumerate(nodes)}
        links: dict[str, list] = {"source": [], "target": [], "value": [], "label": []}
        for (o, d, m), v in sorted(totals.items()):
            links["source"].append(index[o])
            links["target"].append(index[d])
            links["value"].append(v)
            links["label"].append(m)
        return {"nodes": nodes, "links": links, "unit": ", ".join(sorted(units))}
