"""The indicator catalogue (``data/indicators.json``) as dataclasses."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from circularcities.core.errors import ValidationError

DATA_DIR = Path(__file__).resolve().parents[2] / "data"

DIRECTIONS = ("higher_is_better", "lower_is_better")
AREAS = ("spatial-planning", "procurement", "industrial-symbiosis", "municipal-resources",
         "buildings", "nexus")
"""The coalition's six thematic areas (slugs)."""
FREQUENCIES = ("annual", "quarterly", "monthly")
LANGUAGE_KEYS = {"en": "en", "zh": "zh-hans", "ja": "ja", "ko": "ko"}
"""Language key of ``name_<key>`` in the JSON files -> platform (parler) language code."""
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
    names, definitions
        Name and one-sentence definition by language key of the JSON file (``en``,
        ``zh``, ``ja``, ``ko``: the ``name_<key>`` / ``definition_<key>`` keys present);
        :data:`LANGUAGE_KEYS` maps the keys to platform language codes.
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
    names: Mapping[str, str]
    definitions: Mapping[str, str]
    formula: str
    unit: str
    theme: str
    direction: str
    source: str
    computable_from_mfa: bool
    related_areas: tuple[str, ...]
    frequency: str = "annual"
    frameworks: tuple[tuple[str, str], ...] = ()
    computation: str = "direct"
    expression: str = ""

    @classmethod
    def from_row(cls, row: Mapping) -> Indicator:
        """One entry of an indicators JSON file: every ``name_<key>`` and
        ``definition_<key>`` present is read (``en`` is required)."""
        row = dict(row)
        names = {k[5:]: row.pop(k) for k in list(row) if k.startswith("name_")}
        definitions = {k[11:]: row.pop(k) for k in list(row) if k.startswith("definition_")}
        unknown = [k for k in list(names) + list(definitions) if k not in LANGUAGE_KEYS]
        if unknown:
            raise ValidationError(f"Expected name_/definition_ keys among {', '.join(LANGUAGE_KEYS)} for "
                                  f"{row.get('code')}, got {unknown}.")
        frameworks = tuple((f["framework"], str(f["ref"])) for f in row.pop("frameworks", ()))
        return cls(names=names, definitions=definitions, frameworks=frameworks,
                   related_areas=tuple(row.pop("related_areas", ())), **row)

    def __post_init__(self):
        if not self.code:
            raise ValidationError("Expected an indicator code.")
        if not self.names.get("en"):
            raise ValidationError(f"Expected an English name (name_en) for {self.code}.")
        if self.frequency not in FREQUENCIES:
            raise ValidationError(f"Expected frequency in {FREQUENCIES} for {self.code}, got {self.frequency!r}.")
        if self.direction not in DIRECTIONS:
            raise ValidationError(f"Expected direction in {DIRECTIONS} for {self.code}, got {self.direction!r}.")
        bad = [a for a in self.related_areas if a not in AREAS]
        if bad:
            raise ValidationError(f"Expected related_areas among {', '.join(AREAS)} for {self.code}, got {bad}.")
        object.__setattr__(self, "related_areas", tuple(self.related_areas))

    @property
    def higher_is_better(self) -> bool:
        return self.direction == "higher_is_better"

    def framework_refs(self) -> tuple[tuple[str, str], ...]:
        """The references given, or else the ISO 37120:2018 clauses cited in ``source``."""
        if self.frameworks:
            return self.frameworks
        from circularcities.core.indicators.frameworks import iso37120_refs

        return tuple(("iso37120", f"{c}.{s}" if s else str(c)) for e, c, s in iso37120_refs(self.source) if e == 2018)

    def name(self, key: str = "en") -> str:
        return self.names.get(key, "")

    @property
    def name_en(self) -> str:
        return self.names.get("en", "")

    @property
    def name_zh(self) -> str:
        return self.names.get("zh", "")

    @property
    def definition_en(self) -> str:
        return self.definitions.get("en", "")

    @property
    def definition_zh(self) -> str:
        return self.definitions.get("zh", "")

    def translations(self) -> dict[str, dict[str, str]]:
        """``{platform language: {"name": ..., "definition": ...}}`` for every language given."""
        out: dict[str, dict[str, str]] = {}
        for key, lang in LANGUAGE_KEYS.items():
            name, definition = self.names.get(key, ""), self.definitions.get(key, "")
            if name or definition:
                out[lang] = {"name": name, "definition": definition}
        return out


@lru_cache(maxsize=1)
def load_catalogue() -> dict[str, Indicator]:
    """Every indicator of the packaged catalogue, by code (cached)."""
    text = (DATA_DIR / "indicators.json").read_text("utf-8")
    return {row["code"]: Indicator.from_row(row) for row in json.loads(text)["indicators"]}


def load_file(path: Path) -> dict[str, Indicator]:
    """Indicators of another JSON file of the same shape (e.g. a city's demo set)."""
    return {row["code"]: Indicator.from_row(row) for row in json.loads(path.read_text("utf-8"))["indicators"]}
