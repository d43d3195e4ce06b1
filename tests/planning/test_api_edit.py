"""API edits: PATCH targets and measures, create and edit programmes and projects; errors name the field."""

import json

import pytest

from circularcities.planning.models import Programme, Project

pytestmark = pytest.mark.django_db

PEOPLE = ["owner", "member", "outsider", "anonymous", "secretariat", "project_owner"]
ALLOWED = {"owner", "secretariat"}


def _client(client, request, who):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    return client


def _patch(c, url, body):
    return c.patch(url, json.dumps(body), content_type="application/json")


def _post(c, url, body):
    return c.post(url, json.dumps(body), content_type="application/json")


def _denied(who):
    return 401 if who == "anonymous" else 403


@pytest.mark.parametrize("who", PEOPLE)
def test_patch_target_and_measure(client, request, who, target, measure):
    c = _client(client, request, who)
    r1 = _patch(c, f"/api/plans/targets/{target.pk}", {"target_value": 45, "title_en": "Recycling 45%"})
    r2 = _patch(c, f"/api/plans/measures/{measure.pk}", {"status": "completed", "budget": 10, "currency": "eur",
                                                        "r_strategies": ["repair"]})
    target.refresh_from_db()
    measure.refresh_from_db()
    ok = who in ALLOWED
    assert r1.status_code == (200 if ok else _denied(who)), r1.content
    assert r2.status_code == (200 if ok else _denied(who)), r2.content
    assert (target.target_value == 45) == ok and (measure.status == "completed") == ok
    if ok:
        assert r1.json()["title_en"] == "Recycling 45%" and r1.json()["status"] in ("on_track", "no_data", "at_risk",
                                                                                  "off_track")
        assert r2.json()["currency"] == "EUR" and r2.json()["r_strategies"] == ["repair"]
    else:
        assert "detail" in r1.json()


@pytest.mark.parametrize(("url", "body", "field"), [
    ("targets", {"target_year": 2010}, "'target_year'"),
    ("targets", {"area": "parks"}, "'area'"),
    ("targets", {"baseline_value": None}, "'baseline_value'"),
    ("measures", {"status": "done"}, "'status'"),
    ("measures", {"budget": 5}, "'currency'"),
    ("measures", {"currency": "EURO"}, "'currency'"),
    ("measures", {"start": "2025-01-01", "end": "2024-01-01"}, "'end'"),
    ("measures", {"r_strategies": ["rethinking"]}, "'r_strategies'"),
    ("measures", {"targets": [999999]}, "'targets'"),
])
def test_patch_errors_name_the_field(client, owner, target, measure, url, body, field):
    client.force_login(owner)
    pk = target.pk if url == "targets" else measure.pk
    resp = _patch(client, f"/api/plans/{url}/{pk}", body)
    assert resp.status_code == 422, resp.content
    assert field in resp.json()["detail"] and resp.json()["detail"].endswith(".")


PROGRAMME = {"slug": "api-fund", "city": "amsterdam", "name_en": "API fund", "funder": "EU", "budget": 1000,
             "currency": "eur", "start": "2024-01-01", "end": "2026-12-31",
             "indicators": ["jobs_created", "funding_raised"], "goals": [{"indicator": "jobs_created", "year": 2025,
                                                                          "value": 20}]}


@pytest.mark.parametrize("who", PEOPLE)
def test_create_and_patch_programme(client, request, who, city):
    c = _client(client, request, who)
    resp = _post(c, "/api/plans/programmes", PROGRAMME)
    ok = who in ALLOWED
    assert resp.status_code == (201 if ok else _denied(who)), resp.content
    assert Programme.objects.filter(slug="api-fund").exists() == ok
    if ok:
        out = resp.json()
        assert out["currency"] == "EUR" and out["goals"] == [{"indicator": "jobs_created", "year": 2025, "value": 20}]
        assert {"key": "funding_raised", "unit": "EUR"} in out["indicators"]
    Programme.objects.get_or_create(slug="api-fund", defaults={"city": city, "name_en": "API fund"})
    resp = _patch(c, "/api/plans/programmes/api-fund", {"name_en": "Renamed", "goals": []})
    assert resp.status_code == (200 if ok else _denied(who)), resp.content
    assert (Programme.objects.get(slug="api-fund").name_en == "Renamed") == ok


@pytest.mark.parametrize(("who", "status"), [("owner", 403), ("secretariat", 201)])
def test_coalition_wide_programme_via_api(client, request, who, status):
    resp = _post(_client(client, request, who), "/api/plans/programmes", {**PROGRAMME, "city": None})
    assert resp.status_code == status
    if status == 201:
        assert resp.json()["city"] is None


@pytest.mark.parametrize(("body", "field"), [
    ({"slug": "Bad Slug"}, "slug"),
    ({"city": "atlantis"}, "'city'"),
    ({"indicators": ["smiles"]}, "'indicators'"),
    ({"goals": [{"indicator": "people_trained", "year": 2025, "value": 1}]}, "'goals'"),
    ({"currency": ""}, "'currency'"),
    ({"end": "2023-01-01"}, "'end'"),
])
def test_programme_errors_name_the_field(client, owner, body, field):
    client.force_login(owner)
    resp = _post(client, "/api/plans/programmes", {**PROGRAMME, **body})
    assert resp.status_code == 422, resp.content
    text = resp.json()["detail"] + json.dumps(resp.json().get("errors", []))
    assert field in text


@pytest.mark.parametrize("who", PEOPLE)
def test_create_project(client, request, who, programme, org, member):
    resp = _post(_client(client, request, who), f"/api/plans/programmes/{programme.slug}/projects",
                 {"code": "api-hub", "title_en": "API hub", "organisation": org.slug, "owners": ["member"],
                  "budget": 500, "currency": "EUR"})
    ok = who in ALLOWED
    assert resp.status_code == (201 if ok else _denied(who)), resp.content
    if ok:
        assert resp.json()["owners"] == ["member"] and resp.json()["budget"] == 500
    assert Project.objects.filter(code="api-hub").exists() == ok


@pytest.mark.parametrize("who", PEOPLE + ["other_business"])
def test_patch_project(client, request, who, project, org):
    c = _client(client, request, who)
    r_desc = _patch(c, f"/api/plans/projects/{project.code}", {"description_en": "By API"})
    r_owner = _patch(c, f"/api/plans/projects/{project.code}", {"organisation": None})
    project.refresh_from_db()
    may_describe = who in ALLOWED | {"project_owner"}
    assert r_desc.status_code == (200 if may_describe else _denied(who)), r_desc.content
    assert (project.description_en == "By API") == may_describe
    assert r_owner.status_code == (200 if who in ALLOWED else _denied(who)), r_owner.content
    assert (project.organisation is None) == (who in ALLOWED)
    if who == "project_owner":
        assert "organisation" in r_owner.json()["detail"]


def test_project_errors_name_the_field(client, owner, programme, project):
    client.force_login(owner)
    url = f"/api/plans/programmes/{programme.slug}/projects"
    for body, field in [({"code": project.code}, "'code'"), ({"owners": ["ghost"]}, "'owners'"),
                        ({"organisation": "nobody"}, "'organisation'"), ({"budget": 5}, "'currency'")]:
        resp = _post(client, url, {"code": "api-hub", "title_en": "Hub", **body})
        assert resp.status_code == 422 and field in resp.json()["detail"], (body, resp.content)
