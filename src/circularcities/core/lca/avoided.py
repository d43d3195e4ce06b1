"""Avoided emissions of one exchange: the platform's single, auditable method.

Method
------
An exchange sends ``q`` tonnes of a material from a holder (who would otherwise
dispose of it by the *counterfactual route*, landfill by default) to a user (who
would otherwise buy *primary* material). We compare the two systems, "with" and
"without" the exchange, over supply and end of life, and report

    avoided [kg CO2e] = q x ( S + E ) - T

    S = F_use(primary_production) - F_use(secondary route)     supply side
    E = F_disposal(counterfactual) - F_disposal(exchange route)  end-of-life side
    T = tonne_km x freight factor (kg CO2e per t.km)            only if given

with all ``F`` in kg CO2e per tonne from ONE factor set. Positive = emissions
avoided; a negative result means the exchange emits more than it saves and is
reported as such, never clipped.

Routes: ``"recycling"`` uses DEFRA ``closed_loop_recycling`` (material use:
"Closed-loop source"; waste disposal: "Closed-loop") or EPA ``recycling``;
``"reuse"`` uses DEFRA material-use ``reuse``. DEFRA publishes no "Re-use"
waste-disposal value, so for reuse ``F_disposal(exchange route)`` is the
closed-loop waste-disposal factor of the same material (transport to the next
user, 1 to 5 kg CO2e/t), flagged as a *proxy* in the result.

Why this and not a published "net" factor: the DEFRA waste-disposal factors are
cut-off factors (collection and transport only, no recycling credit) and the
EPA Table 9 factors likewise exclude avoided emissions (they are not WARM's net
factors). Adding the two brackets makes the credit explicit and traceable to
published numbers; nothing is counted twice because ``S`` covers making the
material and ``E`` covers disposing of the waste, two different processes.

Missing data: if any factor of ``S`` or ``E`` is not published for the
material, ``kg_co2e_avoided`` is ``None``, ``status`` is ``"incomplete"`` and
``missing`` says which; ``partial_kg_co2e`` sums what is known. EPA-2021 has no
production factors, so with it ``S`` is always missing: only ``E`` is known.
A material with no mapping gets ``status == "no factor"``. Never a silent zero.

Worked example (``data/AVOIDED_EMISSIONS_METHOD.md``): 10 t of cardboard
packaging (EWC 15 01 01 -> DEFRA "Paper and board: board"), recycled instead of
landfilled, DEFRA 2025: S = 1199.72542 - 1098.11442 = 101.61100; E = 1164.48940
- 4.68568 = 1159.80372; avoided = 10 x 1261.41472 = 12,614.1472 kg CO2e.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from circularcities.core.errors import ValidationError
from circularcities.core.lca.factors import DEFAULT_FACTOR_SET, Factor, choose_factor_set
from circularcities.core.lca.mapping import lookup_material

ROUTES = ("recycling", "reuse")
COUNTERFACTUALS = ("landfill", "combustion", "composting", "anaerobic_digestion")


@dataclass(frozen=True)
class UsedFactor:
    """A factor as used in a calculation: its role, sign and whether it is a proxy."""

    role: str
    sign: int
    factor: Factor
    proxy: bool = False

    def as_dict(self) -> dict[str, object]:
        return {"role": self.role, "sign": self.sign, "proxy": self.proxy,
                **self.factor.as_dict()}


@dataclass(frozen=True)
class AvoidedEmissions:
    """Avoided emissions of one exchange, with every factor used.

    Attributes
    ----------
    material
        Material code as given (EWC code or category).
    factor_material
        Factor-table material it maps to, or ``None``.
    quantity_t
        Tonnes exchanged.
    route, counterfactual, factor_set
        The method's choices.
    status
        ``"ok"``, ``"incomplete"`` (a needed factor is unpublished) or
        ``"no factor"`` (the material has no mapping).
    kg_co2e_avoided
        ``q x (S + E) - T`` in kg CO2e when complete, else ``None``.
    partial_kg_co2e
        Sum of the known parts, kg CO2e (equals the total when complete).
    factors
        Every factor used: role, sign (+1 adds, -1 subtracts), value, unit,
        source, year, material, route.
    missing, notes
        Sentences on what is missing and on proxies and boundaries.
    """

    material: str
    factor_material: str | None
    quantity_t: float
    route: str
    counterfactual: str
    factor_set: str
    status: str
    kg_co2e_avoided: float | None
    partial_kg_co2e: float
    factors: list[UsedFactor] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {"material": self.material, "factor_material": self.factor_material,
                "quantity_t": self.quantity_t, "route": self.route,
                "counterfactual": self.counterfactual, "factor_set": self.factor_set,
                "status": self.status, "kg_co2e_avoided": self.kg_co2e_avoided,
                "partial_kg_co2e": self.partial_kg_co2e,
                "factors": [f.as_dict() for f in self.factors],
                "missing": list(self.missing), "notes": list(self.notes)}


def avoided_emissions(material: str, quantity_t: float, *, route: str = "recycling",
                      counterfactual: str = "landfill",
                      factor_set: str = DEFAULT_FACTOR_SET, tonne_km: float = 0.0,
                      freight_kg_co2e_per_tkm: float | None = None,
                      factor_material: str | None = None) -> AvoidedEmissions:
    """Avoided emissions of exchanging ``quantity_t`` tonnes of ``material``.

    Parameters
    ----------
    material
        EWC code or category, mapped through ``data/material_factor_map.csv``.
    quantity_t
        Tonnes, >= 0.
    route
        ``"recycling"`` (default) or ``"reuse"``.
    counterfactual
        Disposal route escaped: ``"landfill"`` (default), ``"combustion"``,
        ``"composting"`` or ``"anaerobic_digestion"``.
    factor_set
        ``"DEFRA-2025"`` (default), ``"DEFRA-2024"`` or ``"EPA-2021"``.
    tonne_km, freight_kg_co2e_per_tkm
        Transport of the exchange, t·km, and a freight factor, kg CO2e per
        t·km (the factor table has none; give one from your freight data).
        Without a factor, transport is outside the boundary and a note says so.
    factor_material
        Use this factor-table material instead of the mapping.
    """
    if not (isinstance(quantity_t, int | float) and math.isfinite(quantity_t)
            and quantity_t >= 0):
        raise ValidationError(f"Expected quantity_t >= 0 tonnes, got {quantity_t!r}.")
    if route not in ROUTES:
        raise ValidationError(f"Expected route in {ROUTES}, got {route!r}.")
    if counterfactual not in COUNTERFACTUALS:
        raise ValidationError(f"Expected counterfactual in {COUNTERFACTUALS}, "
                              f"got {counterfactual!r}.")
    if freight_kg_co2e_per_tkm is not None and not freight_kg_co2e_per_tkm >= 0:
        raise ValidationError("Expected freight_kg_co2e_per_tkm >= 0 kg CO2e per t·km.")
    fs = choose_factor_set(factor_set)
    epa = factor_set.startswith("EPA")
    if factor_material is None:
        mapping = lookup_material(material)
        factor_material = mapping.material_for(factor_set) if mapping else None
    base: dict[str, Any] = dict(material=material, quantity_t=float(quantity_t), route=route,
                                counterfactual=counterfactual, factor_set=factor_set)
    if factor_material is None:
        return AvoidedEmissions(**base, factor_material=None, status="no factor",
                                kg_co2e_avoided=None, partial_kg_co2e=0.0,
                                missing=[f"No factor: material {material!r} has no mapping "
                                         f"to the {factor_set} factor table."])
    used: list[UsedFactor] = []
    missing: list[str] = []
    notes: list[str] = []
    disposal_route = "recycling" if epa else "closed_loop_recycling"
    if counterfactual == "anaerobic_digestion" and epa:
        counterfactual_key = "anaerobic_digestion_wet"
    else:
        counterfactual_key = counterfactual
    secondary = "reuse" if route == "reuse" else "closed_loop_recycling"
    wanted = [("supply: primary material avoided", +1, "material_use", "primary_production",
               False),
              (f"supply: {route} route used", -1, "material_use", secondary, False),
              (f"end of life: {counterfactual} avoided", +1, "waste_disposal",
               counterfactual_key, False),
              (f"end of life: {route} route used", -1, "waste_disposal", disposal_route,
               route == "reuse")]
    for role, sign, table, rt, proxy in wanted:
        if epa and table == "material_use":
            missing.append(f"{role}: EPA-2021 Table 9 has no material-supply factors.")
            continue
        f = fs.get(table, factor_material, rt)
        if f is None:
            missing.append(f"{role}: {fs.name} publishes no {table} '{rt}' factor for "
                           f"{factor_material!r}.")
            continue
        used.append(UsedFactor(role=role, sign=sign, factor=f, proxy=proxy))
        if proxy:
            notes.append("Reuse end-of-life leg: no published 'Re-use' waste-disposal "
                         "factor; the closed-loop factor (transport to the next user) is "
                         "used as a proxy.")
    partial = float(quantity_t) * sum(u.sign * u.factor.kg_co2e_per_t for u in used)
    if freight_kg_co2e_per_tkm is not None:
        partial -= float(tonne_km) * float(freight_kg_co2e_per_tkm)
        notes.append(f"Transport of the exchange counted: {tonne_km:g} t·km x "
                     f"{freight_kg_co2e_per_tkm:g} kg CO2e/t·km (user-supplied factor).")
    else:
        notes.append("Transport of the exchange not counted (no freight factor given).")
    status = "ok" if not missing else "incomplete"
    return AvoidedEmissions(**base, factor_material=factor_material, status=status,
                            kg_co2e_avoided=partial if status == "ok" else None,
                            partial_kg_co2e=partial, factors=used, missing=missing,
                            notes=notes)
