"""Routes and their measured figures."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Route:
    """What one vehicle does in a day.

    The vehicle leaves its depot at ``start_min``, and for each trip visits
    the trip's points in order, then unloads at the facility; after the last
    trip it drives back to its depot.

    Parameters
    ----------
    vehicle_type
        Id of the vehicle type.
    trips
        Point ids per trip, in visiting order; at least one non-empty trip.
    start_min
        Departure from the depot, minutes after the start of the shift.
    """

    vehicle_type: str
    trips: tuple[tuple[str, ...], ...]
    start_min: float = 0.0

    def __post_init__(self):
        object.__setattr__(self, "trips", tuple(tuple(t) for t in self.trips))

    @property
    def stops(self) -> tuple[str, ...]:
        """Every point id visited, in order, all trips together."""
        return tuple(p for trip in self.trips for p in trip)


@dataclass(frozen=True)
class Stop:
    """One visit of a route, as scheduled.

    Times are minutes after the start of the shift; ``point_id`` is ``None``
    for an unloading stop at the facility.
    """

    point_id: str | None
    trip: int
    arrival_min: float
    start_min: float
    departure_min: float
    load_t: float


@dataclass(frozen=True)
class RouteMetrics:
    """Figures of one route, recomputed by :func:`~.evaluate.evaluate`.

    Attributes
    ----------
    distance_km, duration_h, driving_h
        Distance driven (km), time from leaving the depot to returning (h,
        waiting and service included), time spent driving (h).
    load_t
        Mass collected over all trips, tonnes.
    trip_loads_t
        Mass per trip, tonnes.
    cost
        Fixed daily cost + distance cost + time cost, scenario currency.
    co2e_kg
        Tailpipe emissions, kg CO2e.
    stops
        The schedule.
    """

    route: Route
    depot_id: str
    distance_km: float
    duration_h: float
    driving_h: float
    load_t: float
    trip_loads_t: tuple[float, ...]
    cost: float
    co2e_kg: float
    stops: tuple[Stop, ...]


@dataclass(frozen=True)
class Evaluation:
    """Every route's figures, the totals, and what is wrong, if anything.

    ``violations`` is empty when the routes are feasible: every point served
    exactly once, no trip over capacity, every time window and shift kept,
    no more vehicles than available.
    """

    routes: tuple[RouteMetrics, ...]
    violations: tuple[str, ...]
    currency: str
    facility_id: str

    @property
    def feasible(self) -> bool:
        """True when there are no violations."""
        return not self.violations

    @property
    def distance_km(self) -> float:
        """Total distance, km."""
        return sum(r.distance_km for r in self.routes)

    @property
    def duration_h(self) -> float:
        """Total time on duty, hours."""
        return sum(r.duration_h for r in self.routes)

    @property
    def driving_h(self) -> float:
        """Total driving time, hours."""
        return sum(r.driving_h for r in self.routes)

    @property
    def load_t(self) -> float:
        """Total mass collected, tonnes."""
        return sum(r.load_t for r in self.routes)

    @property
    def cost(self) -> float:
        """Total cost, scenario currency."""
        return sum(r.cost for r in self.routes)

    @property
    def co2e_kg(self) -> float:
        """Total emissions, kg CO2e."""
        return sum(r.co2e_kg for r in self.routes)

    @property
    def vehicles_used(self) -> int:
        """Number of routes (one vehicle each)."""
        return len(self.routes)

    @property
    def cost_per_t(self) -> float:
        """Cost per tonne collected (``nan`` when nothing is collected)."""
        return self.cost / self.load_t if self.load_t > 0 else float("nan")


@dataclass(frozen=True)
class Progress:
    """How far a solve has got, for progress bars.

    Attributes
    ----------
    fraction
        Share of the time limit used, 0 to 1.
    elapsed_s
        Seconds since the search started.
    iterations
        Search iterations so far.
    best_cost
        Solver objective of the best feasible solution so far, in the
        scenario currency (the integer objective scaled back; the reported
        cost is recomputed by :func:`~.evaluate.evaluate`), or ``None``
        while no feasible solution is known.
    label
        What is being solved (e.g. a plan group), for display.
    """

    fraction: float
    elapsed_s: float
    iterations: int
    best_cost: float | None
    label: str = ""


@dataclass(frozen=True)
class SolveResult:
    """The outcome of :func:`~.solver.solve`.

    Attributes
    ----------
    evaluation
        The routes with their figures (see :class:`Evaluation`).
    runtime_s, iterations
        Search time and iterations.
    solver_cost
        The solver's own objective scaled back to the currency (integer
        rounding of costs makes it differ slightly from ``evaluation.cost``).
    """

    evaluation: Evaluation
    runtime_s: float
    iterations: int
    solver_cost: float
    label: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def routes(self) -> tuple[Route, ...]:
        """The routes found."""
        return tuple(r.route for r in self.evaluation.routes)
