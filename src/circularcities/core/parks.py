"""Industrial parks, pure computations: honest Sankey widths for a park's exchanges,
and the registry's shares of parks applying industrial-symbiosis practices against
national targets.

Sankey widths: flows are compared only with flows of the same unit (tonnes are not
megawatt-hours). Within a unit a band is proportional to its annual quantity, with a
readable floor (``FLOOR`` of that unit's largest flow) so a tiny flow is still seen;
the label always carries the real quantity. A flow whose quantity is not reported
is drawn at the floor width and labelled "not reported".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

FLOOR = 0.03  # of the largest flow of the same unit
FULL = 100.0  # width of the largest flow of each unit


@dataclass(frozen=True)
class Widths:
    widths: list[float]
    mode: str  # "none": nothing reported (equal widths); "proportional": one unit, all reported;
    #            "per_unit": several units or some flows unreported


def sankey_widths(flows: Sequence[tuple[float | None, str]], floor: float = FLOOR) -> Widths:
    """Band widths for ``flows`` given as (annual quantity or None, unit)."""
    reported = [(float(q), u) for q, u in flows if q is not None and q > 0]
    if not reported:
        return Widths([1.0] * len(flows), "none")
    largest: dict[str, float] = {}
    for q, u in reported:
        largest[u] = max(largest.get(u, 0.0), q)
    widths = []
    for quantity, unit in flows:
        if quantity is None or quantity <= 0 or unit not in largest:
            widths.append(FULL * floor)
        else:
            widths.append(max(FULL * quantity / largest[unit], FULL * floor))
    all_reported = len(reported) == len(flows)
    mode = "proportional" if all_reported and len(largest) == 1 else "per_unit"
    return Widths(widths, mode)


@dataclass(frozen=True)
class LevelShare:
    level: str
    parks: int  # parks of this level in the registry
    applying: int  # of which apply industrial-symbiosis practices
    unknown: int  # of which nobody has said
    share: float | None  # applying / parks, in %, None when the registry has none of this level
    target: float | None  # the national target share, in %
    gap: float | None  # target - share, in percentage points (positive: below target)


def symbiosis_shares(parks: Sequence[tuple[str, bool | None]],
                     targets: dict[str, float]) -> list[LevelShare]:
    """Share of registered parks of each level applying symbiosis practices, against
    ``targets`` (level -> target share in %). ``parks`` is (level, applies or None).
    A park whose practice is unknown counts in ``parks`` and not in ``applying``: the
    share is a lower bound, and ``unknown`` says by how much."""
    levels = list(targets) + sorted({lv for lv, _ in parks} - set(targets))
    out = []
    for level in levels:
        mine = [a for lv, a in parks if lv == level]
        applying = sum(1 for a in mine if a is True)
        unknown = sum(1 for a in mine if a is None)
        share = 100.0 * applying / len(mine) if mine else None
        target = targets.get(level)
        gap = target - share if (target is not None and share is not None) else None
        out.append(LevelShare(level, len(mine), applying, unknown, share, target, gap))
    return out
