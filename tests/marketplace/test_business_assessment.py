"""Business circularity self-assessment: who may fill it, the score and its method on
the page, the API, and the programme's view over time."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from circularcities.coalition.models import RStrategy
from circularcities.core.rules import FieldError
from circularcities.marketplace.models import CircularityAssessment
from circularcities.marketplace.services import save_assessment

pytestmark = pytest.mark.django_db


def _answers(level=2, evidence="Repair logbook 2024"):
    data = {}
    for s in RStrategy.objects.all():
        data[f"level_{s.slug}"] = level
        data[f"evidence_{s.slug}"] = evidence
    return data


@pytest.mark.parametrize(("who", "allowed"), [
    ("seller", True), ("colleague", True), ("secretariat", True), ("buyer", False), ("owner", False),
])
def test_only_the_business_assesses_itself(request, org_a, who, allowed):
    user = request.getfixturevalue(who)
    if allowed:
        a = save_assessment(user, org_a, _answers())
        assert a.score == pytest.approx(66.7) and a.answers.count() == RStrategy.objects.count()
    else:
        with pytest.raises(PermissionDenied):
            save_assessment(user, org_a, _answers())
        assert not CircularityAssessment.objects.filter(organisation=org_a).exists()


def test_answers_are_checked(seller, org_a):
    data = _answers()
    data["level_reuse"] = 4
    with pytest.raises(FieldError) as exc:
        save_assessment(seller, org_a, data)
    assert exc.value.field == "level_reuse"
    data = _answers()
    data["level_refurbish-the-moon"] = 1
    with pytest.raises(FieldError) as exc:
        save_assessment(seller, org_a, data)
    assert exc.value.field == "strategy"


def test_page_form_shows_score_and_method(client, seller, org_a):
    client.force_login(seller)
    url = reverse("marketplace:assess_business", args=[org_a.slug])
    assert client.get(url).status_code == 200
    data = _answers(level=3)
    data["evidence_recover"] = ""  # answered without evidence: scores 0
    resp = client.post(url, data)
    assert resp.status_code == 302
    body = client.get(reverse("marketplace:business_detail", args=[org_a.slug])).content.decode()
    n = RStrategy.objects.count()
    expected = round(100 * (sum(range(1, n + 1)) - 1) / sum(range(1, n + 1)), 1)
    assert f'data-testid="circularity-score">{expected}<' in body
    assert 'data-testid="score-method"' in body and "no evidence: scores 0" in body
    listing = client.get(reverse("marketplace:business_list")).content.decode()
    assert 'data-testid="periods"' in listing and "Test Demolition A" in listing


def test_another_business_cannot_open_the_form(client, buyer, org_a):
    client.force_login(buyer)
    assert client.get(reverse("marketplace:assess_business", args=[org_a.slug])).status_code == 403


def test_programme_view_reuses_advance_london_figures(client):
    body = client.get(reverse("marketplace:business_list")).content.decode()
    assert 'data-testid="programme-entries"' in body and "Advance London" in body and "112" in body


def test_api(client, seller, buyer, org_a):
    url = f"/api/marketplace/businesses/{org_a.slug}/circularity"
    answers = [{"strategy": s.slug, "level": 1, "evidence": "plan"} for s in RStrategy.objects.all()]
    client.force_login(buyer)
    assert client.post(url, json.dumps({"answers": answers}), content_type="application/json").status_code == 403
    client.force_login(seller)
    resp = client.post(url, json.dumps({"answers": answers}), content_type="application/json")
    assert resp.status_code == 201 and resp.json()["score"] == pytest.approx(33.3)
    bad = answers[:-1]
    resp = client.post(url, json.dumps({"answers": bad}), content_type="application/json")
    assert resp.status_code == 422
    assert [a["score"] for a in client.get(url).json()] == [pytest.approx(33.3)]
