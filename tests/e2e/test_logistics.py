"""Collection logistics in a browser: upload a scenario, run it, see routes and the comparison."""

from circularcities.coalition.models import City
from circularcities.core import routing
from circularcities.logistics import models as m
from tests.conftest import _user
from tests.e2e.conftest import sign_in
from tests.logistics.conftest import two_towns


def test_upload_run_and_see_routes_and_comparison(page, tmp_path):
    city = City.objects.get(slug="amsterdam")
    _user("planner", "city", [city])
    path = tmp_path / "two-towns.xlsx"
    routing.write_scenario(path, two_towns())
    sign_in(page, "planner", "pw-planner")
    page.goto(page.base + "/logistics/")
    form = page.locator("[data-testid=upload-form]")
    form.locator("select[name=city]").select_option(str(city.pk))
    form.locator("input[name=name]").fill("Two towns (browser)")
    form.locator("input[type=file]").set_input_files(str(path))
    form.locator("button[type=submit]").click()
    page.wait_for_selector("[data-testid=scenario-title]")
    assert page.locator("[data-testid=n-points]").inner_text() == "6"
    page.wait_for_selector("#lmap[data-ready='6']")
    assert page.locator("#lmap path.leaflet-interactive").count() >= 6  # the points

    run_form = page.locator("[data-testid=run-form]")
    run_form.locator("input[name=seconds]").fill("0.3")
    run_form.locator("[data-testid=run-submit]").click()
    page.wait_for_selector("[data-testid=comparison]")
    assert page.locator("[data-testid=run-status]").get_attribute("data-status") == "done"
    table = page.locator("[data-testid=comparison]").inner_text()
    assert "Each alone" in table and "Together" in table and "EUR" in table
    assert "cheaper than" in page.locator("[data-testid=summary]").inner_text()
    page.wait_for_selector("#rmap[data-routes]")
    n_routes = int(page.locator("#rmap").get_attribute("data-routes"))
    assert n_routes >= 1
    assert page.locator("#rmap path.route-line").count() == n_routes
    # The other plan's routes replace the first's.
    page.select_option("[data-testid=plan-select]", "1")
    assert page.locator("#rmap path.route-line").count() == int(
        page.locator("#rmap").get_attribute("data-routes"))
    run = m.Run.objects.get(scenario__name="Two towns (browser)")
    assert run.status == "done"


def test_a_check_failure_is_shown_and_nothing_runs(page):
    city = City.objects.get(slug="amsterdam")
    _user("planner2", "city", [city])
    scenario = m.Scenario.objects.create(city=city, name="Heavy")
    from circularcities.logistics.convert import save_core

    save_core(scenario, two_towns())
    scenario.points.filter(code="N0").update(quantity_t=9)
    sign_in(page, "planner2", "pw-planner2")
    page.goto(page.base + f"/logistics/{scenario.pk}/")
    page.locator("[data-testid=run-form] input[name=seconds]").fill("0.3")
    page.click("[data-testid=run-submit]")
    page.wait_for_selector("[data-testid=problems]")
    assert "more than the largest vehicle carries" in page.locator("[data-testid=problems]").inner_text()
    assert not scenario.runs.exists()


def test_place_a_point_by_clicking_the_map(page):
    city = City.objects.get(slug="amsterdam")
    _user("planner3", "city", [city])
    scenario = m.Scenario.objects.create(city=city, name="Clicked")
    from circularcities.logistics.convert import save_core

    save_core(scenario, two_towns())
    sign_in(page, "planner3", "pw-planner3")
    page.goto(page.base + f"/logistics/{scenario.pk}/")
    page.wait_for_selector("#lmap[data-ready='6']")
    page.locator("#lmap").click(position={"x": 200, "y": 200})
    lat = float(page.input_value("#id_lat"))
    lon = float(page.input_value("#id_lon"))
    assert 52.0 < lat < 53.0 and 4.5 < lon < 5.5
    form = page.locator("[data-testid=place-form]")
    form.locator("#id_code").fill("CLICK1")
    form.locator("#id_municipality").fill("North")
    form.locator("#id_quantity_t").fill("0.25")
    form.locator("button[type=submit]").click()
    page.wait_for_selector("#lmap[data-ready='7']")
    p = scenario.points.get(code="CLICK1")
    assert abs(p.lat - lat) < 1e-5 and abs(p.lon - lon) < 1e-5 and p.quantity_t == 0.25
