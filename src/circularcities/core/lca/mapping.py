"""Map EWC codes and product categories to factor-table materials
(``data/material_factor_map.csv``)."""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass

from circularcities.core.lca.factors import DATA_DIR

_EWC = re.compile(r"^(\d{2})\s*(\d{2})\s*(\d{2})\s*\*?$")


def material_key(material: str) -> str:
    """Canonical form of a material code, used for every comparison.

    EWC codes lose spaces and the hazardous star (``"15 01 01"`` and ``"150101"``
    are the same); any other text is stripped and case-folded.
    """
    text = material.strip()
    m = _EWC.match(text)
    if m:
        return "".join(m.groups())
    return " ".join(text.split()).casefold()


@dataclass(frozen=True)
class MaterialMapping:
    """How one EWC code or category maps onto the factor tables.

    Attributes
    ----------
    key
        Normalised EWC code (``"150101"``) or category (``"paper"``).
    kind
        ``"ewc"`` or ``"category"``.
    description
        What the code means, in words.
    defra_material, epa_material
        Factor-table material names; empty when the table has no fitting row.
    note
        Why a proxy was chosen, when one was.
    """

    key: str
    kind: str
    description: str
    defra_material: str
    epa_material: str
    note: str = ""

    def material_for(self, factor_set: str) -> str | None:
        """Factor-table material for a factor-set name, or ``None``."""
        name = self.epa_material if factor_set.startswith("EPA") else self.defra_material
        return name or None


@functools.lru_cache(maxsize=1)
def material_factor_map() -> dict[str, MaterialMapping]:
    """The packaged map, keyed by normalised code or category."""
    out = {}
    with open(DATA_DIR / "material_factor_map.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            m = MaterialMapping(key=material_key(row["key"]), kind=row["kind"],
                                description=row["description"],
                                defra_material=row["defra_material"],
                                epa_material=row["epa_material"], note=row["note"])
            out[m.key] = m
    return out


def lookup_material(material: str) -> MaterialMapping | None:
    """The mapping of an EWC code (any spacing, with or without ``*``) or a
    category, or ``None`` when unmapped."""
    return material_factor_map().get(material_key(material))
