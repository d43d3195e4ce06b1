"""A city editor imports the city's waste streams in the browser and sees the rates, then adopts the
zero-waste indicators and sees a target's status beside the rate."""

from circularcities.coalition.models import City
from tests.conftest import _user
from tests.e2e.conftest import sign_in
from tests.waste.conftest import BAD_CSV, GOOD_CSV


def test_editor_imports_streams_and_sees_rates(page, tmp_path):
    city = City.objects.get(slug="amsterdam")
    _user("wasteeditor", "city", [city])
    sign_in(page, "wasteeditor", "pw-wasteeditor")

    page.goto(page.base + "/waste/amsterdam/")
    page.click("[data-testid=import-link]")
    bad = tmp_path / "bad.csv"
    bad.write_bytes(BAD_CSV)
    page.set_input_files("input[type=file]", str(bad))
    page.locator("[data-testid=import-form] button[type=submit]").click()
    errors = page.locator("[data-testid=import-errors]")
    errors.wait_for()
    rows = [r.inner_text().split("\t") for r in page.locator("[data-testid=import-error]").all()]
    assert any(r[1] == "2" for r in rows) and "more than the 100 t generated" in errors.inner_text()

    good = tmp_path / "streams.csv"
    good.write_bytes(GOOD_CSV)
    page.set_input_files("input[type=file]", str(good))
    page.locator("[data-testid=import-form] button[type=submit]").click()
    page.wait_for_selector("[data-testid=area-household]")
    household = page.locator("[data-testid=area-household]")
    recycling = household.locator("[data-testid=rate-recycling_rate]")
    assert "45.0 %" in recycling.locator("[data-testid=latest]").inner_text()
    assert "(reuse + recycling + composting) / generated" in recycling.locator("[data-testid=formula]").inner_text()
    assert [b.text_content() for b in recycling.locator("[data-testid=bar-value]").all()] == ["40.0 %", "45.0 %"]
    industrial = page.locator("[data-testid=area-industrial] [data-testid=rate-utilisation_rate]")
    assert "90.0 %" in industrial.locator("[data-testid=latest]").inner_text()

    page.click("[data-testid=adopt]")
    page.wait_for_selector("[data-testid=adopted]")
    from circularcities.planning.services import target_create

    target_create(city=city, user=None, indicator="ZW-HH-RECYCLING", baseline_year=2021, baseline_value=40,
                  target_year=2023, target_value=50)
    page.reload()
    status = page.locator("[data-testid=area-household] [data-testid=rate-recycling_rate] [data-testid=status]")
    assert status.get_attribute("data-status") == "on_track"
