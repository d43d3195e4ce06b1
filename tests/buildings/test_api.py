"""The buildings API: passports with every MCI intermediate, create, partial
update, components; the same permissions as the pages."""

from __future__ import annotations

import json

import pytest

from circularcities.buildings import services

pytestmark = pytest.mark.django_db

PEOPLE = ["owner", "member", "outsider", "anonymous", "secretariat"]
ALLOWED = {"owner", "secretariat"}


def _client(client, request, who):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    return client


def _denied(who):
    return 401 if who == "anonymous" else 403


def test_passport_has_every_intermediate(client, building, owner):
    services.set_published(owner, building, True)
    body = client.get(f"/api/buildings/{building.pk}").json()
    assert body["name"] == "Test hall" and body["mass_kg"] == 25000
    beam = next(c for c in body["components"] if c["id"] == "B-1")
    assert set(beam) >= {"virgin_kg", "waste_direct_kg", "waste_collection_kg",
                         "waste_feedstock_kg", "waste_kg", "lfi", "utility", "utility_factor", "mci"}
    assert 0 <= body["mci"] <= 1
    assert body["quality"]["mass"]["measured"] == 0.5


@pytest.mark.parametrize("who, seen", [("anonymous", False), ("outsider", False), ("member", True),
                                       ("owner", True)])
def test_drafts_hidden(client, request, building, who, seen):
    c = _client(client, request, who)
    assert c.get(f"/api/buildings/{building.pk}").status_code == (200 if seen else 404)
    ids = [b["id"] for b in c.get("/api/buildings/").json()]
    assert (building.pk in ids) == seen


@pytest.mark.parametrize("who", PEOPLE)
def test_create_and_patch(client, request, building, who):
    c = _client(client, request, who)
    r = c.post("/api/buildings/", json.dumps({"city": "amsterdam", "name": "New school", "use": "education",
                                             "lat": 52.3, "lon": 4.9}),
               content_type="application/json")
    assert r.status_code == (201 if who in ALLOWED else _denied(who)), r.content
    r = c.patch(f"/api/buildings/{building.pk}", json.dumps({"address": "Dam 1"}),
                content_type="application/json")
    assert r.status_code == (200 if who in ALLOWED else _denied(who) if who == "anonymous"
                             else 403), r.content
    building.refresh_from_db()
    assert (building.address == "Dam 1") == (who in ALLOWED)
    assert building.year_built == 2020  # a partial update keeps what was not sent


def test_field_errors_are_422(client, owner, building):
    client.force_login(owner)
    r = client.patch(f"/api/buildings/{building.pk}", json.dumps({"lat": 123}),
                     content_type="application/json")
    assert r.status_code == 422 and "lat" in r.content.decode()
    r = client.put(f"/api/buildings/{building.pk}/components",
                   json.dumps({"reference": "X", "reusable_share": 0.9, "recyclable_share": 0.9}),
                   content_type="application/json")
    assert r.status_code == 422 and "recyclable_share" in r.content.decode()


def test_put_component(client, owner, building):
    client.force_login(owner)
    r = client.put(f"/api/buildings/{building.pk}/components", json.dumps({
        "reference": "W-1", "name": "Window", "origin": "reused", "reusable_share": 1,
        "recyclable_share": 0, "materials": [{"material": "glass", "mass_kg": 100, "waste_code": "17 02 02"}]}),
        content_type="application/json")
    assert r.status_code == 200, r.content
    window = next(c for c in r.json()["components"] if c["id"] == "W-1")
    assert window["mci"] == 1 and window["virgin_kg"] == 0


def test_availability(client, building, owner):
    import datetime as dt

    end = dt.date(dt.date.today().year + 3, 6, 30)
    services.save_building(owner, data={"published": True, "planned_end_of_use": end},
                           building=building)
    r = client.get("/api/buildings/availability?city=amsterdam&horizon_years=50")
    assert r.status_code == 200, r.content
    mine = next(b for b in r.json() if b["id"] == building.pk)
    assert {"year": end.year, "material": "timber", "tonnes": 4.0} in mine["rows"]
    assert client.get("/api/buildings/availability?city=nowhere").status_code == 404
    assert client.get("/api/buildings/availability?city=amsterdam&horizon_years=0").status_code == 422
