"""Diagnosis in a real browser: upload a workbook and see the dashboard; a broken one shows its errors."""

from circularcities.coalition.models import City
from circularcities.diagnosis.models import MetabolismFlow
from tests.conftest import _user
from tests.diagnosis.helpers import data, junk_workbook, workbook
from tests.e2e.conftest import sign_in


def _upload(page, tmp_path, slug, name, blob):
    path = tmp_path / name
    path.write_bytes(blob)
    page.goto(page.base + f"/diagnosis/{slug}/")
    page.click("[data-testid=upload-link]")
    page.set_input_files("[data-testid=upload-form] input[type=file]", str(path))
    page.click("[data-testid=upload-submit]")
    page.wait_for_load_state()


def test_upload_a_workbook_and_see_the_dashboard(page, tmp_path):
    city = City.objects.get(slug="changchun")
    _user("chn", "city", [city])
    sign_in(page, "chn", "pw-chn")
    _upload(page, tmp_path, "changchun", "changchun.xlsx",
            workbook(data(years=(2020, 2021), materials=("paper", "glass"))))
    page.wait_for_url("**/diagnosis/changchun/")
    assert "Imported changchun.xlsx" in page.locator(".messages").inner_text()
    # The Sankey is drawn by Plotly: an SVG with one path per link.
    page.wait_for_selector("#sankey[data-ready]")
    assert page.locator("#sankey svg.main-svg").count() >= 1
    assert page.locator("#sankey .sankey-link").count() == 16
    assert page.locator("#radar svg.main-svg").count() >= 1
    cards = page.locator("[data-testid=indicator-cards] .card")
    assert cards.count() >= 5
    assert MetabolismFlow.objects.filter(city=city).count() == 32
    # Pick one material: the diagram is redrawn with its flows only.
    page.select_option("[data-testid=pick-material]", "glass")
    page.wait_for_function("document.querySelectorAll('#sankey .sankey-link').length === 8")
    assert "material=glass" in page.url
    # The same file again changes nothing, and says so.
    _upload(page, tmp_path, "changchun", "changchun.xlsx",
            workbook(data(years=(2020, 2021), materials=("paper", "glass"))))
    assert "nothing changed" in page.locator(".messages").inner_text()


def test_broken_workbook_shows_its_errors(page, tmp_path):
    city = City.objects.get(slug="changchun")
    _user("chn2", "city", [city])
    sign_in(page, "chn2", "pw-chn2")
    _upload(page, tmp_path, "changchun", "broken.xlsx", junk_workbook())
    box = page.locator("[data-testid=import-errors]")
    assert "nothing was imported" in box.inner_text()
    rows = [r.inner_text().split("\t") for r in page.locator("[data-testid=import-error]").all()]
    # The column cell shows the spreadsheet's letter before the header name.
    assert ["flows", "2", "F value", "Expected a number, got 'lots'."] in rows
    assert any(r[:3] == ["stocks", "3", "C layer"] for r in rows)
    assert not MetabolismFlow.objects.filter(city=city).exists()


def test_demo_dashboard_in_chinese(page):
    page.goto(page.base + "/zh-hans/diagnosis/beijing/")
    page.wait_for_selector("#sankey[data-ready]")
    assert page.locator("#radar svg.main-svg").count() >= 1
    assert page.locator("[data-testid=benchmark] tbody tr").count() >= 3
