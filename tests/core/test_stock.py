"""Dynamic stock models: equivalence with flodym for every lifetime kind, conservation, validation."""

from __future__ import annotations

import numpy as np
import pytest
from flodym import Dimension, DimensionSet, InflowDrivenDSM, StockArray, StockDrivenDSM
from flodym import lifetime_models as lm
from hypothesis import given, settings
from hypothesis import strategies as st

from circularcities.core.errors import ValidationError
from circularcities.core.mfa import (
    FixedLifetime,
    LogNormalLifetime,
    NormalLifetime,
    WeibullLifetime,
    compute_stock,
    parse_lifetime,
)

YEARS = list(range(2000, 2031))
INFLOW = 100 + 5 * np.sin(np.arange(len(YEARS))) + np.arange(len(YEARS))

SPECS = {
    "normal": ({"distribution": "normal", "mean": 12, "std": 4},
               lambda dims: lm.NormalLifetime(dims=dims, mean=12, std=4)),
    "lognormal": ({"distribution": "lognormal", "mean": 12, "std": 4},
                  lambda dims: lm.LogNormalLifetime(dims=dims, mean=12, std=4)),
    "weibull": ({"distribution": "weibull", "scale": 14, "shape": 2.5},
                lambda dims: lm.WeibullLifetime(dims=dims, weibull_scale=14, weibull_shape=2.5)),
    "fixed": ({"distribution": "fixed", "mean": 8},
              lambda dims: lm.FixedLifetime(dims=dims, mean=8)),
}


def _dims():
    return DimensionSet(dim_list=[Dimension(name="Time", letter="t", items=YEARS)])


@pytest.mark.parametrize("kind", SPECS)
def test_inflow_driven_equals_flodym(kind):
    spec, make = SPECS[kind]
    ours = compute_stock(YEARS, inflow=INFLOW, lifetime=spec)
    dims = _dims()
    ref = InflowDrivenDSM(dims=dims, lifetime_model=make(dims), inflow=StockArray(dims=dims, values=INFLOW.copy()))
    ref.compute()
    np.testing.assert_allclose(ours.stock, ref.stock.values, rtol=1e-12)
    np.testing.assert_allclose(ours.outflow, ref.outflow.values, rtol=1e-12)
    np.testing.assert_allclose(ours.stock_change, ours.inflow - ours.outflow, atol=1e-9)


@pytest.mark.parametrize("kind", SPECS)
def test_stock_driven_equals_flodym(kind):
    spec, make = SPECS[kind]
    stock = np.cumsum(INFLOW) * 0.6
    ours = compute_stock(YEARS, stock=stock, lifetime=spec)
    dims = _dims()
    ref = StockDrivenDSM(dims=dims, lifetime_model=make(dims), stock=StockArray(dims=dims, values=stock.copy()))
    ref.compute()
    np.testing.assert_allclose(ours.inflow, ref.inflow.values, rtol=1e-12)
    np.testing.assert_allclose(ours.outflow, ref.outflow.values, rtol=1e-12)
    np.testing.assert_allclose(ours.stock, stock)
    np.testing.assert_allclose(ours.stock_change, ours.inflow - ours.outflow, atol=1e-8)


@pytest.mark.parametrize("kind", SPECS)
def test_stock_driven_inverts_inflow_driven(kind):
    spec, _ = SPECS[kind]
    forward = compute_stock(YEARS, inflow=INFLOW, lifetime=spec)
    back = compute_stock(YEARS, stock=forward.stock, lifetime=spec)
    np.testing.assert_allclose(back.inflow, INFLOW, rtol=1e-8)


def test_lognormal_mean_is_of_the_lifetime_itself():
    # A single cohort's outflow-weighted mean age must approach the given mean (12 years).
    years = list(range(0, 200))
    inflow = np.zeros(len(years))
    inflow[0] = 1.0
    res = compute_stock(years, inflow=inflow, lifetime={"distribution": "lognormal", "mean": 12, "std": 4})
    ages = np.arange(len(years))  # leaving in year n ~ age n (inflow mid-year 0, outflow over year n)
    assert res.outflow.sum() == pytest.approx(1.0, abs=1e-6)
    assert (ages * res.outflow).sum() == pytest.approx(12, abs=0.6)


@settings(max_examples=40, deadline=None)
@given(inflow=st.lists(st.floats(0, 1e6), min_size=3, max_size=25),
       kind=st.sampled_from(sorted(SPECS)))
def test_conservation_property(inflow, kind):
    res = compute_stock(list(range(1990, 1990 + len(inflow))), inflow=inflow, lifetime=SPECS[kind][0])
    scale = max(1.0, max(inflow))
    np.testing.assert_allclose(res.stock_change, res.inflow - res.outflow, atol=1e-9 * scale * len(inflow))
    assert np.all(res.stock >= -1e-9 * scale)


@pytest.mark.parametrize("spec, cls", [
    ({"distribution": "normal", "mean": 5, "std": 1}, NormalLifetime),
    ({"distribution": "lognormal", "mean": 5, "std": 1}, LogNormalLifetime),
    ({"distribution": "weibull", "scale": 5, "shape": 1}, WeibullLifetime),
    ({"distribution": "fixed", "mean": 5}, FixedLifetime),
])
def test_parse_lifetime_round_trip(spec, cls):
    life = parse_lifetime(spec)
    assert isinstance(life, cls)
    assert parse_lifetime(life.as_dict()) == life
    assert parse_lifetime(life) is life


@pytest.mark.parametrize("spec, message", [
    ({"distribution": "gamma", "mean": 5}, "Expected distribution"),
    ({"distribution": "normal", "mean": 5}, "missing std"),
    ({"distribution": "normal", "mean": 5, "std": 1, "shape": 2}, "unexpected shape"),
    ({"distribution": "normal", "mean": 5, "std": 0}, "Expected std > 0"),
    ({"distribution": "lognormal", "mean": -5, "std": 1}, "Expected mean > 0"),
    ({"distribution": "weibull", "scale": 5, "shape": "x"}, "finite number"),
    ({"distribution": "fixed", "mean": float("inf")}, "finite number"),
    ("normal", "Expected a lifetime dict"),
])
def test_bad_lifetimes(spec, message):
    with pytest.raises(ValidationError, match=message):
        parse_lifetime(spec)


LIFE = {"distribution": "normal", "mean": 5, "std": 1}


@pytest.mark.parametrize("kwargs, message", [
    (dict(years=[2000, 2001], inflow=[1, 2], stock=[1, 2]), "exactly one"),
    (dict(years=[2000, 2001]), "exactly one"),
    (dict(years=[2000, 2001], inflow=[1, 1]), "at least three"),
    (dict(years=[2000, 2002, 2003], inflow=[1, 2, 3]), "consecutive"),
    (dict(years=[2002, 2001, 2000], inflow=[1, 2, 3]), "consecutive"),
    (dict(years=[2000, 2000.5, 2001], inflow=[1, 2, 3]), "whole years"),
    (dict(years=[2000, 2001, 2002], inflow=[1, 2]), "one value per year"),
    (dict(years=[2000, 2001, 2002], inflow=[1, -2, 1]), ">= 0"),
    (dict(years=[2000, 2001, 2002], inflow=[1, float("nan"), 1]), "finite"),
    (dict(years=[2000, 2001, 2002], inflow=["a", 1, 1]), "list of numbers"),
    (dict(years=[2000, 2001, 2002], inflow=[1, 1, 1], lifetime=None), "Expected a lifetime"),
    (dict(years=[2000, 2001, 2002], stock=[1, 1, 1], lifetime={"distribution": "fixed", "mean": 0.4}),
     "survive"),
])
def test_compute_stock_validation(kwargs, message):
    kwargs = {"lifetime": LIFE} | kwargs
    with pytest.raises(ValidationError, match=message):
        compute_stock(**kwargs)


def test_result_as_dict():
    res = compute_stock([2000, 2001, 2002], inflow=[1, 1, 1], lifetime={"distribution": "fixed", "mean": 2})
    d = res.as_dict()
    assert d["years"] == [2000, 2001, 2002] and d["stock"] == [1.0, 2.0, 2.0]
    assert d["outflow"] == [0.0, 0.0, 1.0]
