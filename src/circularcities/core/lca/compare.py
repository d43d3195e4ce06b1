"""Compare alternative materials for one building item by life-cycle GHG
(the Copenhagen bricks case: pick the lowest-carbon alternative)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from circularcities.core.errors import ValidationError
from circularcities.core.lca.factors import DEFAULT_FACTOR_SET, Factor, choose_factor_set
from circularcities.core.lca.mapping import lookup_material

SUPPLY_ROUTES = ("primary_production", "reuse", "closed_loop_recycling")


@dataclass(frozen=True)
class Alternative:
    """One way to build the item.

    Parameters
    ----------
    name
        Label shown to the user, e.g. ``"new bricks"``.
    material
        EWC code, category or factor-table material name.
    mass_t
        Tonnes of material the item needs with this alternative, > 0.
    supply_route
        ``"primary_production"``, ``"reuse"`` or ``"closed_loop_recycling"``.
    end_of_life_route
        Waste-disposal route at end of life (e.g. ``"landfill"``), or ``None``
        to leave end of life out (the same boundary must then hold for all).
    supply_kg_co2e_per_t, supply_source
        A user-supplied supply factor (kg CO2e/t) and its source, for routes
        the tables do not publish (e.g. reclaimed bricks); marked as such.
    """

    name: str
    material: str
    mass_t: float
    supply_route: str = "primary_production"
    end_of_life_route: str | None = "landfill"
    supply_kg_co2e_per_t: float | None = None
    supply_source: str | None = None

    def __post_init__(self) -> None:
        if not (isinstance(self.mass_t, int | float) and math.isfinite(self.mass_t)
                and self.mass_t > 0):
            raise ValidationError(f"Expected mass_t > 0 tonnes for {self.name!r}.")
        if self.supply_route not in SUPPLY_ROUTES:
            raise ValidationError(f"Expected supply_route in {SUPPLY_ROUTES} for "
                                  f"{self.name!r}, got {self.supply_route!r}.")
        if self.supply_kg_co2e_per_t is not None and not self.supply_source:
            raise ValidationError(f"Expected supply_source with supply_kg_co2e_per_t for "
                                  f"{self.name!r}.")


@dataclass(frozen=True)
class AlternativeResult:
    """Life-cycle GHG of one alternative: ``mass x (supply + end of life)``, kg CO2e."""

    alternative: Alternative
    kg_co2e: float | None
    factors: list[Factor] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class MaterialComparison:
    """Result of :func:`compare_alternatives`; ``best`` is the lowest complete one."""

    item: str
    factor_set: str
    results: list[AlternativeResult]
    best: AlternativeResult | None

    @property
    def saving_kg_co2e(self) -> float | None:
        """Worst complete minus best, kg CO2e (what choosing ``best`` avoids)."""
        known = [r.kg_co2e for r in self.results if r.kg_co2e is not None]
        return max(known) - min(known) if len(known) >= 2 else None


def _factor_material(material: str, factor_set: str) -> str:
    mapping = lookup_material(material)
    if mapping is not None and mapping.material_for(factor_set):
        return mapping.material_for(factor_set)  # type: ignore[return-value]
    return material  # maybe already a factor-table name


def compare_alternatives(item: str, alternatives: Sequence[Alternative],
                         factor_set: str = DEFAULT_FACTOR_SET) -> MaterialComparison:
    """Life-cycle GHG (cradle-to-gate supply + end of life) of each alternative;
    the lowest with complete data is ``best``.

    Parameters
    ----------
    item
        The building item, e.g. ``"facade wall, 120 m2"``.
    alternatives
        At least two :class:`Alternative`.
    factor_set
        Must publish material-use factors: ``"DEFRA-2025"`` or ``"DEFRA-2024"``.

    Notes
    -----
    The use phase is outside the boundary: compare alternatives that perform
    the same function. An alternative with a missing factor gets
    ``kg_co2e=None`` and is never chosen.
    """
    if len(alternatives) < 2:
        raise ValidationError("Expected at least two alternatives to compare.")
    if factor_set.startswith("EPA"):
        raise ValidationError("Expected a DEFRA factor set: EPA-2021 has no material-supply "
                              "factors.")
    fs = choose_factor_set(factor_set)
    results = []
    for alt in alternatives:
        mat = _factor_material(alt.material, factor_set)
        factors: list[Factor] = []
        missing: list[str] = []
        supply: Factor | None
        if alt.supply_kg_co2e_per_t is not None:
            supply = Factor(material=mat, route=alt.supply_route, table="material_use",
                            kg_co2e_per_t=float(alt.supply_kg_co2e_per_t),
                            source=f"user-supplied: {alt.supply_source}", year=0)
        else:
            supply = fs.get("material_use", mat, alt.supply_route)
        wanted = [("material_use", alt.supply_route, supply)]
        if alt.end_of_life_route is not None:
            wanted.append(("waste_disposal", alt.end_of_life_route,
                           fs.get("waste_disposal", mat, alt.end_of_life_route)))
        for table, route, factor in wanted:
            if factor is None:
                missing.append(f"No factor: {fs.name} publishes no {table} '{route}' factor for {mat!r}.")
            else:
                factors.append(factor)
        total = None if missing else alt.mass_t * sum(f.kg_co2e_per_t for f in factors)
        results.append(AlternativeResult(alternative=alt, kg_co2e=total, factors=factors,
                                         missing=missing))
    complete = [r for r in results if r.kg_co2e is not None]
    best = min(complete, key=lambda r: r.kg_co2e) if complete else None  # type: ignore[arg-type, return-value]
    return MaterialComparison(item=item, factor_set=factor_set, results=results, best=best)
