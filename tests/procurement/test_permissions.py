"""Who may do what: the officer of the city, the officer of another city, a supplier,
another supplier, and the anonymous public (pages and API)."""

import pytest
from django.core.exceptions import PermissionDenied

from circularcities.procurement import models as m
from circularcities.procurement import services as s
from tests.conftest import login


@pytest.mark.django_db
def test_officer_edits_only_their_citys_tenders(draft_tender, officer, sf_officer, sf_tender):
    s.bid_save(user=officer, tender=draft_tender, bidder_name="A", price=10, circularity=5)
    with pytest.raises(PermissionDenied, match="Copenhagen"):
        s.bid_save(user=sf_officer, tender=draft_tender, bidder_name="B", price=10, circularity=5)
    with pytest.raises(PermissionDenied, match="San Francisco"):
        s.bid_save(user=officer, tender=sf_tender, bidder_name="C", price=1, life_cycle_cost=1,
                   life_cycle_carbon=1, circularity=1)
    with pytest.raises(PermissionDenied):
        s.tender_create(user=officer, city=sf_tender.city, slug="x", title="x", year=2024,
                        criteria=[("price", 100)])


@pytest.mark.django_db
def test_suppliers_edit_only_their_own_products(product, supplier, other_supplier, other_supplier_org,
                                                supplier_org, officer):
    s.product_save(user=supplier, supplier=supplier_org, name=product.name, recycled_content_pct=60)
    with pytest.raises(PermissionDenied):
        s.product_save(user=other_supplier, supplier=supplier_org, name=product.name, recycled_content_pct=0)
    with pytest.raises(PermissionDenied):
        s.product_delete(user=other_supplier, product=product)
    with pytest.raises(PermissionDenied):  # an officer is not the supplier
        s.product_save(user=officer, supplier=supplier_org, name="x")
    s.product_save(user=other_supplier, supplier=other_supplier_org, name="Own tile")
    s.product_delete(user=supplier, product=product)
    assert not m.Product.objects.filter(pk=product.pk).exists()


@pytest.mark.django_db
def test_public_sees_awarded_results_only(client, draft_tender, sf_tender, officer):
    assert client.get(draft_tender.get_absolute_url()).status_code == 403
    assert client.get(sf_tender.get_absolute_url()).status_code == 403  # open, not awarded
    awarded = m.Tender.objects.get(slug="copenhagen-katrinedals-school-bricks")
    assert client.get(awarded.get_absolute_url()).status_code == 200
    slugs = {t["slug"] for t in client.get("/api/procurement/tenders").json()}
    assert "copenhagen-katrinedals-school-bricks" in slugs and draft_tender.slug not in slugs
    assert sf_tender.slug not in slugs
    assert client.get(f"/api/procurement/tenders/{draft_tender.slug}").status_code == 404
    html = client.get("/procurement/").content.decode()
    assert "Test tender" not in html
    login(client, officer)
    assert client.get(draft_tender.get_absolute_url()).status_code == 200
    assert "Test tender" in client.get("/procurement/").content.decode()


@pytest.mark.django_db
def test_unpublished_comparison_hidden_from_public(client, officer, cph):
    p = s.project_create(user=officer, city=cph, slug="cph-draft", name="Draft comparison")
    assert client.get(p.get_absolute_url()).status_code == 403
    assert client.get("/api/procurement/projects/cph-draft").status_code == 404
    login(client, officer)
    assert client.get(p.get_absolute_url()).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("who, status", [("officer", 302), ("sf_officer", 403), ("supplier", 403), (None, 302)])
def test_bid_form_post(client, request, draft_tender, who, status):
    if who:
        login(client, request.getfixturevalue(who))
    resp = client.post(f"/procurement/tenders/{draft_tender.slug}/bids/",
                       {"bidder_name": "Z", "price": "5", "circularity": "5"})
    assert resp.status_code == status
    if who is None:
        assert "/accounts/" in resp["Location"] or "login" in resp["Location"]
    assert draft_tender.bids.filter(bidder_name="Z").exists() == (who == "officer")


@pytest.mark.django_db
def test_api_writes_follow_the_same_rules(client, draft_tender, officer, sf_officer, supplier, other_supplier,
                                          product):
    body = {"bidder": "API bidder", "price": 12, "circularity": 4}
    assert client.post(f"/api/procurement/tenders/{draft_tender.slug}/bids", body,
                       content_type="application/json").status_code == 401
    login(client, sf_officer)
    assert client.post(f"/api/procurement/tenders/{draft_tender.slug}/bids", body,
                       content_type="application/json").status_code == 403
    login(client, officer)
    resp = client.post(f"/api/procurement/tenders/{draft_tender.slug}/bids", body, content_type="application/json")
    assert resp.status_code == 201 and resp.json()["bids"][0]["bidder"] == "API bidder"
    login(client, other_supplier)
    assert client.delete(f"/api/procurement/products/{product.pk}").status_code == 403
    login(client, supplier)
    assert client.delete(f"/api/procurement/products/{product.pk}").status_code == 204


@pytest.mark.django_db
def test_pilot_readings_only_by_the_citys_officer(demo, officer, make_user):
    from circularcities.coalition.models import City

    pilot = m.Pilot.objects.get(slug="toronto-circular-procurement-pilots")
    with pytest.raises(PermissionDenied, match="Toronto"):
        s.reading_record(user=officer, pilot=pilot, dimension="social", indicator="Jobs", year=2019, quarter=1,
                         value=3, unit="jobs")
    tor = make_user("tor", "city", [City.objects.get(slug="toronto")])
    s.reading_record(user=tor, pilot=pilot, dimension="social", indicator="Jobs", year=2019, quarter=1,
                     value=3, unit="jobs")
