"""A city editor imports a building from the Excel template, reads its score, turns
its reusable components into marketplace offers and sees a suggested partner."""

from __future__ import annotations

import datetime as dt

from circularcities.coalition.models import City, Partner
from circularcities.marketplace.services import save_listing
from tests.conftest import _user
from tests.e2e.conftest import sign_in


def _template_with_dates() -> bytes:
    from circularcities.buildings.imports import template_xlsx

    return template_xlsx()  # its examples end their use 9 years ahead, within a 15-year horizon


def test_import_score_offer_and_suggested_partner(page, tmp_path):
    city = City.objects.get(slug="amsterdam")
    works = Partner.objects.create(slug="e2e-city-works", name_en="Amsterdam city works",
                                   kind="business", city=city, lat=52.37, lon=4.89)
    _user("bank-editor", "city", [city], organisation=works)
    reuser = Partner.objects.create(slug="e2e-timber-reuser", name_en="Timber Reuse Co",
                                    kind="business", city=city, lat=52.36, lon=4.92)
    buyer = _user("timber-buyer", "business", organisation=reuser)
    save_listing(buyer, {"kind": "want", "title_en": "Reclaimed timber wanted", "material": "170201",
                         "quantity": "50", "unit": "t", "lat": 52.36, "lon": 4.92})
    sign_in(page, "bank-editor", "pw-bank-editor")

    # Register the building.
    page.goto(page.base + "/buildings/")
    page.click("[data-testid=register-amsterdam]")
    form = page.locator("[data-testid=building-form]")
    form.locator("#id_name").fill("E2E depot")
    form.locator("#id_lat").fill("52.37")
    form.locator("#id_lon").fill("4.89")
    form.locator("#id_planned_end_of_use").fill(f"{dt.date.today().year + 9}-06-30")
    form.locator("button[type=submit]").click()
    page.wait_for_selector("[data-testid=building-name]")

    # Import its components from the platform's template.
    page.click("[data-testid=import-link]")
    path = tmp_path / "components.xlsx"
    path.write_bytes(_template_with_dates())
    page.set_input_files("[data-testid=import-form] input[type=file]", str(path))
    page.click("[data-testid=import-form] button[type=submit]")
    page.wait_for_selector("[data-testid=score]")

    # Read its score, with the intermediates.
    score = page.locator("[data-testid=building-mci]").inner_text()
    assert 0 < float(score) <= 1
    assert "Virgin feedstock V" in page.locator("[data-testid=score]").inner_text()
    assert page.locator("[data-testid=components] tr[data-ref=C-001]").count() == 1

    # Offer the reusable components and follow an offer to its suggested partner.
    page.fill("[data-testid=offer-form] #id_horizon_years", "15")
    page.click("[data-testid=offer-submit]")
    page.wait_for_selector("[data-testid=new-offers]")
    page.locator("[data-testid=new-offers] a", has_text="cross-laminated timber").click()
    page.wait_for_selector("[data-testid=suggestions]")
    assert "Timber Reuse Co" in page.locator("[data-testid=suggestions]").inner_text()
