"""Regressions of the QA pass on the marketplace (edit form, secretariat tables,
bounds, dates, messages, Chinese pages)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.utils import timezone

from circularcities.core.rules import FieldError
from circularcities.marketplace.models import CompatibilityRule, Exchange, Listing, MaterialWeight
from circularcities.marketplace.services import record_exchange, save_listing
from tests.marketplace.conftest import listing_data

pytestmark = pytest.mark.django_db


class _FormValues(HTMLParser):
    """The values a browser would submit for the form with ``testid``."""

    def __init__(self, testid):
        super().__init__()
        self.testid, self.inside, self.values = testid, False, {}
        self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("data-testid") == self.testid:
            self.inside = True
        if not self.inside:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self.values[name] = a.get("value", "on")
            elif kind != "submit":
                self.values[name] = a.get("value") or ""
        elif tag == "select" and name:
            self._select = name
            self.values.setdefault(name, "")
        elif tag == "option" and self._select and "selected" in a:
            self.values[self._select] = a.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.values[name] = ""

    def handle_data(self, data):
        if self._textarea:
            self.values[self._textarea] += data.lstrip("\n") if not self.values[self._textarea] else data

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "form" and self.inside:
            self.inside = False


def form_values(html: str, testid: str) -> dict:
    p = _FormValues(testid)
    p.feed(html)
    return p.values


# --- 1. editing a listing through the real edit page -----------------------

def test_edit_page_saves_a_changed_quantity(client, seller, offer):
    client.force_login(seller)
    page = client.get(f"/marketplace/listings/{offer.pk}/edit/")
    assert page.status_code == 200
    data = form_values(page.content.decode(), "listing-form")
    assert "kind" not in data and data["quantity"] == "10.000"
    data["quantity"] = "12"
    resp = client.post(f"/marketplace/listings/{offer.pk}/edit/", data)
    assert resp.status_code == 302, resp.content.decode()[:3000]
    offer.refresh_from_db()
    assert offer.quantity == Decimal("12") and offer.kind == "offer"


@pytest.mark.parametrize("who, allowed", [("seller", True), ("colleague", True), ("buyer", False),
                                          ("anonymous", False)])
def test_edit_page_post_permissions(client, offer, seller, colleague, buyer, who, allowed):
    user = {"seller": seller, "colleague": colleague, "buyer": buyer, "anonymous": None}[who]
    if user:
        client.force_login(user)
    data = {"title_en": "Crushed concrete", "material": "17 01 01", "quantity": "13", "unit": "t",
            "frequency": "once", "route": "recycling", "lat": "52.3676", "lon": "4.9041",
            "currency": "EUR", "avoided_cost_per_t": "20"}
    client.post(f"/marketplace/listings/{offer.pk}/edit/", data)
    offer.refresh_from_db()
    assert (offer.quantity == Decimal("13")) == allowed


# --- 2. material weights ---------------------------------------------------

@pytest.mark.parametrize("weight, words", [("1e300", "at most 1000"), ("-3", "above zero"),
                                           ("0", "above zero"), ("abc", "number")])
def test_weight_bounds_shown_beside_the_field(client, secretariat, weight, words):
    client.force_login(secretariat)
    resp = client.post("/marketplace/weights/", {"material": "170102", "weight": weight})
    assert resp.status_code == 400
    body = resp.content.decode()
    assert 'data-field="weight"' in body and words in body
    assert not MaterialWeight.objects.filter(material="170102").exists()


@pytest.mark.parametrize("material, words", [("banana", "neither an EU List of Waste code"),
                                             ("99 99 99", "not in the EU List of Waste")])
def test_weight_material_checked_like_listings(client, secretariat, material, words):
    client.force_login(secretariat)
    resp = client.post("/marketplace/weights/", {"material": material, "weight": "2"})
    assert resp.status_code == 400 and words in resp.content.decode()
    assert not MaterialWeight.objects.filter(material__in=["banana", "999999", material]).exists()


def test_one_weight_row_per_material(client, secretariat):
    client.force_login(secretariat)
    assert client.post("/marketplace/weights/", {"material": "170102", "weight": "2"}).status_code == 302
    assert client.post("/marketplace/weights/", {"material": "17 01 02", "weight": "3"}).status_code == 302
    assert list(MaterialWeight.objects.filter(material__in=["170102", "17 01 02"]).values_list("material", "weight")) \
        == [("170102", 3.0)]


@pytest.mark.parametrize("who", ["owner", "member", "outsider"])
def test_weights_refused_to_non_secretariat(client, who, request):
    client.force_login(request.getfixturevalue(who))
    resp = client.post("/marketplace/weights/", {"material": "170102", "weight": "2"})
    assert resp.status_code == 403
    assert not MaterialWeight.objects.filter(material="170102").exists()


# --- 3. exchange dates -----------------------------------------------------

@pytest.mark.parametrize("date", [dt.date(2999, 1, 1), dt.date(1989, 12, 31)])
def test_exchange_date_out_of_range_refused(seller, offer, org_b, date):
    with pytest.raises(FieldError) as exc:
        record_exchange(seller, offer, "1", receiver_name="Test Builder B", date=date)
    assert exc.value.field == "date"
    assert not Exchange.objects.filter(offer=offer).exists()


def test_exchange_form_future_date_named(client, seller, offer, org_b):
    client.force_login(seller)
    resp = client.post(f"/marketplace/listings/{offer.pk}/exchange/",
                       {"quantity_t": "1", "receiver_name": "Test Builder B", "date": "2999-01-01"})
    assert resp.status_code == 400
    body = resp.content.decode()
    assert 'data-field="date"' in body and "not in the future" in body
    assert not Exchange.objects.filter(offer=offer).exists()


def test_exchange_api_future_date_refused(client, seller, offer, org_b):
    client.force_login(seller)
    resp = client.post("/api/marketplace/exchanges", {"offer": offer.pk, "quantity_t": 1,
                                                          "receiver_name": "Test Builder B", "date": "2999-01-01"},
                       content_type="application/json")
    assert resp.status_code == 422 and "not in the future" in resp.json()["detail"]
    assert not Exchange.objects.filter(offer=offer).exists()


def test_exchange_today_accepted(seller, offer, org_b):
    ex = record_exchange(seller, offer, "1", receiver_name="Test Builder B", date=timezone.localdate())
    assert ex.date == timezone.localdate()


# --- 4. compatibility pairs ------------------------------------------------

def test_compatibility_same_material_gives_a_sentence(client, secretariat):
    client.force_login(secretariat)
    resp = client.post("/marketplace/compatibility/", {"offer_material": "17 01 01", "want_material": "170101"})
    body = resp.content.decode()
    assert resp.status_code == 400 and "always serves a want for itself" in body
    assert "Constraint" not in body and "compatibility_pair_distinct" not in body


def test_compatibility_same_material_in_chinese(client, secretariat):
    client.force_login(secretariat)
    resp = client.post("/zh-hans/marketplace/compatibility/", {"offer_material": "170101",
                                                              "want_material": "170101"})
    body = resp.content.decode()
    assert resp.status_code == 400 and "无需" in body and "Constraint" not in body


@pytest.mark.parametrize("offer, want", [("banana", "170101"), ("170101", "99 99 99")])
def test_compatibility_unknown_material_refused(client, secretariat, offer, want):
    client.force_login(secretariat)
    n = CompatibilityRule.objects.count()
    resp = client.post("/marketplace/compatibility/", {"offer_material": offer, "want_material": want})
    assert resp.status_code == 400 and "EU List of Waste" in resp.content.decode()
    assert CompatibilityRule.objects.count() == n


def test_compatibility_chinese_page_has_no_english_seed_sentence(client, secretariat):
    client.force_login(secretariat)
    body = client.get("/zh-hans/marketplace/compatibility/").content.decode()
    assert "can serve a want for" not in body and "可满足" in body


# --- 5. one clear message per field ----------------------------------------

def test_listing_form_message_once_without_internal_name(client, seller):
    client.force_login(seller)
    data = {"kind": "offer", "title_en": "x", "material": "17 01 01", "quantity": "0", "unit": "t",
            "frequency": "once", "route": "reuse", "lat": "52.3", "lon": "4.9"}
    body = client.post("/marketplace/listings/new/", data).content.decode()
    assert body.lower().count("expected a quantity above zero") == 1
    assert "Field &#x27;quantity&#x27;" not in body and "Field 'quantity'" not in body


def test_exchange_form_message_once_without_internal_name(client, seller, offer, org_b):
    client.force_login(seller)
    body = client.post(f"/marketplace/listings/{offer.pk}/exchange/",
                       {"quantity_t": "50", "receiver_name": "Test Builder B"}).content.decode()
    assert body.count("of this offer remain") == 1
    assert "Field &#x27;quantity_t&#x27;" not in body and "Field 'quantity_t'" not in body


# --- 6. upper bounds -------------------------------------------------------

@pytest.mark.parametrize("kw, field", [
    ({"quantity": "1e300"}, "quantity"),
    ({"quantity": "20000000"}, "quantity"),
    ({"unit": "pcs", "quantity": "10", "mass_per_piece_kg": 1e300}, "mass_per_piece_kg"),
    ({"unit": "m3", "quantity": "10", "density_t_per_m3": 1e300}, "density_t_per_m3"),
    ({"unit": "pcs", "quantity": "9000000", "mass_per_piece_kg": 90000}, "quantity"),
    ({"price": "1e300"}, "price"),
    ({"price": "100000000000"}, "price"),
    ({"avoided_cost_per_t": "1e300"}, "avoided_cost_per_t"),
])
def test_listing_numbers_have_upper_bounds(seller, kw, field):
    with pytest.raises(FieldError) as exc:
        save_listing(seller, listing_data(**kw))
    assert exc.value.field == field and "at most" in str(exc.value)
    assert not Listing.objects.filter(created_by=seller).exists()


@pytest.mark.parametrize("kw, field", [
    ({"quantity_t": "1e300"}, "quantity_t"),
    ({"value": Decimal("1e300")}, "value"),
    ({"disposal_cost_avoided": Decimal("1e12")}, "disposal_cost_avoided"),
    ({"purchase_cost_avoided": Decimal("1e12")}, "purchase_cost_avoided"),
    ({"items": 10**9}, "items"),
])
def test_exchange_numbers_have_upper_bounds(seller, offer, org_b, kw, field):
    q = kw.pop("quantity_t", "1")
    with pytest.raises(FieldError) as exc:
        record_exchange(seller, offer, q, receiver_name="Test Builder B", **kw)
    assert exc.value.field == field
    assert not Exchange.objects.filter(offer=offer).exists()


def test_listing_form_huge_mass_shown_beside_field(client, seller):
    client.force_login(seller)
    data = {"kind": "offer", "title_en": "x", "material": "furniture", "quantity": "3", "unit": "pcs",
            "mass_per_piece_kg": "1e300", "frequency": "once", "route": "reuse", "lat": "52.3", "lon": "4.9"}
    resp = client.post("/marketplace/listings/new/", data)
    assert resp.status_code == 400 and "at most" in resp.content.decode()


# --- 7. Chinese pages --------------------------------------------------------

def _share_exchange(make_user, material="textiles"):
    from circularcities.marketplace.services import _record

    resident = make_user("resident-qa", "resident")
    lst = save_listing(resident, listing_data(kind="share", material=material, title_en="Old coats",
                                              unit="pcs", quantity=10, mass_per_piece_kg=1))
    return _record(lst, lst.quantity_t, receiver_name="Neighbour", user=resident)


def test_exchange_pages_in_chinese_name_category_and_status(client, make_user):
    ex = _share_exchange(make_user, "tools")  # tools: no emission factor
    assert ex.co2e_status == "no factor"
    for url in (f"/zh-hans/marketplace/exchanges/{ex.pk}/", "/zh-hans/marketplace/exchanges/"):
        body = client.get(url).content.decode()
        assert "工具和设备" in body and "无因子" in body, url
        assert ">no factor<" not in body and ">tools<" not in body


def test_exchange_detail_roles_in_chinese(client, seller, offer, org_b):
    ex = record_exchange(seller, offer, "1", receiver_name="Test Builder B")
    assert ex.factors
    body = client.get(f"/zh-hans/marketplace/exchanges/{ex.pk}/").content.decode()
    assert "供应：避免的原生材料" in body and "supply: primary material avoided" not in body
    assert "primary material avoided" in client.get(f"/marketplace/exchanges/{ex.pk}/").content.decode()


def test_listing_detail_factor_roles_in_chinese(client, offer, want):
    body = client.get(f"/zh-hans/marketplace/listings/{offer.pk}/").content.decode()
    assert "供应：避免的原生材料" in body and "supply: primary material avoided" not in body


def test_factor_role_mapping():
    from django.utils import translation

    from circularcities.marketplace.templatetags.marketplace_extras import factor_role

    with translation.override("zh-hans"):
        assert factor_role("supply: reuse route used") == "供应：采用的再利用路线"
        assert factor_role("end of life: landfill avoided") == "废弃：避免的填埋"
        assert factor_role("something new") == "something new"


@pytest.mark.parametrize("lang,heading", [("zh-hans", "减排量"), ("ja", "削減排出量"), ("ko", "회피 배출량")])
def test_method_page_is_in_the_readers_language(client, lang, heading):
    page = client.get(f"/{lang}/marketplace/method/").content.decode()
    assert f'data-testid="method-text" lang="{lang}"' in page and heading in page
    assert 'data-testid="method-summary"' not in page  # the whole text, not a summary
    assert "avoided [kg CO2e] = q × (S + E) − T" in page  # the formula as written


def test_method_page_without_a_translation_summarises_and_shows_english():
    """A language the method is not yet translated into gets the summary and the English."""
    from django.test import RequestFactory
    from django.utils import translation

    from circularcities.marketplace.views.programme import method

    with translation.override("fr"):
        page = method(RequestFactory().get("/")).content.decode()
    assert 'data-testid="method-text" lang="en"' in page and 'data-testid="method-summary"' in page


def test_method_page_wrapped_text(client):
    en = client.get("/marketplace/method/").content.decode()
    assert 'data-testid="method-summary"' not in en
    assert "<h2>" in en and '<pre style="white-space:pre-wrap' not in en and "<table" in en
