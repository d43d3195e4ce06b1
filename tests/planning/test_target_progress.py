"""Progress recorded from a programme target's page (issue #13), through services.log_progress."""

import pytest
from django.urls import reverse

from circularcities.planning.models import ProgressEntry, Target


@pytest.fixture
def programme_target(city, project):
    return Target.objects.create(city=city, programme=project.programme, programme_indicator="items_refurbished",
                                 baseline_year=2023, baseline_value=800, target_year=2026, target_value=1100)


def _post(client, target, **data):
    return client.post(reverse("planning:log_target_progress", args=[target.pk]),
                       {"project": "ams-repair", "quarter": "2024-Q2", "value": "250", **data})


def test_the_city_editor_records_progress_from_the_target_page(client, owner, programme_target, project):
    client.force_login(owner)
    page = client.get(programme_target.get_absolute_url()).content.decode()
    assert 'data-testid="target-progress-form"' in page and "ams-repair" in page
    resp = _post(client, programme_target)
    assert resp.status_code == 302 and resp.url == programme_target.get_absolute_url()
    entry = ProgressEntry.objects.get(project=project)
    assert (entry.year, entry.quarter, entry.indicator, entry.value) == (2024, 2, "items_refurbished", 250)
    assert "1,000" in client.get(programme_target.get_absolute_url()).content.decode()  # one quarter, annualised


@pytest.mark.parametrize("who", ["member", "outsider"])
def test_others_see_no_form_and_cannot_record(client, request, who, programme_target, project):
    client.force_login(request.getfixturevalue(who))
    assert 'data-testid="target-progress-form"' not in client.get(programme_target.get_absolute_url()).content.decode()
    assert _post(client, programme_target).status_code == 403
    assert not ProgressEntry.objects.filter(project=project).exists()


def test_a_bad_value_is_refused_on_the_page(client, owner, programme_target, project):
    client.force_login(owner)
    resp = _post(client, programme_target, value="-5", quarter="2024-Q9")
    assert resp.status_code == 400 and not ProgressEntry.objects.filter(project=project).exists()
    assert 'data-testid="target-progress-form"' in resp.content.decode()


def test_an_indicator_target_has_no_progress_form(client, owner, target):
    client.force_login(owner)
    assert 'data-testid="target-progress-form"' not in client.get(target.get_absolute_url()).content.decode()
    assert client.post(reverse("planning:log_target_progress", args=[target.pk]), {}).status_code == 404


def test_a_visitor_is_sent_to_sign_in(client, programme_target, project):
    resp = _post(client, programme_target)
    assert resp.status_code == 302 and "login" in resp.url and not ProgressEntry.objects.filter(project=project).exists()
