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


class TestCityPatch:
    url = "/api/cities/amsterdam"

    def patch(self, client, body):
        import json

        return client.patch(self.url, data=json.dumps(body), content_type="application/json")

    def test_owner_changes_population(self, client, owner, city):
        client.force_login(owner)
        resp = self.patch(client, {"population": 900000, "population_year": 2024})
        assert resp.status_code == 200, resp.content
        city.refresh_from_db()
        assert (city.population, city.population_year) == (900000, 2024)

    def test_bad_latitude_names_the_field(self, client, owner, city):
        client.force_login(owner)
        resp = self.patch(client, {"lat": 123})
        assert resp.status_code == 422 and resp.json()["detail"].startswith("Field 'lat'")
        city.refresh_from_db()
        assert city.lat != 123

    @pytest.mark.parametrize("who", ["member", "outsider"])
    def test_refused(self, client, request, who, city):
        client.force_login(request.getfixturevalue(who))
        assert self.patch(client, {"population": 1}).status_code == 403
        city.refresh_from_db()
        assert city.population != 1

    def test_anonymous(self, client, city):
        assert self.patch(client, {"population": 1}).status_code == 401


class TestCreateEvent:
    body = {"slug": "forum-2027", "kind": "annual-forum", "title_en": "Annual forum 2027",
            "title_zh": "2027年年度论坛", "date": "2027-05-10", "area": "buildings", "cities": ["bonn"]}

    def post(self, client, body):
        import json

        return client.post("/api/events", data=json.dumps(body), content_type="application/json")

    def test_secretariat(self, client, secretariat):
        client.force_login(secretariat)
        resp = self.post(client, self.body)
        assert resp.status_code == 201, resp.content
        assert resp.json()["cities"] == ["bonn"] and resp.json()["area"] == "buildings"

    def test_unknown_city(self, client, secretariat):
        client.force_login(secretariat)
        resp = self.post(client, {**self.body, "cities": ["atlantis"]})
        assert resp.status_code == 422 and "atlantis" in resp.json()["detail"]

    @pytest.mark.parametrize("who", ["owner", "member", "outsider"])
    def test_others_refused(self, client, request, who):
        client.force_login(request.getfixturevalue(who))
        assert self.post(client, self.body).status_code == 403


@pytest.mark.parametrize("method, url", [("patch", "/api/cities/amsterdam"), ("post", "/api/events")])
def test_anonymous_script_is_told_to_sign_in(demo, method, url):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    resp = getattr(client, method)(url, data="{}", content_type="application/json")
    assert resp.status_code == 401
    assert "token" in resp.json()["detail"]
    bad = getattr(client, method)(url, data="{}", content_type="application/json",
                                  HTTP_AUTHORIZATION="Bearer cc_not-a-token")
    assert bad.status_code == 401


def test_signed_in_session_still_needs_csrf(demo, owner):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(owner)
    resp = client.patch("/api/cities/amsterdam", data='{"population": 5}', content_type="application/json")
    assert resp.status_code == 403 and "CSRF" in resp.json()["detail"]
