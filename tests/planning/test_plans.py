"""Targets' status from values and progress, the chain page, imports, API reads, demo figures."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from circularcities.coalition.models import City
from circularcities.core.planning import Quarter
from circularcities.diagnosis.services import set_value
from circularcities.planning.models import Measure, ProgressEntry, Target
from circularcities.planning.services import assess_targets, log_progress

pytestmark = pytest.mark.django_db


def status_of(target):
    return assess_targets([target])[target.pk].status.value


def test_status_follows_the_latest_indicator_value(target, city):
    # Values before the baseline do not count.
    set_value(city, target.indicator_id, 2019, 99.0, via="test")
    from circularcities.diagnosis.models import IndicatorValue

    IndicatorValue.objects.filter(city=city, indicator_id=target.indicator_id, year__gte=2020).delete()
    assert status_of(target) == "no_data"
    set_value(city, target.indicator_id, 2025, 30.0, via="test")
    assert status_of(target) == "on_track"
    set_value(city, target.indicator_id, 2026, 29.0, via="test")   # expected 32, band 2
    assert status_of(target) == "off_track"
    set_value(city, target.indicator_id, 2026, 30.5, via="test")
    assert status_of(target) == "at_risk"


def test_quarterly_target_from_progress_entries(project, city):
    t = Target.objects.create(city=city, programme=project.programme, programme_indicator="items_refurbished",
                              baseline_year=2023, baseline_value=800, target_year=2026, target_value=1100)
    assert status_of(t) == "no_data"
    for q in (1, 2):
        log_progress(project, Quarter(2024, q), "items_refurbished", 200)   # 400 in half a year -> 800 a year
    a = assess_targets([t])[t.pk]
    assert a.status.value == "off_track" and a.observation.value == 800   # expected 850 at mid-2024, band 30
    log_progress(project, Quarter(2024, 3), "items_refurbished", 300)      # 700 in 3 quarters -> 933 a year
    assert status_of(t) == "on_track"
    # Reviews as of an earlier quarter see only what was known then.
    assert assess_targets([t], until=Quarter(2024, 2))[t.pk].status.value == "off_track"
    assert assess_targets([t], until=Quarter(2023, 4))[t.pk].status.value == "no_data"


def test_same_progress_twice_changes_nothing(project):
    _, changed = log_progress(project, Quarter(2024, 1), "jobs_created", 3)
    assert changed
    _, changed = log_progress(project, Quarter(2024, 1), "jobs_created", 3)
    assert not changed
    assert project.entries.count() == 1


def test_money_needs_a_currency(project):
    from circularcities.core.errors import ValidationError

    with pytest.raises(ValidationError, match="ISO 4217"):
        log_progress(project, Quarter(2024, 1), "funding_raised", 1000)
    e, _ = log_progress(project, Quarter(2024, 1), "funding_raised", 1000, currency="eur")
    assert e.unit == "EUR"


def test_target_form_refuses_bad_input_and_says_why(client, owner, city, indicator):
    client.force_login(owner)
    url = reverse("planning:create_target", args=[city.slug])
    base = {"indicator": indicator.code, "baseline_year": 2020, "baseline_value": 10, "target_year": 2030,
            "target_value": 30}
    resp = client.post(url, {**base, "target_year": 2019})
    assert resp.status_code == 400 and "Expected a target year after the baseline year." in resp.content.decode()
    resp = client.post(url, {**base, "points": "2025 - 20"})
    assert resp.status_code == 400 and "year: value" in resp.content.decode()
    resp = client.post(url, {**base, "programme_indicator": "jobs_created"})
    assert resp.status_code == 400
    resp = client.post(url, {**base, "points": "2025: 25"})
    assert resp.status_code == 302
    t = Target.objects.get(city=city, baseline_value=10)
    assert t.trajectory_points == [[2025.0, 25.0]] and t.owner == owner
    assert t.area is not None  # taken from the indicator's related areas


def test_measure_form_requires_currency_with_budget(client, owner, city):
    client.force_login(owner)
    url = reverse("planning:create_measure", args=[city.slug])
    resp = client.post(url, {"title_en": "X", "status": "started", "budget": "10"})
    assert resp.status_code == 400 and "currency" in resp.content.decode()
    resp = client.post(url, {"title_en": "X", "status": "started", "budget": "10", "currency": "EURO"})
    assert resp.status_code == 400 and "ISO 4217" in resp.content.decode()
    resp = client.post(url, {"title_en": "X", "status": "started", "start": "2024-05-01", "end": "2024-01-01"})
    assert resp.status_code == 400
    assert not Measure.objects.filter(city=city, translations__title="X").exists()


def test_chain_page_shows_measure_milestones_and_result(client, measure, target, city):
    from circularcities.planning.models import Milestone

    Milestone.objects.create(measure=measure, title_en="Pilot district", due="2021-06-30")
    set_value(city, target.indicator_id, 2025, 30.0, via="test")
    html = client.get(measure.get_absolute_url()).content.decode()
    chain = html[html.index('data-testid="chain"'):]
    assert "Pilot district" in chain and "overdue" in chain
    assert target.title_en in chain and 'data-status="on_track"' in chain


def test_city_plan_page_summary_and_rule(client):
    html = client.get(reverse("planning:city_plan", args=["brussels"])).content.decode()
    assert "111" in html and "20%" in html and "12%" in html
    assert "summary record" in html
    assert "At risk: short of the trajectory by at most 10%" in html


def _csv(rows):
    return SimpleUploadedFile("p.csv", ("project,quarter,indicator,value,currency\n" + rows).encode())


def test_import_is_all_or_nothing_and_idempotent(client, owner, project):
    client.force_login(owner)
    url = reverse("planning:import_progress")
    bad = _csv("ams-repair,2024-Q1,jobs_created,2,\nams-repair,2024-Q1,funding_raised,5,\nnope,2024-Q1,jobs_created,1,\n")
    resp = client.post(url, {"file": bad})
    assert resp.status_code == 400
    html = resp.content.decode()
    assert "Row 3, column &#x27;currency&#x27;" in html and "Row 4, column &#x27;project&#x27;" in html
    assert ProgressEntry.objects.count() == 0 or not ProgressEntry.objects.filter(project=project).exists()
    good = "ams-repair,2024-Q1,jobs_created,2,\nams-repair,2024-Q1,funding_raised,5,EUR\n"
    resp = client.post(url, {"file": _csv(good)}, follow=True)
    assert "Rows read: 2 · written: 2" in resp.content.decode()
    resp = client.post(url, {"file": _csv(good)}, follow=True)
    assert "Rows read: 2 · written: 0" in resp.content.decode()
    assert project.entries.count() == 2


def test_import_excel_refuses_a_project_of_another_city(client, outsider, project):
    wb = Workbook()
    wb.active.append(["project", "quarter", "indicator", "value"])
    wb.active.append(["ams-repair", "2024-Q1", "jobs_created", 1])
    buf = io.BytesIO()
    wb.save(buf)
    client.force_login(outsider)
    resp = client.post(reverse("planning:import_progress"),
                       {"file": SimpleUploadedFile("p.xlsx", buf.getvalue())})
    assert resp.status_code == 400 and "may not log progress" in resp.content.decode()


def test_api_reads(client):
    targets = client.get("/api/plans/targets?city=belo-horizonte").json()
    assert {t["programme_indicator"] for t in targets} == {"items_refurbished", "people_trained"}
    assert all(t["status"] in ("on_track", "at_risk", "off_track", "no_data") for t in targets)
    measures = client.get("/api/plans/measures?city=brussels&status=completed").json()
    assert len(measures) == 22
    entries = client.get("/api/plans/projects/advance-london-sme-support/progress").json()
    assert {(e["indicator"], e["value"], e["unit"]) for e in entries} >= {
        ("companies_supported", 112.0, "organisations"), ("support_hours", 700.0, "h")}
    assert client.get("/api/plans/projects?city=london").json()[0]["code"] == "advance-london-sme-support"
    resp = client.post("/api/plans/targets", "{}", content_type="application/json")
    assert resp.status_code == 401


def test_api_validation_message_is_a_sentence(client, owner, city):
    client.force_login(owner)
    resp = client.post("/api/plans/targets", {"city": city.slug, "indicator": "SW-RECYCLING", "baseline_year": 2020,
                                              "baseline_value": 1, "target_year": 2010, "target_value": 2},
                       content_type="application/json")
    assert resp.status_code == 422 and "'target_year'" in resp.json()["detail"]
    assert "after the baseline year" in resp.json()["detail"]


def test_demo_figures_come_from_the_source():
    brussels = City.objects.get(slug="brussels")
    ms = Measure.objects.filter(city=brussels, is_summary_record=True)
    assert ms.count() == 111
    assert ms.filter(status="completed").count() == 22 and ms.filter(status="not_started").count() == 13
    assert all("Circular economy in cities: case studies" in m.source for m in ms)
    bh = Target.objects.filter(city__slug="belo-horizonte")
    assert {(t.programme_indicator, t.target_value, t.target_year) for t in bh} == {
        ("items_refurbished", 1000, 2021), ("people_trained", 2000, 2021)}
    london = {e.indicator: e.value for e in ProgressEntry.objects.filter(project__code="advance-london-sme-support")}
    assert london["companies_supported"] == 112 and london["support_hours"] == 700
    # Re-loading the demo changes nothing.
    from circularcities.planning import demo

    before = (Measure.objects.count(), Target.objects.count(), ProgressEntry.objects.count())
    demo.load(log=lambda *a: None)
    assert (Measure.objects.count(), Target.objects.count(), ProgressEntry.objects.count()) == before


@pytest.mark.parametrize("path", ["/plans/", "/zh-hans/plans/", "/plans/brussels/", "/plans/belo-horizonte/",
                                  "/zh-hans/plans/belo-horizonte/", "/plans/programmes/advance-london/",
                                  "/plans/projects/bh-crc-refurbishment/", "/plans/amsterdam/"])
def test_public_pages_render(client, path):
    assert client.get(path).status_code == 200
