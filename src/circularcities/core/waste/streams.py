"""Waste streams: what a city generated, collected and treated by route in a period.

A *stream* is one kind of waste of a city in one year (or one month of a
year): household waste, the fly ash of a power plant, construction and
demolition waste of the city ... It belongs to one of the five areas of
China's zero-waste ("无废城市") pilot cities and may carry a code of the EU
List of Waste (``data/ewc_codes.csv``).

Every figure is in tonnes. The treatment routes follow the EU waste
hierarchy and Eurostat's waste-treatment categories:

================  ===========================================================
``reuse``         preparing for reuse
``recycling``     material recycling
``composting``    composting and anaerobic digestion
``energy_recovery``  incineration with energy recovery (R1)
``incineration``  incineration without energy recovery (D10)
``landfill``      landfill (D1, D5)
``other``         any other route (e.g. backfilling, storage, export)
================  ===========================================================

Balance rule: the routes of a stream add up to no more than what was
generated, allowing :data:`TOLERANCE_T` (0.001 t, the rounding of figures
given to the kilogram). A stream above that is an error, never a rate above
100 %. Collected tonnes are likewise at most the generated ones.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from circularcities.core import rules
from circularcities.core.rules import FieldError, Msg

AREAS: tuple[str, ...] = ("industrial", "agricultural", "household", "construction_demolition", "hazardous")
"""The five areas of China's zero-waste pilot cities: industrial solid waste, agricultural
waste, household (municipal solid) waste, construction and demolition waste, hazardous waste."""

AREA_NAMES: dict[str, tuple[str, str]] = {
    "industrial": ("Industrial solid waste", "工业固体废物"),
    "agricultural": ("Agricultural waste", "农业废弃物"),
    "household": ("Household (municipal solid) waste", "生活垃圾"),
    "construction_demolition": ("Construction and demolition waste", "建筑垃圾"),
    "hazardous": ("Hazardous waste", "危险废物"),
}

ROUTES: tuple[str, ...] = ("reuse", "recycling", "composting", "energy_recovery", "incineration",
                           "landfill", "other")
"""Treatment routes, from the top of the waste hierarchy down."""

ROUTE_NAMES: dict[str, tuple[str, str]] = {
    "reuse": ("Preparing for reuse", "再使用准备"),
    "recycling": ("Recycling", "再生利用"),
    "composting": ("Composting / anaerobic digestion", "堆肥/厌氧消化"),
    "energy_recovery": ("Incineration with energy recovery", "焚烧发电（能量回收）"),
    "incineration": ("Incineration without energy recovery", "焚烧（无能量回收）"),
    "landfill": ("Landfill", "填埋"),
    "other": ("Other", "其他"),
}

QUALITIES: tuple[str, ...] = ("measured", "estimated", "proxy", "computed")
"""How a figure was obtained (the platform's quality flags, as in the indicator catalogue)."""

TOLERANCE_T = 0.001
"""Tonnes by which the routes may exceed what was generated (rounding to the kilogram)."""

UNBALANCED = Msg("The treatment routes add up to %(routes)s t, more than the %(generated)s t generated.")
COLLECTED_ABOVE = Msg("Collected (%(collected)s t) is more than generated (%(generated)s t).")
UNCONTROLLED_ABOVE = Msg("Uncontrolled disposal (%(value)s t) is more than landfill, incineration and other "
    "together (%(limit)s t).")
STORAGE_NOT_INDUSTRIAL = Msg("Waste utilised from storage is recorded for industrial solid waste only.")
MONTH = Msg("Expected a month from 1 to 12; got %(value)s.")
EWC = Msg("'%(value)s' is not a code of the EU List of Waste (six digits such as 20 01 08).")


def _t(x: float) -> str:
    return f"{x:,.3f}".rstrip("0").rstrip(".")


def normalise_ewc(code: str | None, known: frozenset[str] | None = None) -> str:
    """A List of Waste code as six digits (``"20 01 08*"`` -> ``"200108"``); empty stays empty.

    ``known`` (the codes of ``data/ewc_codes.csv``) refuses a code not on the list.
    """
    raw = (code or "").strip()
    if not raw:
        return ""
    digits = raw.replace(" ", "").replace("*", "")
    if len(digits) != 6 or not digits.isdigit() or (known is not None and digits not in known):
        raise FieldError("ewc_code", EWC, value=raw[:20])
    return digits


@dataclass(frozen=True)
class Stream:
    """One waste stream of a city in a year (or a month of it).

    Parameters
    ----------
    stream
        The stream's name as the city calls it (one line, at most 200 characters).
    year
        Calendar year, 1900..2100.
    generated_t
        Tonnes generated in the period, 0..1e10.
    routes
        Tonnes treated by each route of :data:`ROUTES` (missing routes are 0), each 0..1e10.
        Together at most ``generated_t`` + :data:`TOLERANCE_T`.
    area
        One of :data:`AREAS`, or empty when unknown (the command line has no area).
    month
        1..12 for a monthly figure, ``None`` for the whole year.
    collected_t
        Tonnes collected, at most ``generated_t`` (+ tolerance); ``None`` when unknown.
    uncontrolled_t
        Of landfill, incineration and other: tonnes that went to uncontrolled sites
        (open dumps, open burning, unmanaged landfill), for SDG 11.6.1. 0 when all
        facilities are controlled.
    from_storage_t
        Industrial solid waste of earlier years taken from storage and utilised in
        this year (综合利用往年贮存量), for the comprehensive utilisation rate.
    ewc_code
        EU List of Waste code (six digits) or empty.
    """

    stream: str
    year: int
    generated_t: float
    routes: dict[str, float] = field(default_factory=dict)
    area: str = ""
    month: int | None = None
    collected_t: float | None = None
    uncontrolled_t: float = 0.0
    from_storage_t: float = 0.0
    ewc_code: str = ""

    def __post_init__(self):
        check(self)

    def route(self, name: str) -> float:
        return self.routes.get(name, 0.0)

    @property
    def treated_t(self) -> float:
        """All routes together."""
        return math.fsum(self.routes.get(r, 0.0) for r in ROUTES)

    @property
    def untreated_t(self) -> float:
        """Generated minus all routes, never below 0 (a surplus within the tolerance is rounding)."""
        return max(0.0, self.generated_t - self.treated_t)


def check(s: Stream) -> None:
    """Every rule on a stream, in column order; raises FieldError naming the column.

    Normalises in place (the dataclass is frozen, so through ``object.__setattr__``).
    """
    def put(name, value):
        object.__setattr__(s, name, value)

    put("stream", rules.name("stream", s.stream, required=True))
    put("year", rules.year("year", s.year))
    if s.month is not None:
        month = rules.number("month", s.month, minimum=-math.inf, maximum=math.inf, integer=True)
        if not 1 <= month <= 12:
            raise FieldError("month", MONTH, value=rules._fmt(month))
        put("month", month)
    if s.area:
        rules.choice("area", s.area, AREAS)
    put("generated_t", float(rules.non_negative("generated_t", s.generated_t, maximum=rules.MAX_TONNES)))
    if s.collected_t is not None:
        put("collected_t", float(rules.non_negative("collected_t", s.collected_t, maximum=rules.MAX_TONNES)))
    unknown = sorted(set(s.routes) - set(ROUTES))
    if unknown:
        raise FieldError(unknown[0], rules.CHOICE, choices=", ".join(ROUTES), value=unknown[0])
    routes = {}
    for r in ROUTES:
        value = s.routes.get(r)
        routes[r] = 0.0 if value is None else float(rules.non_negative(f"{r}_t", value, maximum=rules.MAX_TONNES))
    put("routes", routes)
    put("uncontrolled_t", float(rules.non_negative("uncontrolled_t", s.uncontrolled_t or 0.0,
                                                    maximum=rules.MAX_TONNES)))
    put("from_storage_t", float(rules.non_negative("from_storage_t", s.from_storage_t or 0.0,
                                                    maximum=rules.MAX_TONNES)))
    put("ewc_code", normalise_ewc(s.ewc_code))
    treated = s.treated_t
    if treated > s.generated_t + TOLERANCE_T:
        raise FieldError("generated_t", UNBALANCED, routes=_t(treated), generated=_t(s.generated_t))
    if s.collected_t is not None and s.collected_t > s.generated_t + TOLERANCE_T:
        raise FieldError("collected_t", COLLECTED_ABOVE, collected=_t(s.collected_t), generated=_t(s.generated_t))
    disposal = routes["landfill"] + routes["incineration"] + routes["other"]
    if s.uncontrolled_t > disposal + TOLERANCE_T:
        raise FieldError("uncontrolled_t", UNCONTROLLED_ABOVE, value=_t(s.uncontrolled_t), limit=_t(disposal))
    if s.from_storage_t and s.area and s.area != "industrial":
        raise FieldError("from_storage_t", STORAGE_NOT_INDUSTRIAL)
