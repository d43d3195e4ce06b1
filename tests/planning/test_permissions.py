"""Every write asked of the owner (city editor), member, outsider, anonymous and secretariat."""

import json

import pytest
from django.urls import reverse

from circularcities.planning.models import Measure, Milestone, ProgressEntry, Target

pytestmark = pytest.mark.django_db

PEOPLE = ["owner", "member", "outsider", "anonymous", "secretariat"]
PLAN_ALLOWED = {"owner", "secretariat"}


def _client(client, request, who):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    return client


def _target_post(indicator):
    return {"title_en": "New", "indicator": indicator.code, "baseline_year": 2020, "baseline_value": 10,
            "target_year": 2030, "target_value": 30, "points": ""}


@pytest.mark.parametrize("who", PEOPLE)
def test_create_target(client, request, who, city, indicator):
    c = _client(client, request, who)
    resp = c.post(reverse("planning:create_target", args=[city.slug]), _target_post(indicator))
    created = Target.objects.filter(city=city, translations__title="New").exists()
    assert created == (who in PLAN_ALLOWED)
    if who == "anonymous":
        assert resp.status_code == 302 and "/accounts/login/" in resp["Location"]
    elif who not in PLAN_ALLOWED:
        assert resp.status_code == 403


@pytest.mark.parametrize("who", PEOPLE)
def test_edit_target(client, request, who, target, indicator):
    c = _client(client, request, who)
    data = {**_target_post(indicator), "title_en": "Renamed"}
    c.post(reverse("planning:edit_target", args=[target.pk]), data)
    target.refresh_from_db()
    assert (target.title_en == "Renamed") == (who in PLAN_ALLOWED)


@pytest.mark.parametrize("who", PEOPLE)
def test_create_measure(client, request, who, city):
    c = _client(client, request, who)
    c.post(reverse("planning:create_measure", args=[city.slug]),
           {"title_en": "Repair cafés", "status": "not_started", "budget": "1000", "currency": "eur"})
    m = Measure.objects.filter(city=city, translations__title="Repair cafés").first()
    assert (m is not None) == (who in PLAN_ALLOWED)
    if m:
        assert m.currency == "EUR"


@pytest.mark.parametrize("who", PEOPLE)
def test_edit_measure_status_and_milestones(client, request, who, measure):
    c = _client(client, request, who)
    c.post(reverse("planning:set_measure_status", args=[measure.pk]), {"status": "completed"})
    c.post(reverse("planning:add_milestone", args=[measure.pk]), {"title_en": "Pilot", "due": "2024-01-31"})
    c.post(reverse("planning:edit_measure", args=[measure.pk]), {"title_en": "Changed", "status": "completed"})
    measure.refresh_from_db()
    allowed = who in PLAN_ALLOWED
    assert (measure.status == "completed") == allowed
    assert measure.milestones.filter(translations__title="Pilot").exists() == allowed
    assert (measure.title_en == "Changed") == allowed


@pytest.mark.parametrize("who", PEOPLE)
def test_complete_milestone(client, request, who, measure):
    ms = Milestone.objects.create(measure=measure, title_en="Pilot", due="2024-01-31")
    _client(client, request, who).post(reverse("planning:complete_milestone", args=[ms.pk]))
    ms.refresh_from_db()
    assert (ms.done is not None) == (who in PLAN_ALLOWED)


PROGRESS_PEOPLE = PEOPLE + ["project_owner", "other_business"]
PROGRESS_ALLOWED = {"owner", "secretariat", "project_owner"}


@pytest.mark.parametrize("who", PROGRESS_PEOPLE)
def test_log_progress_page(client, request, who, project):
    c = _client(client, request, who)
    resp = c.post(reverse("planning:log_progress", args=[project.code]),
                  {"quarter": "2024-Q2", "indicator": "items_refurbished", "value": "12"})
    assert ProgressEntry.objects.filter(project=project).exists() == (who in PROGRESS_ALLOWED)
    if who not in PROGRESS_ALLOWED and who != "anonymous":
        assert resp.status_code == 403


def test_named_owner_user_may_log(client, project, make_user):
    person = make_user("named", "public")
    project.owners.add(person)
    client.force_login(person)
    client.post(reverse("planning:log_progress", args=[project.code]),
                {"quarter": "2024-Q2", "indicator": "people_trained", "value": "3"})
    assert project.entries.count() == 1


@pytest.mark.parametrize("who", PROGRESS_PEOPLE)
def test_import_progress(client, request, who, project):
    from django.core.files.uploadedfile import SimpleUploadedFile

    c = _client(client, request, who)
    f = SimpleUploadedFile("p.csv", b"project,quarter,indicator,value\nams-repair,2024-Q1,jobs_created,2\n")
    c.post(reverse("planning:import_progress"), {"file": f})
    assert ProgressEntry.objects.filter(project=project).exists() == (who in PROGRESS_ALLOWED)


@pytest.mark.parametrize("who", PROGRESS_PEOPLE)
def test_api_writes(client, request, who, city, project, indicator):
    c = _client(client, request, who)
    r1 = c.post("/api/plans/targets", json.dumps({
        "city": city.slug, "indicator": indicator.code, "baseline_year": 2020, "baseline_value": 1,
        "target_year": 2025, "target_value": 2, "title_en": "API target"}), content_type="application/json")
    r2 = c.post("/api/plans/measures", json.dumps({"city": city.slug, "title_en": "API measure"}),
                content_type="application/json")
    r3 = c.post(f"/api/plans/projects/{project.code}/progress", json.dumps(
        {"quarter": "2024-Q1", "indicator": "jobs_created", "value": 1}), content_type="application/json")
    plan_ok = who in PLAN_ALLOWED
    expected_denied = 401 if who == "anonymous" else 403
    assert r1.status_code == (201 if plan_ok else expected_denied), r1.content
    assert r2.status_code == (201 if plan_ok else expected_denied), r2.content
    assert r3.status_code == (201 if who in PROGRESS_ALLOWED else expected_denied), r3.content
    assert Target.objects.filter(translations__title="API target").exists() == plan_ok
    assert ("detail" in r1.json()) != plan_ok


@pytest.mark.parametrize(("who", "status"), [("owner", 200), ("member", 200), ("outsider", 403),
                                             ("secretariat", 200), ("anonymous", 302)])
def test_city_review_readers(client, request, who, status, city):
    resp = _client(client, request, who).get(reverse("planning:city_review", args=[city.slug]))
    assert resp.status_code == status


@pytest.mark.parametrize(("who", "status"), [("owner", 403), ("member", 403), ("outsider", 403),
                                             ("secretariat", 200), ("anonymous", 302)])
def test_rollup_and_reminders_are_the_secretariats(client, request, who, status, mailoutbox):
    c = _client(client, request, who)
    assert c.get(reverse("planning:rollup")).status_code == status
    resp = c.post(reverse("planning:remind"))
    assert resp.status_code == (302 if who in ("secretariat", "anonymous") else 403)
    if who != "secretariat":
        assert mailoutbox == []


@pytest.mark.parametrize(("who", "status"), [("owner", 200), ("member", 403), ("outsider", 403),
                                             ("secretariat", 200)])
def test_working_group_review_readers(client, request, who, status, city):
    area = city.focal_areas.first().area
    resp = _client(client, request, who).get(reverse("planning:group_review", args=[area.slug]))
    assert resp.status_code == status
