"""User-defined systems: the city's own processes, flows and stocks, in several layers.

A :class:`SystemDefinition` is defined the way flodym defines an MFA system
(``flodym.MFADefinition``): dimensions (time ``t`` first, and at most one more, such
as material ``m`` or sector ``s``), processes (``sysenv``, the system boundary, first),
flows between processes, stocks attached to processes and parameters. On top of
flodym's definition each flow belongs to a *layer* with its own unit (materials in t,
water in m3, energy in MWh, phosphorus in kg P, nitrogen in kg N, carbon in t CO2e),
and a flow's amount is either given per year (``values``) or a *share* (a transfer
coefficient, a number or a parameter's name) of what its origin receives.

:func:`compute` resolves the shares (a linear system per layer and year, so cycles
are allowed), runs the stocks (accumulating, given, or inflow-driven dynamic stock
models with a lifetime through :func:`~circularcities.core.mfa.stock.compute_stock`,
i.e. flodym's ``InflowDrivenDSM``), and checks every process in every layer and year
with :func:`~circularcities.core.mfa.model.find_imbalances`, the platform's one balance
check. An imbalance can be accepted with a reason; a system whose owner made balance
*blocking* reports ``blocked`` while any imbalance is not accepted.

:func:`apply_changes` makes a scenario (a copy with changed parameters or flows) and
:func:`compare` says what changes between two results, per layer and in the
indicators computed from them. Pure Python, no Django.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace

import numpy as np

from circularcities.core import rules
from circularcities.core.errors import ValidationError
from circularcities.core.i18n import Message
from circularcities.core.mfa.lifetimes import parse_lifetime
from circularcities.core.mfa.model import Imbalance, find_imbalances
from circularcities.core.sankey import fmt_amount

BOUNDARY = "sysenv"
"""flodym's name for the system boundary (nature, the rest of the world); never balanced."""
SINK = ":out"
"""Suffix of the boundary's second node in a Sankey: where flows leave the system."""
LAYER_NODE = "layer:"
"""Prefix of a Sankey node standing for another layer that a conversion turns into this
one, or this one into (``layer:energy``)."""

LAYER_UNITS: dict[str, str] = {
    "materials": "t",
    "water": "m3",
    "energy": "MWh",
    "phosphorus": "kg P",
    "nitrogen": "kg N",
    "carbon": "t CO2e",
}
"""The standard layers and the one unit each is accounted in."""

UNITS: tuple[str, ...] = ("t", "m3", "MWh", "kg P", "kg N", "t CO2e")
"""Units a layer may use (a city may add its own layer, e.g. ``heat`` in MWh)."""

STOCK_KINDS: tuple[str, ...] = ("accumulation", "given", "inflow_driven")
"""How a stock changes: it keeps whatever its process does not pass on (flodym's
``SimpleFlowDrivenStock``); its change is given per year; or an inflow-driven dynamic
stock model with a lifetime (flodym's ``InflowDrivenDSM``)."""

FLODYM_STOCK_CLASS = {"accumulation": "SimpleFlowDrivenStock", "given": "Stock",
                      "inflow_driven": "InflowDrivenDSM"}
FLODYM_LIFETIME_CLASS = {"normal": "NormalLifetime", "lognormal": "LogNormalLifetime",
                         "weibull": "WeibullLifetime", "fixed": "FixedLifetime"}

CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_\-]{0,59}$")
MAX_YEARS = 200
MAX_PROCESSES = 1000
MAX_FLOWS = 20000


def error_message(exc: Exception) -> str:
    """The sentence of ``exc`` (a ValidationError refusing a definition) as a
    :class:`~circularcities.core.i18n.Message` when it has one, so an import summary, a form
    or the API renders it in the reader's language; ``str(exc)`` otherwise. A field's error
    keeps its field name ("Field 'unit': ...")."""
    if isinstance(exc, rules.FieldError):
        return Message("Field '%(field)s': %(message)s", field=exc.field, message=exc.message())
    arg = exc.args[0] if len(exc.args) == 1 else None
    return arg if isinstance(arg, Message) else str(exc)


def check_code(field_name: str, value: object) -> str:
    """A process, layer, parameter or indicator code: letters, digits, ``_`` and ``-``, at most 60."""
    if not isinstance(value, str) or not CODE.match(value):
        raise rules.FieldError(field_name, rules.Msg("Expected a code of letters, digits, '_' or '-' (at most 60, starting with a letter or "
            "digit); got %(value)s."),
            value=repr(value)[:40])
    return value


def _amount(field_name: str, value: object) -> float:
    return float(rules.non_negative(field_name, value, maximum=rules.MAX_MAGNITUDE))


# -- definition ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Dimension:
    """A dimension as flodym has it: a name, one letter, and its items."""

    name: str
    letter: str
    items: tuple

    def __post_init__(self):
        rules.name("dimension name", self.name, required=True, max_length=60)
        if not isinstance(self.letter, str) or len(self.letter) != 1 or not self.letter.isalpha():
            raise ValidationError(Message("Expected a dimension letter (one letter), got %(value)s.", value=repr(self.letter)))
        items = tuple(self.items)
        if not items:
            raise ValidationError(Message("Expected dimension %(name)s to have at least one item.", name=repr(self.name)))
        if len(set(items)) != len(items):
            raise ValidationError(Message("Expected the items of dimension %(name)s to differ from each other.",
                                          name=repr(self.name)))
        object.__setattr__(self, "items", items)

    @property
    def dtype(self) -> str:
        return "int" if self.letter == "t" else "str"


@dataclass(frozen=True)
class Layer:
    """A layer of the system with its unit, e.g. ``water`` in m3."""

    code: str
    unit: str
    name: str = ""

    def __post_init__(self):
        check_code("layer", self.code)
        rules.choice("unit", self.unit, UNITS)
        object.__setattr__(self, "name", rules.name("layer name", self.name, max_length=100))

    @property
    def label(self) -> str:
        return self.name or self.code


@dataclass(frozen=True)
class Process:
    """A process (a node of the system); ``name`` is what people read."""

    code: str
    name: str = ""

    def __post_init__(self):
        check_code("process", self.code)
        object.__setattr__(self, "name", rules.name("process name", self.name, max_length=200))

    @property
    def label(self) -> str:
        return self.name or self.code


@dataclass(frozen=True)
class Parameter:
    """A named number, constant (``values`` a float) or one per year (``{year: float}``)."""

    name: str
    values: float | dict[int, float]

    def __post_init__(self):
        check_code("parameter", self.name)
        if isinstance(self.values, dict):
            vals = {rules.year("year", y): float(rules.magnitude("value", v)) for y, v in self.values.items()}
            object.__setattr__(self, "values", dict(sorted(vals.items())))
        else:
            object.__setattr__(self, "values", float(rules.magnitude("value", self.values)))

    @property
    def dim_letters(self) -> tuple[str, ...]:
        return ("t",) if isinstance(self.values, dict) else ()

    def at(self, year: int) -> float:
        if isinstance(self.values, dict):
            if year not in self.values:
                raise ValidationError(Message("Expected parameter %(name)s to have a value for %(year)s.",
                                              name=repr(self.name), year=year))
            return self.values[year]
        return self.values


@dataclass(frozen=True)
class FlowSpec:
    """A flow from ``origin`` to ``destination`` in ``layer``.

    Either ``values`` (amount per year, ``{year: amount}``, or per year and item of the
    second dimension, ``{(year, item): amount}``) or ``share``: the fraction 0..1 of
    everything the origin receives in that layer and year, a number or a parameter's
    name. ``estimate`` marks figures the source does not give; ``source`` cites one.
    """

    origin: str
    destination: str
    layer: str
    values: dict = field(default_factory=dict)
    share: float | str | None = None
    source: str = ""
    estimate: bool = False

    def __post_init__(self):
        check_code("origin", self.origin)
        check_code("destination", self.destination)
        check_code("layer", self.layer)
        if self.origin == self.destination:
            raise rules.FieldError("destination", rules.Msg("Expected a destination other than the origin (%(value)s)."),
                value=self.origin)
        values: dict[tuple[int, str | None], float] = {}
        for key, v in dict(self.values).items():
            year, item = key if isinstance(key, tuple) else (key, None)
            values[(rules.year("year", year), None if item in (None, "") else str(item))] = _amount("value", v)
        object.__setattr__(self, "values", dict(sorted(values.items(), key=lambda kv: (kv[0][0], kv[0][1] or ""))))
        if self.share is not None:
            if values:
                raise rules.FieldError("share", rules.Msg("Expected either amounts per year or a share, not both."))
            if isinstance(self.share, str):
                check_code("share", self.share)
            else:
                object.__setattr__(self, "share", float(rules.fraction("share", self.share)))
        object.__setattr__(self, "source", rules.name("source", self.source, max_length=300))
        object.__setattr__(self, "estimate", bool(self.estimate))

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.origin, self.destination, self.layer)

    @property
    def dim_letters(self) -> tuple[str, ...]:
        return ("t", "x") if any(item is not None for _y, item in self.values) else ("t",)


@dataclass(frozen=True)
class StockSpec:
    """A stock at ``process`` in ``layer``.

    ``kind`` is one of :data:`STOCK_KINDS`. ``inflow_driven`` needs ``lifetime`` (the
    dict form of :func:`~circularcities.core.mfa.lifetimes.parse_lifetime`) and
    ``outflow_to``, the process that receives what leaves the stock. ``given`` needs
    ``values``: the stock change per year. ``initial`` is the stock before the first year.
    """

    process: str
    layer: str
    kind: str = "accumulation"
    lifetime: dict | None = None
    outflow_to: str | None = None
    values: dict = field(default_factory=dict)
    initial: float = 0.0
    name: str = ""

    def __post_init__(self):
        check_code("process", self.process)
        check_code("layer", self.layer)
        rules.choice("kind", self.kind, STOCK_KINDS)
        if self.kind == "inflow_driven":
            if self.lifetime is None:
                raise rules.FieldError("lifetime", rules.REQUIRED)
            object.__setattr__(self, "lifetime", parse_lifetime(self.lifetime).as_dict())
            if not self.outflow_to:
                raise rules.FieldError("outflow_to", rules.REQUIRED)
            check_code("outflow_to", self.outflow_to)
        else:
            object.__setattr__(self, "lifetime", None)
            object.__setattr__(self, "outflow_to", None)
        vals = {rules.year("year", y): float(rules.magnitude("value", v)) for y, v in dict(self.values).items()}
        if self.kind != "given":
            vals = {}
        object.__setattr__(self, "values", dict(sorted(vals.items())))
        object.__setattr__(self, "initial", float(rules.non_negative("initial", self.initial,
                                                                      maximum=rules.MAX_MAGNITUDE)))
        object.__setattr__(self, "name", rules.name("stock name", self.name, max_length=200))

    @property
    def key(self) -> tuple[str, str]:
        return (self.process, self.layer)


@dataclass(frozen=True)
class Acceptance:
    """An imbalance the owner accepts, with the reason; ``year`` None accepts every year."""

    process: str
    layer: str
    reason: str
    year: int | None = None

    def __post_init__(self):
        check_code("process", self.process)
        check_code("layer", self.layer)
        object.__setattr__(self, "reason", rules.text("reason", self.reason, required=True, max_length=500))
        if self.year is not None:
            object.__setattr__(self, "year", rules.year("year", self.year))

    def covers(self, imb: Imbalance) -> bool:
        return (imb.process == self.process and imb.layer == self.layer
                and (self.year is None or self.year == imb.year))


@dataclass(frozen=True)
class Conversion:
    """Where one layer becomes another: at ``process``, the share ``consumed`` of what
    the process receives in ``from_layer`` is used up, and each unit used up yields
    ``factor`` units of ``to_layer`` there (for example organic waste in t becoming
    biogas electricity in MWh at a biorefinery, or a wastewater plant's water in m3
    carrying phosphorus in kg P into its sludge). ``consumed`` and ``factor`` are numbers
    or a parameter's name (so a scenario can change them).

    The balance counts what is used up as leaving ``process`` in ``from_layer`` and what
    is yielded as entering it in ``to_layer``, so a conversion process balances in both
    layers; in a Sankey each side is drawn as a link to or from the other layer.
    """

    process: str
    from_layer: str
    to_layer: str
    factor: float | str
    consumed: float | str = 1.0
    source: str = ""
    estimate: bool = False

    def __post_init__(self):
        check_code("process", self.process)
        check_code("from_layer", self.from_layer)
        check_code("to_layer", self.to_layer)
        if self.from_layer == self.to_layer:
            raise rules.FieldError("to_layer", rules.Msg("Expected a layer other than the one converted from (%(value)s)."),
                value=self.from_layer)
        if isinstance(self.factor, str):
            check_code("factor", self.factor)
        else:
            object.__setattr__(self, "factor", float(rules.positive("factor", self.factor,
                                                                     maximum=rules.MAX_MAGNITUDE)))
        if isinstance(self.consumed, str):
            check_code("consumed", self.consumed)
        else:
            object.__setattr__(self, "consumed", float(rules.fraction("consumed", self.consumed)))
        object.__setattr__(self, "source", rules.name("source", self.source, max_length=300))
        object.__setattr__(self, "estimate", bool(self.estimate))

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.process, self.from_layer, self.to_layer)


@dataclass(frozen=True)
class SystemIndicator:
    """An indicator computed from the system: the sum of ``numerator`` flows (pairs of
    origin and destination) in ``layer``, divided by the sum of ``denominator`` flows and
    given in % when there is one, else in the layer's unit."""

    code: str
    name: str
    layer: str
    numerator: tuple[tuple[str, str], ...]
    denominator: tuple[tuple[str, str], ...] = ()
    higher_is_better: bool = True

    def __post_init__(self):
        check_code("indicator", self.code)
        object.__setattr__(self, "name", rules.name("indicator name", self.name, required=True))
        check_code("layer", self.layer)
        for part in ("numerator", "denominator"):
            pairs = tuple((check_code("origin", o), check_code("destination", d)) for o, d in getattr(self, part))
            object.__setattr__(self, part, pairs)
        if not self.numerator:
            raise rules.FieldError("numerator", rules.REQUIRED)


@dataclass(frozen=True)
class SystemDefinition:
    """A whole system. Construct it and call :meth:`validate` (``compute`` does)."""

    name: str
    years: tuple[int, ...]
    layers: tuple[Layer, ...]
    processes: tuple[Process, ...]
    flows: tuple[FlowSpec, ...] = ()
    stocks: tuple[StockSpec, ...] = ()
    parameters: tuple[Parameter, ...] = ()
    second_dimension: Dimension | None = None
    acceptances: tuple[Acceptance, ...] = ()
    indicators: tuple[SystemIndicator, ...] = ()
    conversions: tuple[Conversion, ...] = ()
    blocking: bool = False
    rtol: float = 1e-6
    atol: float = 1e-6

    def __post_init__(self):
        for name in ("layers", "processes", "flows", "stocks", "parameters", "acceptances", "indicators",
                     "conversions"):
            object.__setattr__(self, name, tuple(getattr(self, name)))
        years = tuple(sorted(rules.year("year", y) for y in self.years))
        object.__setattr__(self, "years", years)
        object.__setattr__(self, "rtol", float(rules.non_negative("rtol", self.rtol, maximum=1)))
        object.__setattr__(self, "atol", float(rules.non_negative("atol", self.atol, maximum=rules.MAX_MAGNITUDE)))

    # -- lookups
    @property
    def time(self) -> Dimension:
        return Dimension("Time", "t", self.years)

    @property
    def dimensions(self) -> tuple[Dimension, ...]:
        return (self.time,) + ((self.second_dimension,) if self.second_dimension else ())

    def layer(self, code: str) -> Layer:
        for layer in self.layers:
            if layer.code == code:
                return layer
        raise ValidationError(Message("Unknown layer %(code)s.", code=repr(code)))

    def process(self, code: str) -> Process:
        for p in self.processes:
            if p.code == code:
                return p
        raise ValidationError(Message("Unknown process %(code)s.", code=repr(code)))

    @property
    def process_codes(self) -> list[str]:
        return [p.code for p in self.processes]

    def layer_order(self) -> list[str]:
        """Layer codes in the order they are computed: a layer after every layer converted
        into it (definition order otherwise). Raises ValidationError on a loop of conversions."""
        codes = [layer.code for layer in self.layers]
        before: dict[str, set[str]] = {c: set() for c in codes}
        for c in self.conversions:
            if c.to_layer in before:
                before[c.to_layer].add(c.from_layer)
        order: list[str] = []
        done: set[str] = set()
        while len(order) < len(codes):
            ready = [c for c in codes if c not in done and before[c] <= done]
            if not ready:
                loop = ", ".join(c for c in codes if c not in done)
                raise ValidationError(Message("Expected conversions between layers without a loop; these layers "
                                              "convert into each other: %(layers)s.", layers=loop))
            order.append(ready[0])
            done.add(ready[0])
        return order

    def validate(self) -> None:
        """Check that everything refers to what exists; raise ValidationError naming the first problem."""
        if not self.years:
            raise ValidationError(Message("Expected at least one year."))
        if len(self.years) > MAX_YEARS:
            raise ValidationError(Message("Expected at most %(n)d years.", n=MAX_YEARS))
        if len(set(self.years)) != len(self.years) or any(b - a != 1 for a, b in zip(self.years, self.years[1:], strict=False)):
            raise ValidationError(Message("Expected consecutive years without gaps."))
        codes = self.process_codes
        if len(set(codes)) != len(codes):
            raise ValidationError(Message("Expected every process code once."))
        if BOUNDARY not in codes:
            raise ValidationError(Message("Expected the boundary process %(code)s.", code=repr(BOUNDARY)))
        if len(codes) > MAX_PROCESSES or len(self.flows) > MAX_FLOWS:
            raise ValidationError(Message("Expected at most %(processes)d processes and %(flows)d flows.",
                                          processes=MAX_PROCESSES, flows=MAX_FLOWS))
        layer_codes = [layer.code for layer in self.layers]
        if not layer_codes or len(set(layer_codes)) != len(layer_codes):
            raise ValidationError(Message("Expected at least one layer, each code once."))
        params = {p.name for p in self.parameters}
        if len(params) != len(self.parameters):
            raise ValidationError(Message("Expected every parameter name once."))
        known, lset, years = set(codes), set(layer_codes), set(self.years)
        items = set(self.second_dimension.items) if self.second_dimension else set()
        seen: set[tuple] = set()
        inflow_driven = {s.process for s in self.stocks if s.kind == "inflow_driven"}
        for f in self.flows:
            where = Message("flow %(origin)s → %(destination)s (%(layer)s)", origin=f.origin, destination=f.destination,
                            layer=f.layer)
            for code in (f.origin, f.destination):
                if code not in known:
                    raise ValidationError(Message("%(where)s: unknown process %(code)s.", where=where, code=repr(code)))
            if f.layer not in lset:
                raise ValidationError(Message("%(where)s: unknown layer %(code)s.", where=where, code=repr(f.layer)))
            if f.key in seen:
                raise ValidationError(Message("%(where)s: given twice; one flow per origin, destination and layer.",
                                              where=where))
            seen.add(f.key)
            for y, item in f.values:
                if y not in years:
                    raise ValidationError(Message("%(where)s: year %(year)s is not one of the system's years.",
                                                  where=where, year=y))
                if item is not None and item not in items:
                    raise ValidationError(Message("%(where)s: %(item)s is not an item of the second dimension.",
                                                  where=where, item=repr(item)))
            if f.share is not None:
                if f.origin == BOUNDARY:
                    raise ValidationError(Message("%(where)s: a flow from the boundary needs amounts, not a share.",
                                                  where=where))
                if f.origin in inflow_driven:
                    raise ValidationError(Message("%(where)s: what leaves an inflow-driven stock is computed by its "
                                                  "lifetime; give no share.", where=where))
                if isinstance(f.share, str) and f.share not in params:
                    raise ValidationError(Message("%(where)s: unknown parameter %(name)s.", where=where, name=repr(f.share)))
        stock_keys: set[tuple] = set()
        for s in self.stocks:
            where = Message("stock at %(process)s (%(layer)s)", process=s.process, layer=s.layer)
            if s.process not in known or s.process == BOUNDARY:
                raise ValidationError(Message("%(where)s: expected a process of the system other than the boundary.",
                                              where=where))
            if s.layer not in lset:
                raise ValidationError(Message("%(where)s: unknown layer %(code)s.", where=where, code=repr(s.layer)))
            if s.key in stock_keys:
                raise ValidationError(Message("%(where)s: given twice.", where=where))
            stock_keys.add(s.key)
            if s.outflow_to is not None and (s.outflow_to not in known or s.outflow_to == s.process):
                raise ValidationError(Message("%(where)s: expected the outflow to go to another process of the system.",
                                                  where=where))
            if s.kind == "inflow_driven" and len(self.years) < 3:
                raise ValidationError(Message("%(where)s: a dynamic stock model needs at least three years.",
                                                  where=where))
        conv_keys: set[tuple] = set()
        for c in self.conversions:
            where = Message("conversion at %(process)s (%(from_layer)s → %(to_layer)s)", process=c.process,
                            from_layer=c.from_layer, to_layer=c.to_layer)
            if c.process not in known or c.process == BOUNDARY:
                raise ValidationError(Message("%(where)s: expected a process of the system other than the boundary.",
                                              where=where))
            for lay in (c.from_layer, c.to_layer):
                if lay not in lset:
                    raise ValidationError(Message("%(where)s: unknown layer %(code)s.", where=where, code=repr(lay)))
            if c.key in conv_keys:
                raise ValidationError(Message("%(where)s: given twice.", where=where))
            conv_keys.add(c.key)
            for value in (c.factor, c.consumed):
                if isinstance(value, str) and value not in params:
                    raise ValidationError(Message("%(where)s: unknown parameter %(name)s.", where=where, name=repr(value)))
        self.layer_order()
        for ind in self.indicators:
            if ind.layer not in lset:
                raise ValidationError(Message("indicator %(code)s: unknown layer %(layer)s.", code=ind.code,
                                                 layer=repr(ind.layer)))
            for o, d in ind.numerator + ind.denominator:
                if o not in known or d not in known:
                    raise ValidationError(Message("indicator %(code)s: unknown process in %(origin)s → %(destination)s.",
                                                     code=ind.code, origin=o, destination=d))


# -- results -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class ResultFlow:
    """A flow as computed: one value per year (``values[i]`` for ``years[i]``)."""

    origin: str
    destination: str
    layer: str
    item: str | None
    values: np.ndarray
    kind: str  # "given", "share" or "stock"
    estimate: bool = False


@dataclass(frozen=True)
class StockSeries:
    process: str
    layer: str
    kind: str
    stock: np.ndarray
    inflow: np.ndarray
    outflow: np.ndarray

    @property
    def change(self) -> np.ndarray:
        return self.inflow - self.outflow


@dataclass(frozen=True)
class BalanceIssue:
    """An imbalance located at its process, layer and year, and whether it is accepted."""

    imbalance: Imbalance
    accepted: bool
    reason: str = ""

    @property
    def process(self) -> str:
        return self.imbalance.process

    @property
    def layer(self) -> str:
        return self.imbalance.layer

    @property
    def year(self) -> int:
        return self.imbalance.year

    @property
    def amount(self) -> float:
        return self.imbalance.imbalance

    @property
    def share(self) -> float:
        return self.imbalance.share

    def as_dict(self) -> dict:
        i = self.imbalance
        return {"process": i.process, "layer": i.layer, "year": i.year, "unit": i.unit,
                "inflow": i.inflow, "outflow": i.outflow, "stock_change": i.stock_change,
                "amount": i.imbalance, "share": i.share, "accepted": self.accepted, "reason": self.reason}


@dataclass(frozen=True)
class ConversionResult:
    """A conversion as computed: what is used up in ``from_layer`` and yielded in
    ``to_layer`` at ``process``, one value per year each."""

    process: str
    from_layer: str
    to_layer: str
    consumed: np.ndarray
    produced: np.ndarray
    estimate: bool = False


@dataclass
class SystemResult:
    definition: SystemDefinition
    flows: list[ResultFlow]
    stocks: dict[tuple[str, str], StockSeries]
    issues: list[BalanceIssue]
    conversions: list[ConversionResult] = field(default_factory=list)

    @property
    def years(self) -> tuple[int, ...]:
        return self.definition.years

    def year_index(self, year: int) -> int:
        try:
            return self.years.index(year)
        except ValueError:
            raise ValidationError(Message("Expected one of the system's years, got %(year)s.", year=repr(year))) from None

    @property
    def status(self) -> str:
        """``balanced``, ``accepted`` (every imbalance accepted), ``warning`` or ``blocked``."""
        if not self.issues:
            return "balanced"
        if all(i.accepted for i in self.issues):
            return "accepted"
        return "blocked" if self.definition.blocking else "warning"

    def flow_totals(self, layer: str, year: int, item: str | None = None) -> dict[tuple[str, str], float]:
        """Amount per (origin, destination) in one layer and year (one item, or all summed)."""
        i = self.year_index(year)
        out: dict[tuple[str, str], float] = defaultdict(float)
        for f in self.flows:
            if f.layer == layer and (item is None or f.item == item):
                out[(f.origin, f.destination)] += float(f.values[i])
        return dict(out)

    def conversion_totals(self, layer: str, year: int) -> dict[tuple[str, str], float]:
        """Conversions touching one layer in one year, as links: from ``layer:<other>`` to
        the process for what it yields in this layer, from the process to
        ``layer:<other>`` for what it uses up of this layer."""
        i = self.year_index(year)
        out: dict[tuple[str, str], float] = defaultdict(float)
        for c in self.conversions:
            if c.to_layer == layer:
                out[(LAYER_NODE + c.from_layer, c.process)] += float(c.produced[i])
            if c.from_layer == layer:
                out[(c.process, LAYER_NODE + c.to_layer)] += float(c.consumed[i])
        return dict(out)

    def totals(self, layer: str, year: int) -> dict[str, float]:
        """What enters from and leaves to the boundary, what is stocked, and all flows' sum."""
        flows = self.flow_totals(layer, year)
        i = self.year_index(year)
        stocked = sum(float(s.change[i]) for (p, lay), s in self.stocks.items() if lay == layer)
        return {"input": sum(v for (o, _d), v in flows.items() if o == BOUNDARY),
                "output": sum(v for (_o, d), v in flows.items() if d == BOUNDARY),
                "stock_change": stocked,
                "throughput": sum(flows.values())}

    def indicator_values(self) -> dict[str, list[float | None]]:
        """Each system indicator, one value per year (None when the denominator is zero)."""
        out: dict[str, list[float | None]] = {}
        for ind in self.definition.indicators:
            series: list[float | None] = []
            for year in self.years:
                flows = self.flow_totals(ind.layer, year)
                num = sum(flows.get(pair, 0.0) for pair in ind.numerator)
                if ind.denominator:
                    den = sum(flows.get(pair, 0.0) for pair in ind.denominator)
                    series.append(100.0 * num / den if den > 0 else None)
                else:
                    series.append(num)
            out[ind.code] = series
        return out

    def indicator_unit(self, ind: SystemIndicator) -> str:
        return "%" if ind.denominator else self.definition.layer(ind.layer).unit


# -- computing ---------------------------------------------------------------------------------
def _series(defn: SystemDefinition, value: float | str | None, what: Message, *, share: bool = False) -> np.ndarray:
    """A number or a parameter's values, one per year (a share must lie in 0..1, a
    factor must not be negative)."""
    if isinstance(value, str):
        param = next(p for p in defn.parameters if p.name == value)
        vals = np.array([param.at(y) for y in defn.years], dtype=float)
        if share and (np.any(vals < 0) or np.any(vals > 1)):
            raise ValidationError(Message("Expected parameter %(name)s, used as %(what)s, to lie in 0..1 every year.",
                                          name=repr(param.name), what=what))
        if np.any(vals < 0):
            raise ValidationError(Message("Expected parameter %(name)s, used as %(what)s, not to be negative.",
                                          name=repr(param.name), what=what))
        return vals
    return np.full(len(defn.years), float(value or 0.0))


def _share_series(defn: SystemDefinition, f: FlowSpec) -> np.ndarray:
    return _series(defn, f.share, Message("a share of %(origin)s → %(destination)s", origin=f.origin,
                                                   destination=f.destination), share=True)


class _Shares:
    """``x = rhs + Tᵀ x`` per year, for the shares ``T`` of one layer: the sparse matrix
    ``I - Tᵀ`` is factorised once for each distinct set of share values (usually one for
    every year) and reused for every right-hand side."""

    def __init__(self, n_y: int, n_p: int, edges: list[tuple[int, int, np.ndarray]], layer: str):
        from scipy.sparse import csc_matrix
        from scipy.sparse.linalg import splu

        self.groups: list[tuple[np.ndarray, object]] = []
        if not edges:
            return
        rows = np.array([d for _o, d, _v in edges] + list(range(n_p)))
        cols = np.array([o for o, _d, _v in edges] + list(range(n_p)))
        values = np.stack([v for _o, _d, v in edges], axis=1)  # years x edges
        keys: dict[bytes, list[int]] = {}
        for y in range(n_y):
            keys.setdefault(values[y].tobytes(), []).append(y)
        for ys in keys.values():
            data = np.concatenate([-values[ys[0]], np.ones(n_p)])
            matrix = csc_matrix((data, (rows, cols)), shape=(n_p, n_p))
            try:
                lu = splu(matrix)
            except RuntimeError:
                raise ValidationError(Message("Expected the shares in layer %(layer)s to leave every loop; a closed "
                                              "loop of shares adding to 1 cannot be solved.", layer=layer)) from None
            self.groups.append((np.array(ys), lu))

    def solve(self, rhs: np.ndarray) -> np.ndarray:
        """What each process receives (years x processes)."""
        if not self.groups:
            return rhs
        out = np.empty_like(rhs)
        for ys, lu in self.groups:
            out[ys] = lu.solve(np.ascontiguousarray(rhs[ys].T)).T  # type: ignore[attr-defined]
        if not np.all(np.isfinite(out)):
            raise ValidationError(Message("Expected the shares to leave every loop; a closed loop of shares adding "
                                          "to 1 cannot be solved."))
        return out


def compute(defn: SystemDefinition, *, max_iterations: int = 200) -> SystemResult:
    """Resolve shares and stocks and check the balance of every process, layer and year.

    Raises
    ------
    ValidationError
        For a definition that refers to something missing, or shares out of a process
        that add up to more than everything it receives (the system cannot be solved).
    """
    from circularcities.core.mfa.stock import compute_stock

    defn.validate()
    years = defn.years
    n_y = len(years)
    codes = defn.process_codes
    index = {c: k for k, c in enumerate(codes)}
    n_p = len(codes)
    flows: list[ResultFlow] = []
    stocks: dict[tuple[str, str], StockSeries] = {}
    key_in: dict[tuple, float] = defaultdict(float)
    key_out: dict[tuple, float] = defaultdict(float)
    key_stock: dict[tuple, float] = defaultdict(float)

    conversions: list[ConversionResult] = []
    yielded: dict[str, np.ndarray] = {}  # per layer: what conversions yield at each process
    layers_by_code = {layer.code: layer for layer in defn.layers}
    for layer in (layers_by_code[c] for c in defn.layer_order()):
        given = [f for f in defn.flows if f.layer == layer.code and f.share is None]
        shared = [f for f in defn.flows if f.layer == layer.code and f.share is not None]
        layer_stocks = [s for s in defn.stocks if s.layer == layer.code]
        dsms = [s for s in layer_stocks if s.kind == "inflow_driven"]
        # what each process receives from flows given as amounts and from conversions
        conv_in = yielded.get(layer.code, np.zeros((n_y, n_p)))
        injected = conv_in.copy()
        layer_flows: list[ResultFlow] = []
        for f in given:
            by_item: dict[str | None, np.ndarray] = {}
            for (y, item), v in f.values.items():
                by_item.setdefault(item, np.zeros(n_y))[years.index(y)] += v
            if not by_item:
                by_item[None] = np.zeros(n_y)
            for item, arr in by_item.items():
                layer_flows.append(ResultFlow(f.origin, f.destination, layer.code, item, arr, "given", f.estimate))
                injected[:, index[f.destination]] += arr
        leaving = np.zeros((n_y, n_p))
        edges = []
        for f in shared:
            series = _share_series(defn, f)
            leaving[:, index[f.origin]] += series
            edges.append((index[f.origin], index[f.destination], series))
        over = np.argwhere(leaving > 1 + 1e-9)
        if over.size:
            y, p = over[0]
            raise ValidationError(Message("Expected the shares leaving %(process)s (%(layer)s, %(year)s) to add up "
                                          "to at most 1, got %(total)s.", process=codes[p], layer=layer.code,
                                          year=years[y], total=f"{leaving[y, p]:g}"))
        system = _Shares(n_y, n_p, edges, layer.code)

        extra = np.zeros((n_y, n_p))
        received = system.solve(injected + extra)
        dsm_results = {}
        for _ in range(max_iterations if dsms else 1):
            if not dsms:
                break
            new_extra = np.zeros((n_y, n_p))
            for s in dsms:
                res = compute_stock(list(years), inflow=np.maximum(received[:, index[s.process]], 0.0),
                                    lifetime=s.lifetime)
                dsm_results[s.key] = res
                new_extra[:, index[s.outflow_to]] += res.outflow  # type: ignore[index]
            converged = np.allclose(new_extra, extra, rtol=1e-13, atol=1e-12)
            extra = new_extra
            received = system.solve(injected + extra)
            if converged:
                break
        for f in shared:
            arr = _share_series(defn, f) * received[:, index[f.origin]]
            layer_flows.append(ResultFlow(f.origin, f.destination, layer.code, None, arr, "share", f.estimate))
        for s in dsms:
            res = dsm_results[s.key]
            layer_flows.append(ResultFlow(s.process, s.outflow_to or "", layer.code, None, res.outflow.copy(), "stock"))
        # stocks
        proc_in = np.zeros((n_y, n_p))
        proc_out = np.zeros((n_y, n_p))
        for rf in layer_flows:
            proc_in[:, index[rf.destination]] += rf.values
            proc_out[:, index[rf.origin]] += rf.values
        proc_in += conv_in
        conv_out = np.zeros((n_y, n_p))
        for c in (c for c in defn.conversions if c.from_layer == layer.code):
            k = index[c.process]
            used = _series(defn, c.consumed, Message("used up at %(process)s", process=c.process), share=True) * proc_in[:, k]
            made = _series(defn, c.factor, Message("the conversion factor at %(process)s", process=c.process)) * used
            conv_out[:, k] += used
            yielded.setdefault(c.to_layer, np.zeros((n_y, n_p)))[:, k] += made
            conversions.append(ConversionResult(c.process, c.from_layer, c.to_layer, used, made, c.estimate))
        proc_out += conv_out
        kept: StockSeries
        for s in layer_stocks:
            k = index[s.process]
            if s.kind == "inflow_driven":
                res = dsm_results[s.key]
                stock = s.initial + res.stock
                kept = StockSeries(s.process, layer.code, s.kind, stock, res.inflow.copy(), res.outflow.copy())
            elif s.kind == "accumulation":
                change = proc_in[:, k] - proc_out[:, k]
                kept = StockSeries(s.process, layer.code, s.kind, s.initial + np.cumsum(change),
                                     np.maximum(change, 0), np.maximum(-change, 0))
            else:
                change = np.array([s.values.get(y, 0.0) for y in years])
                kept = StockSeries(s.process, layer.code, s.kind, s.initial + np.cumsum(change),
                                     np.maximum(change, 0), np.maximum(-change, 0))
            stocks[s.key] = kept
            for i, y in enumerate(years):
                key_stock[(s.process, y, layer.code, layer.unit)] += float(kept.change[i])
        for i, y in enumerate(years):
            for k, code in enumerate(codes):
                if proc_in[i, k]:
                    key_in[(code, y, layer.code, layer.unit)] += float(proc_in[i, k])
                if proc_out[i, k]:
                    key_out[(code, y, layer.code, layer.unit)] += float(proc_out[i, k])
        flows.extend(layer_flows)

    found = find_imbalances(key_in, key_out, key_stock, boundary=BOUNDARY, rtol=defn.rtol, atol=defn.atol)
    issues = []
    for imb in found:
        acc = next((a for a in defn.acceptances if a.covers(imb)), None)
        issues.append(BalanceIssue(imb, acc is not None, acc.reason if acc else ""))
    return SystemResult(defn, flows, stocks, issues, conversions)


# -- Sankey ------------------------------------------------------------------------------------
def sankey(result: SystemResult, layer: str, year: int, item: str | None = None,
           floor: float = 0.02) -> dict:
    """Nodes and links of one layer and year, ready for Plotly or the PDF drawing.

    Widths are honest: ``width`` equals the amount, except that a tiny flow is drawn
    at ``floor`` times the largest flow so it can be seen; such links are marked
    ``floored`` and keep their true ``value`` in their label. Nodes carry their
    throughput (the larger of what enters and leaves) and flag an imbalance that is
    not accepted in that year.
    """
    defn = result.definition
    unit = defn.layer(layer).unit
    totals = {k: v for k, v in result.flow_totals(layer, year, item).items() if v > 0}
    # The boundary is drawn twice, where flows come from (left) and where they go (right),
    # so nothing loops back across the diagram.
    out_node = BOUNDARY + SINK
    totals = {(o, out_node if d == BOUNDARY else d): v for (o, d), v in totals.items()}
    converted = result.conversion_totals(layer, year) if item is None else {}
    for pair, v in converted.items():
        if v > 0:
            totals[pair] = totals.get(pair, 0.0) + v
    others = [c for pair in converted for c in pair if c.startswith(LAYER_NODE)]
    codes = [c for c in defn.process_codes if any(c in k for k in totals)]
    if any(d == out_node for _o, d in totals):
        codes.append(out_node)
    codes += list(dict.fromkeys(others))
    index = {c: i for i, c in enumerate(codes)}
    biggest = max(totals.values(), default=0.0)
    links: dict[str, list] = {"source": [], "target": [], "value": [], "width": [], "floored": [], "label": []}
    for (o, d), v in sorted(totals.items(), key=lambda kv: (index[kv[0][0]], index[kv[0][1]])):
        width = max(v, floor * biggest)
        links["source"].append(index[o])
        links["target"].append(index[d])
        links["value"].append(v)
        links["width"].append(width)
        links["floored"].append(width > v)
        links["label"].append(f"{fmt_amount(v)} {unit}")
    ins: dict[str, float] = defaultdict(float)
    outs: dict[str, float] = defaultdict(float)
    for (o, d), v in totals.items():
        outs[o] += v
        ins[d] += v
    flagged = {i.process for i in result.issues if i.layer == layer and i.year == year and not i.accepted}
    node_values = [max(ins[c], outs[c]) for c in codes]
    labels = [defn.layer(c.removeprefix(LAYER_NODE)).label if c.startswith(LAYER_NODE)
              else defn.process(c.removesuffix(SINK)).label for c in codes]
    return {
        "layer": layer, "year": year, "unit": unit, "item": item,
        "nodes": codes,
        "node_labels": labels,
        "node_values": node_values,
        "node_text": [f"{lab}: {fmt_amount(v)} {unit}" for lab, v in zip(labels, node_values, strict=True)],
        "imbalanced": [c in flagged for c in codes],
        "links": links,
    }


# -- scenarios ---------------------------------------------------------------------------------
def apply_changes(defn: SystemDefinition, *, name: str | None = None,
                  parameters: dict[str, float | dict[int, float]] | None = None,
                  flows: list[FlowSpec] | None = None,
                  remove: list[tuple[str, str, str]] | None = None) -> SystemDefinition:
    """A scenario: a copy of ``defn`` with parameters set, flows replaced or added (by
    origin, destination and layer) and flows removed."""
    params = list(defn.parameters)
    for pname, values in (parameters or {}).items():
        if not any(p.name == pname for p in params):
            raise ValidationError(Message("Unknown parameter %(name)s.", name=repr(pname)))
        params = [Parameter(pname, values) if p.name == pname else p for p in params]
    new_flows = {f.key: f for f in defn.flows}
    for key in remove or []:
        if key not in new_flows:
            raise ValidationError(Message("No flow %(origin)s → %(destination)s in layer %(layer)s to remove.",
                                          origin=key[0], destination=key[1], layer=key[2]))
        del new_flows[key]
    for f in flows or []:
        new_flows[f.key] = f
    return replace(defn, name=name or defn.name, parameters=tuple(params), flows=tuple(new_flows.values()))


@dataclass
class Comparison:
    """What changes from ``base`` to ``scenario``: per layer and year, per flow, per indicator."""

    layers: list[dict]
    flows: list[dict]
    indicators: list[dict]


def compare(base: SystemResult, scenario: SystemResult, *, year: int | None = None,
            tolerance: float = 1e-9) -> Comparison:
    """Compare two results of the same years (``year``: only that year).

    ``layers``: for every layer and year, input, output, stock change and throughput in
    both and their difference. ``flows``: every flow whose amount differs (appears,
    disappears or changes) by more than ``tolerance``, largest change first.
    ``indicators``: each indicator of either system, both values and the difference.
    """
    years = [y for y in base.years if y in scenario.years and (year is None or y == year)]
    if not years:
        raise ValidationError(Message("Expected the two systems to share at least one year."))
    layer_codes = [layer.code for layer in base.definition.layers]
    layer_codes += [lay.code for lay in scenario.definition.layers if lay.code not in layer_codes]
    layers: list[dict] = []
    flows: list[dict] = []
    for code in layer_codes:
        unit = _unit(base, code) or _unit(scenario, code)
        for y in years:
            a = base.totals(code, y) if _unit(base, code) else dict.fromkeys(("input", "output", "stock_change", "throughput"), 0.0)
            b = scenario.totals(code, y) if _unit(scenario, code) else dict.fromkeys(a, 0.0)
            layers.append({"layer": code, "unit": unit, "year": y,
                           **{k: {"base": a[k], "scenario": b[k], "difference": b[k] - a[k]} for k in a}})
            fa = {**base.flow_totals(code, y), **base.conversion_totals(code, y)} if _unit(base, code) else {}
            fb = ({**scenario.flow_totals(code, y), **scenario.conversion_totals(code, y)}
                  if _unit(scenario, code) else {})
            for pair in sorted(set(fa) | set(fb)):
                va, vb = fa.get(pair, 0.0), fb.get(pair, 0.0)
                if abs(vb - va) > tolerance * max(1.0, abs(va), abs(vb)):
                    flows.append({"layer": code, "unit": unit, "year": y, "origin": pair[0],
                                  "destination": pair[1], "base": va, "scenario": vb, "difference": vb - va})
    flows.sort(key=lambda r: -abs(float(r["difference"])))
    ia, ib = base.indicator_values(), scenario.indicator_values()
    inds = {i.code: i for i in base.definition.indicators}
    inds.update({i.code: i for i in scenario.definition.indicators if i.code not in inds})
    indicators = []
    for code, ind in inds.items():
        for y in years:
            ind_a: float | None = ia[code][base.years.index(y)] if code in ia else None
            ind_b: float | None = ib[code][scenario.years.index(y)] if code in ib else None
            indicators.append({"code": code, "name": ind.name, "year": y,
                               "unit": "%" if ind.denominator else (_unit(base, ind.layer) or _unit(scenario, ind.layer)),
                               "base": ind_a, "scenario": ind_b,
                               "difference": None if ind_a is None or ind_b is None else ind_b - ind_a})
    return Comparison(layers, flows, indicators)


def _unit(result: SystemResult, layer: str) -> str:
    for lay in result.definition.layers:
        if lay.code == layer:
            return lay.unit
    return ""


def finite(values) -> bool:
    return all(math.isfinite(float(v)) for v in values)
