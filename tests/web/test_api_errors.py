"""Requests that used to be server errors or broken JSON: now a documented 4xx."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.django_db


def _send(client, method, url, body):
    data = body if isinstance(body, str) else json.dumps(body)
    return getattr(client, method)(url, data=data, content_type="application/json")


def test_body_must_be_an_object(client, owner):
    client.force_login(owner)
    resp = _send(client, "patch", "/api/cities/amsterdam", [])
    assert resp.status_code == 400
    assert resp.json()["detail"] and resp.json()["errors"] == []


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_not_numbers(client, owner, number):
    client.force_login(owner)
    resp = _send(client, "patch", "/api/cities/amsterdam", '{"area_km2": ' + number + '}')
    assert resp.status_code == 400


def test_null_name_is_refused(client, owner, city):
    """The English name is required; another language's name may be cleared (pages then
    show the English one, marked "not yet translated")."""
    client.force_login(owner)
    resp = _send(client, "patch", "/api/cities/amsterdam", {"name_en": None})
    assert resp.status_code == 422 and "name_en" in resp.json()["detail"]
    city = type(city).objects.get(pk=city.pk)
    assert city.name_en
    resp = _send(client, "patch", "/api/cities/amsterdam", {"name_zh": None})
    assert resp.status_code == 200 and resp.json()["name_zh"] == ""


def test_tiny_area_cannot_make_density_infinite(client, owner):
    client.force_login(owner)
    resp = _send(client, "patch", "/api/cities/amsterdam", {"area_km2": 5e-324})
    assert resp.status_code == 422
    assert "Infinity" not in client.get("/api/cities").content.decode()


@pytest.mark.parametrize("url", ["/api/plans/targets/{}", "/api/marketplace/listings/{}"])
def test_ids_beyond_64_bits_are_422(client, url):
    assert client.get(url.format(2**64)).status_code == 422
    assert client.get(url.format(2**63 - 1)).status_code == 404


def test_programme_without_indicators_and_coalition_wide(client, secretariat):
    client.force_login(secretariat)
    resp = _send(client, "post", "/api/plans/programmes", {"slug": "wide", "name_en": "Coalition-wide",
                                                          "city": None})
    assert resp.status_code == 201, resp.content
    assert resp.json()["city"] is None and resp.json()["indicators"] == []
    resp = _send(client, "post", "/api/plans/programmes/wide/projects", {"code": "wide-1", "title_en": "One"})
    assert resp.status_code == 201, resp.content
    projects = client.get("/api/plans/projects")
    assert projects.status_code == 200
    assert next(p for p in projects.json() if p["code"] == "wide-1")["city"] is None


def test_every_status_has_the_error_schema(client):
    doc = client.get("/api/openapi.json").json()
    patch = doc["paths"]["/api/cities/{slug}"]["patch"]["responses"]
    assert {"200", "400", "401", "403", "404", "412", "422", "429"} <= set(patch)
    ref = patch["412"]["content"]["application/json"]["schema"]["$ref"]
    assert ref.endswith("/ErrorOut")


def test_nul_characters_are_400_not_database_errors(client, owner):
    client.force_login(owner)
    assert _send(client, "patch", "/api/cities/amsterdam", {"profile_en": "a\x00b"}).status_code == 400
    assert client.get("/api/cities", {"country": "n\x00l"}).status_code == 400
    assert client.get("/api/cities/ams%00terdam").status_code == 400
