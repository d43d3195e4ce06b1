"""Expected savings of awards, rolled up per city and year.

Absolute savings (MWh, t CO2e, money in one currency, t of waste) add up per
city, year, kind and unit; relative savings (% against the previous purchase)
cannot be added and are listed as they are.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from circularcities.core.errors import ValidationError

KINDS = ("energy", "carbon", "money", "waste")
PERCENT = "%"


@dataclass(frozen=True)
class Saving:
    city: str
    year: int | None
    """``None`` when the source gives no year."""
    kind: str
    value: float
    unit: str
    method: str
    source: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValidationError(f"Expected a saving kind among {', '.join(KINDS)}; got {self.kind!r}.")
        if not (isinstance(self.value, int | float) and math.isfinite(self.value)):
            raise ValidationError(f"Expected a number for the saving; got {self.value!r}.")
        if not self.unit.strip():
            raise ValidationError("Expected the saving's unit (MWh, t CO2e, EUR, t, %).")
        if not self.method.strip():
            raise ValidationError("Expected the method behind the expected saving.")

    @property
    def relative(self) -> bool:
        return self.unit.strip() == PERCENT


@dataclass(frozen=True)
class RollupRow:
    city: str
    year: int | None
    """``None`` when the source gives no year."""
    kind: str
    unit: str
    total: float | None
    """Sum of absolute savings; ``None`` for relative ones, which are not summed."""
    count: int
    values: tuple[float, ...]


def rollup(savings: Iterable[Saving]) -> list[RollupRow]:
    """Savings per (city, year, kind, unit), sorted; relative savings keep their values apart."""
    groups: dict[tuple[str, int | None, str, str], list[float]] = {}
    for s in savings:
        groups.setdefault((s.city, s.year, s.kind, s.unit.strip()), []).append(s.value)
    out = []
    for (city, year, kind, unit), values in sorted(groups.items(),
                                                   key=lambda kv: (kv[0][0], kv[0][1] is None, kv[0][1] or 0,
                                                                   KINDS.index(kv[0][2]), kv[0][3])):
        total = None if unit == PERCENT else math.fsum(values)
        out.append(RollupRow(city, year, kind, unit, total, len(values), tuple(values)))
    return out
