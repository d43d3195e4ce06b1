"""Repair, reuse and lending in the browser: an organiser logs a repair event; a
refurbishment centre moves an item from intake to donation; a resident borrows and
returns a tool."""

from __future__ import annotations

from circularcities.coalition.models import Partner
from circularcities.reuse.models import CentreItem, Loan, Place, Repair
from tests.conftest import _user
from tests.e2e.conftest import sign_in


def test_organiser_logs_a_repair_event(page):
    cafe = Place.objects.get(slug="genoa-repair-cafe")
    organiser = _user("cafe-volunteer", "public")
    cafe.organisers.add(organiser)
    sign_in(page, "cafe-volunteer", "pw-cafe-volunteer")
    page.goto(page.base + "/reuse/places/genoa-repair-cafe/")
    form = page.locator("[data-testid=event-form]")
    form.locator("#id_group_identifier").fill("Genoa Repair Café")
    form.locator("button[type=submit]").click()
    page.wait_for_selector("[data-testid=repair-form]")
    for category, status in (("Toaster", "Fixed"), ("Vacuum", "End of life")):
        form = page.locator("[data-testid=repair-form]")
        form.locator("#id_product_category").select_option(category)
        form.locator("#id_repair_status").select_option(status)
        if status == "End of life":
            form.locator("#id_repair_barrier_if_end_of_life").select_option("Spare parts not available")
        form.locator("#id_brand").fill("Acme")
        form.locator("button[type=submit]").click()
        page.wait_for_selector(f"[data-testid=repairs] >> text={category}")
    assert page.locator("[data-testid=s-records]").inner_text() == "2"
    assert page.locator("[data-testid=s-fix-rate]").inner_text().strip() == "50 %"
    assert page.locator("[data-testid=s-kg]").inner_text().startswith("1.0")  # one toaster, 1.04 kg
    assert sorted(Repair.objects.filter(place=cafe).values_list("repair_status", flat=True)) == \
        ["End of life", "Fixed"]


def test_centre_moves_an_item_from_intake_to_donation(page):
    staff = _user("crc-e2e", "partner", organisation=Partner.objects.get(slug="prodabel"))
    assert staff.pk
    sign_in(page, "crc-e2e", "pw-crc-e2e")
    page.goto(page.base + "/reuse/places/belo-horizonte-crc/centre/")
    before = int(page.locator("[data-testid=stock-items]").inner_text())
    form = page.locator("[data-testid=intake-form]")
    form.locator("#id_reference").fill("E2E-1")
    form.locator("#id_donor").fill("Escola Municipal")
    form.locator("#id_category").fill("CPU")
    form.locator("#id_mass_kg").fill("8.5")
    form.locator("button[type=submit]").click()
    page.wait_for_selector("[data-testid=item-state][data-state=intake]")
    steps = [("assess", {"#id_decision": "refurbish"}), ("refurbish", {}),
             ("donate", {"#id_recipient": "Digital inclusion site 12"})]
    for action, fields in steps:
        form = page.locator("[data-testid=step-form]")
        form.locator("#id_action").select_option(action)
        for sel, value in fields.items():
            if sel == "#id_decision":
                form.locator(sel).select_option(value)
            else:
                form.locator(sel).fill(value)
        form.locator("button[type=submit]").click()
        page.wait_for_selector(f"[data-testid=steps] [data-action={action}]")
    assert page.locator("[data-testid=item-state]").get_attribute("data-state") == "donated"
    assert page.locator("[data-testid=item-recipient]").inner_text() == "Digital inclusion site 12"
    item = CentreItem.objects.get(reference="E2E-1")
    assert set(item.steps.values_list("actor", flat=True)) == {"crc-e2e"}
    page.goto(page.base + "/reuse/places/belo-horizonte-crc/centre/")
    assert int(page.locator("[data-testid=stock-items]").inner_text()) == before


def test_resident_borrows_and_returns_a_tool(page):
    _user("neighbour", "public")
    sign_in(page, "neighbour", "pw-neighbour")
    page.goto(page.base + "/reuse/places/share-peterborough/library/")
    row = page.locator("tr[data-item=SP-002]")
    assert "available" in row.inner_text()
    loans_before = int(page.locator("[data-testid=i-loans]").inner_text())
    row.locator("[data-testid=borrow-form] button").click()
    page.wait_for_selector("tr[data-item=SP-002] [data-testid=return-form]")
    assert int(page.locator("[data-testid=i-loans]").inner_text()) == loans_before + 1
    row = page.locator("tr[data-item=SP-002]")
    row.locator("select[name=condition_in]").select_option("fair")
    row.locator("[data-testid=return-form] button").click()
    page.wait_for_selector("tr[data-item=SP-002] [data-testid=borrow-form]")
    loan = Loan.objects.filter(borrower__username="neighbour").get()
    assert loan.returned_on is not None and loan.condition_in == "fair"
    assert "never counted as waste diverted" in page.locator("[data-testid=assumption]").inner_text()
