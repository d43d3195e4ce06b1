"""The zero-waste city indicator set (``data/zero_waste_indicators.json``).

Each entry is an indicator of the platform's catalogue shape
(:class:`circularcities.core.indicators.catalogue.Indicator`) plus the stream
area and the rate of :mod:`circularcities.core.waste.rates` it is computed
from, so a city that adopts the set gets values computed from its streams
and can set targets on them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from circularcities.core.errors import ValidationError
from circularcities.core.indicators.catalogue import DATA_DIR, Indicator
from circularcities.core.waste.rates import RATE_KEYS
from circularcities.core.waste.streams import AREAS

CATALOGUE_FILE = "zero_waste_indicators.json"


@dataclass(frozen=True)
class RateIndicator:
    """A catalogue indicator computed from one rate of one stream area (value in %)."""

    indicator: Indicator
    area: str
    rate: str

    def __post_init__(self):
        if self.area not in AREAS:
            raise ValidationError(f"Expected area among {', '.join(AREAS)} for {self.indicator.code}; got {self.area!r}.")
        if self.rate not in RATE_KEYS:
            raise ValidationError(f"Expected rate among {', '.join(RATE_KEYS)} for {self.indicator.code}; "
                                  f"got {self.rate!r}.")
        if self.indicator.unit != "%":
            raise ValidationError(f"Expected unit % for {self.indicator.code}, a rate.")

    @property
    def code(self) -> str:
        return self.indicator.code


@dataclass(frozen=True)
class Catalogue:
    slug: str
    name_en: str
    name_zh: str
    source: str
    indicators: tuple[RateIndicator, ...]

    def for_rate(self, area: str, rate: str) -> RateIndicator | None:
        for i in self.indicators:
            if i.area == area and i.rate == rate:
                return i
        return None


@lru_cache(maxsize=1)
def zero_waste_catalogue() -> Catalogue:
    """The zero-waste pilot indicator set (cached)."""
    raw = json.loads((DATA_DIR / CATALOGUE_FILE).read_text("utf-8"))
    items = []
    seen = set()
    for entry in raw["indicators"]:
        entry = dict(entry)
        area, rate = entry.pop("area"), entry.pop("rate")
        ind = Indicator.from_row(entry)
        if ind.code in seen:
            raise ValidationError(f"Expected each code once in {CATALOGUE_FILE}; {ind.code} is twice.")
        seen.add(ind.code)
        items.append(RateIndicator(ind, area, rate))
    return Catalogue(raw["catalogue"], raw["name_en"], raw["name_zh"], raw["source"], tuple(items))


@lru_cache(maxsize=1)
def ewc_codes() -> frozenset[str]:
    """The six-digit codes of the EU List of Waste (``data/ewc_codes.csv``)."""
    import csv

    with open(DATA_DIR / "ewc_codes.csv", encoding="utf-8", newline="") as fh:
        return frozenset(row["code"] for row in csv.DictReader(fh) if len(row["code"]) == 6)
