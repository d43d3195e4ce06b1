"""Owner (the city's editor), member, outsider and the public, on pages and the API."""

from __future__ import annotations

import json

import pytest

from circularcities.systems import services
from circularcities.systems.models import System
from tests.conftest import login

pytestmark = pytest.mark.django_db


def edit_url(system, action):
    return f"/systems/{system.pk}/edit/{action}"


def test_drafts_are_for_the_city_only(client, system, owner, member, outsider):
    url = system.get_absolute_url()
    assert client.get(url).status_code == 403  # public
    assert login(client, outsider).get(url).status_code == 403
    assert login(client, member).get(url).status_code == 200
    assert login(client, owner).get(url).status_code == 200


def test_published_systems_are_read_by_everyone(client, system, outsider):
    services.accept_imbalance(system, None, process="plant", layer="energy", reason="metering")
    services.publish(system, None)
    assert client.get(system.get_absolute_url()).status_code == 200
    assert client.get(f"/systems/{system.pk}/system.json").status_code == 200
    assert login(client, outsider).get(system.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("who, status", [("owner", 302), ("member", 403), ("outsider", 403)])
def test_only_the_owner_edits(client, system, owner, member, outsider, who, status):
    user = {"owner": owner, "member": member, "outsider": outsider}[who]
    response = login(client, user).post(edit_url(system, "process"), {"code": "farm", "name": "Farm"})
    assert response.status_code == status
    assert system.processes.filter(code="farm").exists() == (who == "owner")


def test_public_cannot_edit(client, system):
    response = client.post(edit_url(system, "process"), {"code": "farm"})
    assert response.status_code == 302 and "/login" in response["Location"]
    assert not system.processes.filter(code="farm").exists()


def test_create_needs_the_city_editor(client, city, owner, member):
    data = {"name": "New", "scope": "district", "area": "Noord", "first_year": 2020, "last_year": 2025,
            "layers": ["water", "carbon"]}
    assert login(client, member).post(f"/systems/new/{city.slug}/", data).status_code == 403
    response = login(client, owner).post(f"/systems/new/{city.slug}/", data)
    assert response.status_code == 302
    system = System.objects.filter(city=city).get(translations__name="New")
    assert list(system.layers.values_list("code", "unit")) == [("water", "m3"), ("carbon", "t CO2e")]


def test_api_reads_and_writes(client, system, owner, member, outsider):
    assert client.get(f"/api/systems/{system.pk}").status_code == 403
    public = [s["id"] for s in client.get(f"/api/systems/cities/{system.city.slug}").json()]
    assert system.pk not in public and public  # the demo's published systems, not the draft
    login(client, member)
    assert client.get(f"/api/systems/{system.pk}/balance").json()["issues"][0]["process"] == "plant"
    body = {"process": "plant", "layer": "energy", "year": 2021, "reason": "Heat loss"}
    assert client.post(f"/api/systems/{system.pk}/acceptances", json.dumps(body),
                       content_type="application/json").status_code == 403
    login(client, outsider)
    assert client.post(f"/api/systems/{system.pk}/acceptances", json.dumps(body),
                       content_type="application/json").status_code == 403
    login(client, owner)
    response = client.post(f"/api/systems/{system.pk}/acceptances", json.dumps(body), content_type="application/json")
    assert response.status_code == 201 and response.json()["status"] == "accepted"


def test_stock_models_follow_the_same_rules(client, stock_model, owner, outsider):
    url = stock_model.get_absolute_url()
    assert client.get(url).status_code == 403
    assert login(client, outsider).get(url).status_code == 403
    assert login(client, owner).get(url).status_code == 200
    assert client.get(f"/api/systems/stock-models/{stock_model.pk}").json()["result"]["years"][0] == 2010
