"""Rates of waste streams: computed from the tonnes, never typed.

Every rate is a fraction 0..1 of a denominator in tonnes, and ``None`` when
the denominator is 0 (nothing generated: no rate, rather than 0 %). Because a
stream's routes never exceed what was generated (see
:mod:`circularcities.core.waste.streams`), no rate exceeds 1.

The formulas, as shown to users (:data:`FORMULAS`):

``recycling_rate``
    (preparing for reuse + recycling + composting/AD) / generated. The
    municipal waste recycling rate of the EU Waste Framework Directive
    (art. 11) and Eurostat cei_wm011, applied to any stream.
``energy_recovery_rate``
    incineration with energy recovery / generated.
``incineration_rate``
    incineration without energy recovery / generated.
``landfill_rate``
    landfill / generated.
``other_rate``
    other routes / generated.
``untreated_t``
    generated - all routes (tonnes with no recorded route: stored, lost, not known).
``utilisation_rate``
    Industrial solid waste comprehensive utilisation rate (一般工业固体废物综合利用率),
    as defined in China's ecological-environment statistics (生态环境统计年报,
    Ministry of Ecology and Environment):
    综合利用量 / (产生量 + 综合利用往年贮存量). Comprehensive utilisation is
    waste turned into resources, energy or raw materials, including waste of
    earlier years taken from storage; here
    (reuse + recycling + composting + energy recovery + utilised from storage)
    / (generated + utilised from storage). Industrial and agricultural streams
    (the latter with no storage term: straw and manure utilisation rates).
``sdg_11_6_1``
    SDG indicator 11.6.1 as UN-Habitat's Waste Wise Cities Tool measures it:
    municipal solid waste collected and managed in controlled facilities /
    municipal solid waste generated. Controlled facilities are recovery
    facilities (reuse, recycling, composting/AD, energy recovery) and
    controlled disposal (controlled incineration and landfill); waste sent to
    uncontrolled sites (``uncontrolled_t``: open dumps, open burning) does not
    count, and when the tonnes collected are known the numerator is at most
    what was collected (waste not collected is not counted as managed).
    Household (municipal solid) waste only.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from circularcities.core.waste.streams import AREAS, ROUTES, Stream

RECYCLING_ROUTES = ("reuse", "recycling", "composting")
UTILISATION_ROUTES = ("reuse", "recycling", "composting", "energy_recovery")
UTILISATION_AREAS = ("industrial", "agricultural")
"""Areas whose comprehensive utilisation rate is computed (China reports it for industrial solid
waste and for agricultural waste such as straw and manure)."""
RATE_KEYS = ("recycling_rate", "energy_recovery_rate", "incineration_rate", "landfill_rate", "other_rate",
             "utilisation_rate", "sdg_11_6_1")

FORMULAS: dict[str, str] = {
    "recycling_rate": "(reuse + recycling + composting) / generated",
    "energy_recovery_rate": "energy_recovery / generated",
    "incineration_rate": "incineration / generated",
    "landfill_rate": "landfill / generated",
    "other_rate": "other / generated",
    "untreated_t": "generated - (reuse + recycling + composting + energy_recovery + incineration + landfill + other)",
    "utilisation_rate": ("(reuse + recycling + composting + energy_recovery + from_storage) / "
                         "(generated + from_storage)"),
    "sdg_11_6_1": "min(collected, all routes - uncontrolled) / generated",
}

SOURCES: dict[str, str] = {
    "recycling_rate": "EU Waste Framework Directive art. 11; Eurostat cei_wm011",
    "energy_recovery_rate": "Eurostat env_wastrt (R1 energy recovery)",
    "incineration_rate": "Eurostat env_wastrt (D10)",
    "landfill_rate": "Eurostat env_wastrt (D1, D5)",
    "other_rate": "",
    "untreated_t": "",
    "utilisation_rate": "Ministry of Ecology and Environment of China, ecological-environment statistics "
                        "(一般工业固体废物综合利用率); the same formula without storage for agricultural waste",
    "sdg_11_6_1": "UN-Habitat, Waste Wise Cities Tool (SDG indicator 11.6.1)",
}


def _ratio(num: float, den: float) -> float | None:
    if den <= 0:
        return None
    return min(1.0, max(0.0, num / den))


@dataclass(frozen=True)
class Totals:
    """Summed tonnes of one or more streams (the figures every rate is computed from)."""

    generated_t: float
    routes: dict[str, float]
    collected_t: float | None = None
    uncontrolled_t: float = 0.0
    from_storage_t: float = 0.0
    area: str = ""

    @classmethod
    def of(cls, streams: Iterable[Stream], area: str = "") -> Totals:
        items = list(streams)
        collected = [s.collected_t for s in items]
        areas = {s.area for s in items}
        return cls(
            generated_t=math.fsum(s.generated_t for s in items),
            routes={r: math.fsum(s.route(r) for s in items) for r in ROUTES},
            # a sum of collected tonnes is only known when every stream knows it
            collected_t=math.fsum(c for c in collected if c is not None) if items and None not in collected
            else None,
            uncontrolled_t=math.fsum(s.uncontrolled_t for s in items),
            from_storage_t=math.fsum(s.from_storage_t for s in items),
            area=area or (areas.pop() if len(areas) == 1 else ""),
        )

    @property
    def treated_t(self) -> float:
        return math.fsum(self.routes.get(r, 0.0) for r in ROUTES)


@dataclass(frozen=True)
class Rates:
    """The rates of a stream or of summed streams (fractions 0..1, ``None`` when undefined)."""

    generated_t: float
    treated_t: float
    untreated_t: float
    recycling_rate: float | None
    energy_recovery_rate: float | None
    incineration_rate: float | None
    landfill_rate: float | None
    other_rate: float | None
    utilisation_rate: float | None = None
    sdg_11_6_1: float | None = None

    def as_dict(self) -> dict:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def rates(figures: Stream | Totals) -> Rates:
    """Every rate of a stream (or of :class:`Totals`); see the module docstring for the formulas."""
    g = figures.generated_t
    r = figures.routes
    treated = math.fsum(r.get(k, 0.0) for k in ROUTES)
    area = figures.area
    utilisation = None
    if area in UTILISATION_AREAS:
        s = figures.from_storage_t
        utilisation = _ratio(math.fsum(r.get(k, 0.0) for k in UTILISATION_ROUTES) + s, g + s)
    sdg = None
    if area == "household":
        controlled = max(0.0, treated - figures.uncontrolled_t)
        if figures.collected_t is not None:
            controlled = min(controlled, figures.collected_t)
        sdg = _ratio(controlled, g)
    return Rates(
        generated_t=g,
        treated_t=treated,
        untreated_t=max(0.0, g - treated),
        recycling_rate=_ratio(math.fsum(r.get(k, 0.0) for k in RECYCLING_ROUTES), g),
        energy_recovery_rate=_ratio(r.get("energy_recovery", 0.0), g),
        incineration_rate=_ratio(r.get("incineration", 0.0), g),
        landfill_rate=_ratio(r.get("landfill", 0.0), g),
        other_rate=_ratio(r.get("other", 0.0), g),
        utilisation_rate=utilisation,
        sdg_11_6_1=sdg,
    )


def yearly(streams: Iterable[Stream]) -> list[Stream]:
    """One figure per stream and year: the yearly row where given, else the sum of its months.

    A stream with a yearly row and monthly rows for the same year keeps the
    yearly row (the months are detail of it, not an addition).
    """
    by_key: dict[tuple[str, str, int], list[Stream]] = {}
    for s in streams:
        by_key.setdefault((s.area, s.stream, s.year), []).append(s)
    out = []
    for (area, name, year), items in sorted(by_key.items(), key=lambda kv: (kv[0][2], kv[0][0], kv[0][1])):
        whole = [s for s in items if s.month is None]
        if whole:
            out.append(whole[-1])
            continue
        t = Totals.of(items)
        codes = {s.ewc_code for s in items}
        out.append(Stream(stream=name, year=year, generated_t=t.generated_t, routes=dict(t.routes), area=area,
                          collected_t=t.collected_t, uncontrolled_t=t.uncontrolled_t,
                          from_storage_t=t.from_storage_t, ewc_code=codes.pop() if len(codes) == 1 else ""))
    return out


def rates_by_year(streams: Iterable[Stream], area: str | None = None) -> dict[int, Rates]:
    """Rates of the summed yearly figures per year, for one area (or all streams when ``None``)."""
    years: dict[int, list[Stream]] = {}
    for s in yearly(streams):
        if area is None or s.area == area:
            years.setdefault(s.year, []).append(s)
    return {y: rates(Totals.of(items, area=area or "")) for y, items in sorted(years.items())}


__all__ = ["AREAS", "FORMULAS", "RATE_KEYS", "SOURCES", "Rates", "Totals", "rates", "rates_by_year", "yearly"]
