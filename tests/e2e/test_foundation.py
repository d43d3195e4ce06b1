"""Key journeys of the platform foundation, in a real browser."""

from circularcities.coalition.models import City, ThematicArea
from tests.conftest import _user
from tests.e2e.conftest import sign_in


def test_switch_language_and_back(page):
    page.goto(page.base + "/cases/")
    assert page.locator("html").get_attribute("lang") == "en"
    page.click("[data-testid=lang-zh]")
    page.wait_for_url("**/zh-hans/cases/")
    assert page.locator("html").get_attribute("lang") == "zh-Hans"
    assert page.locator("nav.mainnav a", has_text="案例").count() == 1  # in the Coalition group (联盟)
    assert "联盟" in page.locator("nav.mainnav").inner_text()
    page.click("[data-testid=lang-en]")
    page.wait_for_url(lambda url: "/zh-hans/" not in url)
    assert page.locator("html").get_attribute("lang") == "en"


def test_search_a_case_in_chinese_and_open_it(page):
    page.goto(page.base + "/zh-hans/cases/")
    page.fill("[data-testid=case-search]", "食物垃圾")
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('[data-testid=result-count]').textContent.includes('食物垃圾')")
    first = page.locator("[data-testid=hit] h3 a").first
    title = first.inner_text()
    first.click()
    page.wait_for_selector("[data-testid=case-title]")
    assert page.locator("[data-testid=case-title]").inner_text() == title
    assert "山口" in page.content()


def test_city_editor_sets_focal_areas_and_is_refused_a_fourth(page):
    city = City.objects.get(slug="amsterdam")
    city.focal_areas.all().delete()
    _user("ams", "city", [city])
    sign_in(page, "ams", "pw-ams")
    page.goto(page.base + f"/cities/{city.slug}/")
    page.click("[data-testid=edit-focal]")
    boxes = page.locator("[data-testid=focal-form] input[type=checkbox]")
    for i in range(3):
        boxes.nth(i).check()
    page.click("[data-testid=focal-form] button[type=submit]")
    page.wait_for_url(f"**/cities/{city.slug}/")
    names = [a.name_en for a in ThematicArea.objects.order_by("order")[:3]]
    shown = page.locator("[data-testid=focal-areas]").inner_text()
    assert all(n in shown for n in names), shown
    # A fourth: the form says why and nothing changes.
    page.click("[data-testid=edit-focal]")
    page.locator("[data-testid=focal-form] input[type=checkbox]").nth(3).check()
    page.click("[data-testid=focal-form] button[type=submit]")
    assert "at most three focal areas" in page.locator("[data-testid=form-errors]").inner_text()
    assert city.focal_areas.count() == 3


def test_outsider_is_refused_an_edit(page):
    other = City.objects.get(slug="changchun")
    _user("outsider", "city", [other])
    sign_in(page, "outsider", "pw-outsider")
    resp = page.goto(page.base + "/cities/amsterdam/focal-areas/")
    assert resp.status == 403
    assert "Only the editors of" in page.locator("[data-testid=forbidden]").inner_text()
    page.goto(page.base + "/cities/amsterdam/")
    assert page.locator("[data-testid=edit-focal]").count() == 0


def test_home_map_shows_member_cities(page):
    page.goto(page.base + "/")
    page.wait_for_selector("#citymap[data-ready]")
    n = int(page.locator("#citymap").get_attribute("data-ready"))
    assert n >= 6
    assert page.locator(".leaflet-interactive").count() >= 6
    # Country outlines come from the platform's own static files: no tile server needed.
    page.wait_for_selector("#citymap[data-basemap=countries]")
    assert page.locator(".leaflet-basemap-pane path").count() > 100
