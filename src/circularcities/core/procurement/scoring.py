"""Tender scorecards (Tianjin school furniture, Shenzhen Guangming air conditioning).

Each criterion has points (the weights add up to 100) and a scoring rule that
is shown with the scores:

* price, life-cycle cost, life-cycle carbon (lower is better):
  ``points x lowest bid / bid`` (the lowest bid gets full points);
* circularity, social value (higher is better, assessed on a 0-10 scale):
  ``points x score / 10``.

Bids that fail the requirement set are scored but not ranked and cannot win.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from circularcities.core.errors import ValidationError

LOWER_IS_BETTER = ("price", "life_cycle_cost", "life_cycle_carbon")
HIGHER_IS_BETTER = ("circularity", "social_value")
CRITERIA = LOWER_IS_BETTER + HIGHER_IS_BETTER
SCALE_MAX = 10.0
"""Top of the assessment scale of circularity and social value."""

UNITS = {"price": "currency", "life_cycle_cost": "currency", "life_cycle_carbon": "kg CO2e",
         "circularity": "0-10", "social_value": "0-10"}


def rule_text(criterion: str, points: float) -> str:
    """The scoring rule of ``criterion`` in words, as shown beside its scores."""
    if criterion in LOWER_IS_BETTER:
        return f"lowest bid / bid × {points:g} points"
    return f"score / {SCALE_MAX:g} × {points:g} points"


@dataclass(frozen=True)
class Criterion:
    key: str
    points: float

    def __post_init__(self) -> None:
        if self.key not in CRITERIA:
            raise ValidationError(f"Expected a criterion among {', '.join(CRITERIA)}; got {self.key!r}.")
        if not (isinstance(self.points, int | float) and math.isfinite(self.points)
                and 0 < self.points <= 100):
            raise ValidationError(f"Expected points above 0 and at most 100 for {self.key}; "
                                  f"got {self.points!r}.")

    @property
    def rule(self) -> str:
        return rule_text(self.key, self.points)


def check_criteria(criteria: Sequence[Criterion]) -> None:
    """The criteria of one tender: each once, points adding up to 100."""
    keys = [c.key for c in criteria]
    if not criteria:
        raise ValidationError("Expected at least one criterion.")
    if len(set(keys)) != len(keys):
        raise ValidationError("Expected each criterion once.")
    total = math.fsum(c.points for c in criteria)
    if abs(total - 100) > 1e-6:
        raise ValidationError(f"Expected the criteria's points to add up to 100; they add up to {total:g}.")


@dataclass(frozen=True)
class Bid:
    """One bid: its value on each criterion (price in the tender's currency, carbon kg CO2e,
    circularity and social value 0-10); ``failures`` from the requirement check."""

    bidder: str
    values: Mapping[str, float]
    failures: tuple[str, ...] = ()

    @property
    def compliant(self) -> bool:
        return not self.failures


@dataclass(frozen=True)
class Line:
    criterion: str
    value: float
    points: float
    max_points: float
    rule: str


@dataclass(frozen=True)
class Scorecard:
    bid: Bid
    lines: tuple[Line, ...]
    total: float
    rank: int | None
    """1 for the best compliant bid; ``None`` for a non-compliant one."""


def _check_value(bid: Bid, key: str) -> float:
    if key not in bid.values or bid.values[key] is None:
        raise ValidationError(f"Bid of {bid.bidder!r}: no value for {key}.")
    v = bid.values[key]
    if not (isinstance(v, int | float) and math.isfinite(v)):
        raise ValidationError(f"Bid of {bid.bidder!r}: {key} must be a number; got {v!r}.")
    if key in LOWER_IS_BETTER and v <= 0:
        raise ValidationError(f"Bid of {bid.bidder!r}: expected {key} above 0; got {v:g}.")
    if key in HIGHER_IS_BETTER and not 0 <= v <= SCALE_MAX:
        raise ValidationError(f"Bid of {bid.bidder!r}: expected {key} from 0 to {SCALE_MAX:g}; got {v:g}.")
    return float(v)


def score(criteria: Sequence[Criterion], bids: Sequence[Bid]) -> list[Scorecard]:
    """Scorecards of ``bids`` in the order given; ranks among compliant bids (ties share a rank).

    The lowest bid of a lower-is-better criterion is taken among the
    compliant bids (a non-compliant bid cannot lower the bar for others);
    when no bid complies, among all.
    """
    check_criteria(criteria)
    for b in bids:
        for c in criteria:
            _check_value(b, c.key)
    pool = [b for b in bids if b.compliant] or list(bids)
    cards = []
    for b in bids:
        lines = []
        for c in criteria:
            v = float(b.values[c.key])
            if c.key in LOWER_IS_BETTER:
                best = min(float(x.values[c.key]) for x in pool)
                pts = c.points * min(best / v, 1.0)
            else:
                pts = c.points * v / SCALE_MAX
            lines.append(Line(c.key, v, pts, c.points, c.rule))
        cards.append((b, tuple(lines), math.fsum(ln.points for ln in lines)))
    totals = sorted({round(t, 9) for b, _, t in cards if b.compliant}, reverse=True)
    return [Scorecard(b, lines, t, (totals.index(round(t, 9)) + 1) if b.compliant else None)
            for b, lines, t in cards]
