"""An indicator's series as a bar chart that reads without hovering.

Every bar carries its value as text and its period under it; quarterly and monthly
series put the quarter (or month) under each bar and the year once under its group.
The axis starts at zero (bars' lengths are proportional to the values); negative
values hang below the zero line. Only geometry is computed here; the page draws it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Point:
    year: int
    period: int  # 0 for the year, else quarter 1-4 or month 1-12
    value: float
    estimate: bool = False


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    w: float
    h: float
    cx: float
    label_y: float
    value: str
    period: str
    estimate: bool


@dataclass(frozen=True)
class YearMark:
    x: float
    year: int


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    baseline: float
    tick_y: float
    year_y: float
    bars: tuple[Bar, ...]
    years: tuple[YearMark, ...]
    separators: tuple[float, ...]


def format_value(value: float) -> str:
    """Short, exact enough: 12 345, 3.4, 0.052 (three significant digits below 100)."""
    a = abs(value)
    if a >= 100 or value == int(value):
        return f"{value:,.0f}".replace(",", "\u202f")
    digits = max(0, 2 - int(math.floor(math.log10(a)))) if a else 0
    text = f"{value:.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def period_tick(frequency: str, period: int) -> str:
    if frequency == "quarterly" and period:
        return f"Q{period}"
    if frequency == "monthly" and period:
        return f"{period:02d}"
    return ""


def bar_chart(points: list[Point], frequency: str = "annual", *, height: int = 240,
              bar_width: int = 44, gap: int = 10, group_gap: int = 18) -> Chart | None:
    """Geometry of the chart of ``points`` (sorted by period), or None without points."""
    points = sorted(points, key=lambda p: (p.year, p.period))
    if not points:
        return None
    top_pad, label_room, bottom = 36, 18, 40
    hi = max(0.0, max(p.value for p in points))
    lo = min(0.0, min(p.value for p in points))
    span = (hi - lo) or 1.0
    plot = height - top_pad - bottom - (label_room if lo < 0 else 0)
    zero = top_pad + plot * hi / span
    bars, years, separators = [], [], []
    x = 8.0
    current_year = None
    group_start = x
    for p in points:
        grouped = frequency != "annual"
        if grouped and p.year != current_year:
            if current_year is not None:
                years.append(YearMark((group_start + x - gap) / 2, current_year))
                x += group_gap - gap
                separators.append(x - group_gap / 2)
            current_year, group_start = p.year, x
        h = plot * abs(p.value) / span
        y = zero - h if p.value >= 0 else zero
        label_y = y - 6 if p.value >= 0 else zero + h + 14
        tick = period_tick(frequency, p.period) if grouped else str(p.year)
        bars.append(Bar(round(x, 1), round(y, 1), bar_width, round(max(h, 0.5), 1), round(x + bar_width / 2, 1),
                        round(label_y, 1), format_value(p.value), tick, p.estimate))
        x += bar_width + gap
    if frequency != "annual" and current_year is not None:
        years.append(YearMark((group_start + x - gap) / 2, current_year))
    width = int(max(x + 8 - gap, 160))
    return Chart(width, height, round(zero, 1), height - bottom + 16, height - bottom + 34, tuple(bars),
                 tuple(years), tuple(separators))
