"""Listings and exchanges have one write path: the form, the API and the CSV import refuse
the same bad value with the same message (control characters included) and store the
same good value identically."""

from __future__ import annotations

import json
import re
from html import unescape

import pytest
from django.urls import reverse

from circularcities.core.errors import DataImportError
from circularcities.marketplace.imports import import_listings_csv
from circularcities.marketplace.models import Exchange, Listing

pytestmark = pytest.mark.django_db

FORM = {"kind": "offer", "title_en": "Crushed concrete", "material": "17 01 01", "quantity": "10", "unit": "t",
        "lat": "52.3676", "lon": "4.9041", "route": "recycling", "frequency": "once", "currency": "EUR",
        "avoided_cost_per_t": "20"}
HEADER = "reference,kind,title_en,material,quantity,unit,lat,lon,currency,avoided_cost_per_t,route\n"
CONTROL = "Remove the invisible control character U+0002 (position 8); only printable text can be stored."


def _errors(resp) -> list[str]:
    return [unescape(m) for m in re.findall(r"<li>([^<]*)</li>", resp.content.decode())]


def _api(client, url, body):
    return client.post(url, json.dumps(body), content_type="application/json")


def _csv(**cells):
    row = {"reference": "R1", "kind": "offer", "title_en": "Crushed concrete", "material": "17 01 01",
           "quantity": "10", "unit": "t", "lat": "52.3676", "lon": "4.9041", "currency": "EUR",
           "avoided_cost_per_t": "20", "route": "recycling", **cells}
    return (HEADER + ",".join(row[k] for k in HEADER.strip().split(",")) + "\n").encode()


@pytest.mark.parametrize(("field", "value", "message"), [
    ("title_en", "Crushed\x02 concrete", CONTROL),
    ("currency", "RMB", "Expected an ISO 4217 currency code such as EUR, USD or CNY; got 'RMB'."),
    ("lat", "95", "Expected a latitude between -90 and 90; got 95."),
])
def test_listing_form_api_and_import_say_the_same(client, seller, org_a, field, value, message):
    client.force_login(seller)
    resp = client.post(reverse("marketplace:create_listing"), {**FORM, field: value})
    assert resp.status_code == 400 and message in _errors(resp)
    resp = _api(client, "/api/marketplace/listings", {**FORM, field: value})
    assert resp.status_code == 422
    assert resp.json()["errors"][0] == {"field": field, "message": message}
    assert resp.json()["detail"] == f"Field '{field}': {message}"
    with pytest.raises(DataImportError) as exc:
        import_listings_csv(seller, _csv(**{field: value}))
    assert [(p.column, p.message) for p in exc.value.problems] == [(field, message)]
    assert not Listing.objects.filter(organisation=org_a).exists()


def test_listing_form_api_and_import_store_the_same(client, seller, org_a):
    client.force_login(seller)
    keys = ("kind", "title_en", "quantity", "unit", "quantity_t", "lat", "lon", "route", "currency",
            "avoided_cost_per_t", "waste_code_id", "organisation_id")
    rows = []
    for make in ("form", "api", "import"):
        if make == "form":
            assert client.post(reverse("marketplace:create_listing"), FORM).status_code == 302
        elif make == "api":
            assert _api(client, "/api/marketplace/listings", FORM).status_code == 201
        else:
            import_listings_csv(seller, _csv())
        listing = Listing.objects.get(organisation=org_a)
        rows.append({k: getattr(listing, k) for k in keys})
        listing.delete()
    assert rows[0] == rows[1] == rows[2]


def test_exchange_form_and_api_refuse_a_control_character_in_the_receiver_name(client, seller, offer):
    client.force_login(seller)
    before = Exchange.objects.count()  # the demo data holds exchanges of its own
    bad = "Acme Co\x02"
    message = "Remove the invisible control character U+0002 (position 8); only printable text can be stored."
    resp = client.post(reverse("marketplace:record_exchange", args=[offer.pk]),
                       {"quantity_t": "2", "receiver_name": bad})
    assert resp.status_code == 400 and message in _errors(resp)
    resp = _api(client, "/api/marketplace/exchanges", {"offer": offer.pk, "quantity_t": 2, "receiver_name": bad})
    assert resp.status_code == 422
    assert resp.json()["detail"] == f"Field 'receiver_name': {message}"
    assert Exchange.objects.count() == before
    resp = _api(client, "/api/marketplace/exchanges", {"offer": offer.pk, "quantity_t": 2,
                                                        "receiver_name": "  Acme Co  "})
    assert resp.status_code == 201, resp.content
    assert Exchange.objects.get(pk=resp.json()["id"]).receiver_name == "Acme Co"
