"""A city editor defines a quarterly indicator, enters two quarters and sees the chart."""

import pytest

from circularcities.coalition.models import City
from circularcities.diagnosis.models import IndicatorValue, IndicatorValueChange
from tests.conftest import _user
from tests.e2e.conftest import sign_in


def test_editor_creates_a_quarterly_indicator_and_sees_its_chart(page):
    city = City.objects.get(slug="glasgow")
    _user("gla", "city", [city])
    sign_in(page, "gla", "pw-gla")
    page.goto(page.base + "/diagnosis/glasgow/indicators/")
    page.click("[data-testid=new-indicator]")
    page.fill("#id_code", "GLA-REPAIRS")
    page.fill("#id_name_en", "Items repaired at repair cafés")
    page.fill("#id_unit", "items")
    page.select_option("#id_frequency", "quarterly")
    page.select_option("#id_framework_1", "sdg")
    page.fill("#id_ref_1", "12.5")
    page.click("[data-testid=save-indicator]")
    page.wait_for_url("**/diagnosis/glasgow/indicators/GLA-REPAIRS/")
    assert page.locator("[data-testid=frequency]").inner_text() == "quarterly"
    assert "SDG target 12.5" in page.locator("[data-testid=frameworks]").inner_text()
    for quarter, value in (("1", "120"), ("2", "185")):
        page.fill("#id_year", "2024")
        page.select_option("#id_period", quarter)
        page.fill("#id_value", value)
        page.fill("#id_source", "repair café logbooks")
        page.click("[data-testid=save-value]")
        page.wait_for_load_state()
    chart = page.locator("[data-testid=series-chart]")
    assert chart.is_visible()
    # The values are written on the bars and the quarters under them: readable without hovering.
    assert page.locator("[data-testid=bar-value]").all_text_contents() == ["120", "185"]
    ticks = page.locator("[data-testid=series-chart] .tick").all_text_contents()
    assert ticks == ["Q1", "Q2"] and page.locator("[data-testid=series-chart] .year").all_text_contents() == ["2024"]
    heights = [float(h) for h in page.locator("[data-testid=series-chart] rect").evaluate_all(
        "rs => rs.map(r => r.getAttribute('height'))")]
    assert heights[1] / heights[0] == pytest.approx(185 / 120, rel=0.02)
    assert IndicatorValue.objects.filter(indicator_id="GLA-REPAIRS").count() == 2
    assert IndicatorValueChange.objects.filter(indicator_id="GLA-REPAIRS", changed_by__username="gla").count() == 2
