"""The Material Circularity Indicator (MCI) of the Ellen MacArthur Foundation.

Method: Ellen MacArthur Foundation and Granta Design, *Circularity Indicators: An
Approach to Measuring Circularity. Methodology* (May 2015) and its 2019 revision,
which adds feedstock from sustained biological production (``F_S``) and the
restorative end-of-use routes for biological material, composting (``C_C``) and
energy recovery (``C_E``). The formulas, with the symbols of the methodology
(``M`` mass, ``F_R``/``F_U``/``F_S`` feedstock fractions, ``C_R``/``C_U``/``C_C``/``C_E``
end-of-use fractions, ``E_C``/``E_F`` efficiencies), are written out in
``circularcities/data/passport/METHOD.md``; every intermediate is returned so a
user can check a result by hand.

* virgin feedstock ``V = M (1 - F_R - F_U - F_S)``
* unrecoverable waste going straight to landfill or incineration
  ``W0 = M (1 - C_R - C_U - C_C - C_E)``
* waste of the end-of-use recycling process ``WC = M (1 - E_C) C_R``
* waste of producing the recycled feedstock ``WF = M (1 - E_F) F_R / E_F``
* unrecoverable waste ``W = W0 + (WF + WC) / 2``
* linear flow index ``LFI = (V + W) / (2M + (WF - WC) / 2)``
* utility ``X = (L / Lav) (U / Uav)``, ``F(X) = 0.9 / X``
* ``MCI = max(0, 1 - LFI F(X))``

In the 2019 revision energy recovery counts as restorative only for biological
material from sustained production; energy recovery of any other material is
counted as unrecoverable waste here (``C_E`` is credited up to ``F_S``, the rest
goes into ``W0`` and is reported as ``energy_uncredited``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Literal

from circularcities.core.errors import ValidationError

Method = Literal["2015", "2019"]
METHODS: tuple[str, ...] = ("2015", "2019")
UTILITY_CONSTANT = 0.9
"""``a`` in ``F(X) = a / X``: makes a fully linear product of average utility score 0.1."""
TOLERANCE = 1e-9
"""Rounding allowance when fractions are checked to add up to at most 1."""


@dataclass(frozen=True)
class Flows:
    """The material flows of one product or building component.

    Parameters
    ----------
    mass_kg
        ``M``: mass of the component in kg, above zero.
    recycled_in, reused_in, sustained_bio_in
        ``F_R``, ``F_U``, ``F_S``: fractions of the feedstock from recycled sources,
        from reused sources, and biological material from sustained production;
        each 0..1, together at most 1. ``F_S`` is a 2019 term.
    recycled_out, reused_out, composted_out, energy_out
        ``C_R``, ``C_U``, ``C_C``, ``C_E``: fractions of the mass collected for
        recycling, going to reuse, composted, and sent to energy recovery at the end
        of use; each 0..1, together at most 1. ``C_C`` and ``C_E`` are 2019 terms.
    eff_collection
        ``E_C``: efficiency of the recycling process at the end of use, 0..1.
    eff_feedstock
        ``E_F``: efficiency of the process producing the recycled feedstock, 0..1;
        above 0 when ``F_R`` is above 0.
    lifetime_ratio, use_ratio
        ``L/Lav`` and ``U/Uav``: lifetime and intensity of use relative to the
        industry average, above 0.
    """

    mass_kg: float
    recycled_in: float = 0.0
    reused_in: float = 0.0
    sustained_bio_in: float = 0.0
    recycled_out: float = 0.0
    reused_out: float = 0.0
    composted_out: float = 0.0
    energy_out: float = 0.0
    eff_collection: float = 1.0
    eff_feedstock: float = 1.0
    lifetime_ratio: float = 1.0
    use_ratio: float = 1.0
    id: str = ""

    def __post_init__(self) -> None:
        problems = flow_problems(self, "2019")
        if problems:
            raise ValidationError(" ".join(problems))


FRACTIONS = ("recycled_in", "reused_in", "sustained_bio_in", "recycled_out", "reused_out",
             "composted_out", "energy_out", "eff_collection", "eff_feedstock")
RATIOS = ("lifetime_ratio", "use_ratio")
MAX_MASS_KG = 1e13
"""10 million tonnes: more than any one building component."""
MAX_RATIO = 1e6


def _finite(x: object) -> bool:
    return isinstance(x, int | float) and not isinstance(x, bool) and math.isfinite(x)


def flow_problems(f: Flows, method: Method = "2019") -> list[str]:
    """Every reason ``f`` cannot be computed, as sentences (empty when it can)."""
    out: list[str] = []
    if not _finite(f.mass_kg) or not 0 < f.mass_kg <= MAX_MASS_KG:
        out.append(f"Expected mass_kg above 0 and at most {MAX_MASS_KG:g}; got {f.mass_kg}.")
    for name in FRACTIONS:
        v = getattr(f, name)
        if not _finite(v) or not 0 <= v <= 1:
            out.append(f"Expected {name} between 0 and 1; got {v}.")
    for name in RATIOS:
        v = getattr(f, name)
        if not _finite(v) or not 0 < v <= MAX_RATIO:
            out.append(f"Expected {name} above 0 and at most {MAX_RATIO:g}; got {v}.")
    if out:
        return out
    inflow = f.recycled_in + f.reused_in + f.sustained_bio_in
    if inflow > 1 + TOLERANCE:
        out.append(f"Expected recycled_in + reused_in + sustained_bio_in to be at most 1; "
                   f"got {inflow:g}.")
    outflow = f.recycled_out + f.reused_out + f.composted_out + f.energy_out
    if outflow > 1 + TOLERANCE:
        out.append(f"Expected recycled_out + reused_out + composted_out + energy_out to be at "
                   f"most 1; got {outflow:g}.")
    if f.recycled_in > 0 and f.eff_feedstock == 0:
        out.append("Expected eff_feedstock above 0 when recycled_in is above 0: a recycled "
                   "feedstock cannot be made with zero efficiency.")
    if method == "2015" and (f.sustained_bio_in or f.composted_out or f.energy_out):
        out.append("The 2015 methodology has no sustained biological feedstock, composting or "
                   "energy recovery; use the 2019 method or set them to 0.")
    return out


@dataclass(frozen=True)
class Result:
    """The MCI of one component with every intermediate (masses in kg)."""

    id: str
    method: str
    mass_kg: float
    virgin_kg: float
    """``V``"""
    waste_direct_kg: float
    """``W0``"""
    waste_collection_kg: float
    """``WC``: lost in end-of-use recycling"""
    waste_feedstock_kg: float
    """``WF``: lost producing the recycled feedstock"""
    waste_kg: float
    """``W = W0 + (WF + WC) / 2``"""
    energy_uncredited: float
    """The part of ``C_E`` not from sustained biological production, counted in ``W0``."""
    lfi: float
    utility: float
    """``X``"""
    utility_factor: float
    """``F(X) = 0.9 / X``"""
    mci_unclipped: float
    """``1 - LFI F(X)`` before clipping at 0"""
    mci: float

    def as_dict(self) -> dict:
        return asdict(self)


def compute(f: Flows, method: Method = "2019") -> Result:
    """The MCI of one component: see the module docstring for the formulas."""
    if method not in METHODS:
        raise ValidationError(f"Expected method 2015 or 2019; got {method!r}.")
    problems = flow_problems(f, method)
    if problems:
        raise ValidationError(" ".join(problems))
    m = f.mass_kg
    virgin = m * max(0.0, 1 - f.recycled_in - f.reused_in - f.sustained_bio_in)
    credited_energy = min(f.energy_out, f.sustained_bio_in)
    uncredited = f.energy_out - credited_energy
    w0 = m * max(0.0, 1 - f.recycled_out - f.reused_out - f.composted_out - credited_energy)
    wc = m * (1 - f.eff_collection) * f.recycled_out
    wf = m * (1 - f.eff_feedstock) * f.recycled_in / f.eff_feedstock if f.recycled_in else 0.0
    waste = w0 + (wf + wc) / 2
    lfi = (virgin + waste) / (2 * m + (wf - wc) / 2)
    x = f.lifetime_ratio * f.use_ratio
    fx = UTILITY_CONSTANT / x
    raw = 1 - lfi * fx
    return Result(id=f.id, method=method, mass_kg=m, virgin_kg=virgin, waste_direct_kg=w0,
                  waste_collection_kg=wc, waste_feedstock_kg=wf, waste_kg=waste,
                  energy_uncredited=uncredited, lfi=lfi, utility=x, utility_factor=fx,
                  mci_unclipped=raw, mci=max(0.0, raw))


@dataclass(frozen=True)
class BuildingResult:
    """Mass-weighted MCI of a building (or any set of components)."""

    components: list[Result] = field(default_factory=list)
    mass_kg: float = 0.0
    virgin_kg: float = 0.0
    waste_kg: float = 0.0
    lfi: float = 0.0
    """Mass-weighted linear flow index of the components."""
    mci: float = 0.0
    """``sum(M_i MCI_i) / sum(M_i)``"""

    def as_dict(self) -> dict:
        return {"components": [c.as_dict() for c in self.components], "mass_kg": self.mass_kg,
                "virgin_kg": self.virgin_kg, "waste_kg": self.waste_kg, "lfi": self.lfi,
                "mci": self.mci}


def building(flows: Iterable[Flows] | Sequence[Result], method: Method = "2019") -> BuildingResult:
    """Compute every component and weight the MCI by mass.

    Each component is scored with its own utility, as the methodology scores a
    product; the building's MCI is the mass-weighted mean of the component MCIs.
    """
    results = [x if isinstance(x, Result) else compute(x, method) for x in flows]
    if not results:
        raise ValidationError("Expected at least one component to score a building.")
    mass = math.fsum(r.mass_kg for r in results)
    return BuildingResult(
        components=results, mass_kg=mass,
        virgin_kg=math.fsum(r.virgin_kg for r in results),
        waste_kg=math.fsum(r.waste_kg for r in results),
        lfi=math.fsum(r.mass_kg * r.lfi for r in results) / mass,
        mci=math.fsum(r.mass_kg * r.mci for r in results) / mass)
