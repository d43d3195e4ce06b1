"""Target status rules: on track, at risk, off track, no data.

The rule, as shown to users (``RULE_TEXT``):

* Only observations in or after the baseline year count; the latest of them
  is compared with the trajectory at its own time.
* **on track**: the latest value is at or beyond the trajectory for its time
  ("beyond" means higher when higher is better, lower when lower is better),
  or the target value itself is already reached;
* **at risk**: short of the trajectory by no more than ``tolerance`` (10 % by
  default) of the distance from baseline to target;
* **off track**: further short than that, or the target year is over (an
  observation at or after the target year) and the target is not reached;
* **no data**: no observation in or after the baseline year.

When baseline and target values are equal (a "hold the line" target) the band
is ``tolerance`` times the target value's magnitude.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from circularcities.core.planning.trajectory import Trajectory

DEFAULT_TOLERANCE = 0.10

RULE_TEXT = (
    "On track: the latest value (in or after the baseline year) is at or beyond the trajectory "
    "for its year, or the target is already reached. At risk: short of the trajectory by at most "
    "{pct}% of the distance from baseline to target. Off track: further short, or the target year "
    "has passed without reaching the target. No data: no value since the baseline year."
)


class Status(StrEnum):
    """Status of a target; the values are the CSS suffixes ``status-<value>``."""

    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"
    NO_DATA = "no_data"

    @property
    def rank(self) -> int:
        """Order from worst to best (no data lowest): useful for sorting and property tests."""
        return {"no_data": 0, "off_track": 1, "at_risk": 2, "on_track": 3}[self.value]


@dataclass(frozen=True)
class Observation:
    """A measured value at a point in time.

    Parameters
    ----------
    time
        Years on the planning time axis (year ``Y`` -> ``Y``; quarter ``(Y, q)`` -> ``Y - 1 + q/4``).
    value
        The value, in the indicator's unit; finite.
    label
        How to show the time to people ("2021", "2021-Q2").
    quarters
        For a year summed from quarterly entries: how many quarters it rests
        on (1-4; fewer than 4 means the value is annualised). ``None`` otherwise.
    """

    time: float
    value: float
    label: str = ""
    quarters: int | None = None

    def __post_init__(self):
        for name in ("time", "value"):
            v = getattr(self, name)
            if isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v):
                raise ValueError(f"Expected {name} to be a finite number; got {v!r}.")
        if not self.label:
            object.__setattr__(self, "label", f"{self.time:g}")


@dataclass(frozen=True)
class Assessment:
    """The status of a target and the figures it rests on.

    Attributes
    ----------
    status
        One of :class:`Status`.
    reason
        Machine code of the rule that decided: ``no_data``, ``before_baseline``
        (only values before the baseline), ``met``, ``ahead``, ``within_band``,
        ``behind``, ``missed``.
    observation
        The observation used, or ``None``.
    expected
        Trajectory value at the observation's time, or ``None``.
    shortfall
        How far the value is short of the trajectory, in the indicator's unit
        (``0`` when on or beyond it), or ``None``.
    band
        The at-risk band, in the indicator's unit.
    progress
        Share of the distance from baseline to target covered (0..1, clipped),
        or ``None`` if it cannot be computed.
    """

    status: Status
    reason: str
    observation: Observation | None = None
    expected: float | None = None
    shortfall: float | None = None
    band: float | None = None
    progress: float | None = None


def assess(trajectory: Trajectory, observations: Iterable[Observation], *,
           higher_is_better: bool = True, tolerance: float = DEFAULT_TOLERANCE) -> Assessment:
    """Status of a target given its trajectory and the observed values.

    Parameters
    ----------
    trajectory
        The target's path.
    observations
        Observed values in any order; those before the baseline year are
        ignored. If two share a time the last one given wins.
    higher_is_better
        Direction of the indicator.
    tolerance
        Width of the at-risk band as a share of the baseline-to-target
        distance, between 0 and 1.

    Returns
    -------
    Assessment
    """
    if not 0 <= tolerance <= 1:
        raise ValueError(f"Expected 0 <= tolerance <= 1; got {tolerance!r}.")
    obs = list(observations)
    usable = [o for o in obs if o.time >= trajectory.baseline_year]
    if not usable:
        return Assessment(Status.NO_DATA, "before_baseline" if obs else "no_data")
    latest = max(enumerate(usable), key=lambda p: (p[1].time, p[0]))[1]
    sign = 1.0 if higher_is_better else -1.0
    expected = trajectory.expected(latest.time)
    distance = trajectory.distance
    band = tolerance * (distance if distance > 0 else abs(trajectory.target_value))
    shortfall = max(0.0, sign * (expected - latest.value))
    progress = None
    if distance > 0:
        covered = (latest.value - trajectory.baseline_value) / (trajectory.target_value - trajectory.baseline_value)
        progress = min(1.0, max(0.0, covered))

    def result(status: Status, reason: str) -> Assessment:
        return Assessment(status, reason, latest, expected, shortfall, band, progress)

    if sign * (latest.value - trajectory.target_value) >= 0:
        return result(Status.ON_TRACK, "met")
    if latest.time >= trajectory.target_year:
        return result(Status.OFF_TRACK, "missed")
    if shortfall == 0:
        return result(Status.ON_TRACK, "ahead")
    if shortfall <= band:
        return result(Status.AT_RISK, "within_band")
    return result(Status.OFF_TRACK, "behind")


def annual_observations(entries: Iterable[tuple[int, int, float]], *,
                        annualise: bool = True) -> list[Observation]:
    """Turn quarterly flows (``(year, quarter, value)``) into one observation per year.

    A year's value is the sum of its quarters. For a year with fewer than four
    quarters reported, the sum is scaled to a full year (``sum * 4 / n``) when
    ``annualise`` is true, so a yearly target ("1,000 items a year") can be
    judged mid-year; the observation then sits at the end of the last quarter
    reported and its label says how many quarters it rests on.
    """
    years: dict[int, dict[int, float]] = {}
    for year, q, value in entries:
        if not 1 <= int(q) <= 4:
            raise ValueError(f"Expected a quarter between 1 and 4; got {q!r}.")
        years.setdefault(int(year), {}).setdefault(int(q), 0.0)
        years[int(year)][int(q)] += float(value)
    out = []
    for year in sorted(years):
        quarters = years[year]
        total = sum(quarters.values())
        n = len(quarters)
        last = max(quarters)
        if n < 4 and annualise:
            out.append(Observation(year - 1 + last / 4, total * 4 / n, str(year), n))
        else:
            out.append(Observation(float(year) if n == 4 else year - 1 + last / 4, total, str(year), n))
    return out
