"""The passport of a building as the page, the PDF and the workbook show it:
one place that turns the core figures into labelled rows."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from circularcities.buildings.models import (
    ACCESSIBILITY_LABELS,
    CONNECTION_LABELS,
    FIGURE_LABELS,
    Building,
    Component,
)
from circularcities.buildings.reads import components_of, part_of
from circularcities.core.passport import detachability, summarise
from circularcities.web.translated import translated

CHART_WIDTH = 560


def _bars(rows: list[tuple[str, float]], total: float) -> list[dict[str, Any]]:
    """Horizontal bars for an SVG chart whose labels are printed (no hover needed)."""
    out = []
    for i, (label, kg) in enumerate(rows):
        share = kg / total if total else 0.0
        out.append({"label": label, "tonnes": kg / 1000.0, "share": share * 100,
                    "width": max(1.0, share * CHART_WIDTH * 0.55) if kg else 0.0, "y": i * 28})
    return out


def passport_context(building: Building) -> dict[str, Any]:
    comps: list[Component] = list(components_of(building))
    parts = [part_of(c, building) for c in comps]
    on = timezone.localdate()
    p = summarise(parts, on=on)
    mass = p.mass_kg
    materials = _bars(p.materials[:12], mass)
    routes = [(_("reusable"), p.reusable_kg), (_("recyclable"), p.recyclable_kg),
              (_("composted or energy"), p.biological_kg),
              (_("lost"), p.lost_kg), (_("end of use unknown"), p.end_of_use_unknown_kg)]
    rows = []
    for c, part in zip(comps, parts, strict=True):
        det = None
        if c.connection and c.accessibility:
            det = detachability(c.connection, c.accessibility)
        rows.append({
            "c": c, "name": translated(c, "name"), "part": part, "mass_kg": part.mass_kg,
            "materials": list(c.materials.all()), "mci": p.mci_by_part.get(c.reference),
            "det": det, "connection": CONNECTION_LABELS.get(c.connection, ""),
            "accessibility": ACCESSIBILITY_LABELS.get(c.accessibility, ""),
            "quality": {f: part.quality_of(f) for f in FIGURE_LABELS},
            "offers": [o.listing for o in c.offers.all()]})
    quality = [(FIGURE_LABELS[f], {q: round(v * 100) for q, v in shares.items()})
               for f, shares in p.quality.items()]
    return {
        "building": building, "name": translated(building, "name"),
        "description": translated(building, "description"), "passport": p, "rows": rows,
        "materials_chart": materials, "materials_chart_height": max(28, len(materials) * 28),
        "routes_chart": _bars(routes, mass), "chart_width": CHART_WIDTH,
        "share_reusable": p.share(p.reusable_kg) * 100, "share_recyclable": p.share(p.recyclable_kg) * 100,
        "share_lost": p.share(p.lost_kg) * 100,
        "share_biological": p.share(p.biological_kg) * 100, "share_unknown": p.share(p.end_of_use_unknown_kg) * 100,
        "share_take_back": p.share(p.take_back_kg) * 100, "quality": quality, "on": on,
        "tonnes": mass / 1000.0, "figure_labels": FIGURE_LABELS,
    }
