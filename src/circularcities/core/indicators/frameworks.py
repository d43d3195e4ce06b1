"""Clause numbers of the frameworks the catalogue cites.

ISO 37120 numbers its themes as clauses, from clause 5. The 2018 edition has 19
themes against the 2014 edition's 17 (Environment became Environment and climate
change, Shelter became Housing, Fire and emergency response went into Safety, and
Population and social conditions, Sport and culture, and Urban/local agriculture and
food security were added), so every theme from Governance on moved: transportation is
clause 18 in 2014 and 19 in 2018, urban planning 19 and 21, wastewater 20 and 22,
water 21 and 23. Only theme names and clause numbers are kept here (the standard's
text is copyrighted).
"""

from __future__ import annotations

import re

ISO37120_2018_THEMES: dict[str, int] = {
    "Economy": 5, "Education": 6, "Energy": 7, "Environment and climate change": 8, "Finance": 9,
    "Governance": 10, "Health": 11, "Housing": 12, "Population and social conditions": 13,
    "Recreation": 14, "Safety": 15, "Solid waste": 16, "Sport and culture": 17, "Telecommunication": 18,
    "Transportation": 19, "Urban/local agriculture and food security": 20, "Urban planning": 21,
    "Wastewater": 22, "Water": 23,
}
"""ISO 37120:2018 theme -> clause."""

ISO37120_2014_THEMES: dict[str, int] = {
    "Economy": 5, "Education": 6, "Energy": 7, "Environment": 8, "Finance": 9,
    "Fire and emergency response": 10, "Governance": 11, "Health": 12, "Recreation": 13, "Safety": 14,
    "Shelter": 15, "Solid waste": 16, "Telecommunication and innovation": 17, "Transportation": 18,
    "Urban planning": 19, "Wastewater": 20, "Water and sanitation": 21,
}
"""ISO 37120:2014 theme -> clause, to recognise a 2014 number under the 2018 label."""

_REF = re.compile(r"ISO 37120:(\d{4}) (\d+)(?:\.(\d+))?")


def iso37120_refs(source: str) -> list[tuple[int, int, int | None]]:
    """Every ISO 37120 reference in ``source``: ``(edition, clause, sub-clause or None)``."""
    return [(int(e), int(c), int(s) if s else None) for e, c, s in _REF.findall(source or "")]


def iso37120_theme(clause: int, edition: int = 2018) -> str | None:
    """The theme of a clause in an edition (None if no theme has that number)."""
    table = ISO37120_2018_THEMES if edition == 2018 else ISO37120_2014_THEMES
    return next((t for t, c in table.items() if c == clause), None)
