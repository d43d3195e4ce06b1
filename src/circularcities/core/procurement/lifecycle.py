"""Life-cycle comparison of alternatives for the items of a project.

A project (a building or a purchase) has items; each item has two or more
alternatives; each alternative has module lines (EN 15804 / EN 15978 module,
quantity, unit, kg CO2e per unit). The first alternative listed is the
reference (business as usual); the chosen alternative is the one with the
lowest A-C total (ties go to the one listed first); module D is reported
beside the total and never in it.

Everything is validated when it is built: a bad object never reaches
:func:`compare_item`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from circularcities.core.errors import ValidationError
from circularcities.core.procurement.modules import A_TO_C, BEYOND, MODULES, module_code, unit_code

MAX_QUANTITY = 1e12
"""Largest quantity of one line in its unit."""
MAX_FACTOR = 1e9
"""Largest |kg CO2e| per unit of one line."""


def _finite(x: object) -> bool:
    return isinstance(x, int | float) and not isinstance(x, bool) and math.isfinite(x)


@dataclass(frozen=True)
class ModuleLine:
    """One line of environmental data of an alternative.

    Parameters
    ----------
    module
        EN 15804 module code (``"A1-A3"``, ``"A4"``, ... ``"C4"``, ``"D"``).
    quantity
        Quantity in ``unit``, >= 0.
    unit
        Unit the quantity is in and the factor is per (``"t"``, ``"m3"``...).
    kgco2e_per_unit
        kg CO2e per ``unit`` (negative allowed, e.g. in module D).
    source
        Where the factor comes from (EPD, generic table and year).
    generic
        True when the factor is generic (not a product's own EPD).
    note
        An assumption worth showing (e.g. "recovery: demolition by hand").
    """

    module: str
    quantity: float
    unit: str
    kgco2e_per_unit: float
    source: str = ""
    generic: bool = False
    note: str = ""

    def __post_init__(self) -> None:
        code = module_code(self.module)
        if code is None:
            raise ValidationError(f"Expected an EN 15804 module among {', '.join(MODULES)}; "
                                  f"got {self.module!r}.")
        object.__setattr__(self, "module", code)
        if not _finite(self.quantity) or not 0 <= self.quantity <= MAX_QUANTITY:
            raise ValidationError(f"Expected a quantity from 0 to {MAX_QUANTITY:g}; got {self.quantity!r}.")
        if not _finite(self.kgco2e_per_unit) or abs(self.kgco2e_per_unit) > MAX_FACTOR:
            raise ValidationError(f"Expected kg CO2e per unit within ±{MAX_FACTOR:g}; "
                                  f"got {self.kgco2e_per_unit!r}.")
        unit = unit_code(self.unit)
        if not unit:
            raise ValidationError("Expected the unit of the quantity (t, m3, piece...).")
        object.__setattr__(self, "unit", unit)

    @property
    def kgco2e(self) -> float:
        return self.quantity * self.kgco2e_per_unit


@dataclass(frozen=True)
class Alternative:
    """One way to provide an item.

    Parameters
    ----------
    name
        Label, unique within the item.
    lines
        Its module lines (at least one in A-C).
    reused
        True for a reused component: it carries only the impacts of its
        recovery, cleaning and transport (see :func:`reused_component`).
    assumption
        The assumption behind the figures, shown with the result.
    service_life_years
        Reference service life of the product, years (``None``: not stated).
    names
        The name in other languages, ``(("ja", "..."), ...)``; ``name`` is the English one
        and the key. Not part of any computation.
    """

    name: str
    lines: tuple[ModuleLine, ...]
    reused: bool = False
    assumption: str = ""
    service_life_years: float | None = None
    names: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        if not str(self.name).strip():
            raise ValidationError("Expected a name for every alternative.")
        object.__setattr__(self, "lines", tuple(self.lines))
        if not any(line.module in A_TO_C for line in self.lines):
            raise ValidationError(f"Alternative {self.name!r}: expected at least one line in "
                                  f"modules A1-A3 to C4.")
        if self.service_life_years is not None and not (
                _finite(self.service_life_years) and 0 < self.service_life_years <= 1000):
            raise ValidationError(f"Alternative {self.name!r}: expected a reference service life "
                                  f"from 0 to 1000 years; got {self.service_life_years!r}.")
        if self.reused and not self.assumption.strip():
            raise ValidationError(f"Alternative {self.name!r}: a reused component needs its "
                                  f"assumption (what recovery, cleaning and transport cover).")


@dataclass(frozen=True)
class Item:
    """A building item or purchased product with its alternatives (>= 2).

    ``study_period_years``: the period the item must serve; an alternative whose
    reference service life is shorter needs replacement lines (B4), otherwise
    the comparison is refused, naming the item.
    """

    name: str
    alternatives: tuple[Alternative, ...]
    study_period_years: float | None = None
    names: tuple[tuple[str, str], ...] = field(default=(), compare=False)  # other languages, as Alternative's

    def __post_init__(self) -> None:
        object.__setattr__(self, "alternatives", tuple(self.alternatives))
        if not str(self.name).strip():
            raise ValidationError("Expected a name for every item.")
        if len(self.alternatives) < 2:
            raise ValidationError(f"Item {self.name!r}: expected at least two alternatives; got "
                                  f"{len(self.alternatives)}.")
        names = [a.name for a in self.alternatives]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise ValidationError(f"Item {self.name!r}: alternative names must differ; "
                                  f"{', '.join(dupes)} appear twice.")
        if self.study_period_years is not None:
            if not (_finite(self.study_period_years) and 0 < self.study_period_years <= 1000):
                raise ValidationError(f"Item {self.name!r}: expected a study period from 0 to 1000 "
                                      f"years; got {self.study_period_years!r}.")
            for alt in self.alternatives:
                rsl = alt.service_life_years
                if rsl is not None and rsl < self.study_period_years and not any(
                        ln.module == "B4" for ln in alt.lines):
                    raise ValidationError(
                        f"Item {self.name!r}: alternative {alt.name!r} lasts {rsl:g} years but the "
                        f"item must serve {self.study_period_years:g} years; add its replacements "
                        f"(module B4) or a product whose reference service life covers the period.")

    @property
    def reference(self) -> Alternative:
        return self.alternatives[0]


@dataclass(frozen=True)
class AlternativeResult:
    """Totals of one alternative, kg CO2e."""

    alternative: Alternative
    by_module: dict[str, float]
    """kg CO2e per A-C module present, in the standards' order."""
    total_a_c_kgco2e: float
    module_d_kgco2e: float | None
    """Module D, or ``None`` when no D line was given (not declared)."""
    generic: bool
    """True when any line uses a generic factor."""

    def as_dict(self) -> dict:
        return {"alternative": self.alternative.name,
                "total_a_c_kgco2e": _r(self.total_a_c_kgco2e),
                "module_d_kgco2e": None if self.module_d_kgco2e is None else _r(self.module_d_kgco2e),
                "by_module": {k: _r(v) for k, v in self.by_module.items()}}


@dataclass(frozen=True)
class ItemResult:
    """The comparison of one item."""

    item: Item
    results: tuple[AlternativeResult, ...]
    chosen: AlternativeResult
    reference: AlternativeResult

    @property
    def saving_kgco2e(self) -> float:
        """Reference A-C total minus chosen A-C total (>= 0), kg CO2e."""
        return self.reference.total_a_c_kgco2e - self.chosen.total_a_c_kgco2e

    def as_dict(self) -> dict:
        return {"item": self.item.name, "chosen": self.chosen.alternative.name,
                "reference": self.reference.alternative.name,
                "saving_kgco2e": _r(self.saving_kgco2e),
                "alternatives": [r.as_dict() for r in self.results]}


def _r(x: float) -> float:
    # Six decimals: figures are kg CO2e; this hides float noise such as 0.30000000000000004.
    return round(x, 6) + 0.0


def evaluate(alternative: Alternative) -> AlternativeResult:
    """Sum the lines of one alternative per module; D kept apart."""
    by_module: dict[str, float] = {}
    d: float | None = None
    for line in alternative.lines:
        if line.module == BEYOND:
            d = (d or 0.0) + line.kgco2e
        else:
            by_module[line.module] = by_module.get(line.module, 0.0) + line.kgco2e
    ordered = {m: by_module[m] for m in A_TO_C if m in by_module}
    return AlternativeResult(alternative, ordered, math.fsum(ordered.values()), d,
                             any(line.generic for line in alternative.lines))


def compare_item(item: Item) -> ItemResult:
    """Compare the alternatives of ``item``: the chosen one has the lowest A-C total."""
    results = tuple(evaluate(a) for a in item.alternatives)
    chosen = min(results, key=lambda r: r.total_a_c_kgco2e)  # min keeps the first of equals
    return ItemResult(item, results, chosen, results[0])


def compare_items(items: Sequence[Item]) -> list[ItemResult]:
    """Compare every item (see :func:`compare_item`)."""
    return [compare_item(i) for i in items]


def total_saving_kgco2e(results: Sequence[ItemResult]) -> float:
    """What choosing the chosen alternatives saves against the references, kg CO2e."""
    return math.fsum(r.saving_kgco2e for r in results)


@dataclass(frozen=True)
class ReuseAssumption:
    """What a reused component costs in carbon: only its recovery, cleaning and transport.

    Parameters
    ----------
    quantity_t
        Tonnes of the reused component, > 0.
    recovery_kgco2e_per_t, cleaning_kgco2e_per_t
        kg CO2e per tonne for careful dismantling and for cleaning/sorting (>= 0).
    transport_km
        Distance from the donor site to the building site, km.
    transport_kgco2e_per_tkm
        kg CO2e per tonne-kilometre of the vehicle used.
    source
        Where these figures come from.
    """

    quantity_t: float
    recovery_kgco2e_per_t: float
    cleaning_kgco2e_per_t: float
    transport_km: float
    transport_kgco2e_per_tkm: float
    source: str

    def __post_init__(self) -> None:
        for name in ("quantity_t", "recovery_kgco2e_per_t", "cleaning_kgco2e_per_t", "transport_km",
                     "transport_kgco2e_per_tkm"):
            v = getattr(self, name)
            if not _finite(v) or v < 0 or v > MAX_QUANTITY:
                raise ValidationError(f"Expected {name} from 0 to {MAX_QUANTITY:g}; got {v!r}.")
        if self.quantity_t <= 0:
            raise ValidationError("Expected quantity_t > 0 tonnes for a reused component.")
        if not self.source.strip():
            raise ValidationError("Expected the source of the reuse figures.")

    def text(self) -> str:
        return (f"Reused component: only recovery ({self.recovery_kgco2e_per_t:g} kg CO2e/t), "
                f"cleaning ({self.cleaning_kgco2e_per_t:g} kg CO2e/t) and transport "
                f"({self.transport_km:g} km at {self.transport_kgco2e_per_tkm:g} kg CO2e/t·km) are "
                f"counted; its original production belongs to the building it came from. "
                f"Source: {self.source}.")


def reused_component(name: str, reuse: ReuseAssumption,
                     other_lines: Sequence[ModuleLine] = ()) -> Alternative:
    """An alternative for a reused component, built from its reuse assumption.

    A1-A3 hold recovery and cleaning, A4 the transport; ``other_lines`` may add
    A5, B or C modules common to any alternative (and D). No production impact
    is ever counted for the component itself.
    """
    bad = [ln.module for ln in other_lines if ln.module in ("A1-A3", "A4")]
    if bad:
        raise ValidationError(f"Alternative {name!r}: a reused component's A1-A3 and A4 come from "
                              f"its recovery, cleaning and transport only; remove the extra "
                              f"{', '.join(bad)} lines.")
    lines = (
        ModuleLine("A1-A3", reuse.quantity_t, "t", reuse.recovery_kgco2e_per_t, reuse.source,
                   note="recovery (careful dismantling)"),
        ModuleLine("A1-A3", reuse.quantity_t, "t", reuse.cleaning_kgco2e_per_t, reuse.source,
                   note="cleaning and sorting"),
        ModuleLine("A4", reuse.quantity_t * reuse.transport_km, "t·km", reuse.transport_kgco2e_per_tkm,
                   reuse.source, note="transport from the donor building"),
        *other_lines,
    )
    return Alternative(name, lines, reused=True, assumption=reuse.text())
