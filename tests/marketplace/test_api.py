"""The marketplace API: reads are public, writes follow the page rules."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from circularcities.marketplace.models import Exchange, Listing

pytestmark = pytest.mark.django_db

NEW = {"kind": "offer", "title_en": "Pallets", "material": "15 01 03", "quantity": 40, "unit": "pcs",
       "mass_per_piece_kg": 20, "lat": 52.37, "lon": 4.9, "currency": "EUR", "avoided_cost_per_t": 50}


def post(client, url, data, method="post"):
    return getattr(client, method)(url, json.dumps(data, default=str), content_type="application/json")


def test_list_and_filter(client, offer, want):
    data = client.get("/api/marketplace/listings?kind=offer&organisation=test-org-a").json()
    assert [x["id"] for x in data] == [offer.pk]
    assert data[0]["material"] == "170101" and data[0]["quantity_t"] == 10.0
    near = client.get("/api/marketplace/listings?lat=52.3676&lon=4.9041&km=1").json()
    assert {x["id"] for x in near} == {offer.pk}


def test_bad_filter_is_a_sentence(client):
    resp = client.get("/api/marketplace/listings?lat=100&lon=0&km=3")
    assert resp.status_code == 422 and "latitude" in resp.json()["detail"]


@pytest.mark.parametrize("who, status", [("seller", 201), ("buyer", 201), ("owner", 403), ("anonymous", 401)])
def test_create(client, request, who, status):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    resp = post(client, "/api/marketplace/listings", NEW)
    assert resp.status_code == status, resp.content
    if status == 201:
        assert resp.json()["quantity_t"] == 0.8


def test_create_bad_input_names_field(client, seller):
    client.force_login(seller)
    resp = post(client, "/api/marketplace/listings", {**NEW, "mass_per_piece_kg": None})
    assert resp.status_code == 422 and "mass_per_piece_kg" in resp.json()["detail"]
    resp = post(client, "/api/marketplace/listings", {**NEW, "quantity": -1})
    assert resp.status_code == 422 and resp.json()["errors"][0]["field"] == "quantity"


@pytest.mark.parametrize("who, status", [("seller", 200), ("colleague", 200), ("secretariat", 200),
                                         ("buyer", 403), ("member", 403), ("anonymous", 401)])
def test_update(client, request, offer, who, status):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    resp = post(client, f"/api/marketplace/listings/{offer.pk}", {"quantity": 12}, method="patch")
    assert resp.status_code == status, resp.content
    offer.refresh_from_db()
    assert (offer.quantity_t == Decimal("12")) == (status == 200)


def test_suggestions(client, offer, want):
    data = client.get(f"/api/marketplace/listings/{offer.pk}/suggestions?max_km=50").json()
    assert len(data) == 1 and data[0]["want"] == want.pk and data[0]["factors"][0]["year"] == 2025
    assert data[0]["money_saved"] == pytest.approx(210.0)
    assert client.get(f"/api/marketplace/listings/{offer.pk}/suggestions?max_km=1").json() == []


@pytest.mark.parametrize("who, status", [("seller", 201), ("secretariat", 201), ("buyer", 403),
                                         ("owner", 403), ("anonymous", 401)])
def test_record_exchange(client, request, offer, want, who, status):
    """A hand-over to someone outside the platform; the secretariat may also record one
    against a registered organisation's want (its records of past exchanges)."""
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    body = ({"want": want.pk} if who == "secretariat" else {"receiver_name": "A neighbour"})
    resp = post(client, "/api/marketplace/exchanges", {"offer": offer.pk, "quantity_t": 3,
                                                       "end_use": "sub-base", **body})
    assert resp.status_code == status, resp.content
    assert Exchange.objects.filter(offer=offer).exists() == (status == 201)
    if status == 201:
        body = resp.json()
        assert body["kg_co2e_avoided"] > 0 and body["factors"][0]["source"].startswith("DESNZ")
        assert Listing.objects.get(pk=offer.pk).remaining_t == Decimal("7")


def test_record_too_much_is_refused_with_sentence(client, seller, offer, org_b):
    client.force_login(seller)
    resp = post(client, "/api/marketplace/exchanges", {"offer": offer.pk, "receiver_name": "Test Builder B", "quantity_t": 11})
    assert resp.status_code == 422 and "Only 10 t" in resp.json()["detail"]


def test_registered_receiver_via_api_needs_a_deal(client, seller, offer, want):
    client.force_login(seller)
    resp = post(client, "/api/marketplace/exchanges", {"offer": offer.pk, "want": want.pk, "quantity_t": 1})
    assert resp.status_code == 422 and "proposal" in resp.json()["detail"]
    assert not Exchange.objects.filter(offer=offer).exists()


def test_list_exchanges(client, seller, buyer, offer, org_b):
    from circularcities.marketplace.services import accept_deal, propose_deal

    accept_deal(seller, propose_deal(buyer, offer, quantity_t=Decimal("1")))
    data = client.get("/api/marketplace/exchanges?organisation=test-org-b").json()
    assert len(data) == 1 and data[0]["giver"] == "test-org-a" and data[0]["receiver"] == "test-org-b"
