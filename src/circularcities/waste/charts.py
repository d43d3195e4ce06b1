"""Bar charts as plain SVG geometry for the templates: every bar has its value printed above it,
the axis starts at zero and the unit is written, so the chart reads without hovering."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

WIDTH, HEIGHT, TOP, BOTTOM, LEFT = 360, 170, 30, 24, 4


def _fmt(value: float, unit: str) -> str:
    if unit == "%":
        # half up, as the page's headings round (67.55 -> 67.6, not binary float's 67.5)
        return f"{Decimal(repr(value)).quantize(Decimal('0.1'), ROUND_HALF_UP)} %"
    if value >= 1e6:
        return f"{value / 1e6:,.2f} Mt"
    if value >= 1e4:
        return f"{value / 1e3:,.0f} kt"
    return f"{value:,.0f} t"


def bars(points: list[tuple[int, float]], *, unit: str, maximum: float | None = None) -> dict | None:
    """Geometry of a bar chart of ``(year, value)`` points (``None`` when there is nothing to draw)."""
    if not points:
        return None
    top = maximum if maximum is not None else max(v for _, v in points)
    top = top or 1.0
    n = len(points)
    slot = (WIDTH - LEFT) / max(n, 1)
    width = min(64.0, slot * 0.6)
    plot = HEIGHT - TOP - BOTTOM
    out = []
    for i, (year, value) in enumerate(points):
        h = max(0.0, min(1.0, value / top)) * plot
        x = LEFT + i * slot + (slot - width) / 2
        y = TOP + plot - h
        out.append({"x": round(x, 1), "y": round(y, 1), "w": round(width, 1), "h": round(h, 1),
                    "cx": round(x + width / 2, 1), "label_y": round(y - 5, 1), "value": _fmt(value, unit),
                    "year": year, "year_y": HEIGHT - 6})
    return {"bars": out, "width": WIDTH, "height": HEIGHT, "baseline": TOP + plot, "unit": unit,
            "top_label": _fmt(top, unit)}
