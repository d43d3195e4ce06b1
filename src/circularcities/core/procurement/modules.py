"""Life-cycle modules of EN 15804 (products) and EN 15978 (buildings).

The A-C modules add up to the life-cycle total; module D (benefits and loads
beyond the system boundary: reuse, recycling, energy recovery potential) is
always reported on its own and never added to that total, as both standards
require.
"""

from __future__ import annotations

PRODUCT = ("A1-A3",)
CONSTRUCTION = ("A4", "A5")
USE = ("B1", "B2", "B3", "B4", "B5", "B6", "B7")
END_OF_LIFE = ("C1", "C2", "C3", "C4")
BEYOND = "D"

A_TO_C: tuple[str, ...] = PRODUCT + CONSTRUCTION + USE + END_OF_LIFE
"""Modules summed in the life-cycle total, in the standards' order."""
MODULES: tuple[str, ...] = A_TO_C + (BEYOND,)
"""Every module a row may name."""

MODULE_NAMES = {
    "A1-A3": "Product stage: raw materials, transport to factory, manufacturing",
    "A4": "Transport to site",
    "A5": "Construction and installation",
    "B1": "Use", "B2": "Maintenance", "B3": "Repair", "B4": "Replacement",
    "B5": "Refurbishment", "B6": "Operational energy use", "B7": "Operational water use",
    "C1": "Deconstruction and demolition", "C2": "Transport to waste processing",
    "C3": "Waste processing", "C4": "Disposal",
    "D": "Benefits and loads beyond the system boundary",
}

_ALIASES = {"A1A2A3": "A1-A3", "A1-3": "A1-A3", "A1–A3": "A1-A3", "A1A3": "A1-A3"}


def module_code(value: object) -> str | None:
    """The module code for ``value`` (``"a4"`` -> ``"A4"``, ``"A1A2A3"`` -> ``"A1-A3"``),
    or ``None`` when it is not an EN 15804 module."""
    code = str(value or "").strip().upper().replace(" ", "")
    code = _ALIASES.get(code, code)
    return code if code in MODULES else None


_UNIT_SPELLINGS = {
    "t": "t", "tonne": "t", "tonnes": "t", "ton": "t", "tons": "t", "tones": "t",
    "kg": "kg", "m3": "m3", "m³": "m3", "m^3": "m3", "m2": "m2", "m²": "m2", "m^2": "m2",
    "m": "m", "pcs": "piece", "pc": "piece", "piece": "piece", "pieces": "piece", "unit": "piece",
    "l": "l", "km": "km", "tkm": "t·km", "t·km": "t·km", "tonnes_km": "t·km", "t*km": "t·km",
    "kwh": "kWh", "mj": "MJ", "a": "a", "year": "a", "years": "a",
}


def unit_code(value: object) -> str:
    """One spelling per unit (``"tonnes"`` -> ``"t"``, ``"m³"`` -> ``"m3"``).

    Only spellings of the *same* unit are merged; no quantity is ever
    converted from one unit to another here.
    """
    raw = str(value or "").strip()
    return _UNIT_SPELLINGS.get(raw.lower(), raw)
