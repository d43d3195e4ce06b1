"""The material bank: components coming free become marketplace offers through
the marketplace's service, and the city map sums reusable tonnes per year."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from circularcities.buildings import bank
from circularcities.marketplace.models import Listing

pytestmark = pytest.mark.django_db


def test_offers_through_the_marketplace_service(building, secretariat):
    result = bank.offer_components(secretariat, building, horizon_years=10,
                                   today=dt.date(2026, 1, 1))
    assert len(result.created) == 1  # the slab has nothing reusable
    offer = result.created[0]
    assert offer.kind == "offer" and offer.waste_code_id == "170201"
    assert float(offer.quantity_t) == pytest.approx(4.0)  # 5 t × 0.8
    assert offer.available_from == dt.date(2030, 6, 30)
    assert (offer.lat, offer.lon) == (52.37, 4.89)
    assert ("S-1", "nothing reusable") in result.skipped
    again = bank.offer_components(secretariat, building, horizon_years=10, today=dt.date(2026, 1, 1))
    assert not again.created and [x.pk for x in again.already] == [offer.pk]


def test_missing_share_is_reported_as_missing(building, secretariat):
    from circularcities.buildings import services

    services.save_component(secretariat, building, data={
        "reference": "U-1", "materials": [{"material": "brick", "waste_code": "170102", "mass_kg": 9}]})
    result = bank.offer_components(secretariat, building, horizon_years=10, today=dt.date(2026, 1, 1))
    assert ("U-1", "reusable share missing") in result.skipped


def test_horizon_excludes_later_components(building, secretariat):
    result = bank.offer_components(secretariat, building, horizon_years=2, today=dt.date(2026, 1, 1))
    assert not result.created


def test_city_editor_without_organisation_is_refused_by_the_marketplace(building, owner):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        bank.offer_components(owner, building, horizon_years=10, today=dt.date(2026, 1, 1))
    assert not Listing.objects.filter(reference__startswith=f"bldg-{building.pk}-").exists()


def test_offer_with_the_editors_organisation_gets_suggestions(building, make_user, city):
    from circularcities.coalition.models import Partner
    from circularcities.marketplace.matching import suggest
    from circularcities.marketplace.services import save_listing

    org = Partner.objects.create(slug="amsterdam-works", name_en="Amsterdam works", kind="business",
                                 city=city, lat=52.37, lon=4.9)
    editor = make_user("bank-editor", "city", [city], organisation=org)
    buyer_org = Partner.objects.create(slug="timber-reuser", name_en="Timber reuser", kind="business",
                                       city=city, lat=52.35, lon=4.91)
    buyer = make_user("buyer", "business", organisation=buyer_org)
    save_listing(buyer, {"kind": "want", "title_en": "Reclaimed timber", "material": "170201",
                         "quantity": "10", "unit": "t", "lat": 52.35, "lon": 4.91})
    result = bank.offer_components(editor, building, horizon_years=10, today=dt.date(2026, 1, 1),
                                   organisation=org)
    offer = result.created[0]
    assert offer.organisation == org
    partners = [s.partner.organisation for s in suggest(offer).suggestions]
    assert buyer_org in partners


def test_map_page(client, building, secretariat):
    from circularcities.buildings import services

    end = dt.date(dt.date.today().year + 4, 6, 30)  # the page counts from today
    services.save_building(secretariat, data={"planned_end_of_use": end}, building=building)
    client.force_login(secretariat)
    resp = client.get(reverse("buildings:map", args=[building.city.slug]) + "?horizon_years=50")
    html = resp.content.decode()
    assert resp.status_code == 200 and 'id="bank-map-data"' in html
    assert "timber" in html and str(end.year) in html
    assert "<script>" not in html.replace('<script type="application/json"', "")
