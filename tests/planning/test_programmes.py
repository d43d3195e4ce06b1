"""Creating and editing programmes and projects: who may, what is checked, what the pages show."""

import pytest
from django.urls import reverse

from circularcities.planning.models import Programme, ProgrammeGoal, Project

pytestmark = pytest.mark.django_db

PEOPLE = ["owner", "member", "outsider", "anonymous", "secretariat", "project_owner"]
ALLOWED = {"owner", "secretariat"}


def _client(client, request, who):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    return client


def _programme_post(c, **extra):
    return {"slug": "ams-repair-fund", "city": c.pk, "name_en": "Repair fund", "name_zh": "维修基金",
            "funder": "City of Amsterdam", "budget": "250000", "currency": "eur", "start": "2024-01-01",
            "end": "2027-12-31", "indicators": ["items_refurbished", "funding_raised"],
            "goals": "items_refurbished 2025: 1000\nitems_refurbished 2026: 1500", **extra}


@pytest.mark.parametrize("who", PEOPLE)
def test_create_programme(client, request, who, city):
    resp = _client(client, request, who).post(reverse("planning:create_programme"), _programme_post(city))
    p = Programme.objects.filter(slug="ams-repair-fund").first()
    assert (p is not None) == (who in ALLOWED)
    if p:
        assert resp.status_code == 302 and p.city == city and p.currency == "EUR"
        assert p.indicators == ["items_refurbished", "funding_raised"]
        assert list(p.goals.values_list("indicator", "year", "value")) == [
            ("items_refurbished", 2025, 1000.0), ("items_refurbished", 2026, 1500.0)]
    elif who == "anonymous":
        assert resp.status_code == 302 and "/accounts/login/" in resp["Location"]
    else:
        assert resp.status_code in (400, 403)


def test_outsider_cannot_create_a_programme_for_another_city(client, outsider, city, other_city):
    client.force_login(outsider)
    resp = client.post(reverse("planning:create_programme"), _programme_post(city))
    assert resp.status_code == 400 and not Programme.objects.filter(slug="ams-repair-fund").exists()
    resp = client.post(reverse("planning:create_programme"), _programme_post(other_city))
    assert resp.status_code == 302 and Programme.objects.get(slug="ams-repair-fund").city == other_city


@pytest.mark.parametrize(("who", "allowed"), [("owner", False), ("secretariat", True)])
def test_coalition_wide_programmes_are_the_secretariats(client, request, who, allowed, city):
    c = _client(client, request, who)
    c.post(reverse("planning:create_programme"), _programme_post(city, city=""))
    p = Programme.objects.filter(slug="ams-repair-fund").first()
    assert (p is not None and p.city is None) == allowed
    if p:
        html = client.get(p.get_absolute_url()).content.decode()
        assert "coalition-wide" in html and "1,000" in html and "EUR" in html


@pytest.mark.parametrize("who", PEOPLE)
def test_edit_programme(client, request, who, programme):
    c = _client(client, request, who)
    c.post(reverse("planning:edit_programme", args=[programme.slug]),
           {"city": programme.city.pk, "name_en": "Renamed fund", "indicators": ["jobs_created"],
            "goals": "jobs_created 2025: 10"})
    programme.refresh_from_db()
    assert (programme.name_en == "Renamed fund") == (who in ALLOWED)
    assert ProgrammeGoal.objects.filter(programme=programme).exists() == (who in ALLOWED)


@pytest.mark.parametrize(("data", "field", "message"), [
    ({"currency": "EURO"}, "currency", "ISO 4217"),
    ({"currency": ""}, "currency", "needs its currency"),
    ({"end": "2023-01-01"}, "end", "must not be before"),
    ({"goals": "jobs_created 2025: 10"}, "goals", "does not track"),
    ({"goals": "items_refurbished twenty: 10"}, "goals", "Line 1"),
])
def test_programme_form_says_what_is_wrong(client, owner, city, data, field, message):
    client.force_login(owner)
    resp = client.post(reverse("planning:create_programme"), _programme_post(city, **data))
    assert resp.status_code == 400
    html = resp.content.decode()
    assert message in html and 'data-testid="form-errors"' in html
    assert not Programme.objects.filter(slug="ams-repair-fund").exists()


def _project_post(**extra):
    return {"code": "ams-new-hub", "title_en": "New hub", "title_zh": "新中心", "description_en": "A hub.",
            "organisation": "", "owner_names": "", "start": "2024-01-01", "end": "2025-12-31",
            "grant": "40000", "currency": "EUR", "reports_quarterly": "on", **extra}


@pytest.mark.parametrize("who", PEOPLE)
def test_create_project(client, request, who, programme, org, member):
    resp = _client(client, request, who).post(reverse("planning:create_project", args=[programme.slug]),
                                              _project_post(organisation=org.pk, owner_names="member"))
    p = Project.objects.filter(code="ams-new-hub").first()
    assert (p is not None) == (who in ALLOWED)
    if p:
        assert resp.status_code == 302 and p.organisation == org and p.programme == programme
        assert [u.username for u in p.owners.all()] == ["member"]
    elif who != "anonymous":
        assert resp.status_code == 403


def test_project_form_refuses_unknown_owner_and_bad_period(client, owner, programme):
    client.force_login(owner)
    url = reverse("planning:create_project", args=[programme.slug])
    resp = client.post(url, _project_post(owner_names="nobody-here"))
    assert resp.status_code == 400 and "nobody-here" in resp.content.decode()
    resp = client.post(url, _project_post(end="2023-01-01"))
    assert resp.status_code == 400 and "must not be before" in resp.content.decode()
    assert not Project.objects.filter(code="ams-new-hub").exists()


EDIT_PEOPLE = PEOPLE + ["other_business"]


@pytest.mark.parametrize("who", EDIT_PEOPLE)
def test_edit_project(client, request, who, project, org, outsider):
    """Editors change everything; the project's owners only its description, never its owner."""
    c = _client(client, request, who)
    resp = c.post(reverse("planning:edit_project", args=[project.code]),
                  _project_post(code=project.code, title_en="Renamed", description_en="New text",
                                organisation="", owner_names="outsider"))
    project.refresh_from_db()
    if who in ALLOWED:
        assert project.title_en == "Renamed" and project.organisation is None
        assert [u.username for u in project.owners.all()] == ["outsider"]
    elif who == "project_owner":
        assert resp.status_code == 302 and project.description_en == "New text"
        assert project.title_en == "Repair hub" and project.organisation == org and not project.owners.exists()
    else:
        assert project.description_en == "" and project.title_en == "Repair hub"
        assert resp.status_code == (302 if who == "anonymous" else 403)


def test_named_owner_edits_description_only(client, project, make_user):
    person = make_user("named2", "public")
    project.owners.add(person)
    client.force_login(person)
    page = client.get(reverse("planning:edit_project", args=[project.code])).content.decode()
    assert "id_description_en" in page and "id_organisation" not in page and "id_owner_names" not in page
    client.post(reverse("planning:edit_project", args=[project.code]), {"description_en": "Ours"})
    project.refresh_from_db()
    assert project.description_en == "Ours" and project.owners.get() == person


def test_pages_show_edit_links_to_those_who_may(client, owner, member, programme, project, project_owner):
    client.force_login(member)
    assert 'data-testid="edit-programme"' not in client.get(programme.get_absolute_url()).content.decode()
    assert 'data-testid="edit-project"' not in client.get(project.get_absolute_url()).content.decode()
    client.force_login(project_owner)
    assert 'data-testid="edit-project"' in client.get(project.get_absolute_url()).content.decode()
    client.force_login(owner)
    html = client.get(programme.get_absolute_url()).content.decode()
    assert 'data-testid="edit-programme"' in html and 'data-testid="add-project"' in html
    assert 'data-testid="add-programme"' in client.get(reverse("planning:city_plan", args=["amsterdam"])).content.decode()


@pytest.mark.parametrize("path", ["/plans/programmes/new/", "/zh-hans/plans/programmes/new/",
                                  "/plans/programmes/ams-fund/edit/", "/plans/programmes/ams-fund/projects/new/",
                                  "/zh-hans/plans/projects/ams-repair/edit/"])
def test_form_pages_render(client, owner, project, path):
    client.force_login(owner)
    assert client.get(path).status_code == 200
