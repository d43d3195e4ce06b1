"""A business's circularity score from a short self-assessment on the R-strategies.

Method (shown on the assessment page):

* each R-strategy is answered on a four-step scale: 0 not started, 1 planned,
  2 in practice in part of the business, 3 standard practice across the business;
* an answer counts only with evidence (a document, figure or link the business
  gives); an answer without evidence scores 0 and is listed as "no evidence";
* strategies higher on the R-ladder (refuse, rethink, reduce) weigh more than
  recovery: the weight of a strategy is its ladder position counted from the bottom
  (recover 1 ... refuse n), so preventing waste counts more than burning it;
* the score is the weighted sum of the answers over the weighted sum of the
  maximum (3 for every strategy), in % (0..100), rounded to one decimal.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

LEVELS = (0, 1, 2, 3)
MAX_LEVEL = 3


@dataclass(frozen=True)
class Answer:
    strategy: str  # code, e.g. "R2"
    rank: int  # position on the ladder, 0 = most preferred (refuse)
    level: int  # 0..3
    has_evidence: bool


@dataclass(frozen=True)
class Score:
    score: float  # 0..100
    counted: int  # answers counted (with evidence)
    without_evidence: list[str]  # strategies answered above 0 with no evidence
    weights: dict[str, int]


def score(answers: Sequence[Answer], ladder_size: int) -> Score:
    """The score of ``answers`` on a ladder of ``ladder_size`` strategies."""
    if ladder_size <= 0:
        raise ValueError("ladder_size must be positive")
    total = 0.0
    maximum = 0.0
    weights = {}
    missing = []
    counted = 0
    for a in answers:
        if a.level not in LEVELS:
            raise ValueError(f"level must be one of {LEVELS}, got {a.level!r}")
        if not 0 <= a.rank < ladder_size:
            raise ValueError(f"rank must be in 0..{ladder_size - 1}, got {a.rank!r}")
        w = ladder_size - a.rank
        weights[a.strategy] = w
        maximum += w * MAX_LEVEL
        if a.level and not a.has_evidence:
            missing.append(a.strategy)
            continue
        if a.level:
            counted += 1
        total += w * a.level
    value = round(100.0 * total / maximum, 1) if maximum else 0.0
    return Score(value, counted, missing, weights)


@dataclass(frozen=True)
class Period:
    year: int
    quarter: int
    assessed: int  # businesses assessed in the quarter (their latest assessment of the quarter)
    mean_score: float


def by_quarter(rows: Sequence[tuple[str, int, int, float]]) -> list[Period]:
    """Businesses assessed per quarter and their mean score, from (business, year,
    quarter, score) rows ordered oldest first; a business assessed twice in one
    quarter counts once, with its last score of that quarter."""
    last: dict[tuple[int, int], dict[str, float]] = {}
    for business, year, quarter, value in rows:
        last.setdefault((year, quarter), {})[business] = value
    out = []
    for (year, quarter), scores in sorted(last.items()):
        out.append(Period(year, quarter, len(scores), round(sum(scores.values()) / len(scores), 1)))
    return out
