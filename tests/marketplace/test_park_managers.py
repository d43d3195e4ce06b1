"""Industrial parks run by their managers: who may change a park, its facilities and its
exchanges; the one write path (form and API say the same); the Sankey follows the edits;
park text per language; the registry's shares are computed."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import translation

from circularcities.core.rules import FieldError
from circularcities.marketplace.models import Facility, Flow, Park
from circularcities.marketplace.services import (
    add_park_manager,
    save_facility,
    save_flow,
    save_park,
)
from circularcities.marketplace.views.parks import sankey
from circularcities.web.translated import translated
from tests.conftest import _user
from tests.marketplace.conftest import AMS

pytestmark = pytest.mark.django_db


@pytest.fixture
def park(city, secretariat):
    p = save_park(secretariat, {"name": "Test Westpoort park", "city": city, "lat": AMS[0], "lon": AMS[1],
                                "radius_km": 5, "level": "province", "applies_symbiosis": True})
    save_facility(secretariat, p, {"name": "Test power plant", "kind": "plant", "lat": AMS[0], "lon": AMS[1]})
    save_facility(secretariat, p, {"name": "Test greenhouse", "kind": "user", "lat": AMS[0] + 0.01,
                                   "lon": AMS[1]})
    return p


@pytest.fixture
def other_park(other_city, secretariat):
    return save_park(secretariat, {"name": "Test other park", "city": other_city, "lat": 43.8, "lon": 125.3})


@pytest.fixture
def manager(park, secretariat):
    user = _user("park-manager", "business")
    add_park_manager(secretariat, park, user.username)
    return user


@pytest.fixture
def other_manager(other_park, secretariat):
    user = _user("other-manager", "business")
    add_park_manager(secretariat, other_park, user.username)
    return user


FACILITY = {"name": "Test brewery", "kind": "plant", "lat": AMS[0] + 0.002, "lon": AMS[1] + 0.002}


@pytest.mark.parametrize(("who", "allowed"), [
    ("manager", True), ("owner", True), ("secretariat", True),
    ("other_manager", False), ("outsider", False), ("member", False),
])
def test_who_may_add_a_facility(request, park, who, allowed):
    user = request.getfixturevalue(who)
    if allowed:
        f = save_facility(user, park, FACILITY)
        assert f.park == park and translated(f, "name").text == "Test brewery"
    else:
        with pytest.raises(PermissionDenied):
            save_facility(user, park, FACILITY)
        assert not park.facilities.filter(translations__name="Test brewery").exists()


@pytest.mark.parametrize(("who", "allowed"), [
    ("owner", True), ("secretariat", True), ("manager", False), ("other_manager", False), ("outsider", False),
])
def test_managers_are_named_by_the_secretariat_or_the_city_editors(request, park, manager, who, allowed):
    user = request.getfixturevalue(who)
    _user("newcomer", "business")
    if allowed:
        add_park_manager(user, park, "newcomer")
        assert park.managers.filter(username="newcomer").exists()
    else:
        with pytest.raises(PermissionDenied):
            add_park_manager(user, park, "newcomer")


def test_only_the_secretariat_or_city_editors_create_a_park(city, owner, outsider, manager):
    data = {"name": "Test new park", "city": city, "lat": 52.4, "lon": 4.8}
    assert save_park(owner, data).city == city
    for user in (outsider, manager):
        with pytest.raises(PermissionDenied):
            save_park(user, {**data, "name": "Test refused park"})


def test_exchange_changes_the_sankey(park, manager):
    before = sankey(park)
    assert len(before["node_labels"]) == 2 and before["links"]["value"] == []
    save_facility(manager, park, FACILITY)
    flow = save_flow(manager, park, {"source": "test-power-plant", "target": "test-greenhouse", "kind": "energy",
                                     "name_en": "Waste heat", "annual_quantity": 1200, "unit": "MWh",
                                     "value": 30000, "currency": "eur", "value_year": 2023})
    save_flow(manager, park, {"source": "test-brewery", "target": "test-greenhouse", "kind": "material",
                              "name_en": "CO2", "annual_quantity": 40, "unit": "t"})
    after = sankey(park)
    assert len(after["node_labels"]) == 3 and "Test brewery" in after["node_labels"]
    assert after["links"]["source"] == [0, 2] and after["links"]["target"] == [1, 1]
    assert after["links"]["value"] == [100.0, 100.0]  # each the largest of its unit
    assert after["mode"] == "per_unit"
    assert "1,200 MWh a year" in after["links"]["label"][0]
    v = flow.values.get()
    assert (v.amount, v.currency, v.year) == (30000, "EUR", 2023)
    save_flow(manager, park, {"source": "test-power-plant", "target": "test-greenhouse", "kind": "energy",
                              "name_en": "Steam", "annual_quantity": 12, "unit": "MWh"})
    widths = sankey(park)["links"]["value"]
    assert widths[0] == 100.0 and widths[2] == pytest.approx(3.0)  # 1 % of 1,200 drawn at the 3 % floor


@pytest.mark.parametrize(("data", "field"), [
    ({"lat": 95}, "lat"),
    ({"lon": -181}, "lon"),
])
def test_facility_coordinates_are_checked(park, manager, data, field):
    with pytest.raises(FieldError) as exc:
        save_facility(manager, park, {**FACILITY, **data})
    assert exc.value.field == field


@pytest.mark.parametrize(("data", "field"), [
    ({"annual_quantity": -3, "unit": "t"}, "annual_quantity"),
    ({"annual_quantity": 3, "unit": "barrels"}, "unit"),
    ({"value": 10, "currency": "RMB", "value_year": 2020}, "currency"),
    ({"value": 10, "currency": "CNY", "value_year": 20230}, "value_year"),
    ({"value": 0, "currency": "CNY", "value_year": 2020}, "value"),
    ({"target": "test-power-plant"}, "target"),
    ({"source": "nowhere"}, "source"),
])
def test_exchange_values_are_checked(park, manager, data, field):
    base = {"source": "test-power-plant", "target": "test-greenhouse", "kind": "energy", "name_en": "Heat"}
    with pytest.raises(FieldError) as exc:
        save_flow(manager, park, {**base, **data})
    assert exc.value.field == field
    assert not Flow.objects.filter(park=park).exists()


def test_park_text_per_language_with_visible_fallback(park, manager):
    save_park(manager, {"language": "zh-hans", "name": "测试西港园区", "description": "中文说明"}, park)
    park = Park.objects.get(pk=park.pk)
    assert translated(park, "name", "zh-hans").text == "测试西港园区"
    assert translated(park, "name", "en").text == "Test Westpoort park"
    t = translated(park, "description", "en")
    assert t.text == "" and not t.is_fallback
    # A partial update of one field leaves the others alone.
    save_park(manager, {"radius_km": 7}, park)
    park = Park.objects.get(pk=park.pk)
    assert park.radius_km == 7 and park.level == "province" and park.applies_symbiosis is True
    assert translated(park, "name", "zh-hans").text == "测试西港园区"


def test_demo_parks_translations_read_through_translated():
    p = Park.objects.get(slug="beijing-chaoyang")
    with translation.override("zh-hans"):
        assert translated(p, "name").text == "北京市朝阳循环经济产业园"
    assert translated(p, "name", "en").text.startswith("Beijing Chaoyang")
    assert translated(p.facilities.get(slug="wte"), "name", "zh-hans").text == "垃圾焚烧发电厂"


def test_china_hub_demo_parks_with_source_and_estimates():
    changchun = Park.objects.get(slug="changchun-circular-park")
    datong = Park.objects.get(slug="datong-bulk-solid-waste-base")
    assert changchun.city.slug == "changchun" and datong.city.slug == "datong"
    assert "10 km²" in translated(changchun, "notes", "en").text
    assert {f.slug for f in changchun.facilities.all()} >= {"incineration", "food", "medical", "dismantling", "thermal"}
    for p in (changchun, datong):
        assert p.sources == ["ICLEI China hub page"] and p.is_demo
        assert "estimate" in translated(p, "coordinates_note", "en").text
        assert p.flows.exists()
        assert all(fl.source_note.startswith("Estimate") for fl in p.flows.all())
        assert all(fl.annual_quantity is None for fl in p.flows.all())  # the page gives no quantities


def test_edit_pages_for_the_manager_only(client, park, manager, other_manager):
    client.force_login(other_manager)
    assert client.get(reverse("marketplace:facility_new", args=[park.slug])).status_code == 403
    assert client.get(reverse("marketplace:park_edit", args=[park.slug])).status_code == 403
    assert 'data-testid="park-manage"' not in client.get(park.get_absolute_url()).content.decode()
    client.force_login(manager)
    assert 'data-testid="park-manage"' in client.get(park.get_absolute_url()).content.decode()
    resp = client.post(reverse("marketplace:facility_new", args=[park.slug]),
                       {"language": "en", "name": "Test depot", "kind": "plant", "lat": "95", "lon": "4.9"})
    assert resp.status_code == 400 and "Expected a latitude between -90 and 90; got 95." in resp.content.decode()
    resp = client.post(reverse("marketplace:facility_new", args=[park.slug]),
                       {"language": "en", "name": "Test depot", "kind": "plant", "lat": "52.37", "lon": "4.9",
                        "inside_park": "on"})
    assert resp.status_code == 302
    resp = client.post(reverse("marketplace:flow_new", args=[park.slug]),
                       {"source": "test-depot", "target": "test-greenhouse", "kind": "material", "name_en": "Pallets",
                        "annual_quantity": "12", "unit": "t", "value": "500", "currency": "EUR", "value_year": "2024"})
    assert resp.status_code == 302, resp.content.decode()[:2000]
    flow = Flow.objects.get(park=park, translations__language_code="en", translations__name="Pallets")
    assert flow.annual_quantity == 12 and flow.values.get().year == 2024
    body = client.get(park.get_absolute_url()).content.decode()
    assert "Pallets" in body and "500 EUR" in body
    resp = client.post(reverse("marketplace:park_edit", args=[park.slug]) + "?language=zh-hans",
                       {"language": "zh-hans", "name": "测试园区", "lat": "52.37", "lon": "4.9", "radius_km": "5",
                        "level": "province", "applies_symbiosis": "yes"})
    assert resp.status_code == 302
    assert "测试园区" in client.get("/zh-hans" + park.get_absolute_url()).content.decode()


def _api(client, method, url, body):
    return getattr(client, method)(url, json.dumps(body), content_type="application/json")


def test_api_manager_adds_facility_and_exchange_and_the_sankey_follows(client, park, manager, outsider):
    url = f"/api/marketplace/parks/{park.slug}"
    before = client.get(url + "/sankey").json()
    client.force_login(outsider)
    assert _api(client, "post", url + "/facilities", FACILITY).status_code == 403
    client.force_login(manager)
    resp = _api(client, "post", url + "/facilities", FACILITY)
    assert resp.status_code == 201 and resp.json()["slug"] == "test-brewery"
    resp = _api(client, "post", url + "/flows", {"source": "test-brewery", "target": "test-greenhouse",
                                                 "kind": "material", "name_en": "CO2", "annual_quantity": 40,
                                                 "unit": "t", "value": 800, "currency": "EUR", "value_year": 2023})
    assert resp.status_code == 201, resp.json()
    flow_id = resp.json()["id"]
    after = client.get(url + "/sankey").json()
    assert len(after["node_labels"]) == len(before["node_labels"]) + 1
    assert len(after["links"]["value"]) == len(before["links"]["value"]) + 1
    resp = _api(client, "patch", f"{url}/flows/{flow_id}", {"annual_quantity": 55})
    assert resp.status_code == 200 and resp.json()["annual_quantity"] == 55
    assert resp.json()["values"][0]["currency"] == "EUR"  # not sent, not changed
    resp = _api(client, "patch", f"{url}/flows/{flow_id}", {"currency": "RMB"})
    assert resp.status_code == 422 and resp.json()["errors"][0]["field"] == "currency"
    resp = _api(client, "patch", url, {"lat": 91})
    assert resp.status_code == 422 and resp.json()["errors"][0]["field"] == "lat"
    detail = client.get(url).json()
    assert detail["level"] == "province" and len(detail["facilities"]) == 3


def test_api_park_creation_and_managers(client, city, owner, outsider):
    client.force_login(outsider)
    body = {"name": "Test API park", "city": city.slug, "lat": 52.4, "lon": 4.9}
    assert _api(client, "post", "/api/marketplace/parks", body).status_code == 403
    client.force_login(owner)
    resp = _api(client, "post", "/api/marketplace/parks", body)
    assert resp.status_code == 201
    slug = resp.json()["slug"]
    _user("api-manager", "business")
    resp = _api(client, "post", f"/api/marketplace/parks/{slug}/managers", {"username": "api-manager"})
    assert resp.status_code == 201 and resp.json()["managers"] == ["api-manager"]
    resp = _api(client, "post", f"/api/marketplace/parks/{slug}/managers", {"username": "nobody-here"})
    assert resp.status_code == 422


def test_registry_shares_are_computed_from_the_parks(client, park, secretariat):
    r = client.get("/api/marketplace/parks-registry").json()
    rows = {x["level"]: x for x in r["rows"]}
    assert rows["province"]["parks"] == 1 and rows["province"]["share"] == 100.0
    assert rows["province"]["target"] == 50.0 and rows["province"]["gap"] == -50.0
    assert rows["state"]["target"] == 75.0
    save_park(secretariat, {"name": "Test second province park", "city": park.city, "lat": 52.3, "lon": 4.8,
                            "level": "province", "applies_symbiosis": False})
    rows = {x["level"]: x for x in client.get("/api/marketplace/parks-registry").json()["rows"]}
    assert rows["province"]["parks"] == 2 and rows["province"]["share"] == 50.0 and rows["province"]["gap"] == 0
    assert r["parks_supported"] == 129 and r["source"] == "ICLEI China hub page"
    body = client.get(reverse("marketplace:park_registry")).content.decode()
    assert 'data-level="province"' in body and "50 %" in body and "129" in body


def test_facility_is_scoped_to_its_park(park, other_park, manager, secretariat):
    foreign = save_facility(secretariat, other_park, {**FACILITY, "lat": 43.8, "lon": 125.3})
    with pytest.raises(FieldError):
        save_flow(manager, park, {"source": foreign, "target": "test-greenhouse", "kind": "material",
                                  "name_en": "x"})
    assert Facility.objects.filter(park=other_park).count() == 1
