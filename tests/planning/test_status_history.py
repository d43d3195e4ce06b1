"""Measure status history: recorded on every change, shown on the measure page and in the quarterly review."""

import json

import pytest
from django.urls import reverse
from django.utils import timezone

from circularcities.core.planning import Quarter
from circularcities.planning.models import MeasureStatusChange
from circularcities.planning.review import build_report, quarter_review

pytestmark = pytest.mark.django_db


def test_status_form_records_who_old_and_new(client, owner, measure):
    client.force_login(owner)
    client.post(reverse("planning:set_measure_status", args=[measure.pk]), {"status": "completed"})
    client.post(reverse("planning:set_measure_status", args=[measure.pk]), {"status": "completed"})
    (h,) = MeasureStatusChange.objects.filter(measure=measure)
    assert (h.old, h.new, h.changed_by) == ("started", "completed", owner)
    html = client.get(measure.get_absolute_url()).content.decode()
    history = html[html.index('data-testid="status-history"'):]
    assert "started" in history and "completed" in history and owner.username in history


def test_edit_form_and_api_record_changes(client, owner, measure):
    client.force_login(owner)
    client.post(reverse("planning:edit_measure", args=[measure.pk]), {"title_en": measure.title_en,
                                                                     "status": "not_started"})
    client.patch(f"/api/plans/measures/{measure.pk}", json.dumps({"status": "started"}),
                 content_type="application/json")
    changes = list(MeasureStatusChange.objects.filter(measure=measure).order_by("id").values_list("old", "new", "via"))
    assert changes == [("started", "not_started", "page"), ("not_started", "started", "api")]


def test_denied_change_records_nothing(client, member, measure):
    client.force_login(member)
    client.post(reverse("planning:set_measure_status", args=[measure.pk]), {"status": "completed"})
    assert not MeasureStatusChange.objects.exists()


def test_quarterly_review_lists_measure_status_changes(client, owner, measure, city):
    client.force_login(owner)
    client.post(reverse("planning:set_measure_status", args=[measure.pk]), {"status": "completed"})
    q = Quarter.of(timezone.localdate())
    html = client.get(reverse("planning:city_review", args=[city.slug]) + f"?quarter={q}").content.decode()
    changes = html[html.index('data-testid="changes"'):html.index("</ul>", html.index('data-testid="changes"'))]
    assert "Collect food waste" in changes and "started → completed" in changes
    review = quarter_review(q, type(city).objects.filter(pk=city.pk))
    rows = build_report("Amsterdam", review, "en").sections[1].tables[0].rows
    assert ["Amsterdam", "Collect food waste", "started", "completed"] in rows
    previous = quarter_review(q.previous(), type(city).objects.filter(pk=city.pk))
    assert previous["measure_changes"] == []
