"""Scenario data of the collection-logistics planner.

Every object validates itself when built and raises
:class:`RoutingValidationError` (a :class:`~circularcities.core.errors.ValidationError`)
whose ``fields`` list names each wrong field, so an importer can point at the
spreadsheet cell. Checks that need the whole scenario (a point heavier than
any vehicle, a facility too small, ...) live in :mod:`.checks` and run before
any solver.

Units: mass in tonnes (t), distance in km, time in minutes from the start of
the shift (time windows, service) or hours (shift length), money in the
scenario's ISO 4217 currency, coordinates WGS84 decimal degrees.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from circularcities.core.errors import ValidationError

_CURRENCY = re.compile(r"^[A-Z]{3}$")


class RoutingValidationError(ValidationError):
    """A routing object is not valid.

    Parameters
    ----------
    fields
        ``(field name, message)`` pairs, one per problem found.
    """

    def __init__(self, what: str, fields: list[tuple[str, str]]):
        self.fields = fields
        super().__init__(f"{what}: " + "; ".join(msg for _, msg in fields))


def _finite(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _check_coordinates(lat: object, lon: object) -> list[tuple[str, str]]:
    problems = []
    if not _finite(lat) or not -90.0 <= lat <= 90.0:  # type: ignore[operator]
        problems.append(("lat", f"Expected a latitude between -90 and 90 degrees, got {lat!r}."))
    if not _finite(lon) or not -180.0 <= lon <= 180.0:  # type: ignore[operator]
        problems.append(("lon", f"Expected a longitude between -180 and 180 degrees, got {lon!r}."))
    return problems


def _check_id(value: object) -> list[tuple[str, str]]:
    if not isinstance(value, str) or not value.strip():
        return [("id", f"Expected a non-empty text id, got {value!r}.")]
    return []


def _raise(what: str, problems: list[tuple[str, str]]) -> None:
    if problems:
        raise RoutingValidationError(what, problems)


@dataclass(frozen=True)
class CollectionPoint:
    """A place where waste is collected (shop, restaurant, canteen ...).

    Parameters
    ----------
    id
        Unique id of the point.
    name
        Human-readable name.
    municipality
        Municipality the point belongs to (used to group points into plans).
    lat, lon
        WGS84 coordinates in decimal degrees.
    quantity_t
        Mass collected at each visit, in tonnes, ``>= 0``.
    service_min
        Time spent at the point (loading), minutes, ``>= 0``.
    earliest_min, latest_min
        Optional time window for the start of service, in minutes from the
        start of the shift. ``None`` means no limit.
    """

    id: str
    name: str
    municipality: str
    lat: float
    lon: float
    quantity_t: float
    service_min: float = 0.0
    earliest_min: float | None = None
    latest_min: float | None = None

    def __post_init__(self):
        problems = _check_id(self.id) + _check_coordinates(self.lat, self.lon)
        if not isinstance(self.municipality, str) or not self.municipality.strip():
            problems.append(("municipality", "Expected a municipality name."))
        if not _finite(self.quantity_t) or self.quantity_t < 0:
            problems.append(("quantity_t", f"Expected quantity_t >= 0 tonnes, got {self.quantity_t!r}."))
        if not _finite(self.service_min) or self.service_min < 0:
            problems.append(("service_min", f"Expected service_min >= 0 minutes, got {self.service_min!r}."))
        for name in ("earliest_min", "latest_min"):
            value = getattr(self, name)
            if value is not None and (not _finite(value) or value < 0):
                problems.append((name, f"Expected {name} >= 0 minutes or empty, got {value!r}."))
        if (_finite(self.earliest_min) and _finite(self.latest_min)
                and self.earliest_min > self.latest_min):  # type: ignore[operator]
            problems.append(("earliest_min", f"Expected earliest_min <= latest_min, got "
                             f"{self.earliest_min} > {self.latest_min}."))
        _raise(f"Collection point {self.id!r}", problems)


@dataclass(frozen=True)
class Depot:
    """Where vehicles are parked: they leave from and return to it.

    Parameters
    ----------
    id
        Unique id.
    lat, lon
        WGS84 coordinates, decimal degrees.
    municipality
        Municipality that runs the depot.
    name
        Human-readable name (optional).
    """

    id: str
    lat: float
    lon: float
    municipality: str
    name: str = ""

    def __post_init__(self):
        problems = _check_id(self.id) + _check_coordinates(self.lat, self.lon)
        if not isinstance(self.municipality, str) or not self.municipality.strip():
            problems.append(("municipality", "Expected a municipality name."))
        _raise(f"Depot {self.id!r}", problems)


@dataclass(frozen=True)
class Facility:
    """A processing facility (e.g. a poultry-feed plant) where loads are unloaded.

    Parameters
    ----------
    id
        Unique id.
    lat, lon
        WGS84 coordinates, decimal degrees.
    capacity_t_per_day
        Mass the facility accepts per day, tonnes, ``> 0``.
    name
        Human-readable name (optional).
    """

    id: str
    lat: float
    lon: float
    capacity_t_per_day: float
    name: str = ""

    def __post_init__(self):
        problems = _check_id(self.id) + _check_coordinates(self.lat, self.lon)
        if not _finite(self.capacity_t_per_day) or self.capacity_t_per_day <= 0:
            problems.append(("capacity_t_per_day", "Expected capacity_t_per_day > 0 tonnes, "
                             f"got {self.capacity_t_per_day!r}."))
        _raise(f"Facility {self.id!r}", problems)


@dataclass(frozen=True)
class VehicleType:
    """A group of identical vehicles based at one depot.

    Parameters
    ----------
    id
        Unique id.
    depot_id
        Id of the depot the vehicles leave from and return to.
    count
        Number of vehicles available per day, ``>= 0``.
    capacity_t
        Payload per trip, tonnes, ``> 0``.
    cost_per_km
        Running cost (fuel, wear), currency per km, ``>= 0``.
    cost_per_hour
        Crew cost, currency per hour on the road, ``>= 0``.
    cost_per_day
        Fixed cost of using one vehicle for a day, currency, ``>= 0``.
    speed_kmh
        Average speed used for durations, km/h, ``> 0``.
    co2e_kg_per_km
        Tailpipe emissions, kg CO2e per km, ``>= 0``.
    shift_hours
        Longest working day, hours, ``> 0``; the vehicle must be back at
        its depot by then.
    name
        Human-readable name (optional).
    """

    id: str
    depot_id: str
    count: int
    capacity_t: float
    cost_per_km: float = 0.0
    cost_per_hour: float = 0.0
    cost_per_day: float = 0.0
    speed_kmh: float = 30.0
    co2e_kg_per_km: float = 0.0
    shift_hours: float = 8.0
    name: str = ""

    def __post_init__(self):
        problems = _check_id(self.id)
        if not isinstance(self.depot_id, str) or not self.depot_id.strip():
            problems.append(("depot_id", "Expected the id of a depot."))
        if not isinstance(self.count, int) or isinstance(self.count, bool) or self.count < 0:
            problems.append(("count", f"Expected a whole number count >= 0, got {self.count!r}."))
        checks = [("capacity_t", "> 0 tonnes", True), ("cost_per_km", ">= 0", False),
                  ("cost_per_hour", ">= 0", False), ("cost_per_day", ">= 0", False),
                  ("speed_kmh", "> 0 km/h", True), ("co2e_kg_per_km", ">= 0 kg/km", False),
                  ("shift_hours", "> 0 hours", True)]
        for name, expected, strict in checks:
            value = getattr(self, name)
            if not _finite(value) or value < 0 or (strict and value == 0):
                problems.append((name, f"Expected {name} {expected}, got {value!r}."))
        _raise(f"Vehicle type {self.id!r}", problems)


@dataclass(frozen=True)
class PlanGroup:
    """Municipalities that collect together, with the depots and facility they use.

    Parameters
    ----------
    municipalities
        Municipalities served together (at least one).
    facility_id
        Facility the group unloads at; ``None``: the scenario's only facility
        or, when there are several, the one nearest to the group's points.
    depot_ids
        Depots whose vehicles serve the group; ``None``: every depot located
        in one of the group's municipalities.
    """

    municipalities: frozenset[str]
    facility_id: str | None = None
    depot_ids: tuple[str, ...] | None = None

    def __post_init__(self):
        object.__setattr__(self, "municipalities", frozenset(self.municipalities))
        if self.depot_ids is not None:
            object.__setattr__(self, "depot_ids", tuple(self.depot_ids))
        if not self.municipalities:
            raise RoutingValidationError("Plan group", [("municipalities",
                                         "Expected at least one municipality.")])

    @property
    def label(self) -> str:
        """Municipalities joined with ``" + "`` in alphabetical order."""
        return " + ".join(sorted(self.municipalities))


@dataclass(frozen=True)
class Partition:
    """One way of splitting the municipalities into groups: a plan to compare.

    Parameters
    ----------
    name
        Name of the plan, e.g. ``"Ube alone + Hofu & Yamaguchi joint"``.
    groups
        Groups whose municipalities do not overlap.
    """

    name: str
    groups: tuple[PlanGroup, ...]

    def __post_init__(self):
        object.__setattr__(self, "groups", tuple(self.groups))
        problems = []
        if not self.groups:
            problems.append(("groups", "Expected at least one group."))
        seen: set[str] = set()
        for group in self.groups:
            twice = seen & group.municipalities
            if twice:
                problems.append(("municipalities", f"Expected each municipality in one group "
                                 f"only, got {', '.join(sorted(twice))} twice."))
            seen |= group.municipalities
        _raise(f"Plan {self.name!r}", problems)

    @property
    def municipalities(self) -> frozenset[str]:
        """All municipalities covered by the plan."""
        return frozenset().union(*(g.municipalities for g in self.groups))


@dataclass(frozen=True)
class Scenario:
    """A collection-logistics planning scenario.

    Parameters
    ----------
    points, depots, facilities, vehicle_types
        The data; ids must be unique within each kind.
    currency
        ISO 4217 code of every cost, e.g. ``"JPY"``.
    circuity
        Road distance / great-circle distance ratio used by the default
        distance provider, ``>= 1``.
    plans
        Plans to compare (see :func:`~.partitions.compare_partitions`).
    name
        Scenario name.
    """

    points: tuple[CollectionPoint, ...]
    depots: tuple[Depot, ...]
    facilities: tuple[Facility, ...]
    vehicle_types: tuple[VehicleType, ...]
    currency: str = "EUR"
    circuity: float = 1.3
    plans: tuple[Partition, ...] = field(default_factory=tuple)
    name: str = ""

    def __post_init__(self):
        for name in ("points", "depots", "facilities", "vehicle_types", "plans"):
            object.__setattr__(self, name, tuple(getattr(self, name)))
        problems = []
        if not isinstance(self.currency, str) or not _CURRENCY.match(self.currency):
            problems.append(("currency", "Expected a three-letter ISO 4217 currency code "
                             f"such as 'JPY', got {self.currency!r}."))
        if not _finite(self.circuity) or self.circuity < 1:
            problems.append(("circuity", f"Expected circuity >= 1, got {self.circuity!r}."))
        for kind in ("points", "depots", "facilities", "vehicle_types"):
            dupes = _duplicates(item.id for item in getattr(self, kind))
            if dupes:
                problems.append((kind, f"Expected unique {kind.replace('_', ' ')} ids, got "
                                 f"{', '.join(dupes)} more than once."))
        _raise(f"Scenario {self.name!r}", problems)

    @property
    def municipalities(self) -> tuple[str, ...]:
        """Municipalities that have collection points, sorted."""
        return tuple(sorted({p.municipality for p in self.points}))

    @property
    def total_quantity_t(self) -> float:
        """Mass collected per day over all points, tonnes."""
        return float(sum(p.quantity_t for p in self.points))

    def point(self, point_id: str) -> CollectionPoint:
        """The point with this id (``KeyError`` if unknown)."""
        return {p.id: p for p in self.points}[point_id]

    def facility(self, facility_id: str | None = None) -> Facility:
        """The facility with this id; without an id, the only facility.

        Raises
        ------
        ValidationError
            When the id is unknown, or no id is given and there is not
            exactly one facility.
        """
        if facility_id is None:
            if len(self.facilities) != 1:
                raise ValidationError("Expected a facility id: the scenario has "
                                      f"{len(self.facilities)} facilities.")
            return self.facilities[0]
        for f in self.facilities:
            if f.id == facility_id:
                return f
        raise ValidationError(f"Expected a known facility id, got '{facility_id}'.")

    def subset(self, group: PlanGroup, facility_id: str) -> Scenario:
        """The scenario restricted to one group's points, depots, vehicles and facility."""
        depot_ids = set(group.depot_ids) if group.depot_ids is not None else {
            d.id for d in self.depots if d.municipality in group.municipalities}
        return Scenario(
            points=tuple(p for p in self.points if p.municipality in group.municipalities),
            depots=tuple(d for d in self.depots if d.id in depot_ids),
            facilities=tuple(f for f in self.facilities if f.id == facility_id),
            vehicle_types=tuple(v for v in self.vehicle_types if v.depot_id in depot_ids),
            currency=self.currency, circuity=self.circuity,
            name=f"{self.name} [{group.label}]".strip())


def _duplicates(ids: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    dupes: list[str] = []
    for item in ids:
        if item in seen and item not in dupes:
            dupes.append(item)
        seen.add(item)
    return dupes
