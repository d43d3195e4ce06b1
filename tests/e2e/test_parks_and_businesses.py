"""Browser journeys: a park manager adds a facility and an exchange and sees the park's
Sankey change; a business fills its circularity self-assessment and sees its score."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import sign_in

pytestmark = pytest.mark.browser


def _user(username, role, organisation=None):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw-" + username + "-x1")
    user.profile.role = role
    user.profile.organisation = organisation
    user.profile.save()
    return user


def test_park_manager_adds_facility_and_exchange_and_the_sankey_changes(page):
    from circularcities.marketplace.models import Park
    from circularcities.marketplace.services import add_park_manager

    park = Park.objects.get(slug="datong-bulk-solid-waste-base")
    sec = _user("e2e-sec", "secretariat")
    manager = _user("e2e-park-manager", "business")
    add_park_manager(sec, park, manager.username)
    sign_in(page, manager.username, "pw-e2e-park-manager-x1")
    page.goto(page.base + park.get_absolute_url())
    page.wait_for_selector("#park-sankey[data-ready]")
    links_before = int(page.get_attribute("#park-sankey", "data-ready"))
    nodes_before = page.evaluate("document.querySelectorAll('#park-sankey .sankey-node').length")

    page.click("[data-testid=add-facility]")
    page.fill("#id_name", "Building-materials plant")
    page.select_option("#id_kind", "plant")
    page.fill("#id_lat", "40.07")
    page.fill("#id_lon", "113.31")
    page.click("[data-testid=facility-save]")
    page.wait_for_selector("#park-sankey[data-ready]")

    page.click("[data-testid=add-flow]")
    page.select_option("#id_source", "power")
    page.select_option("#id_target", "building-materials-plant")
    page.select_option("#id_kind", "material")
    page.fill("#id_name_en", "Fly ash")
    page.fill("#id_annual_quantity", "250000")
    page.select_option("#id_unit", "t")
    page.fill("#id_value", "5000000")
    page.select_option("#id_currency", "CNY")
    page.fill("#id_value_year", "2023")
    page.click("[data-testid=flow-save]")
    page.wait_for_selector("#park-sankey[data-ready]")

    assert int(page.get_attribute("#park-sankey", "data-ready")) == links_before + 1
    nodes_after = page.evaluate("document.querySelectorAll('#park-sankey .sankey-node').length")
    assert nodes_after == nodes_before + 1
    row = page.locator("[data-testid=flow-row]", has_text="Fly ash")
    assert "250,000 t" in row.inner_text() and "5,000,000 CNY" in row.inner_text()


def test_business_fills_its_circularity_self_assessment(page):
    from circularcities.coalition.models import Partner, RStrategy

    org = Partner.objects.get(slug="demo-eastside-construction")
    _user("e2e-business", "business", organisation=org)
    sign_in(page, "e2e-business", "pw-e2e-business-x1")
    page.goto(page.base + f"/marketplace/businesses/{org.slug}/")
    page.click("[data-testid=assess]")
    strategies = list(RStrategy.objects.order_by("order", "pk"))
    for i, s in enumerate(strategies):
        page.check(f"input[name=level_{s.slug}][value='{3 if i == 0 else 1}']")
        page.fill(f"#id_evidence_{s.slug}", f"Evidence for {s.slug}")
    page.click("[data-testid=assessment-save]")
    score = page.inner_text("[data-testid=circularity-score]")
    n = len(strategies)
    total = n * (n + 1) / 2
    expected = round(100 * (n * 3 + (total - n)) / (total * 3), 1)
    assert float(score) == expected
    assert page.is_visible("[data-testid=score-method]")
