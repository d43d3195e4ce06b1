"""A listing changed in the admin goes through marketplace.services.save_listing: the
quantity is converted to tonnes and the remaining quantity follows, as on the pages."""

from decimal import Decimal

import pytest

from circularcities.marketplace.admin import LISTING_FIELDS
from circularcities.marketplace.models import Listing

pytestmark = pytest.mark.django_db


def _url(listing):
    return f"/admin/marketplace/listing/{listing.pk}/change/"


def _data(listing, **changes):
    data = {}
    for name in LISTING_FIELDS:
        value = getattr(listing, name)
        if isinstance(value, bool):
            if value:
                data[name] = "on"
            continue
        data[name] = "" if value is None else value
    return {**data, **changes}


@pytest.mark.parametrize("who", ["seller", "owner", "member", "outsider"])
def test_only_the_secretariat_may_change_a_listing_here(client, offer, who, request):
    client.force_login(request.getfixturevalue(who))
    resp = client.post(_url(offer), _data(offer, quantity="20"))
    assert resp.status_code in (302, 403)
    assert Listing.objects.get(pk=offer.pk).quantity == Decimal("10")


def test_secretariat_changes_a_listing_through_the_service(client, offer, secretariat):
    client.force_login(secretariat)
    resp = client.post(_url(offer), _data(offer, quantity="20"))
    assert resp.status_code == 302, resp.content.decode()[:2000]
    stored = Listing.objects.get(pk=offer.pk)
    assert stored.quantity == Decimal("20")
    # Derived by the service only: a bare model save would leave 10 t here.
    assert stored.quantity_t == Decimal("20") and stored.remaining_t == Decimal("20")
    assert stored.material_code == offer.material_code


def test_an_out_of_bounds_quantity_is_refused(client, offer, secretariat):
    client.force_login(secretariat)
    # Within the column's digits (the model form accepts it), above the service's bound.
    resp = client.post(_url(offer), _data(offer, quantity="20000000"))
    assert resp.status_code == 200
    assert resp.context["adminform"].form.errors["quantity"]
    assert Listing.objects.get(pk=offer.pk).quantity == Decimal("10")


def test_secretariat_writes_a_title_in_another_language_and_keeps_the_others(client, offer, secretariat):
    client.force_login(secretariat)
    page = client.get(_url(offer)).content.decode()
    assert 'name="title_ko"' in page and 'value="Crushed concrete"' in page
    resp = client.post(_url(offer), _data(offer, quantity="10", title_ko="폐콘크리트"))
    assert resp.status_code == 302, resp.context["adminform"].form.errors
    stored = Listing.objects.get(pk=offer.pk)
    assert (stored.title_en, stored.title_ko) == ("Crushed concrete", "폐콘크리트")
    resp = client.post(_url(offer), _data(stored, quantity="10", title_en=""))
    assert resp.status_code == 200 and resp.context["adminform"].form.errors["title_en"]
