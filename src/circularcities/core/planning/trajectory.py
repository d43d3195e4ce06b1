"""Trajectories: the value a target expects at each point in time.

A trajectory runs from the baseline (year, value) to the target (year, value),
straight unless intermediate milestone points are set, in which case it is
piecewise linear through them. Time is in years on the axis of
:mod:`circularcities.core.planning.quarters` (year ``Y`` ends at ``Y.0``).
"""

from __future__ import annotations

import math
from bisect import bisect_right
from dataclasses import dataclass, field


def _finite(name: str, value: float) -> float:
    try:
        value = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"Expected {name} to be a number; got {value!r}.") from None
    if not math.isfinite(value):
        raise ValueError(f"Expected {name} to be a finite number; got {value!r}.")
    return value


@dataclass(frozen=True)
class Trajectory:
    """The path a target expects between its baseline and its target.

    Parameters
    ----------
    baseline_year, baseline_value
        Where the city starts: a year (``int``) and the indicator's value then,
        in the indicator's unit.
    target_year, target_value
        Where the city wants to be, by the end of ``target_year``
        (``target_year > baseline_year``).
    points
        Optional milestone points ``(year, value)`` strictly between the
        baseline and target years, in increasing year order. Without them the
        trajectory is a straight line.
    """

    baseline_year: int
    baseline_value: float
    target_year: int
    target_value: float
    points: tuple[tuple[float, float], ...] = field(default_factory=tuple)

    def __post_init__(self):
        by, ty = self.baseline_year, self.target_year
        if int(by) != by or int(ty) != ty:
            raise ValueError(f"Expected whole years; got baseline {by!r} and target {ty!r}.")
        if ty <= by:
            raise ValueError(f"Expected target_year > baseline_year; got {ty} and {by}.")
        object.__setattr__(self, "baseline_value", _finite("baseline_value", self.baseline_value))
        object.__setattr__(self, "target_value", _finite("target_value", self.target_value))
        points = tuple((_finite("a milestone year", y), _finite("a milestone value", v))
                       for y, v in (self.points or ()))
        previous = float(by)
        for y, _v in points:
            if not previous < y < ty:
                raise ValueError(f"Expected milestone years strictly increasing between {by} and {ty}; "
                                 f"got {y:g}.")
            previous = y
        object.__setattr__(self, "points", points)

    @property
    def knots(self) -> list[tuple[float, float]]:
        """Every point of the path, baseline and target included."""
        return ([(float(self.baseline_year), self.baseline_value), *self.points,
                 (float(self.target_year), self.target_value)])

    @property
    def distance(self) -> float:
        """Absolute distance from baseline to target value, in the indicator's unit."""
        return abs(self.target_value - self.baseline_value)

    def expected(self, time: float) -> float:
        """The value expected at ``time`` (years).

        Before the baseline year this is the baseline value, after the
        target year the target value.
        """
        knots = self.knots
        if time <= knots[0][0]:
            return knots[0][1]
        if time >= knots[-1][0]:
            return knots[-1][1]
        i = bisect_right([k[0] for k in knots], time)
        (t0, v0), (t1, v1) = knots[i - 1], knots[i]
        return v0 + (v1 - v0) * (time - t0) / (t1 - t0)
