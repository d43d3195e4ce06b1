"""Regression tests of the QA pass on plans: bounds refused with field messages on the forms and the
API, one message per problem, plain file-type message, Chinese labels."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from circularcities.core.errors import DataImportError, ValidationError
from circularcities.core.planning import Quarter
from circularcities.planning.models import (
    Measure,
    Milestone,
    Programme,
    ProgressEntry,
    Project,
    Target,
)
from circularcities.planning.plan_import import import_progress, import_targets
from circularcities.planning.services import log_progress

pytestmark = pytest.mark.django_db


def _target_post(indicator, **extra):
    return {"indicator": indicator.code, "baseline_year": 2020, "baseline_value": 10, "target_year": 2030,
            "target_value": 30, **extra}


@pytest.mark.parametrize(("extra", "field"), [
    ({"baseline_value": "1e300"}, "baseline_value"),
    ({"target_value": "-1e300"}, "target_value"),
    ({"target_value": "150"}, "target_value"),       # SW-RECYCLING is a share (%)
    ({"baseline_year": "0"}, "baseline_year"),
    ({"target_year": "99999"}, "target_year"),
])
def test_target_form_refuses_out_of_bounds(client, owner, city, indicator, extra, field):
    client.force_login(owner)
    before = Target.objects.count()
    resp = client.post(reverse("planning:create_target", args=[city.slug]), _target_post(indicator, **extra))
    assert resp.status_code == 400 and field in resp.context["form"].errors
    assert Target.objects.count() == before


@pytest.mark.parametrize(("extra", "field"), [
    ({"baseline_value": 1e300}, "baseline_value"), ({"target_value": -1e300}, "target_value"),
    ({"baseline_year": 0, "target_year": 2030}, "baseline_year"), ({"target_year": 99999}, "target_year"),
])
def test_target_api_refuses_out_of_bounds(client, owner, city, extra, field):
    client.force_login(owner)
    body = {"city": city.slug, "indicator": "SW-RECYCLING", "baseline_year": 2020, "baseline_value": 10,
            "target_year": 2030, "target_value": 30, **extra}
    resp = client.post("/api/plans/targets", json.dumps(body), content_type="application/json")
    assert resp.status_code == 422 and f"'{field}'" in resp.json()["detail"]


def test_target_patch_refuses_out_of_bounds(client, owner, target):
    client.force_login(owner)
    resp = client.patch(f"/api/plans/targets/{target.pk}", json.dumps({"target_value": 1e300}),
                        content_type="application/json")
    assert resp.status_code == 422 and "'target_value'" in resp.json()["detail"]
    target.refresh_from_db()
    assert target.target_value == 40


def test_measure_budget_must_not_be_negative_on_form_and_api(client, owner, city, measure):
    client.force_login(owner)
    resp = client.post(reverse("planning:create_measure", args=[city.slug]),
                       {"title_en": "X", "status": "started", "budget": "-100", "currency": "EUR"})
    assert resp.status_code == 400 and "budget" in resp.context["form"].errors
    resp = client.post("/api/plans/measures", json.dumps({"city": city.slug, "title_en": "X", "budget": -100,
                                                          "currency": "EUR"}), content_type="application/json")
    assert resp.status_code == 422 and "'budget'" in resp.json()["detail"]
    resp = client.patch(f"/api/plans/measures/{measure.pk}", json.dumps({"budget": -100, "currency": "EUR"}),
                        content_type="application/json")
    assert resp.status_code == 422 and "'budget'" in resp.json()["detail"]
    assert not Measure.objects.filter(translations__title="X").exists()
    measure.refresh_from_db()
    assert measure.budget is None


def test_programme_budget_and_project_grant_must_not_be_negative(client, owner, secretariat, city, programme):
    from tests.planning.test_programmes import _programme_post, _project_post

    client.force_login(secretariat)
    resp = client.post(reverse("planning:create_programme"), _programme_post(city, budget="-5"))
    assert resp.status_code == 400 and "budget" in resp.context["form"].errors
    resp = client.patch(f"/api/plans/programmes/{programme.slug}", json.dumps({"budget": -5, "currency": "EUR"}),
                        content_type="application/json")
    assert resp.status_code == 422 and "'budget'" in resp.json()["detail"]
    resp = client.post(reverse("planning:create_project", args=[programme.slug]), _project_post(grant="-10"))
    assert resp.status_code == 400 and "grant" in resp.context["form"].errors
    resp = client.post(f"/api/plans/programmes/{programme.slug}/projects",
                       json.dumps({"code": "neg-grant", "title_en": "Neg", "budget": -10, "currency": "EUR"}),
                       content_type="application/json")
    assert resp.status_code == 422 and "'budget'" in resp.json()["detail"]
    assert not Programme.objects.filter(slug="ams-repair-fund").exists()
    assert not Project.objects.filter(code__in=["ams-new-hub", "neg-grant"]).exists()


def test_progress_value_is_bounded(client, owner, project):
    with pytest.raises(ValidationError, match="'value'"):
        log_progress(project, Quarter(2024, 1), "jobs_created", 1e300)
    client.force_login(owner)
    resp = client.post(reverse("planning:log_progress", args=[project.code]),
                       {"quarter": "2024-Q1", "indicator": "jobs_created", "value": "1e300"})
    assert resp.status_code == 400 and "value" in resp.context["form"].errors
    resp = client.post(f"/api/plans/projects/{project.code}/progress",
                       json.dumps({"quarter": "2024-Q1", "indicator": "jobs_created", "value": 1e300}),
                       content_type="application/json")
    assert resp.status_code == 422 and "'value'" in resp.json()["detail"]
    assert not ProgressEntry.objects.filter(project=project).exists()


@pytest.mark.parametrize(("extra", "field"), [
    ({"due": "9999-12-31"}, "due"), ({"due": "1989-12-31"}, "due"),
    ({"done": "0001-01-01"}, "done"), ({"done": "2099-01-01"}, "done"),
])
def test_milestone_dates_are_bounded(client, owner, measure, extra, field):
    from circularcities.planning.forms import MilestoneForm

    form = MilestoneForm({"title_en": "M", "due": "2026-06-30", **extra}, measure=measure)
    # the form parses the dates; the service's rule refuses them, beside the field
    assert not (form.is_valid() and form.save_through(owner)) and field in form.errors
    client.force_login(owner)
    client.post(reverse("planning:add_milestone", args=[measure.pk]), {"title_en": "M", "due": "2026-06-30", **extra})
    assert not Milestone.objects.filter(measure=measure).exists()


def test_target_form_without_indicator_says_so_once(client, owner, city):
    client.force_login(owner)
    resp = client.post(reverse("planning:create_target", args=[city.slug]),
                       {"baseline_year": 2020, "baseline_value": 1, "target_year": 2030, "target_value": 2})
    html = resp.content.decode()
    assert resp.status_code == 400
    assert html.count("Choose a catalogue indicator or a programme indicator.") == 1
    assert "not both" not in html


def test_progress_form_shows_each_message_once(client, owner, project):
    client.force_login(owner)
    resp = client.post(reverse("planning:log_progress", args=[project.code]),
                       {"quarter": "2024-Q9", "indicator": "jobs_created", "value": "1"})
    html = resp.content.decode()
    from django.utils.html import escape

    message = escape(resp.context["form"].errors["quarter"][0])
    assert resp.status_code == 400 and html.count(message) == 1 and "quarter: " not in html


@pytest.mark.parametrize("blob", [b"\x00\x01random" * 20, b"project,quarter\nx,2024-Q1\n"])
def test_plan_imports_say_the_file_is_not_a_workbook(city, owner, blob):
    for call in (lambda: import_targets(city, blob, "plan.xlsx", owner),
                 lambda: import_progress(blob, "progress.xlsx", owner)):
        with pytest.raises(DataImportError) as info:
            call()
        assert "not an Excel workbook (.xlsx)" in info.value.problems[0].message


def test_chinese_forms_and_tables_are_translated(client, owner, city, project):
    client.force_login(owner)
    html = client.get("/zh-hans" + reverse("planning:create_measure", args=[city.slug])).content.decode()
    from circularcities.coalition.models import RStrategy, ThematicArea

    area = ThematicArea.objects.filter(translations__language_code="zh-hans").first()
    strategy = RStrategy.objects.filter(translations__language_code="zh-hans").first()
    assert f">{area.name_zh}<" in html and f">{area.name_en}<" not in html
    assert strategy.name_zh in html and f" {strategy.name_en}</label>" not in html
    assert "Owning department or organisation." not in client.get(
        "/zh-hans" + reverse("planning:create_target", args=[city.slug])).content.decode()
    assert "The city's own reference." not in html
    log_progress(project, Quarter(2024, 1), "people_trained", 3)
    html = client.get(f"/zh-hans/plans/projects/{project.code}/").content.decode()
    assert "受培训人数" in html
    assert " people<" not in html and "人" in html


@pytest.mark.parametrize(("row", "column"), [
    (b"SW-RECYCLING,,,2020,1e300,2030,40,X\n", "baseline_value"),
    (b"SW-RECYCLING,,,2020,20,99999,40,X\n", "target_year"),
])
def test_target_csv_import_has_the_same_bounds(city, owner, row, column):
    head = b"indicator,programme,programme_indicator,baseline_year,baseline_value,target_year,target_value,title_en\n"
    with pytest.raises(DataImportError) as info:
        import_targets(city, head + row, "plan.csv", owner)
    assert info.value.problems[0].column == column


def test_progress_csv_import_refuses_huge_values(owner, project):
    data = b"project,quarter,indicator,value,currency\nams-repair,2024-Q1,jobs_created,1e300,\n"
    with pytest.raises(DataImportError) as info:
        import_progress(data, "p.csv", owner)
    assert info.value.problems[0].column == "value"
