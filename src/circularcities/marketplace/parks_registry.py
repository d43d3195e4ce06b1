"""The registry of industrial parks by level, against China's national targets for
industrial symbiosis. Shares are computed from the parks registered on the platform
(core/parks.py), never typed in."""

from __future__ import annotations

from django.utils.translation import gettext as _

from circularcities.core.parks import symbiosis_shares
from circularcities.marketplace.models import Park

SOURCE = "ICLEI China hub page"
# Share of parks of each level that are to apply industrial-symbiosis practices by 2020 (%).
TARGETS = {Park.Level.STATE.value: 75.0, Park.Level.PROVINCE.value: 50.0}
TARGET_YEAR = 2020
PARKS_SUPPORTED = 129  # parks the government supported to redesign material flows, as of 2020
PARKS_SUPPORTED_YEAR = 2020


def registry() -> dict:
    parks = list(Park.objects.select_related("city").prefetch_related("translations"))
    labels = dict(Park.Level.choices)
    rows = []
    for s in symbiosis_shares([(p.level, p.applies_symbiosis) for p in parks], TARGETS):
        rows.append({"level": s.level, "label": labels.get(s.level, s.level), "parks": s.parks,
                     "applying": s.applying, "unknown": s.unknown, "share": s.share, "target": s.target,
                     "gap": s.gap, "target_year": TARGET_YEAR if s.target is not None else None})
    return {"rows": rows, "parks": parks, "source": SOURCE, "supported": PARKS_SUPPORTED,
            "supported_year": PARKS_SUPPORTED_YEAR,
            "registered": len(parks),
            "applying": sum(1 for p in parks if p.applies_symbiosis is True),
            "supported_note": _("Parks the government supported to redesign material flows and pipelines "
                                "for waste-to-resources, as of 2020 (national figure).")}
