"""Urban metabolism: material, energy, water and nutrient flows of a city, and stocks.

- :class:`CityMetabolism` with :class:`Flow` and :class:`StockChange`, mass-balance
  checks (:meth:`CityMetabolism.imbalances`, :meth:`CityMetabolism.check_mass_balance`),
  totals and Sankey data;
- :func:`read_flows_csv` for the CSV format;
- :mod:`~circularcities.core.mfa.quantities`: DMC, recycled material use, waste by route;
- :func:`compute_stock`: dynamic stock models via flodym.
"""

from circularcities.core.mfa import quantities
from circularcities.core.mfa.io import read_flows_csv
from circularcities.core.mfa.lifetimes import (
    FixedLifetime,
    Lifetime,
    LogNormalLifetime,
    NormalLifetime,
    WeibullLifetime,
    parse_lifetime,
)
from circularcities.core.mfa.model import (
    ENVIRONMENT,
    LAYERS,
    PROCESSES,
    STOCK_PROCESSES,
    UNITS_BY_LAYER,
    CityMetabolism,
    Flow,
    Imbalance,
    StockChange,
)
from circularcities.core.mfa.stock import StockResult, compute_stock

__all__ = [
    "ENVIRONMENT", "LAYERS", "PROCESSES", "STOCK_PROCESSES", "UNITS_BY_LAYER",
    "CityMetabolism", "FixedLifetime", "Flow", "Imbalance", "Lifetime", "LogNormalLifetime",
    "NormalLifetime", "StockChange", "StockResult", "WeibullLifetime", "compute_stock",
    "parse_lifetime", "quantities", "read_flows_csv",
]
