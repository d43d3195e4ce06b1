"""Dynamic stock models (inflow- or stock-driven) on top of flodym.

A thin, validated wrapper: the arithmetic is flodym's (``InflowDrivenDSM`` and
``StockDrivenDSM``), with flodym's default conventions: inflow arrives in the
middle of each year, the stock is the stock at the end of the year, and the
stock before the first year is zero (so the first year's stock change is the
first year's stock).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from circularcities.core.errors import ValidationError
from circularcities.core.i18n import Message
from circularcities.core.mfa.lifetimes import Lifetime, parse_lifetime


@dataclass(frozen=True)
class StockResult:
    """Result of :func:`compute_stock`; arrays have one entry per year.

    Attributes
    ----------
    years
        Consecutive calendar years.
    stock
        Stock at the end of each year (same unit as the flows, e.g. t).
    inflow, outflow
        Flows into and out of the stock during each year (unit per year).
    """

    years: np.ndarray
    stock: np.ndarray
    inflow: np.ndarray
    outflow: np.ndarray

    @property
    def stock_change(self) -> np.ndarray:
        """Stock at the end of each year minus the stock a year earlier (zero before year 1)."""
        return np.diff(self.stock, prepend=0.0)

    def as_dict(self) -> dict[str, list]:
        """Plain lists, ready for JSON."""
        return {"years": [int(y) for y in self.years], "stock": self.stock.tolist(),
                "inflow": self.inflow.tolist(), "outflow": self.outflow.tolist()}


def _as_series(name: str, values: Sequence[float], n: int) -> np.ndarray:
    try:
        arr = np.asarray(values, dtype=float)
    except (TypeError, ValueError) as exc:
        raise ValidationError(Message("Expected %(name)s to be a list of numbers.", name=name)) from exc
    if arr.ndim != 1 or arr.size != n:
        raise ValidationError(Message("Expected %(name)s to have one value per year (%(n)s), got %(got)s.",
                                      name=name, n=n, got=arr.size))
    if not np.all(np.isfinite(arr)):
        raise ValidationError(Message("Expected every %(name)s value to be a finite number.", name=name))
    if np.any(arr < 0):
        raise ValidationError(Message("Expected %(name)s >= 0 in every year.", name=name))
    return arr


def _check_years(years: Sequence[int]) -> np.ndarray:
    years = list(years)
    # flodym derives each year's bounds from its neighbours and needs three years to do so.
    if len(years) < 3:
        raise ValidationError(Message("Expected at least three years."))
    for y in years:
        if isinstance(y, bool) or not isinstance(y, int | np.integer | float) or not math.isfinite(y) \
                or int(y) != y:
            raise ValidationError(Message("Expected whole years, got %(value)s.", value=repr(y)))
    arr = np.asarray(years, dtype=int)
    if np.any(np.diff(arr) != 1):
        raise ValidationError(Message("Expected years strictly increasing and consecutive (step 1)."))
    return arr


def compute_stock(years: Sequence[int], inflow: Sequence[float] | None = None,
                  stock: Sequence[float] | None = None,
                  lifetime: Lifetime | dict | None = None) -> StockResult:
    """Run an inflow-driven or stock-driven dynamic stock model.

    Parameters
    ----------
    years
        Consecutive years, at least three.
    inflow
        Inflow per year (>= 0); give exactly one of ``inflow`` and ``stock``.
    stock
        Stock at the end of each year (>= 0).
    lifetime
        A lifetime object or its dict form (see :func:`parse_lifetime`), in years.

    Returns
    -------
    StockResult
        Stock, inflow and outflow; ``stock_change == inflow - outflow`` every year.
        A stock-driven model can return negative inflow when the stock falls faster
        than products retire: that is the model telling you the data disagree.

    Raises
    ------
    ValidationError
        For invalid years, series, lifetimes, or a lifetime under which nothing
        survives its first year (stock-driven models cannot be solved then).
    """
    from flodym import Dimension, DimensionSet, InflowDrivenDSM, StockArray, StockDrivenDSM

    if (inflow is None) == (stock is None):
        raise ValidationError(Message("Expected exactly one of inflow and stock."))
    if lifetime is None:
        raise ValidationError(Message("Expected a lifetime."))
    life = parse_lifetime(lifetime)
    year_arr = _check_years(years)
    n = len(year_arr)
    dims = DimensionSet(dim_list=[Dimension(name="Time", letter="t", items=[int(y) for y in year_arr])])
    model_lifetime = life.to_flodym(dims)
    dsm: InflowDrivenDSM | StockDrivenDSM
    if inflow is not None:
        values = _as_series(Message("inflow"), inflow, n)
        dsm = InflowDrivenDSM(dims=dims, lifetime_model=model_lifetime,
                              inflow=StockArray(dims=dims, values=values.copy()))
    else:
        values = _as_series(Message("stock"), stock if stock is not None else [], n)
        if np.any(np.diag(model_lifetime.sf) <= 0):
            raise ValidationError(Message("Expected a lifetime under which products survive their first "
                                          "year; a stock-driven model cannot be solved otherwise."))
        dsm = StockDrivenDSM(dims=dims, lifetime_model=model_lifetime,
                             stock=StockArray(dims=dims, values=values.copy()))
    dsm.compute()
    # flodym fills all three arrays in compute(); they are never None afterwards.
    arrays = [getattr(dsm, name).values.copy() for name in ("stock", "inflow", "outflow")]
    return StockResult(years=year_arr, stock=arrays[0], inflow=arrays[1], outflow=arrays[2])
