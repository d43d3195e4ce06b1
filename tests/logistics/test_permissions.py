"""Who may do what: the city's editors and the secretariat write; members read;
outsiders and anonymous visitors are refused (published scenarios are public)."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from circularcities.logistics import models as m

pytestmark = pytest.mark.django_db

CSV = b"id,municipality,lat,lon,quantity_t\nN0,North,52.4,4.9,0.3\nS0,South,52.3,4.88,0.4\n"


def writes(scenario, workbook_bytes):
    """(name, url, data) for every write on a scenario."""
    pk = scenario.pk
    point = scenario.points.first()
    plan = scenario.plans.first()
    depot = scenario.depots.first()
    return [
        ("upload points", f"/logistics/{pk}/points/",
         lambda: {"file": SimpleUploadedFile("p.csv", CSV), "replace": "on"}),
        ("replace workbook", f"/logistics/{pk}/workbook/",
         lambda: {"file": SimpleUploadedFile("s.xlsx", workbook_bytes())}),
        ("place", f"/logistics/{pk}/place/",
         lambda: {"kind": "depot", "code": "d9", "municipality": "North", "lat": 52.4, "lon": 4.9}),
        ("delete point", f"/logistics/{pk}/point/{point.pk}/delete/", dict),
        ("add vehicle", f"/logistics/{pk}/vehicles/",
         lambda: {"code": "v9", "depot": depot.pk, "count": 1, "capacity_t": 3, "cost_per_km": 1,
                  "cost_per_hour": 1, "cost_per_day": 1, "speed_kmh": 30, "co2e_kg_per_km": 0.5,
                  "shift_hours": 8}),
        ("add plan", f"/logistics/{pk}/plans/", lambda: {"name": "P", "groups": "North + South"}),
        ("delete plan", f"/logistics/{pk}/plans/{plan.pk}/delete/", dict),
        ("run", f"/logistics/{pk}/run/", lambda: {"seconds": 0.2, "seed": 0, "mode": "plans"}),
    ]


WRITE_NAMES = ["upload points", "replace workbook", "place", "delete point", "add vehicle",
               "add plan", "delete plan", "run"]


@pytest.mark.parametrize("name", WRITE_NAMES)
@pytest.mark.parametrize("who,allowed", [("owner", True), ("secretariat", True),
                                         ("member", False), ("outsider", False),
                                         ("anonymous", False)])
def test_every_write(client, request, scenario, workbook_bytes, name, who, allowed):
    url, data = next((u, d) for n, u, d in writes(scenario, workbook_bytes) if n == name)
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    before = (scenario.points.count(), scenario.depots.count(), scenario.plans.count(),
              scenario.vehicle_types.count(), scenario.runs.count())
    resp = client.post(url, data())
    after = (scenario.points.count(), scenario.depots.count(), scenario.plans.count(),
             scenario.vehicle_types.count(), scenario.runs.count())
    if allowed:
        assert resp.status_code == 302, resp.content.decode()[:2000]
        if name not in ("replace workbook", "upload points"):
            assert after != before
    else:
        expected = 302 if who == "anonymous" else 403
        assert resp.status_code == expected
        if who == "anonymous":
            assert "/accounts/login/" in resp["Location"]
        else:
            assert "editors of Amsterdam" in resp.content.decode()
        assert after == before


@pytest.mark.parametrize("who,status", [("owner", 200), ("member", 200), ("secretariat", 200),
                                        ("outsider", 403), ("anonymous", 403)])
def test_viewing_an_unpublished_scenario(client, request, scenario, who, status):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    assert client.get(f"/logistics/{scenario.pk}/").status_code == status
    assert client.get(f"/api/logistics/scenarios/{scenario.pk}").status_code == status
    listed = [s["id"] for s in client.get("/api/logistics/scenarios").json()]
    assert (scenario.pk in listed) == (status == 200)


def test_member_sees_no_edit_forms(client, member, scenario):
    client.force_login(member)
    html = client.get(f"/logistics/{scenario.pk}/").content.decode()
    assert 'data-testid="run-form"' not in html and 'data-testid="place-form"' not in html


def test_published_demo_is_public_but_read_only(client, outsider):
    demo = m.Scenario.objects.get(is_demo=True)
    assert client.get(f"/logistics/{demo.pk}/").status_code == 200
    client.force_login(outsider)
    assert 'data-testid="run-form"' not in client.get(f"/logistics/{demo.pk}/").content.decode()
    assert client.post(f"/logistics/{demo.pk}/run/", {"seconds": 0.2, "seed": 0,
                                                     "mode": "plans"}).status_code == 403


@pytest.mark.parametrize("who,status", [("owner", 201), ("secretariat", 201), ("member", 403),
                                        ("outsider", 403), ("anonymous", 401)])
def test_api_start_run(client, request, scenario, who, status):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    resp = client.post(f"/api/logistics/scenarios/{scenario.pk}/runs",
                       json.dumps({"seconds": 0.2}), content_type="application/json")
    assert resp.status_code == status, resp.content
    assert scenario.runs.count() == (1 if status == 201 else 0)


@pytest.mark.parametrize("who,allowed", [("owner", True), ("secretariat", True), ("member", False),
                                         ("outsider", False)])
def test_creating_a_scenario_for_a_city(client, request, city, who, allowed):
    client.force_login(request.getfixturevalue(who))
    resp = client.post("/logistics/new/", {"city": city.pk, "name": "Fresh", "currency": "eur",
                                           "circuity": 1.3})
    assert m.Scenario.objects.filter(name="Fresh").exists() == allowed
    assert resp.status_code in ((302,) if allowed else (400, 403))
    if allowed:
        assert m.Scenario.objects.get(name="Fresh").currency == "EUR"


def test_anonymous_cannot_create(client, city):
    resp = client.post("/logistics/new/", {"city": city.pk, "name": "Fresh", "currency": "EUR",
                                           "circuity": 1.3})
    assert resp.status_code == 302 and "/accounts/login/" in resp["Location"]
    assert not m.Scenario.objects.filter(name="Fresh").exists()


def test_only_the_secretariat_keeps_scenarios_without_a_city(client, secretariat, owner):
    client.force_login(owner)
    client.post("/logistics/new/", {"city": "", "name": "Nobody's", "currency": "EUR", "circuity": 1.3})
    assert not m.Scenario.objects.filter(name="Nobody's").exists()
    client.force_login(secretariat)
    client.post("/logistics/new/", {"city": "", "name": "Nobody's", "currency": "EUR", "circuity": 1.3})
    assert m.Scenario.objects.get(name="Nobody's").city is None


def test_outsider_cannot_see_a_run(client, owner, outsider, scenario):
    client.force_login(owner)
    client.post(f"/logistics/{scenario.pk}/run/", {"seconds": 0.2, "seed": 0, "mode": "plans"})
    run = scenario.runs.get()
    client.force_login(outsider)
    assert client.get(f"/logistics/runs/{run.pk}/").status_code == 403
    assert client.get(f"/logistics/runs/{run.pk}/export.csv").status_code == 403
    assert client.get(f"/api/logistics/runs/{run.pk}").status_code == 403
