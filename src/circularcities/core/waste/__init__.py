"""Waste streams and their rates (pure computation, no Django).

- :mod:`~circularcities.core.waste.streams`: the stream, its areas, routes and balance rule;
- :mod:`~circularcities.core.waste.rates`: every rate with its formula and source;
- :mod:`~circularcities.core.waste.io`: reading streams from CSV and Excel;
- :mod:`~circularcities.core.waste.catalogue`: the zero-waste city indicator set.
"""

from circularcities.core.waste.rates import (
    FORMULAS,
    RATE_KEYS,
    SOURCES,
    Rates,
    Totals,
    rates,
    rates_by_year,
    yearly,
)
from circularcities.core.waste.streams import (
    AREA_NAMES,
    AREAS,
    QUALITIES,
    ROUTE_NAMES,
    ROUTES,
    TOLERANCE_T,
    Stream,
    check,
    normalise_ewc,
)

__all__ = [
    "AREAS", "AREA_NAMES", "FORMULAS", "QUALITIES", "RATE_KEYS", "ROUTES", "ROUTE_NAMES", "SOURCES",
    "TOLERANCE_T", "Rates", "Stream", "Totals", "check", "normalise_ewc", "rates", "rates_by_year", "yearly",
]
