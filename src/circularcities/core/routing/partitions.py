"""Compare plans: which municipalities should collect together?

A *plan* is a :class:`~.model.Partition` of the municipalities into groups;
each group is solved on its own (its points, its depots' vehicles, its
facility) and the plan's figures are the sums over its groups. Identical
groups appearing in several plans are solved once, so the plans are
compared on the same routes where they agree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from circularcities.core.errors import InfeasibleError, Problem, ValidationError

from .checks import check_partition
from .distance import DistanceProvider, GreatCircleCircuity
from .model import Partition, PlanGroup, Scenario
from .result import Progress, SolveResult
from .solver import solve

MAX_MUNICIPALITIES = 4
"""Largest number of municipalities :func:`all_partitions` accepts by
default (Bell(4) = 15 plans, 15 distinct groups; Bell(6) is already 203)."""


def bell_number(n: int) -> int:
    """Number of set partitions of ``n`` items (1, 1, 2, 5, 15, 52, 203 ...)."""
    row = [1]
    for _ in range(n):
        nxt = [row[-1]]
        for value in row:
            nxt.append(nxt[-1] + value)
        row = nxt
    return row[0]


def all_partitions(municipalities: Sequence[str], *, allow_large: bool = False
                   ) -> list[tuple[frozenset[str], ...]]:
    """Every way of splitting ``municipalities`` into non-empty groups.

    Parameters
    ----------
    municipalities
        Distinct names.
    allow_large
        Accept more than :data:`MAX_MUNICIPALITIES` municipalities (the
        number of plans grows as the Bell numbers, and each new group costs
        one solve).

    Returns
    -------
    list of tuple of frozenset
        ``bell_number(len(municipalities))`` partitions, groups in a stable
        order (by first member in the input order).
    """
    items = list(municipalities)
    if len(set(items)) != len(items):
        raise ValidationError("Expected distinct municipality names.")
    if len(items) > MAX_MUNICIPALITIES and not allow_large:
        raise ValidationError(
            f"Expected at most {MAX_MUNICIPALITIES} municipalities for an exhaustive search, "
            f"got {len(items)} ({bell_number(len(items))} plans); pass allow_large=True "
            "(--all-partitions --allow-large) to accept, or list the plans to compare.")
    return [tuple(frozenset(g) for g in groups) for groups in _partitions(items)]


def _partitions(items: list[str]) -> Iterator[list[list[str]]]:
    if not items:
        yield []
        return
    first, rest = items[0], items[1:]
    for smaller in _partitions(rest):
        yield [[first], *smaller]
        for i in range(len(smaller)):
            yield [*smaller[:i], [first, *smaller[i]], *smaller[i + 1:]]


def rank_partitions(group_costs: Mapping[frozenset[str], float], municipalities: Sequence[str],
                    *, allow_large: bool = False) -> list[tuple[tuple[frozenset[str], ...], float]]:
    """All partitions with their cost (sum of their groups'), cheapest first.

    ``group_costs`` must hold a cost for every non-empty subset that appears
    in a partition (i.e. every non-empty subset).
    """
    ranked = []
    for partition in all_partitions(municipalities, allow_large=allow_large):
        ranked.append((partition, float(sum(group_costs[g] for g in partition))))
    ranked.sort(key=lambda item: (item[1], len(item[0])))
    return ranked


@dataclass(frozen=True)
class GroupResult:
    """One group of a plan, solved."""

    group: PlanGroup
    facility_id: str
    result: SolveResult

    @property
    def label(self) -> str:
        """The group's municipalities joined with ``+``."""
        return self.group.label


@dataclass(frozen=True)
class PlanResult:
    """One plan (partition): its groups and totals."""

    partition: Partition
    groups: tuple[GroupResult, ...]

    def _sum(self, attr: str) -> float:
        return float(sum(getattr(g.result.evaluation, attr) for g in self.groups))

    @property
    def name(self) -> str:
        """Plan name."""
        return self.partition.name

    @property
    def distance_km(self) -> float:
        """Total distance, km."""
        return self._sum("distance_km")

    @property
    def driving_h(self) -> float:
        """Total driving time, h."""
        return self._sum("driving_h")

    @property
    def duration_h(self) -> float:
        """Total time on duty, h."""
        return self._sum("duration_h")

    @property
    def vehicles_used(self) -> int:
        """Vehicles used over all groups."""
        return int(self._sum("vehicles_used"))

    @property
    def cost(self) -> float:
        """Total daily cost, scenario currency."""
        return self._sum("cost")

    @property
    def load_t(self) -> float:
        """Mass collected per day, t."""
        return self._sum("load_t")

    @property
    def co2e_kg(self) -> float:
        """Emissions per day, kg CO2e."""
        return self._sum("co2e_kg")

    @property
    def cost_per_t(self) -> float:
        """Cost per tonne collected."""
        return self.cost / self.load_t if self.load_t > 0 else float("nan")


@dataclass(frozen=True)
class Comparison:
    """Plans ranked by cost, cheapest first.

    Attributes
    ----------
    plans
        Solved plans, cheapest first.
    currency
        ISO 4217 code of every cost.
    """

    plans: tuple[PlanResult, ...]
    currency: str

    @property
    def cheapest(self) -> PlanResult:
        """The cheapest plan."""
        return self.plans[0]

    @property
    def saving(self) -> float:
        """How much cheaper the cheapest plan is than the next one (currency/day)."""
        return self.plans[1].cost - self.plans[0].cost if len(self.plans) > 1 else 0.0

    @property
    def saving_pct(self) -> float:
        """:attr:`saving` as a percentage of the next plan's cost."""
        if len(self.plans) < 2 or self.plans[1].cost == 0:
            return 0.0
        return 100.0 * self.saving / self.plans[1].cost

    def table(self) -> list[dict]:
        """Rows for display or export: one per group, then one total per plan.

        Keys: ``plan``, ``group`` (``"TOTAL"`` on total rows), ``facility``,
        ``distance_km``, ``driving_h``, ``duration_h``, ``vehicles``,
        ``quantity_t``, ``cost``, ``cost_per_t``, ``co2e_kg``, ``currency``,
        ``rank``, ``extra_cost_vs_cheapest`` and ``extra_cost_pct`` (total
        rows only).
        """
        best = self.cheapest.cost
        rows = []
        for rank, plan in enumerate(self.plans, start=1):
            for g in plan.groups:
                ev = g.result.evaluation
                rows.append(self._row(plan.name, g.label, g.facility_id, ev.distance_km,
                                      ev.driving_h, ev.duration_h, ev.vehicles_used, ev.load_t,
                                      ev.cost, ev.co2e_kg))
            total = self._row(plan.name, "TOTAL", "", plan.distance_km, plan.driving_h,
                              plan.duration_h, plan.vehicles_used, plan.load_t, plan.cost,
                              plan.co2e_kg)
            total.update(rank=rank, extra_cost_vs_cheapest=plan.cost - best,
                         extra_cost_pct=100.0 * (plan.cost - best) / best if best else 0.0)
            rows.append(total)
        return rows

    def _row(self, plan, group, facility, km, drive, duty, vehicles, load, cost, co2e) -> dict:
        return {"plan": plan, "group": group, "facility": facility, "distance_km": km,
                "driving_h": drive, "duration_h": duty, "vehicles": vehicles,
                "quantity_t": load, "cost": cost,
                "cost_per_t": cost / load if load > 0 else float("nan"),
                "co2e_kg": co2e, "currency": self.currency, "rank": None,
                "extra_cost_vs_cheapest": None, "extra_cost_pct": None}

    def summary(self) -> str:
        """One sentence naming the cheapest plan and its margin."""
        best = self.cheapest
        text = (f"Cheapest plan: '{best.name}' at {best.cost:,.0f} {self.currency}/day "
                f"({best.cost_per_t:,.0f} {self.currency}/t)")
        if len(self.plans) > 1:
            text += (f", {self.saving:,.0f} {self.currency}/day ({self.saving_pct:.1f} %) "
                     f"cheaper than '{self.plans[1].name}'")
        return text + "."


def default_facility(scenario: Scenario, group: PlanGroup,
                     distances: DistanceProvider | None = None) -> str:
    """The group's facility: its own, the only one, or the nearest to the
    quantity-weighted centre of the group's points (by the provider's
    distance)."""
    if group.facility_id is not None:
        return group.facility_id
    if len(scenario.facilities) == 1:
        return scenario.facilities[0].id
    pts = [p for p in scenario.points if p.municipality in group.municipalities]
    weights = np.array([max(p.quantity_t, 1e-9) for p in pts])
    lat = float(np.average([p.lat for p in pts], weights=weights))
    lon = float(np.average([p.lon for p in pts], weights=weights))
    provider = distances or GreatCircleCircuity(scenario.circuity)
    places = np.array([[lat, lon]] + [[f.lat, f.lon] for f in scenario.facilities])
    nearest = int(np.argmin(provider.distance_km(places)[0, 1:]))
    return scenario.facilities[nearest].id


def compare_partitions(scenario: Scenario, partitions: Sequence[Partition] | None = None,
                       seconds: float = 5.0, *, seed: int = 0,
                       distances: DistanceProvider | None = None,
                       progress: Callable[[Progress], object] | None = None) -> Comparison:
    """Solve every plan and rank them by daily cost.

    Parameters
    ----------
    scenario
        The whole scenario.
    partitions
        Plans to compare; default ``scenario.plans``.
    seconds
        Search time per distinct group, seconds.
    seed
        Search seed.
    distances
        Distance provider; default ``GreatCircleCircuity(scenario.circuity)``.
    progress
        Called with :class:`~.result.Progress` whose ``fraction`` covers all
        the solves together and whose ``label`` names the group.

    Returns
    -------
    Comparison
        Plans cheapest first, with per-group and total figures.
    """
    partitions = list(scenario.plans if partitions is None else partitions)
    if not partitions:
        raise ValidationError("Expected at least one plan to compare (sheet 'plans').")
    for partition in partitions:
        check_partition(scenario, partition)
    jobs: dict[tuple, tuple[PlanGroup, str]] = {}
    for partition in partitions:
        for group in partition.groups:
            fac = default_facility(scenario, group, distances)
            jobs.setdefault(_key(group, fac), (group, fac))
    solved: dict[tuple, SolveResult] = {}
    # Smaller groups first: a joint group then starts from the union of its
    # members' routes, so joining can never look worse than staying apart
    # merely because the search ran out of time.
    order = sorted(jobs.items(), key=lambda item: len(item[1][0].municipalities))
    for n, (key, (group, fac)) in enumerate(order):
        wrapped = None
        if progress is not None:
            def wrapped(p: Progress, n=n) -> object:
                return progress(Progress(fraction=(n + p.fraction) / len(jobs),
                                         elapsed_s=p.elapsed_s, iterations=p.iterations,
                                         best_cost=p.best_cost, label=p.label))
        try:
            solved[key] = solve(scenario.subset(group, fac), seconds=seconds, seed=seed,
                                facility_id=fac, distances=distances, progress=wrapped,
                                label=group.label,
                                initial_routes=_warm_start(group, fac, solved))
        except (ValidationError, InfeasibleError) as exc:
            raise _in_group(exc, group.label) from exc
    plans = [PlanResult(partition, tuple(
        GroupResult(g, default_facility(scenario, g, distances),
                    solved[_key(g, default_facility(scenario, g, distances))])
        for g in partition.groups)) for partition in partitions]
    plans.sort(key=lambda p: p.cost)
    return Comparison(plans=tuple(plans), currency=scenario.currency)


def compare_all_partitions(scenario: Scenario, seconds: float = 5.0, *, seed: int = 0,
                           allow_large: bool = False,
                           distances: DistanceProvider | None = None,
                           progress: Callable[[Progress], object] | None = None) -> Comparison:
    """:func:`compare_partitions` over every partition of the scenario's
    municipalities (each group uses its municipalities' depots and its
    :func:`default_facility`)."""
    munis = scenario.municipalities
    partitions = [Partition(name=" | ".join(" + ".join(sorted(g)) for g in groups),
                            groups=tuple(PlanGroup(g) for g in groups))
                  for groups in all_partitions(munis, allow_large=allow_large)]
    return compare_partitions(scenario, partitions, seconds, seed=seed, distances=distances,
                              progress=progress)


def _in_group(exc: Exception, label: str) -> Exception:
    """The same error, each problem prefixed with the group it is about."""
    problems = [Problem(f"Group {label}: {p.message}", p.sheet, p.row, p.column)
                for p in getattr(exc, "problems", [Problem(str(exc))])]
    new = type(exc)("; ".join(str(p) for p in problems))
    new.problems = problems  # type: ignore[attr-defined]
    return new


def _warm_start(group: PlanGroup, facility_id: str, solved: dict[tuple, SolveResult]):
    """Routes of already solved, disjoint groups (same facility, default
    depots) that together cover ``group`` exactly, or ``None``."""
    if group.depot_ids is not None or len(group.municipalities) < 2:
        return None
    parts = sorted(((k[0], r) for k, r in solved.items()
                    if k[1] == facility_id and k[2] is None and k[0] < group.municipalities),
                   key=lambda item: -len(item[0]))
    covered: frozenset[str] = frozenset()
    routes = []
    for munis, result in parts:
        if not munis & covered:
            covered |= munis
            routes += list(result.routes)
    return routes if covered == group.municipalities else None


def _key(group: PlanGroup, facility_id: str) -> tuple:
    depots = None if group.depot_ids is None else tuple(sorted(group.depot_ids))
    return (group.municipalities, facility_id, depots)
