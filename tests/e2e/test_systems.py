"""Systems in a real browser: build a two-layer system, see the imbalance at its process,
copy it as a scenario, change it and compare side by side; run a stock model and download it."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from circularcities.coalition.models import City
from circularcities.systems.models import StockModel, System
from tests.conftest import _user
from tests.e2e.conftest import sign_in


def _save(page, block: str, form: str, fields: dict, submit: str | None = None):
    if block:
        page.click(f"[data-testid={block}] summary")
    for name, value in fields.items():
        selector = f"[data-testid={form}] [name={name}]"
        if page.locator(selector).evaluate("e => e.tagName") == "SELECT":
            page.select_option(selector, value)
        else:
            page.fill(selector, value)
    page.click(f"[data-testid={form}] button" if submit is None else f"[data-testid={submit}]")
    page.wait_for_load_state()


def test_build_a_two_layer_system_see_the_imbalance_and_compare_a_scenario(page):
    city = City.objects.get(slug="changchun")
    _user("chs", "city", [city])
    sign_in(page, "chs", "pw-chs")
    page.goto(page.base + "/systems/")
    page.click("[data-testid=new-system-changchun]")
    page.fill("[data-testid=new-system-form] [name=name]", "Eco-park loop")
    page.select_option("[data-testid=new-system-form] [name=scope]", "park")
    page.fill("[data-testid=new-system-form] [name=first_year]", "2020")
    page.fill("[data-testid=new-system-form] [name=last_year]", "2022")
    page.uncheck("[data-testid=new-system-form] [name=layers][value=materials]")
    page.check("[data-testid=new-system-form] [name=layers][value=water]")
    page.check("[data-testid=new-system-form] [name=layers][value=energy]")
    page.click("[data-testid=create-system]")
    page.wait_for_selector("[data-testid=system-title]")
    system = System.objects.get(translations__name="Eco-park loop")
    assert list(system.layers.values_list("code", flat=True)) == ["water", "energy"]

    _save(page, "process-block", "process-form", {"code": "plant", "name": "Power plant"})
    _save(page, "process-block", "process-form", {"code": "homes", "name": "Homes"})
    for origin, destination, layer, amounts in [
            ("sysenv", "plant", "water", "100"), ("plant", "homes", "water", "100"),
            ("homes", "sysenv", "water", "100"),
            ("sysenv", "plant", "energy", "50"), ("plant", "homes", "energy", "2020=50; 2021=40; 2022=50"),
            ("homes", "sysenv", "energy", "2020=50; 2021=40; 2022=50")]:
        _save(page, "flow-block", "flow-form",
              {"origin": origin, "destination": destination, "layer": layer, "amounts": amounts})
        assert "saved" in page.locator(".messages").inner_text()
    # The plant loses 10 MWh in 2021: the imbalance is flagged at its process, layer and year.
    row = page.locator("[data-testid=imbalance]")
    assert row.count() == 1
    assert (row.get_attribute("data-process"), row.get_attribute("data-layer"),
            row.get_attribute("data-year")) == ("plant", "energy", "2021")
    assert "20.0 %" in row.inner_text()
    page.goto(page.base + f"/systems/{system.pk}/?layer=energy&year=2021")
    page.wait_for_selector("#sankey[data-ready]")
    assert page.locator("#sankey .sankey-link").count() == 3
    # the layer switch redraws the other layer
    page.select_option("[data-testid=pick-layer]", "water")
    page.wait_for_selector("#sankey[data-ready]")
    assert "layer=water" in page.url

    # A scenario: a copy whose plant delivers all its energy; compared side by side.
    page.fill("[data-testid=scenario-form] [name=name]", "No loss")
    page.click("[data-testid=make-scenario]")
    page.wait_for_selector("[data-testid=system-title]")
    assert "No loss" in page.locator("[data-testid=system-title]").inner_text()
    _save(page, "flow-block", "flow-form",
          {"origin": "plant", "destination": "homes", "layer": "energy", "amounts": "50"})
    _save(page, "flow-block", "flow-form",
          {"origin": "homes", "destination": "sysenv", "layer": "energy", "amounts": "50"})
    assert page.locator("[data-testid=balance-status]").get_attribute("data-status") == "balanced"
    page.click("[data-testid=compare-with-base]")
    page.wait_for_selector("[data-testid=compare-title]")
    page.select_option("[data-testid=pick-layer]", "energy")
    page.wait_for_selector("#sankey-a[data-ready]")
    page.select_option("[data-testid=pick-year]", "2021")
    page.wait_for_selector("#sankey-b[data-ready]")
    diffs = page.locator("[data-testid=flow-difference]")
    assert diffs.count() == 2
    assert "10.0 MWh" in diffs.first.inner_text()


def test_run_a_stock_model_and_download_its_result(page):
    city = City.objects.get(slug="changchun")
    _user("chs2", "city", [city])
    sign_in(page, "chs2", "pw-chs2")
    page.goto(page.base + "/systems/")
    page.click("[data-testid=new-stock-changchun]")
    form = "[data-testid=stock-model-form]"
    page.fill(f"{form} [name=name]", "Buses of Changchun")
    page.select_option(f"{form} [name=subject]", "vehicles")
    page.fill(f"{form} [name=unit]", "buses")
    page.select_option(f"{form} [name=driver]", "inflow")
    page.fill(f"{form} [name=first_year]", "2015")
    page.fill(f"{form} [name=values]", "100 120 140 160 180 200 220 240")
    page.select_option(f"{form} [name=distribution]", "weibull")
    page.fill(f"{form} [name=scale]", "10")
    page.fill(f"{form} [name=shape]", "2.5")
    page.click("[data-testid=run-stock-model]")
    page.wait_for_selector("#stock-chart[data-ready]")
    model = StockModel.objects.get(translations__name="Buses of Changchun")
    assert model.result["years"] == list(range(2015, 2023))
    with page.expect_download() as info:
        page.click("[data-testid=stock-download]")
    wb = load_workbook(io.BytesIO(open(info.value.path(), "rb").read()))
    assert wb.sheetnames == ["input", "result", "model"]
    assert [c.value for c in wb["input"]["B"]][1:] == [100, 120, 140, 160, 180, 200, 220, 240]
    assert wb["result"]["D9"].value == model.result["stock"][-1]


def test_a_conversion_links_two_layers_and_its_share_moves_the_balance(page):
    """Buiksloterham's biorefinery turns kitchen waste (t) into biogas energy (MWh): the energy
    Sankey shows where it comes from, and using up less than the flows leave shows at the process."""
    system = System.objects.get(demo_key="buiksloterham")
    _user("ams_sys", "city", [system.city])
    sign_in(page, "ams_sys", "pw-ams_sys")
    page.goto(page.base + f"/systems/{system.pk}/?layer=energy&year=2030")
    page.wait_for_selector("#sankey[data-ready]")
    assert page.locator("[data-testid=balance-status]").get_attribute("data-status") == "accepted"
    row = page.locator("[data-testid=conversions] tbody tr")
    assert row.count() == 1
    assert "339.1 t → 406.9 MWh" in row.inner_text()
    drawn = page.locator("#sankey").inner_text().replace("\n", "")  # labels wrap between words
    assert "Converted frommaterials407 MWh" in drawn
    _save(page, "parameter-block", "parameter-form", {"name": "digested", "values": "0.5"})
    imbalance = page.locator("[data-testid=imbalance][data-process=biorefinery][data-layer=materials]")
    assert imbalance.count() == 6  # every year: a tenth of what the biorefinery receives is unaccounted for
    assert "10.0 %" in imbalance.first.inner_text()
