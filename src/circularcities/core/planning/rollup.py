"""Coalition roll-up for the annual forum: counts per thematic area and per city.

Pure aggregation over plain records, so the web app can fetch everything in a
fixed number of queries and hand it over in one go.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from circularcities.core.planning.measures import MEASURE_STATUSES
from circularcities.core.planning.status import Status

TARGET_STATUSES = tuple(s.value for s in Status)


@dataclass
class Tally:
    """Counts of targets by status and measures by status for one group (area or city)."""

    targets: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TARGET_STATUSES, 0))
    measures: dict[str, int] = field(default_factory=lambda: dict.fromkeys(MEASURE_STATUSES, 0))

    @property
    def n_targets(self) -> int:
        return sum(self.targets.values())

    @property
    def n_measures(self) -> int:
        return sum(self.measures.values())

    def share_on_track(self) -> float | None:
        """Share of targets with data that are on track."""
        with_data = self.n_targets - self.targets["no_data"]
        return self.targets["on_track"] / with_data if with_data else None

    def share_completed(self) -> float | None:
        return self.measures["completed"] / self.n_measures if self.n_measures else None


@dataclass
class RollUp:
    """The roll-up: a :class:`Tally` per area key, per city key, and in total."""

    by_area: dict[str, Tally]
    by_city: dict[str, Tally]
    total: Tally


def roll_up(targets: Iterable[tuple[str, str | None, str]],
            measures: Iterable[tuple[str, str | None, str, int]]) -> RollUp:
    """Count targets and measures per thematic area and per city.

    Parameters
    ----------
    targets
        ``(city, area or None, status)`` per target; ``status`` a :class:`Status` value.
    measures
        ``(city, area or None, status, count)``: measures already counted per
        city, area and status (so the database can do the counting).

    Returns
    -------
    RollUp
        Records without an area are counted under the key ``""``.
    """
    by_area: dict[str, Tally] = {}
    by_city: dict[str, Tally] = {}
    total = Tally()
    for city, area, status in targets:
        if status not in TARGET_STATUSES:
            raise ValueError(f"Expected a target status among {', '.join(TARGET_STATUSES)}; got {status!r}.")
        for tally in (by_area.setdefault(area or "", Tally()), by_city.setdefault(city, Tally()), total):
            tally.targets[status] += 1
    for city, area, status, count in measures:
        if status not in MEASURE_STATUSES:
            raise ValueError(f"Expected a measure status among {', '.join(MEASURE_STATUSES)}; got {status!r}.")
        if count < 0:
            raise ValueError(f"Expected a count >= 0; got {count}.")
        for tally in (by_area.setdefault(area or "", Tally()), by_city.setdefault(city, Tally()), total):
            tally.measures[status] += count
    return RollUp(by_area, by_city, total)
