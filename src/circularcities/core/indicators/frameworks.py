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

from circularcities.core.rules import FieldError, Msg

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


# -- references a city gives for its own indicators ---------------------------------------
FRAMEWORKS: dict[str, str] = {
    "iso37120": "ISO 37120:2018",
    "iso37122": "ISO 37122:2019",
    "sdg": "SDG target",
    "eu_cmu": "EU circular economy monitoring framework",
    "cn_zero_waste": "Chinese zero-waste city pilot indicators",
}
"""Framework key -> label. ISO 37120 references are clauses of the 2018 edition."""

UNKNOWN_FRAMEWORK = Msg("Expected a framework among %(choices)s; got '%(value)s'.")
BAD_CLAUSE = Msg("Expected an ISO 37120:2018 clause such as 16.1 (themes are clauses 5 to 23); got '%(value)s'.")
BAD_ISO37122 = Msg("Expected an ISO 37122 clause such as 16.2; got '%(value)s'.")
BAD_SDG = Msg("Expected an SDG target such as 11.6 or 12.a (goals 1 to 17); got '%(value)s'.")
BAD_CMU = Msg("Expected an indicator of the EU monitoring framework such as 7b (1 to 10); got '%(value)s'.")
BAD_REF = Msg("Expected a short reference (at most 40 characters, no line breaks); got '%(value)s'.")

_CLAUSE = re.compile(r"^(\d{1,2})(?:\.(\d{1,2}))?$")
_SDG = re.compile(r"^(\d{1,2})\.(\d{1,2}|[a-z])$")
_CMU = re.compile(r"^(\d{1,2})([a-f]?)$")


def check_reference(framework: str, ref: str, *, field: str = "frameworks") -> str:
    """A framework reference in its canonical form, or :class:`FieldError`.

    ISO 37120 clauses are checked against the 2018 edition's themes (clause 5
    Economy to 23 Water); SDG targets against the 17 goals; the EU monitoring
    framework against its ten indicators (with a letter, e.g. 7b for the circular
    material use rate). ISO 37122 and the Chinese pilot set are checked for form.
    """
    if framework not in FRAMEWORKS:
        raise FieldError(field, UNKNOWN_FRAMEWORK, choices=", ".join(FRAMEWORKS), value=str(framework)[:40])
    ref = str(ref or "").strip()
    if framework == "iso37120":
        m = _CLAUSE.match(ref)
        if not m or iso37120_theme(int(m.group(1))) is None or (m.group(2) and int(m.group(2)) == 0):
            raise FieldError(field, BAD_CLAUSE, value=ref[:40])
    elif framework == "iso37122":
        m = _CLAUSE.match(ref)
        if not m or not 5 <= int(m.group(1)) <= 23:
            raise FieldError(field, BAD_ISO37122, value=ref[:40])
    elif framework == "sdg":
        m = _SDG.match(ref)
        if not m or not 1 <= int(m.group(1)) <= 17:
            raise FieldError(field, BAD_SDG, value=ref[:40])
    elif framework == "eu_cmu":
        m = _CMU.match(ref.lower())
        if not m or not 1 <= int(m.group(1)) <= 10:
            raise FieldError(field, BAD_CMU, value=ref[:40])
        ref = ref.lower()
    elif not ref or len(ref) > 40 or any(ord(c) < 32 for c in ref):
        raise FieldError(field, BAD_REF, value=ref[:40])
    return ref


def describe_reference(framework: str, ref: str) -> str:
    """``ISO 37120:2018 16.1 (Solid waste)``, ``SDG target 12.5``..."""
    label = FRAMEWORKS.get(framework, framework)
    if framework == "iso37120":
        m = _CLAUSE.match(ref)
        theme = iso37120_theme(int(m.group(1))) if m else None
        return f"{label} {ref}" + (f" ({theme})" if theme else "")
    return f"{label} {ref}"
