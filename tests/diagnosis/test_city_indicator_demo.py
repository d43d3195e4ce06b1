"""The demo's city-defined indicators: sources kept, estimates labelled, formulas computed."""

from __future__ import annotations

import pytest

from circularcities.diagnosis.models import Indicator, IndicatorValue

pytestmark = pytest.mark.django_db

CASE_STUDIES = '"Circular economy in cities" case studies'


def test_glasgow_quarterly_kpis_are_estimates_that_say_so(demo):
    codes = {"GLA-CO2-REDUCED", "GLA-ENERGY-SAVED", "GLA-WASTE-RECYCLED", "GLA-ECON-BENEFIT", "GLA-ORGS-ENGAGED"}
    inds = Indicator.objects.filter(code__in=codes)
    assert {i.frequency for i in inds} == {"quarterly"} and {i.city.slug for i in inds} == {"glasgow"}
    values = IndicatorValue.objects.filter(indicator_id__in=codes)
    assert values.count() >= 30 and {v.period for v in values} == {1, 2, 3, 4}
    assert all(v.quality == "estimated" and "estimate" in v.source or "assumed" in v.source for v in values)
    assert all(CASE_STUDIES in v.source for v in values)
    jobs = IndicatorValue.objects.get(indicator_id="GLA-CIRCULAR-JOBS")
    assert jobs.value == 21000 and jobs.quality == "measured"


def test_glasgow_formula_is_computed_per_quarter(demo):
    ratio = IndicatorValue.objects.get(indicator_id="GLA-CO2-PER-BENEFIT", year=2018, period=1)
    assert ratio.value == pytest.approx(420 / 120)
    assert ratio.quality == "estimated" and "inputs include estimates" in ratio.source  # its inputs are


def test_shenzhen_electric_buses(demo):
    fleet = IndicatorValue.objects.get(indicator_id="SZ-EBUS-FLEET", year=2017)
    assert fleet.value == 16000 and fleet.quality == "measured"
    saving = IndicatorValue.objects.get(indicator_id="SZ-GHG-SAVING", year=2018)
    assert saving.value == pytest.approx((1.21 - 0.72) / 1.21 * 100) and saving.quality == "estimated"
    assert IndicatorValue.objects.get(indicator_id="SZ-BATTERIES-RECYCLED", year=2020).value == 2000
    for code in ("SZ-GHG-KM-EBUS", "SZ-GHG-KM-DIESEL", "SZ-PACKS-RETIRED"):
        assert "estimate" in Indicator.objects.get(code=code).source
        assert set(IndicatorValue.objects.filter(indicator_id=code).values_list("quality", flat=True)) == {"estimated"}


def test_peterborough_kpis_carry_iso37120_2018_clauses(demo):
    from circularcities.core.indicators.frameworks import check_reference

    refs = [r for i in Indicator.objects.filter(city__slug="peterborough") for r in i.frameworks
            if r["framework"] == "iso37120"]
    assert {"16.2", "16.3", "16.4", "16.10", "5.1", "7", "8", "19", "23"} <= {r["ref"] for r in refs}
    assert all(check_reference("iso37120", r["ref"]) for r in refs)


def test_coalition_indicators_carry_their_iso37120_clauses(demo):
    assert Indicator.objects.get(code="SW-COLL-POP").frameworks == [{"framework": "iso37120", "ref": "16.1"}]
    assert {"framework": "iso37120", "ref": "19"} in Indicator.objects.get(code="TR-PT-TRIPS-CAP").frameworks
