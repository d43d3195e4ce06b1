"""A building's materials passport in figures: what it holds, how it comes apart,
where it goes at the end of use, what it is worth, and how sure each figure is.

Plain data in, plain data out: the buildings app (or a notebook) builds
:class:`Part` objects and calls :func:`summarise`.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from dataclasses import dataclass, field

from circularcities.core.errors import ValidationError
from circularcities.core.passport.detachability import detachability
from circularcities.core.passport.mci import BuildingResult, Flows, Result, building, compute

ORIGINS = ("virgin", "recycled", "reused", "sustained_bio")
"""Where a component's material comes from (the MCI feedstock classes)."""
QUALITIES = ("measured", "estimated", "missing")
FIGURES = ("mass", "origin", "reusable", "recyclable", "lifetime", "detachability",
           "residual_value", "take_back")
"""The figures whose data quality a passport records, per component."""


@dataclass(frozen=True)
class Part:
    """One component line of a building (masses are for the whole line, all pieces).

    ``None`` marks a figure that is missing; it is never replaced by a guess.
    """

    id: str
    name: str = ""
    classification: str = ""
    materials: tuple[tuple[str, float | None], ...] = ()
    """(material, mass in kg or None when unknown)"""
    count: int = 1
    connection: str | None = None
    accessibility: str | None = None
    reusable_share: float | None = None
    recyclable_share: float | None = None
    composted_share: float = 0.0
    energy_share: float = 0.0
    origin: str | None = None
    lifetime_years: float | None = None
    reference_lifetime_years: float | None = None
    use_ratio: float = 1.0
    eff_collection: float = 1.0
    eff_feedstock: float = 1.0
    take_back_until: dt.date | None = None
    residual_value: float | None = None
    currency: str = ""
    end_of_use: dt.date | None = None
    quality: dict[str, str] = field(default_factory=dict)

    @property
    def mass_kg(self) -> float | None:
        """Total mass, or None when any material's mass is unknown."""
        if not self.materials or any(m is None for _, m in self.materials):
            return None
        return math.fsum(m for _, m in self.materials if m is not None)

    def quality_of(self, figure: str) -> str:
        """The stated quality of a figure; ``missing`` when the figure itself is absent."""
        if self._absent(figure):
            return "missing"
        q = self.quality.get(figure, "estimated")
        return q if q in QUALITIES else "estimated"

    def _absent(self, figure: str) -> bool:
        values = {
            "mass": self.mass_kg, "origin": self.origin, "reusable": self.reusable_share,
            "recyclable": self.recyclable_share, "lifetime": self.lifetime_years,
            "detachability": self.connection and self.accessibility,
            "residual_value": self.residual_value, "take_back": True,
        }
        return values.get(figure) is None

    def flows(self) -> Flows | None:
        """The MCI inputs, or None when mass, origin or the end-of-use shares are missing."""
        m = self.mass_kg
        if not m or self.origin is None or self.reusable_share is None \
                or self.recyclable_share is None:
            return None
        feed = {o: 1.0 if self.origin == o else 0.0 for o in ORIGINS}
        ratio = 1.0
        if self.lifetime_years and self.reference_lifetime_years:
            ratio = self.lifetime_years / self.reference_lifetime_years
        return Flows(mass_kg=m, recycled_in=feed["recycled"], reused_in=feed["reused"],
                     sustained_bio_in=feed["sustained_bio"], recycled_out=self.recyclable_share,
                     reused_out=self.reusable_share, composted_out=self.composted_share,
                     energy_out=self.energy_share, eff_collection=self.eff_collection,
                     eff_feedstock=self.eff_feedstock if feed["recycled"] else 1.0,
                     lifetime_ratio=ratio, use_ratio=self.use_ratio, id=self.id)


@dataclass(frozen=True)
class Passport:
    """The figures of a passport. Masses in kg, shares 0..1 of the known mass."""

    mass_kg: float
    mass_unknown: list[str]
    """ids of components whose mass is missing (left out of every mass figure)"""
    materials: list[tuple[str, float]]
    """(material, kg), heaviest first"""
    reusable_kg: float
    recyclable_kg: float
    biological_kg: float
    """composted or sent to energy recovery"""
    lost_kg: float
    end_of_use_unknown_kg: float
    detachability: float | None
    """mass-weighted mean over components with a score"""
    detachability_by_part: dict[str, float]
    take_back_kg: float
    residual_value: dict[str, float]
    """per currency"""
    mci: BuildingResult | None
    mci_by_part: dict[str, Result]
    mci_missing: list[str]
    """ids of components without the figures the MCI needs"""
    quality: dict[str, dict[str, float]]
    """figure -> quality -> share of the components (by count of lines)"""

    def share(self, kg: float) -> float:
        return kg / self.mass_kg if self.mass_kg else 0.0


def summarise(parts: list[Part], *, on: dt.date | None = None, method: str = "2019") -> Passport:
    """The passport figures of ``parts`` (take-back agreements counted if valid ``on``)."""
    on = on or dt.date.today()
    known = [p for p in parts if p.mass_kg is not None]
    mass = math.fsum(p.mass_kg or 0.0 for p in known)
    by_material: dict[str, float] = defaultdict(float)
    for p in known:
        for name, kg in p.materials:
            by_material[name or "?"] += kg or 0.0
    reusable = recyclable = biological = unknown_end = take_back = 0.0
    det: dict[str, float] = {}
    det_mass = 0.0
    det_sum = 0.0
    for p in known:
        m = p.mass_kg or 0.0
        if p.reusable_share is None or p.recyclable_share is None:
            unknown_end += m
        else:
            reusable += m * p.reusable_share
            recyclable += m * p.recyclable_share
            biological += m * (p.composted_share + p.energy_share)
        if p.take_back_until is not None and p.take_back_until >= on:
            take_back += m
        if p.connection and p.accessibility:
            try:
                d = detachability(p.connection, p.accessibility).score
            except ValidationError:
                continue
            det[p.id] = d
            det_sum += m * d
            det_mass += m
    value: dict[str, float] = defaultdict(float)
    for p in parts:
        if p.residual_value is not None and p.currency:
            value[p.currency] += p.residual_value
    flows = [(p.id, p.flows()) for p in parts]
    results = {pid: compute(f, method) for pid, f in flows if f is not None}  # type: ignore[arg-type]
    quality: dict[str, dict[str, float]] = {}
    for figure in FIGURES:
        counts = {q: 0 for q in QUALITIES}
        for p in parts:
            counts[p.quality_of(figure)] += 1
        quality[figure] = {q: (n / len(parts) if parts else 0.0) for q, n in counts.items()}
    return Passport(
        mass_kg=mass, mass_unknown=[p.id for p in parts if p.mass_kg is None],
        materials=sorted(by_material.items(), key=lambda kv: (-kv[1], kv[0])),
        reusable_kg=reusable, recyclable_kg=recyclable, biological_kg=biological,
        lost_kg=max(0.0, mass - unknown_end - reusable - recyclable - biological),
        end_of_use_unknown_kg=unknown_end,
        detachability=det_sum / det_mass if det_mass else None, detachability_by_part=det,
        take_back_kg=take_back, residual_value=dict(value),
        mci=building(list(results.values())) if results else None, mci_by_part=results,
        mci_missing=[pid for pid, f in flows if f is None], quality=quality)


@dataclass(frozen=True)
class Availability:
    """Reusable material that comes free in one year at one place."""

    year: int
    material: str
    tonnes: float


def coming_free(parts: list[Part], *, start: dt.date, horizon_years: int) -> list[Availability]:
    """Reusable tonnes by year and material for parts whose end of use falls within
    ``horizon_years`` from ``start`` (parts without a mass or reusable share are skipped)."""
    if not 0 < horizon_years <= 100:
        raise ValidationError(f"Expected a horizon of 1 to 100 years; got {horizon_years}.")
    end = dt.date(min(start.year + horizon_years, 9999), start.month, min(start.day, 28))
    out: dict[tuple[int, str], float] = defaultdict(float)
    for p in parts:
        if p.end_of_use is None or not start <= p.end_of_use <= end or not p.reusable_share:
            continue
        for name, kg in p.materials:
            if kg:
                out[(p.end_of_use.year, name)] += kg * p.reusable_share / 1000.0
    return [Availability(y, m, t) for (y, m), t in sorted(out.items())]
