"""Quarter arithmetic.

A :class:`Quarter` is a calendar quarter (Q1 = January to March). Plans,
progress entries and reviews are reported per quarter; indicator values per
calendar year. Both are placed on one time axis, in years, by their *end*:
year ``Y`` ends at ``Y.0`` and quarter ``(Y, q)`` ends at ``Y - 1 + q / 4``,
so the fourth quarter of a year and the year itself fall on the same point.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from circularcities.core.rules import YEAR_MAX as MAX_YEAR
from circularcities.core.rules import YEAR_MIN as MIN_YEAR

_PATTERNS = [
    re.compile(r"^\s*(?P<y>\d{4})\s*[-/ ]?\s*Q(?P<q>[1-4])\s*$", re.I),
    re.compile(r"^\s*Q(?P<q>[1-4])\s*[-/ ]?\s*(?P<y>\d{4})\s*$", re.I),
    re.compile(r"^\s*(?P<y>\d{4})\s*年\s*第?\s*(?P<q>[1-4一二三四])\s*季度?\s*$"),
]
_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4}


@dataclass(frozen=True, order=True)
class Quarter:
    """A calendar quarter.

    Parameters
    ----------
    year
        Calendar year, a data year of :mod:`circularcities.core.rules` (1900..2100).
    q
        Quarter number: 1 (January–March) to 4 (October–December).
    """

    year: int
    q: int

    def __post_init__(self):
        if not isinstance(self.year, int) or not MIN_YEAR <= self.year <= MAX_YEAR:
            raise ValueError(f"Expected a year between {MIN_YEAR} and {MAX_YEAR}; got {self.year!r}.")
        if not isinstance(self.q, int) or not 1 <= self.q <= 4:
            raise ValueError(f"Expected a quarter between 1 and 4; got {self.q!r}.")

    @classmethod
    def parse(cls, text: str) -> Quarter:
        """Read ``2024-Q1``, ``2024Q1``, ``Q1 2024`` or ``2024年第1季度``."""
        for pattern in _PATTERNS:
            m = pattern.match(str(text))
            if m:
                q = m.group("q")
                return cls(int(m.group("y")), _CN_DIGITS.get(q) or int(q))
        raise ValueError(f"Expected a quarter such as 2024-Q1; got {text!r}.")

    @classmethod
    def of(cls, day: date) -> Quarter:
        """The quarter that contains ``day``."""
        return cls(day.year, (day.month - 1) // 3 + 1)

    def __str__(self) -> str:
        return f"{self.year}-Q{self.q}"

    @property
    def start(self) -> date:
        """First day of the quarter."""
        return date(self.year, 3 * (self.q - 1) + 1, 1)

    @property
    def end(self) -> date:
        """Last day of the quarter."""
        if self.q == 4:
            return date(self.year, 12, 31)
        return date(self.year, 3 * self.q + 1, 1) - timedelta(days=1)

    @property
    def time(self) -> float:
        """Position on the time axis, in years (end of the quarter; Q4 of Y is Y.0)."""
        return self.year - 1 + self.q / 4

    @property
    def index(self) -> int:
        """Quarters since year 0: consecutive quarters differ by one."""
        return self.year * 4 + self.q - 1

    @classmethod
    def from_index(cls, index: int) -> Quarter:
        return cls(index // 4, index % 4 + 1)

    def next(self) -> Quarter:
        return self.shift(1)

    def previous(self) -> Quarter:
        return self.shift(-1)

    def shift(self, n: int) -> Quarter:
        """The quarter ``n`` quarters later (earlier when negative)."""
        return Quarter.from_index(self.index + n)

    def __sub__(self, other: Quarter) -> int:
        """Number of quarters from ``other`` to ``self``."""
        return self.index - other.index

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


def quarter_range(first: Quarter, last: Quarter) -> list[Quarter]:
    """Every quarter from ``first`` to ``last``, both included (empty if last < first)."""
    return [Quarter.from_index(i) for i in range(first.index, last.index + 1)]
