"""Measures (actions) and their milestones: summaries and overdue rules."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

MEASURE_STATUSES = ("not_started", "started", "completed")


@dataclass(frozen=True)
class MeasureSummary:
    """Brussels-style summary of an action plan.

    Attributes
    ----------
    total
        Number of measures.
    counts
        Number per status (every status of ``MEASURE_STATUSES`` present, maybe 0).
    """

    total: int
    counts: dict[str, int]

    def __post_init__(self):
        unknown = set(self.counts) - set(MEASURE_STATUSES)
        if unknown:
            raise ValueError(f"Expected statuses among {', '.join(MEASURE_STATUSES)}; got {sorted(unknown)}.")
        if sum(self.counts.values()) != self.total:
            raise ValueError(f"Expected the counts to add up to {self.total}; got {sum(self.counts.values())}.")

    def share(self, status: str) -> float | None:
        """Share of measures in ``status`` (0..1), ``None`` when there is no measure."""
        if status not in MEASURE_STATUSES:
            raise ValueError(f"Expected a status among {', '.join(MEASURE_STATUSES)}; got {status!r}.")
        return self.counts.get(status, 0) / self.total if self.total else None

    @property
    def share_completed(self) -> float | None:
        return self.share("completed")

    @property
    def share_not_started(self) -> float | None:
        return self.share("not_started")

    @property
    def share_started(self) -> float | None:
        return self.share("started")


def summarise(statuses: Iterable[str]) -> MeasureSummary:
    """Count measures per status."""
    counts = dict.fromkeys(MEASURE_STATUSES, 0)
    n = 0
    for s in statuses:
        if s not in counts:
            raise ValueError(f"Expected a measure status among {', '.join(MEASURE_STATUSES)}; got {s!r}.")
        counts[s] += 1
        n += 1
    return MeasureSummary(n, counts)


def split_exact(total: int, shares: dict[str, float]) -> dict[str, int]:
    """Whole counts per key whose shares of ``total`` round to ``shares``.

    Largest-remainder rounding: the counts add up to ``total`` and each is
    within one of ``share * total``. Keys not in ``shares`` get the rest under
    the key ``"rest"``.
    """
    if total < 0:
        raise ValueError(f"Expected total >= 0; got {total}.")
    if any(not 0 <= v <= 1 for v in shares.values()) or sum(shares.values()) > 1 + 1e-9:
        raise ValueError("Expected shares between 0 and 1 adding up to at most 1.")
    raw = {k: v * total for k, v in shares.items()}
    raw["rest"] = total - sum(raw.values())
    counts = {k: int(v) for k, v in raw.items()}
    left = total - sum(counts.values())
    for k in sorted(raw, key=lambda k: raw[k] - counts[k], reverse=True)[:left]:
        counts[k] += 1
    return counts


def is_overdue(due: date | None, done: date | None, as_of: date) -> bool:
    """A milestone (or a measure's end) is overdue when its date has passed and it is not done."""
    return due is not None and done is None and due < as_of


def measure_overdue(end: date | None, status: str, as_of: date) -> bool:
    """A measure is overdue when its end date has passed and it is not completed."""
    return end is not None and status != "completed" and end < as_of
