"""Marketplace journey in a browser: list an offer, see a suggested partner,
propose a deal, the receiver counters, the giver accepts, the metrics change."""

from decimal import Decimal

from circularcities.coalition.models import City, Partner
from circularcities.marketplace.models import Exchange, Listing
from circularcities.marketplace.services import save_listing
from tests.conftest import _user
from tests.e2e.conftest import sign_in


def _setup():
    ams = City.objects.get(slug="amsterdam")
    a = Partner.objects.create(slug="e2e-a", name_en="E2E Demolition", kind="business", city=ams,
                               lat=52.3676, lon=4.9041)
    b = Partner.objects.create(slug="e2e-b", name_en="E2E Road Builder", kind="business", city=ams,
                               lat=52.40, lon=4.95)
    seller = _user("e2e-seller", "business", organisation=a)
    buyer = _user("e2e-buyer", "business", organisation=b)
    buyer.email = ""  # one side without e-mail: the inbox alone must tell it
    buyer.save()
    save_listing(buyer, {"kind": "want", "title_en": "Aggregate for a cycle path", "material": "17 01 07",
                         "quantity": Decimal("6"), "unit": "t", "use_organisation_location": True,
                         "currency": "EUR", "avoided_cost_per_t": Decimal("15")})
    return seller


def test_list_offer_get_suggestion_record_exchange_metrics_change(page):
    _setup()
    page.goto(page.base + "/marketplace/metrics/?city=amsterdam")
    assert page.locator("[data-testid=m-exchanges]").inner_text().strip() == "0"

    sign_in(page, "e2e-seller", "pw-e2e-seller")
    page.goto(page.base + "/marketplace/listings/new/?kind=offer")
    page.wait_for_selector("#pick-map[data-ready]")
    page.fill("#id_title_en", "Crushed concrete from a school demolition")
    page.fill("#id_material", "17 01 01")
    page.fill("#id_quantity", "10")
    page.select_option("#id_currency", "EUR")
    page.fill("#id_avoided_cost_per_t", "20")
    page.select_option("#id_route", "recycling")
    assert page.is_checked("#id_use_organisation_location")
    page.click("[data-testid=listing-submit]")
    page.wait_for_selector("[data-testid=listing-title]")
    assert "Crushed concrete from a school demolition" in page.inner_text("[data-testid=listing-title]")

    suggestion = page.locator("[data-testid=suggestion]").first
    text = suggestion.inner_text()
    assert "Aggregate for a cycle path" in text and "E2E Road Builder" in text
    assert "6 t" in text and "km apart" in text and "kg" in text and "EUR" in text

    # The proposal form is prefilled from the best suggestion: 6 t to that want.
    assert page.input_value("#id_quantity_t") in ("6.0", "6", "6.000", "6.000000")
    page.fill("#id_text", "We can deliver on Monday")
    page.click("[data-testid=proposal-submit]")
    page.wait_for_selector("[data-testid=deal-status]")
    assert "Waiting for the other organisation" in page.inner_text("[data-testid=deal-turn]")
    offer = Listing.objects.get(translations__title="Crushed concrete from a school demolition")
    assert Exchange.objects.filter(offer=offer).count() == 0  # nothing counts before the receiver agrees

    # The receiver is told, sees the proposal in its inbox and counters with 5 t.
    sign_in(page, "e2e-buyer", "pw-e2e-buyer")
    assert page.inner_text("[data-testid=inbox]").strip().endswith("1")
    page.click("[data-testid=inbox]")
    page.click("[data-testid=inbox-list] button")
    page.wait_for_selector("[data-testid=deal-accept]")
    assert "We can deliver on Monday" in page.inner_text("[data-testid=deal-thread]")
    page.fill("[data-testid=counter-form] #id_quantity_t", "5")
    page.fill("[data-testid=counter-form] #id_text", "Five is enough for the first phase")
    page.click("[data-testid=deal-counter]")
    page.wait_for_selector("[data-testid=deal-status]")
    assert "5 t" in page.inner_text("[data-testid=deal-quantity]")

    # The giver sees the counter-offer in its inbox and accepts it: now it is an exchange.
    sign_in(page, "e2e-seller", "pw-e2e-seller")
    page.click("[data-testid=inbox]")
    assert "counter-offer" in page.inner_text("[data-testid=inbox-list]")
    page.click("[data-testid=inbox-list] button")
    page.click("[data-testid=deal-accept]")
    page.wait_for_selector("[data-testid=deal-exchange]")
    assert "accepted" in page.inner_text("[data-testid=deal-status]")
    page.click("[data-testid=deal-exchange]")
    page.wait_for_selector("[data-testid=exchange-title]")
    assert "5 t" in page.inner_text("[data-testid=exchange-quantity]")
    assert "kg CO2e" in page.inner_text("[data-testid=exchange-co2e]")
    assert "DESNZ/DEFRA" in page.inner_text("[data-testid=factors]")

    offer.refresh_from_db()
    assert offer.remaining_t == Decimal("5") and Exchange.objects.filter(offer=offer).count() == 1

    page.goto(page.base + "/marketplace/metrics/?city=amsterdam")
    assert page.locator("[data-testid=m-exchanges]").inner_text().strip() == "1"
    assert page.locator("[data-testid=m-tonnes]").inner_text().strip() == "5 t"
    page.wait_for_selector("#chart-exchanges[data-ready]")


def test_park_page_draws_sankey_and_shows_both_heat_figures(page):
    page.goto(page.base + "/marketplace/parks/beijing-chaoyang/")
    page.wait_for_selector("#park-sankey[data-ready]")
    assert page.locator("[data-testid=sources-disagree]").count() == 1
    body = page.inner_text("[data-testid=flows]")
    assert "233,000,000 CNY" in body and "2,330,000 CNY" in body


def _node_labels(page, sid):
    return page.eval_on_selector_all(f"#{sid} .node-label", "els => els.map(e => e.textContent.trim())")


def test_park_sankey_on_a_phone_numbers_its_nodes_and_the_table_names_them(page):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(page.base + "/ja/marketplace/parks/beijing-chaoyang/")
    page.wait_for_selector("#park-sankey[data-ready]")
    drawn = _node_labels(page, "park-sankey")
    names = page.locator("[data-testid=park-sankey-nodes] tbody td.key").all_inner_texts()
    assert len(drawn) >= 5 and len(names) >= len(drawn)
    # The chart carries numbers only (no amounts here: the park reports none); each card of
    # the table starts with its number, then the name.
    numbers = [int(t) for t in drawn]
    assert len(set(numbers)) == len(numbers) and all(1 <= k <= len(names) for k in numbers)
    assert [n.split("\n")[0].lstrip("0123456789").strip() != "" for n in names] == [True] * len(names)
    assert [n[:len(str(i))] for i, n in enumerate(names, start=1)] == [str(i) for i in range(1, len(names) + 1)]
    assert page.locator(".sankey-figure .phone-only").first.is_visible()
    assert _no_horizontal_overflow(page)
    page.set_viewport_size({"width": 1366, "height": 900})
    page.reload()
    page.wait_for_selector("#park-sankey[data-ready]")
    assert not page.locator(".sankey-figure .phone-only").first.is_visible()
    assert not page.locator("[data-testid=park-sankey-nodes] .node-no").first.is_visible()
    assert all(not t[:1].isdigit() for t in _node_labels(page, "park-sankey"))  # names, not numbers


def test_search_map_in_chinese(page):
    page.goto(page.base + "/zh-hans/marketplace/?kind=offer")
    page.wait_for_selector("#listing-map[data-ready]")
    assert page.locator("html").get_attribute("lang") == "zh-Hans"


def test_edit_listing_in_the_browser_saves(page):
    seller = _setup()
    offer = save_listing(seller, {"kind": "offer", "title_en": "Bricks", "material": "17 01 02",
                                  "quantity": Decimal("5"), "unit": "t", "use_organisation_location": True})
    sign_in(page, "e2e-seller", "pw-e2e-seller")
    page.goto(page.base + f"/marketplace/listings/{offer.pk}/edit/")
    page.fill("#id_quantity", "7")
    page.click("[data-testid=listing-submit]")
    page.wait_for_selector("[data-testid=listing-title]")
    offer.refresh_from_db()
    assert offer.quantity == Decimal("7")


def _no_horizontal_overflow(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_metrics_and_method_fit_a_phone_in_chinese(page):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(page.base + "/zh-hans/marketplace/metrics/")
    page.wait_for_selector("#chart-exchanges[data-ready]")
    assert _no_horizontal_overflow(page)
    width = page.evaluate("document.getElementById('chart-exchanges')._fullLayout.width")
    assert width <= 390
    ticks = page.locator("#chart-exchanges .xtick").count()
    assert 0 < ticks <= 6
    page.goto(page.base + "/zh-hans/marketplace/method/")
    assert page.locator("[data-testid=method-text][lang=zh-hans]").is_visible()
    assert _no_horizontal_overflow(page)


def test_exchanges_chart_has_whole_number_ticks(page):
    page.goto(page.base + "/marketplace/metrics/")
    page.wait_for_selector("#chart-exchanges[data-ready]")
    labels = page.evaluate("Array.from(document.querySelectorAll('#chart-exchanges .ytick text'))"
                           ".map(function (t) { return t.textContent; })")
    assert labels and all("." not in t for t in labels), labels


def test_material_and_place_pickers(page):
    _setup()
    sign_in(page, "e2e-seller", "pw-e2e-seller")
    page.goto(page.base + "/marketplace/listings/new/?kind=offer")
    page.wait_for_selector("#pick-map[data-ready]")
    page.fill("#id_title_en", "Concrete rubble")
    page.locator("#id_material").press_sequentially("concrete", delay=20)
    page.wait_for_selector("[data-testid=material-options][data-ready]")
    assert page.get_attribute("#id_material", "aria-expanded") == "true"
    page.locator("[data-testid=material-options] li", has_text="17 01 01").first.click()
    assert page.input_value("#id_material") == "17 01 01"
    assert "Concrete" in page.inner_text("[data-testid=material-chosen]")
    page.fill("#id_quantity", "800")
    page.select_option("#id_unit", "kg")
    page.locator("#place-search").press_sequentially("Amsterdam", delay=20)
    page.wait_for_selector("[data-testid=place-options][data-ready]")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    assert page.input_value("#id_lat").startswith("52.3")
    assert not page.is_checked("#id_use_organisation_location")
    page.click("[data-testid=listing-submit]")
    page.wait_for_selector("[data-testid=listing-title]")
    made = Listing.objects.get(translations__title="Concrete rubble")
    assert made.waste_code_id == "170101" and made.quantity_t == Decimal("0.8") and abs(made.lat - 52.37) < 0.1


def test_listings_are_cards_on_a_phone_and_grouped_on_the_world_map(page):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(page.base + "/zh-hans/marketplace/?kind=offer")
    page.wait_for_selector("#listing-map[data-ready]")
    assert _no_horizontal_overflow(page)
    first = page.locator("[data-testid=listing-row] td.key").first
    box = first.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
    # Whole-world view: listings of one place are one circle with their count written on it.
    counts = page.locator(".map-count")
    assert counts.count() >= 2 and sum(int(t) for t in counts.all_inner_texts()) == page.locator(
        "[data-testid=listing-row]").count()
