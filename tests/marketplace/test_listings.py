"""Listings: the catalogue, units converted to tonnes, and bad input named by field."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from circularcities.core.rules import FieldError
from circularcities.marketplace.catalogue import ensure_catalogue
from circularcities.marketplace.models import CompatibilityRule, Listing, ProductCategory, WasteCode
from circularcities.marketplace.services import save_listing, withdraw_listing
from tests.marketplace.conftest import listing_data

pytestmark = pytest.mark.django_db


def test_catalogue_mirrors_the_list_of_waste():
    assert WasteCode.objects.count() == 842
    assert WasteCode.objects.filter(hazardous=True).count() == 408
    assert WasteCode.objects.get(code="160104").hazardous is True
    assert WasteCode.objects.get(code="170101").hazardous is False
    assert CompatibilityRule.objects.filter(offer_material="170101", want_material="170107").exists()
    assert ProductCategory.objects.filter(slug="furniture").exists()


def test_catalogue_does_not_overwrite_secretariat_edits():
    CompatibilityRule.objects.filter(offer_material="170101").delete()
    ensure_catalogue()
    assert not CompatibilityRule.objects.filter(offer_material="170101").exists()


def test_tonnes_listing(seller):
    x = save_listing(seller, listing_data(quantity="12.5"))
    assert x.quantity_t == Decimal("12.500") and x.remaining_t == x.quantity_t
    assert x.status == Listing.Status.AVAILABLE
    assert x.organisation == seller.profile.organisation
    assert x.city.slug == "amsterdam"


def test_pieces_use_mass_per_piece(seller):
    x = save_listing(seller, listing_data(material="furniture", unit="pcs", quantity=40, mass_per_piece_kg=25))
    assert x.quantity_t == Decimal("1.000")


def test_cubic_metres_with_given_density(seller):
    x = save_listing(seller, listing_data(unit="m3", quantity=10, density_t_per_m3=1.6))
    assert x.quantity_t == Decimal("16.000")
    assert x.density_source == "given"


def test_cubic_metres_with_default_density_say_so(seller):
    x = save_listing(seller, listing_data(unit="m3", quantity=10))  # 17 01 01 concrete: 1.4 t/m3
    assert x.quantity_t == Decimal("14.000")
    assert x.density_source == "default" and x.density_t_per_m3 == 1.4


def test_hazardous_code_is_flagged(seller):
    x = save_listing(seller, listing_data(material="16 01 04*", title_en="End-of-life vehicles"))
    assert x.hazardous


@pytest.mark.parametrize("kw, field, words", [
    ({"material": "99 99 99"}, "material", "not in the EU List of Waste"),
    ({"material": "unobtainium"}, "material", "neither an EU List of Waste code"),
    ({"material": ""}, "material", "give an EU List of Waste code"),
    ({"quantity": "0"}, "quantity", "above zero"),
    ({"quantity": "abc"}, "quantity", "not a number"),
    ({"unit": "pcs"}, "mass_per_piece_kg", "mass of one piece"),
    ({"unit": "m3", "material": "tools"}, "density_t_per_m3", "no default density"),
    ({"unit": "kg"}, "unit", "expected t, m3 or pcs"),
    ({"lat": None}, "lat", "pick the place on the map"),
    ({"lat": 95}, "lat", "between -90 and 90"),
    ({"lon": 190}, "lon", "between -180 and 180"),
    ({"currency": "RBM"}, "currency", "ISO 4217"),
    ({"price": "-3"}, "price", "zero or more"),
    ({"title_en": ""}, "title_en", "title"),
    ({"kind": "swap"}, "kind", "offer, want or share"),
    ({"frequency": "weekly"}, "frequency", "once or monthly"),
    ({"available_from": dt.date(2025, 5, 1), "available_until": dt.date(2025, 4, 1)}, "available_until", "before"),
])
def test_bad_input_names_the_field(seller, kw, field, words):
    with pytest.raises(FieldError) as exc:
        save_listing(seller, listing_data(**kw))
    assert exc.value.field == field
    assert f"Field '{field}'" in str(exc.value) and words.lower() in str(exc.value).lower()
    assert not Listing.objects.filter(organisation=seller.profile.organisation).exists()


def test_location_from_organisation(seller, org_a):
    x = save_listing(seller, listing_data(lat=None, lon=None, use_organisation_location=True))
    assert (x.lat, x.lon) == (org_a.lat, org_a.lon) and x.location_from_organisation


def test_person_without_organisation_may_only_share(make_user):
    resident = make_user("resident", "public")
    with pytest.raises(PermissionDenied):
        save_listing(resident, listing_data())
    x = save_listing(resident, listing_data(kind="share", material="tools", unit="pcs", quantity=1,
                                            mass_per_piece_kg=3))
    assert x.organisation is None and x.created_by == resident


def test_edit_cannot_go_below_what_was_taken(seller, org_b, offer):
    from circularcities.marketplace.services import record_exchange

    record_exchange(seller, offer, Decimal("4"), receiver_name="Test Builder B")
    offer.refresh_from_db()
    with pytest.raises(FieldError, match="already exchanged"):
        save_listing(seller, listing_data(quantity="3"), offer)
    x = save_listing(seller, listing_data(quantity="20"), offer)
    assert x.remaining_t == Decimal("16.000") and x.status == Listing.Status.PARTIAL


def test_withdraw(seller, offer):
    withdraw_listing(seller, offer)
    assert offer.status == Listing.Status.WITHDRAWN
