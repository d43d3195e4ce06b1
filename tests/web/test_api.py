import pytest

pytestmark = pytest.mark.django_db


def test_openapi_schema(client):
    schema = client.get("/api/openapi.json").json()
    assert schema["info"]["title"] == "Circular Cities Platform API"
    for path in ["/api/cities", "/api/areas", "/api/working-groups", "/api/events", "/api/cases/search"]:
        assert path in schema["paths"], path


def test_read_endpoints(client, demo):
    cities = client.get("/api/cities").json()
    bonn = next(c for c in cities if c["slug"] == "bonn")
    assert bonn["name_zh"] and bonn["lat"] is not None
    assert len(client.get("/api/areas").json()) == 6
    groups = client.get("/api/working-groups").json()
    assert len(groups) == 6 and any(g["cities"] for g in groups)
    assert client.get("/api/events").json()


def test_not_found_is_a_sentence(client, demo):
    resp = client.get("/api/cities/atlantis")
    assert resp.status_code == 404 and resp.json()["detail"]


def test_validation_error_names_the_field(client, demo):
    resp = client.put("/api/cities/amsterdam/focal-areas", data='{"areas": "x"}',
                      content_type="application/json")
    # Unauthenticated first: 401, before validation.
    assert resp.status_code == 401


def test_validation_error_for_signed_in(client, owner):
    client.force_login(owner)
    resp = client.put("/api/cities/amsterdam/focal-areas", data='{"areas": 5}',
                      content_type="application/json")
    assert resp.status_code == 422
    assert resp.json()["detail"].startswith("Field 'areas'")


def test_healthz(client):
    assert client.get("/healthz").json() == {"status": "ok"}
