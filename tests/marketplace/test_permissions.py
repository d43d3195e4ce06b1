"""Every write asked of the owner (same organisation), a member (a user of the
city / another role), an outsider (another organisation) and anonymous."""

from __future__ import annotations

from decimal import Decimal

import pytest

from circularcities.marketplace.models import Exchange, Listing

pytestmark = pytest.mark.django_db

FORM = {"kind": "offer", "title_en": "Bricks", "material": "17 01 02", "quantity": "5", "unit": "t",
        "frequency": "once", "route": "reuse", "lat": "52.37", "lon": "4.90", "currency": "EUR"}


def people(request_fixture, names):
    return {n: (request_fixture.getfixturevalue(n) if n != "anonymous" else None) for n in names}


@pytest.fixture
def everyone(request, seller, colleague, buyer, owner, member, secretariat):
    """owner-side: seller, colleague; member: the city's editor/member; outsider: buyer; anonymous."""
    return {"seller": seller, "colleague": colleague, "city_editor": owner, "city_member": member,
            "buyer": buyer, "secretariat": secretariat, "anonymous": None}


EDIT_ALLOWED = {"seller": True, "colleague": True, "city_editor": False, "city_member": False,
                "buyer": False, "secretariat": True, "anonymous": False}


@pytest.mark.parametrize("who", list(EDIT_ALLOWED))
def test_edit_listing_page(client, everyone, offer, who):
    user = everyone[who]
    if user:
        client.force_login(user)
    resp = client.post(f"/marketplace/listings/{offer.pk}/edit/", {**FORM, "title_en": "Changed"})
    offer.refresh_from_db()
    if EDIT_ALLOWED[who]:
        assert resp.status_code == 302 and offer.title_en == "Changed"
    else:
        assert resp.status_code in (302, 403) and offer.title_en == "Crushed concrete"
        if user is None:
            assert "/accounts/login/" in resp["Location"]
        else:
            assert resp.status_code == 403


@pytest.mark.parametrize("who", list(EDIT_ALLOWED))
def test_withdraw_listing_page(client, everyone, offer, who):
    user = everyone[who]
    if user:
        client.force_login(user)
    resp = client.post(f"/marketplace/listings/{offer.pk}/withdraw/")
    offer.refresh_from_db()
    assert (offer.status == Listing.Status.WITHDRAWN) == EDIT_ALLOWED[who]
    if not EDIT_ALLOWED[who]:
        assert resp.status_code in (302, 403)


@pytest.mark.parametrize("who", list(EDIT_ALLOWED))
def test_record_exchange_page(client, everyone, offer, org_b, who):
    user = everyone[who]
    if user:
        client.force_login(user)
    resp = client.post(f"/marketplace/listings/{offer.pk}/exchange/",
                       {"quantity_t": "2", "receiver_name": "Test Builder B", "end_use": "paving"})
    made = Exchange.objects.filter(offer=offer).exists()
    assert made == EDIT_ALLOWED[who], resp.status_code
    if made:
        offer.refresh_from_db()
        assert offer.remaining_t == Decimal("8") and resp.status_code == 302


@pytest.mark.parametrize("who, allowed", [("seller", True), ("buyer", True), ("city_editor", False),
                                          ("city_member", False), ("anonymous", False)])
def test_create_listing_page(client, everyone, who, allowed):
    user = everyone[who]
    if user:
        client.force_login(user)
    before = Listing.objects.count()
    resp = client.post("/marketplace/listings/new/", FORM)
    assert (Listing.objects.count() == before + 1) == allowed, resp.status_code
    if allowed:
        x = Listing.objects.order_by("-pk").first()
        assert x.organisation == user.profile.organisation
    elif user is not None:
        assert resp.status_code == 403


def test_business_cannot_list_for_another_organisation(client, seller, org_b):
    client.force_login(seller)
    client.post("/marketplace/listings/new/", {**FORM, "organisation": org_b.pk})
    x = Listing.objects.order_by("-pk").first()
    assert x.organisation == seller.profile.organisation  # the field is ignored for businesses


def test_secretariat_lists_for_an_organisation(client, secretariat, org_b):
    client.force_login(secretariat)
    resp = client.post("/marketplace/listings/new/", {**FORM, "organisation": org_b.pk})
    assert resp.status_code == 302
    assert Listing.objects.order_by("-pk").first().organisation == org_b


def test_bad_form_input_names_the_field_and_keeps_input(client, seller):
    client.force_login(seller)
    resp = client.post("/marketplace/listings/new/", {**FORM, "material": "99 99 99", "title_en": "Keep me"})
    assert resp.status_code == 400
    body = resp.content.decode()
    assert "99 99 99 is not in the EU List of Waste" in body and 'value="Keep me"' in body


@pytest.mark.parametrize("who, allowed", [("secretariat", True), ("seller", False), ("city_editor", False),
                                          ("anonymous", False)])
def test_compatibility_and_weights_are_secretariat_only(client, everyone, who, allowed):
    from circularcities.marketplace.models import CompatibilityRule, MaterialWeight

    user = everyone[who]
    if user:
        client.force_login(user)
    client.post("/marketplace/compatibility/", {"offer_material": "17 01 02", "want_material": "17 05 04"})
    client.post("/marketplace/weights/", {"material": "170102", "weight": "2.5"})
    assert CompatibilityRule.objects.filter(offer_material="170102", want_material="170504").exists() == allowed
    assert MaterialWeight.objects.filter(material="170102", weight=2.5).exists() == allowed


@pytest.mark.parametrize("who, allowed", [("secretariat", True), ("city_editor", True), ("city_member", False),
                                          ("seller", False), ("anonymous", False)])
def test_programme_matching_job(client, everyone, who, allowed):
    from circularcities.jobs.models import Job

    user = everyone[who]
    if user:
        client.force_login(user)
    resp = client.post("/marketplace/matching/", {"city": "amsterdam", "max_km": "50"})
    assert Job.objects.filter(kind="marketplace-matching").exists() == allowed
    if allowed:
        assert resp.status_code == 200
