"""Which offered material can serve which wanted material.

A material always serves a want for the same material. The secretariat edits a
table of further allowed pairs ``offer_material -> want_material`` (directed:
clean cardboard can serve a want for mixed paper, not necessarily the reverse).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from circularcities.core.errors import DataImportError, ValidationError
from circularcities.core.lca.mapping import material_key
from circularcities.core.tables import read_table

__all__ = ["Compatibility", "default_compatibility", "material_key", "read_compatibility_csv"]

DATA_DIR = Path(__file__).resolve().parents[2] / "data"

@dataclass(frozen=True)
class Compatibility:
    """Allowed pairs ``offer_material -> want_material`` beyond identical materials.

    Parameters
    ----------
    pairs
        ``(offer_material, want_material)`` tuples; codes are normalised with
        :func:`material_key`.
    """

    pairs: frozenset[tuple[str, str]] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        clean = set()
        for pair in self.pairs:
            if (not isinstance(pair, tuple) or len(pair) != 2
                    or not all(isinstance(p, str) and p.strip() for p in pair)):
                raise ValidationError(
                    f"Expected pairs of non-empty material codes, got {pair!r}.")
            clean.add((material_key(pair[0]), material_key(pair[1])))
        object.__setattr__(self, "pairs", frozenset(clean))

    @classmethod
    def from_pairs(cls, pairs: Iterable[tuple[str, str]]) -> Compatibility:
        """Build from any iterable of ``(offer_material, want_material)``."""
        return cls(frozenset(tuple(p) for p in pairs))  # type: ignore[misc]

    def allows(self, offer_material: str, want_material: str) -> bool:
        """True when an offer of ``offer_material`` can serve a want of ``want_material``."""
        a, b = material_key(offer_material), material_key(want_material)
        return a == b or (a, b) in self.pairs

    def want_materials_for(self, offer_key: str, want_keys: Iterable[str]) -> list[str]:
        """Normalised want materials among ``want_keys`` that ``offer_key`` can serve."""
        return [w for w in want_keys if w == offer_key or (offer_key, w) in self.pairs]


def read_compatibility_csv(path: str | None = None) -> Compatibility:
    """Read a compatibility table with columns ``offer_material,want_material[,note]``.

    Parameters
    ----------
    path
        CSV file; ``None`` reads the packaged default
        ``circularcities/data/material_compatibility.csv``.

    Raises
    ------
    DataImportError
        Listing every row with a blank code or a missing column.
    """
    if path is None:
        path = str(DATA_DIR / "material_compatibility.csv")
    with open(path, "rb") as fh:
        data = fh.read()
    table = read_table(data, os.path.basename(path), None, ("offer_material", "want_material"), ("note",),
                       formats=("csv",), header_search=1)
    problems, pairs = [], []
    for r in table.rows:
        a, b = r["offer_material"], r["want_material"]
        for col, val in (("offer_material", a), ("want_material", b)):
            if not val:
                problems.append(table.problem("Expected a material code.", r.number, col))
        if a and b:
            pairs.append((a, b))
    if problems:
        raise DataImportError(problems)
    return Compatibility.from_pairs(pairs)


def default_compatibility() -> Compatibility:
    """The packaged default table (``data/material_compatibility.csv``)."""
    return read_compatibility_csv(None)
