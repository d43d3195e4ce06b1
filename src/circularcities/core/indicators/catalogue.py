"""The indicator catalogue (``data/indicators.json``) as dataclasses."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from circularcities.core.errors import ValidationError

DATA_DIR = Path(__file__).resolve().parents[2] / "data"

DIRECTIONS = ("higher_is_better", "lower_is_better")
AREAS = ("spatial-planning", "procurement", "industrial-symbiosis", "municipal-resources",
         "buildings", "nexus")
"""The coalition's six thematic areas (slugs)."""
QUALITY_FLAGS = ("measured", "estimated", "proxy", "computed")
"""How a value was obtained: measured directly, estimated by the city or an analyst,
taken from a proxy (e.g. a national figure for a city), or computed from the MFA model."""


@dataclass(frozen=True)
class Indicator:
    """One indicator of the catalogue.

    Parameters
    ----------
    code
        Stable identifier, e.g. ``SW-RECYCLING``.
    name_en, name_zh, definition_en, definition_zh
        Name and one-sentence definition in English and Chinese (``name_ja``,
        ``name_ko``, ``definition_ja``, ``definition_ko`` in Japanese and Korean).
    formula
        The formula as text, for people.
    unit
        Unit of the value, e.g. ``%``, ``t/cap/yr``.
    theme
        ISO 37120 theme name, or ``Material flows``.
    direction
        ``higher_is_better`` or ``lower_is_better``.
    source
        Framework or case the indicator comes from.
    computable_from_mfa
        Whether :mod:`circularcities.core.indicators.formulas` computes it from a model.
    related_areas
        Thematic area slugs (see :data:`AREAS`).
    """

    code: str
    name_en: str
    name_zh: str
    definition_en: str
    definition_zh: str
    formula: str
    unit: str
    theme: str
    direction: str
    source: str
    computable_from_mfa: bool
    related_areas: tuple[str, ...]
    # Japanese and Korean (data/indicators.json has them for every indicator).
    name_ja: str = ""
    name_ko: str = ""
    definition_ja: str = ""
    definition_ko: str = ""

    def __post_init__(self):
        if not self.code:
            raise ValidationError("Expected an indicator code.")
        if self.direction not in DIRECTIONS:
            raise ValidationError(f"Expected direction in {DIRECTIONS} for {self.code}, got {self.direction!r}.")
        bad = [a for a in self.related_areas if a not in AREAS]
        if bad:
            raise ValidationError(f"Expected related_areas among {', '.join(AREAS)} for {self.code}, got {bad}.")
        object.__setattr__(self, "related_areas", tuple(self.related_areas))

    @property
    def higher_is_better(self) -> bool:
        return self.direction == "higher_is_better"


@lru_cache(maxsize=1)
def load_catalogue() -> dict[str, Indicator]:
    """Every indicator of the packaged catalogue, by code (cached)."""
    text = (DATA_DIR / "indicators.json").read_text("utf-8")
    return {row["code"]: Indicator(**row) for row in json.loads(text)["indicators"]}
