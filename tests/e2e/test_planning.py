"""A city editor plans in the browser: a target, a measure serving it, progress logged, the status changes."""

from circularcities.coalition.models import City, Partner
from circularcities.planning.models import Programme, Project
from tests.conftest import _user
from tests.e2e.conftest import sign_in


def test_editor_creates_target_and_measure_logs_progress_and_sees_status_change(page):
    city = City.objects.get(slug="amsterdam")
    org = Partner.objects.create(slug="e2e-repair", name_en="E2E Repair", kind="business")
    programme = Programme.objects.create(slug="e2e-fund", city=city, name_en="E2E circular fund")
    Project.objects.create(programme=programme, code="e2e-repair-hub", title_en="Repair hub", organisation=org)
    _user("planner", "city", [city])
    sign_in(page, "planner", "pw-planner")

    # A quarterly target on the programme: 400 items refurbished a year by 2026 from 200 in 2023.
    page.goto(page.base + "/plans/amsterdam/")
    page.click("[data-testid=add-target]")
    form = page.locator("[data-testid=target-form]")
    form.locator("#id_title_en").fill("Refurbish 400 items a year")
    form.locator("#id_programme").select_option(label="E2E circular fund")
    form.locator("#id_programme_indicator").select_option("items_refurbished")
    form.locator("#id_baseline_year").fill("2023")
    form.locator("#id_baseline_value").fill("200")
    form.locator("#id_target_year").fill("2026")
    form.locator("#id_target_value").fill("400")
    form.locator("button[type=submit]").click()
    page.wait_for_selector("[data-testid=status]")
    assert page.locator("[data-testid=status]").first.get_attribute("data-status") == "no_data"
    target_url = page.url

    # A measure serving it.
    page.goto(page.base + "/plans/amsterdam/")
    page.click("[data-testid=add-measure]")
    form = page.locator("[data-testid=measure-form]")
    form.locator("#id_title_en").fill("Open a second repair hub")
    form.locator("#id_status").select_option("started")
    form.locator("#id_budget").fill("50000")
    form.locator("#id_currency").fill("EUR")
    form.get_by_label("Refurbish 400 items a year").check()
    form.locator("button[type=submit]").click()
    page.wait_for_selector("[data-testid=chain]")
    assert "Refurbish 400 items a year" in page.locator("[data-testid=chain]").inner_text()

    # Log a weak quarter: 40 items in 2024-Q1 is 160 a year, off track.
    page.goto(page.base + "/plans/projects/e2e-repair-hub/")
    form = page.locator("[data-testid=progress-form]")
    form.locator("#id_quarter").fill("2024-Q1")
    form.locator("#id_indicator").select_option("items_refurbished")
    form.locator("#id_value").fill("40")
    form.locator("button[type=submit]").click()
    page.wait_for_selector("[data-testid=entries] >> text=2024-Q1")
    page.goto(target_url)
    assert page.locator("[data-testid=status]").first.get_attribute("data-status") == "off_track"

    # A strong second quarter: 40 + 90 in half a year is 260 a year, ahead of the trajectory (~217).
    page.goto(page.base + "/plans/projects/e2e-repair-hub/")
    form = page.locator("[data-testid=progress-form]")
    form.locator("#id_quarter").fill("2024-Q2")
    form.locator("#id_indicator").select_option("items_refurbished")
    form.locator("#id_value").fill("90")
    form.locator("button[type=submit]").click()
    page.wait_for_selector("[data-testid=entries] >> text=2024-Q2")
    page.goto(target_url)
    assert page.locator("[data-testid=status]").first.get_attribute("data-status") == "on_track"

    # The chain page of the measure shows the new status too.
    page.goto(page.base + "/plans/amsterdam/")
    page.click("text=Open a second repair hub")
    chain = page.locator("[data-testid=chain]")
    assert chain.locator("[data-testid=status]").first.get_attribute("data-status") == "on_track"


def test_outsider_cannot_open_the_target_form(page):
    _user("outsider", "city", [City.objects.get(slug="changchun")])
    sign_in(page, "outsider", "pw-outsider")
    resp = page.goto(page.base + "/plans/amsterdam/targets/new/")
    assert resp.status == 403
    assert "Only the editors of Amsterdam" in page.content()


def test_editor_creates_programme_and_project_and_the_owner_edits_its_description(page):
    city = City.objects.get(slug="amsterdam")
    org = Partner.objects.create(slug="e2e-makers", name_en="E2E Makers", kind="business")
    _user("planner2", "city", [city])
    sign_in(page, "planner2", "pw-planner2")
    page.goto(page.base + "/plans/amsterdam/")
    page.click("[data-testid=add-programme]")
    form = page.locator("[data-testid=programme-form]")
    form.locator("#id_slug").fill("e2e-makers-fund")
    form.locator("#id_name_en").fill("Makers fund")
    form.locator("#id_budget").fill("100000")
    form.locator("#id_currency").fill("EUR")
    form.get_by_label("Items refurbished (items)").check()
    form.locator("#id_goals").fill("items_refurbished 2025: 500")
    form.locator("button[type=submit]").click()
    page.wait_for_selector("[data-testid=goals]")
    assert "500" in page.locator("[data-testid=goals]").inner_text()

    page.click("[data-testid=add-project]")
    form = page.locator("[data-testid=project-form]")
    form.locator("#id_code").fill("e2e-makers-hub")
    form.locator("#id_title_en").fill("Makers hub")
    form.locator("#id_organisation").select_option(label="E2E Makers")
    form.locator("button[type=submit]").click()
    page.wait_for_selector("[data-testid=edit-project]")
    assert Project.objects.get(code="e2e-makers-hub").organisation == org

    # Someone of the owner organisation may edit the description only.
    _user("maker", "business", organisation=org)
    page.context.clear_cookies()
    sign_in(page, "maker", "pw-maker")
    page.goto(page.base + "/plans/projects/e2e-makers-hub/")
    page.click("[data-testid=edit-project]")
    form = page.locator("[data-testid=project-form]")
    assert form.locator("#id_organisation").count() == 0
    form.locator("#id_description_en").fill("We repair washing machines.")
    form.locator("button[type=submit]").click()
    page.wait_for_selector("[data-testid=project-description]")
    assert "washing machines" in page.locator("[data-testid=project-description]").inner_text()
