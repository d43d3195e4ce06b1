"""The reuse API: public reads, writes by organisers, centre staff, city editors and the secretariat."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from circularcities.reuse.models import CentreItem, Place, Repair

pytestmark = pytest.mark.django_db


def post(client, url, data, method="post"):
    return getattr(client, method)(url, json.dumps(data, default=str), content_type="application/json")


def test_public_reads(client, cafe):
    places = client.get("/api/reuse/places?q=test-cafe").json()
    assert [p["slug"] for p in places] == ["test-cafe"]
    assert client.get("/api/reuse/places/test-cafe").json()["name"] == "Test test-cafe"
    assert client.get("/api/reuse/places/nope").status_code == 404
    summary = client.get("/api/reuse/repairs/summary?place=repair-cafe-wales").json()
    assert summary["records"] == Repair.objects.filter(place__slug="repair-cafe-wales").count() > 0


@pytest.mark.parametrize("who, status", [("organiser", 201), ("owner", 201), ("secretariat", 201),
                                         ("outsider", 403), ("member", 403), ("resident", 403), (None, 401)])
def test_log_an_event_and_a_repair(client, request, cafe, who, status):
    if who:
        client.force_login(request.getfixturevalue(who))
    resp = post(client, "/api/reuse/places/test-cafe/events", {"date": "2025-04-05"})
    assert resp.status_code == status, resp.content
    if status == 201:
        event = resp.json()["id"]
        r = post(client, f"/api/reuse/events/{event}/repairs", {"product_category": "Vacuum",
                                                                  "repair_status": "End of life",
                                                                  "repair_barrier_if_end_of_life":
                                                                  "Spare parts not available"})
        assert r.status_code == 201 and r.json()["repair_status"] == "End of life"
        bad = post(client, f"/api/reuse/events/{event}/repairs", {"product_category": "Vacuum",
                                                                    "repair_status": "Broken"})
        assert bad.status_code == 422 and "repair_status" in bad.json()["detail"]


def test_place_patch_changes_only_what_is_sent(client, cafe, organiser, outsider):
    client.force_login(outsider)
    assert post(client, "/api/reuse/places/test-cafe", {"phone": "1"}, "patch").status_code == 403
    client.force_login(organiser)
    resp = post(client, "/api/reuse/places/test-cafe", {"opening_times": "Sat 10-13", "languages": "nl, en"},
                "patch")
    assert resp.status_code == 200, resp.content
    body = resp.json()
    assert (body["opening_times"], body["languages"], body["name"]) == ("Sat 10-13", ["nl", "en"], "Test test-cafe")
    assert post(client, "/api/reuse/places/test-cafe", {"lat": 95}, "patch").status_code == 422


def test_create_place_rules(client, city, owner, resident):
    data = {"kind": "second-hand", "name": "Kringloop Noord", "lat": 52.39, "lon": 4.92, "city": "amsterdam",
            "takes": "Furniture, books"}
    client.force_login(resident)
    assert post(client, "/api/reuse/places", data).status_code == 403
    client.force_login(owner)
    resp = post(client, "/api/reuse/places", data)
    assert resp.status_code == 201 and resp.json()["slug"] == "kringloop-noord"
    assert owner in Place.objects.get(slug="kringloop-noord").organisers.all()


def test_centre_item_from_intake_to_donation(client, crc, staff, outsider):
    client.force_login(outsider)
    assert post(client, "/api/reuse/places/test-crc/items", {"donor": "x", "category": "CPU",
                                                             "mass_kg": 8}).status_code == 403
    client.force_login(staff)
    item = post(client, "/api/reuse/places/test-crc/items", {"donor": "School", "category": "CPU", "mass_kg": 8,
                                                             "date": "2025-05-01"}).json()
    for step in ({"action": "assess", "decision": "refurbish", "date": "2025-05-02"},
                 {"action": "refurbish", "date": "2025-05-03"},
                 {"action": "donate", "recipient": "Library 3", "date": "2025-05-04"}):
        resp = post(client, f"/api/reuse/items/{item['id']}/steps", step)
        assert resp.status_code == 200, resp.content
    assert resp.json()["state"] == "donated" and len(resp.json()["steps"]) == 4
    bad = post(client, f"/api/reuse/items/{item['id']}/steps", {"action": "auction", "price": 3, "currency": "EUR"})
    assert bad.status_code == 422
    assert CentreItem.objects.get(pk=item["id"]).state == "donated"


def test_borrow_and_return(client, drill, resident):
    client.force_login(resident)
    due = (dt.date.today() + dt.timedelta(days=5)).isoformat()
    loan = post(client, f"/api/reuse/lending/{drill.pk}/loans", {"due": due})
    assert loan.status_code == 201, loan.content
    assert client.get("/api/reuse/places/test-library/lending").json()[0]["available"] is False
    back = post(client, f"/api/reuse/loans/{loan.json()['id']}/return", {"condition_in": "good"})
    assert back.status_code == 200 and back.json()["returned_on"]
    impact = client.get("/api/reuse/places/test-library/lending/impact").json()
    assert impact["purchases_avoided"] == 1 and "never counted as waste" in impact["assumption"]
    assert not any("kg" in k or "waste" in k for k in impact)
