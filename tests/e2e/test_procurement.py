"""A procurement officer in the browser: builds the Copenhagen comparison and sees the
reused bricks chosen with the saving; scores three carpet bids against the San Francisco
requirement set and awards the best."""

import re

from circularcities.coalition.models import City
from tests.conftest import _user
from tests.e2e.conftest import sign_in


def test_officer_compares_bricks_and_scores_carpet_bids(page):
    _user("buyer", "city", [City.objects.get(slug="copenhagen"), City.objects.get(slug="san-francisco")])
    sign_in(page, "buyer", "pw-buyer")

    # The Copenhagen comparison: new bricks (reference) against reused bricks.
    page.goto(page.base + "/procurement/")
    form = page.locator("[data-testid=project-form]")
    form.locator("#id_city").select_option(label="Copenhagen")
    form.locator("#id_slug").fill("e2e-katrinedals")
    form.locator("#id_name").fill("Katrinedals School outer wall (e2e)")
    form.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"/procurement/comparisons/e2e-katrinedals/$"))
    form = page.locator("[data-testid=reused-form]")
    # Names are written per language (English required): item_en, new_name_en, reused_name_en.
    for field, value in [("item_en", "Outer wall bricks"), ("quantity_t", "300"), ("new_name_en", "New clay bricks"),
                         ("new_factor", "241.79306"), ("new_source", "DESNZ/DEFRA 2025, bricks"),
                         ("reused_name_en", "Reused bricks"), ("recovery", "2.21"), ("cleaning", "10"),
                         ("transport_km", "10"), ("transport_factor", "0.1"), ("reuse_source", "estimates")]:
        form.locator(f"#id_{field}").fill(value)
    form.locator("button[type=submit]").click()
    chosen = page.locator("[data-testid=chosen]")
    chosen.wait_for()
    assert "Reused bricks" in chosen.inner_text()
    # 300 t x 241.79306 - 300 t x (2.21 + 10) - 3,000 t·km x 0.1 = 68,575 kg CO2e
    assert "68,575" in chosen.inner_text()
    assert "68.6 t CO2e" in page.locator("[data-testid=total-saving]").inner_text()
    assert page.locator("svg text").first.is_visible()
    page.screenshot(path="/tmp/e2e-procurement-comparison.png", full_page=True)

    # A carpet tender against the San Francisco requirement set, three bids entered by hand.
    page.goto(page.base + "/procurement/")
    form = page.locator("[data-testid=tender-form]")
    form.locator("#id_city").select_option(label="San Francisco")
    form.locator("#id_slug").fill("e2e-carpets")
    form.locator("#id_title").fill("Carpet tiles (e2e)")
    form.locator("#id_year").fill("2024")
    form.locator("#id_currency").fill("USD")
    form.locator("#id_requirement_set").select_option(label="San Francisco carpet requirements")
    form.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"/procurement/tenders/e2e-carpets/$"))
    for maker, price, lcc, carbon, circ in [("A", "40000", "52000", "9500", "8"), ("B", "46000", "55000", "8200", "9"),
                                            ("C", "38000", "50500", "10400", "7")]:
        form = page.locator("[data-testid=bid-form]")
        form.locator("#id_bidder_name").fill(f"Maker {maker}")
        form.locator("#id_product").select_option(label=f"Modular carpet tile (Carpet maker {maker} (demo))")
        form.locator("#id_price").fill(price)
        form.locator("#id_life_cycle_cost").fill(lcc)
        form.locator("#id_life_cycle_carbon").fill(carbon)
        form.locator("#id_circularity").fill(circ)
        form.locator("button[type=submit]").click()
        page.wait_for_url(re.compile(r"/procurement/tenders/e2e-carpets/$"))
    rows = page.locator("[data-testid=bid-row]")
    assert rows.count() == 3
    assert "lowest bid / bid × 40 points" in page.locator("[data-testid=criteria]").inner_text()
    assert page.locator("[data-testid=scorecard]").inner_text().count("meets the requirements") == 3
    # Hand-computed totals: A 38 + 19.42 + 17.26 + 16 = 90.69; C 40 + 20 + 15.77 + 14 = 89.77;
    # B 33.04 + 18.36 + 20 + 18 = 89.41.
    first = rows.first.inner_text()
    assert first.startswith("1") and "Maker A" in first and "90.7" in first
    winner = "Maker A"
    page.screenshot(path="/tmp/e2e-procurement-scorecard.png", full_page=True)
    form = page.locator("[data-testid=award-form]")
    form.locator("#id_bid").select_option(label=winner)
    form.locator("#id_justification").fill("Highest score; meets every requirement.")
    form.locator("button[type=submit]").click()
    award = page.locator("[data-testid=award]")
    award.wait_for()
    assert winner in award.inner_text()
