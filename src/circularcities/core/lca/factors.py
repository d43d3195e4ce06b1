"""GHG emission factors per material and route (``data/ghg_material_factors.csv``).

Three factor sets, told apart by publisher and year (see
``data/PROVENANCE_ghg.md``):

``"DEFRA-2025"`` (default) and ``"DEFRA-2024"``
    UK Government GHG conversion factors, tables "Material use" (footprint of
    the material supplied by a route) and "Waste disposal" (end-of-life
    treatment, cut-off approach: no recycling credits). OGL v3.0.
``"EPA-2021"``
    US EPA GHG Emission Factors Hub 2021, Table 9 (waste, from WARM v15):
    end-of-life only, no avoided-emission credits. Public domain.
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from pathlib import Path

from circularcities.core.errors import ValidationError

DATA_DIR = Path(__file__).resolve().parents[2] / "data"

FACTOR_SETS: dict[str, tuple[str, int]] = {
    "DEFRA-2025": ("DESNZ/DEFRA GHG conversion factors 2025 (flat file)", 2025),
    "DEFRA-2024": ("DESNZ/DEFRA GHG conversion factors 2024 (flat file)", 2024),
    "EPA-2021": ("US EPA GHG Emission Factors Hub 2021, Table 9 (WARM v15)", 2021),
}
"""Factor-set name -> (source as written in the CSV, year)."""

DEFAULT_FACTOR_SET = "DEFRA-2025"


@dataclass(frozen=True)
class Factor:
    """One published emission factor.

    Attributes
    ----------
    material
        Material name as published (DEFRA "Level 3" or EPA Table 9 name).
    route
        ``primary_production``, ``reuse``, ``closed_loop_recycling``,
        ``open_loop_recycling``, ``recycling``, ``landfill``, ``combustion``,
        ``composting``, ``anaerobic_digestion``...
    table
        ``material_use`` (supply of the material) or ``waste_disposal`` (end of life).
    kg_co2e_per_t
        Value, kg CO2e per tonne of material.
    source, year, factor_id, licence
        Provenance: publisher and edition, factor-set year, DEFRA flat-file ID
        (empty for EPA), licence.
    """

    material: str
    route: str
    table: str
    kg_co2e_per_t: float
    source: str
    year: int
    factor_id: str = ""
    licence: str = ""

    unit = "kg CO2e/t"

    def as_dict(self) -> dict[str, object]:
        """Plain dict for JSON and templates."""
        return {"material": self.material, "route": self.route, "table": self.table,
                "value": self.kg_co2e_per_t, "unit": self.unit, "source": self.source,
                "year": self.year, "factor_id": self.factor_id, "licence": self.licence}


@dataclass(frozen=True)
class FactorSet:
    """The factors of one publisher and year, looked up by (table, material, route).

    Build with :func:`choose_factor_set`.
    """

    name: str
    source: str
    year: int
    factors: dict[tuple[str, str, str], Factor]

    def get(self, table: str, material: str, route: str) -> Factor | None:
        """The factor, or ``None`` when this set publishes none (never a silent zero)."""
        return self.factors.get((table, material, route))

    def materials(self) -> list[str]:
        """Material names in this set, sorted."""
        return sorted({m for (_, m, _) in self.factors})


@functools.lru_cache(maxsize=1)
def _all_factors() -> tuple[Factor, ...]:
    out = []
    with open(DATA_DIR / "ghg_material_factors.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            out.append(Factor(material=row["material"], route=row["route"], table=row["table"],
                              kg_co2e_per_t=float(row["kgCO2e_per_tonne"]),
                              source=row["source"], year=int(row["year"]),
                              factor_id=row["factor_id"], licence=row["licence"]))
    return tuple(out)


@functools.lru_cache(maxsize=8)
def choose_factor_set(name: str = DEFAULT_FACTOR_SET) -> FactorSet:
    """The factor set called ``name``: ``"DEFRA-2025"`` (default), ``"DEFRA-2024"``
    or ``"EPA-2021"``.

    Raises
    ------
    ValidationError
        For any other name.
    """
    if name not in FACTOR_SETS:
        raise ValidationError(
            f"Expected a factor set among {', '.join(FACTOR_SETS)}, got {name!r}.")
    source, year = FACTOR_SETS[name]
    factors = {(f.table, f.material, f.route): f for f in _all_factors()
               if f.source == source and f.year == year}
    return FactorSet(name=name, source=source, year=year, factors=factors)


def materials_in_factor_table(factor_set: str | None = None) -> list[str]:
    """Material names with at least one factor, sorted.

    Parameters
    ----------
    factor_set
        Limit to one set (see :func:`choose_factor_set`); ``None`` for all sets.
    """
    if factor_set is not None:
        return choose_factor_set(factor_set).materials()
    return sorted({f.material for f in _all_factors()})
