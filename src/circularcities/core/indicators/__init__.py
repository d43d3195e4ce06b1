"""Indicators: the catalogue, values with quality flags, and formulas over the MFA model."""

from circularcities.core.indicators.catalogue import (
    AREAS,
    DIRECTIONS,
    QUALITY_FLAGS,
    Indicator,
    load_catalogue,
)
from circularcities.core.indicators.formulas import (
    FORMULAS,
    CityFacts,
    Formula,
    IndicatorResult,
    compute_indicators,
)

__all__ = ["AREAS", "DIRECTIONS", "FORMULAS", "QUALITY_FLAGS", "CityFacts", "Formula", "Indicator",
           "IndicatorResult", "compute_indicators", "load_catalogue"]
