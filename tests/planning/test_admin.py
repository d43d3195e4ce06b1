"""A target changed in the admin goes through planning.services.target_update: the
same rules as the plan pages, and a partial change keeps the other fields."""

import json

import pytest

from circularcities.planning.models import Target
from circularcities.planning.services import TARGET_EDITABLE

pytestmark = pytest.mark.django_db


def _url(target):
    return f"/admin/planning/target/{target.pk}/change/"


def _data(target, **changes):
    data = {}
    for name in TARGET_EDITABLE:
        attname = name if Target._is_legacy(name) else Target._meta.get_field(name).attname
        value = getattr(target, attname)
        data[name] = json.dumps(value) if name == "trajectory_points" else ("" if value is None else value)
    return {**data, **changes}


@pytest.mark.parametrize("who", ["owner", "member", "outsider"])
def test_only_the_secretariat_may_change_a_target_here(client, target, who, request):
    client.force_login(request.getfixturevalue(who))
    resp = client.post(_url(target), _data(target, target_value=55))
    assert resp.status_code in (302, 403)
    assert Target.objects.get(pk=target.pk).target_value == 40


def test_secretariat_changes_a_target_through_the_service(client, target, secretariat):
    client.force_login(secretariat)
    resp = client.post(_url(target), _data(target, target_value=55))
    assert resp.status_code == 302, resp.content.decode()[:2000]
    stored = Target.objects.get(pk=target.pk)
    assert stored.target_value == 55
    assert stored.title_en == "Recycling 40% by 2030"
    # The service gives a catalogue target its indicator's thematic area; a bare save would not.
    assert stored.area is not None


def test_a_rule_of_the_service_is_shown_beside_the_field(client, target, secretariat):
    client.force_login(secretariat)
    resp = client.post(_url(target), _data(target, title_en="Recycling\x07"))
    assert resp.status_code == 200
    assert resp.context["adminform"].form.errors["title_en"]
    assert Target.objects.get(pk=target.pk).title_en == "Recycling 40% by 2030"


def _form_data(client, url, **changes):
    """What the admin's change form would post back unchanged, with ``changes``."""
    form = client.get(url).context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if hasattr(value, "all"):
            value = [o.pk for o in value.all()]
        elif isinstance(value, list):
            value = [getattr(o, "pk", o) for o in value]
        elif hasattr(value, "pk"):
            value = value.pk
        data[name] = "" if value is None else value
    return {**data, **changes}


def test_secretariat_writes_a_measure_in_japanese_through_the_service(client, measure, secretariat, four_languages):
    client.force_login(secretariat)
    url = f"/admin/planning/measure/{measure.pk}/change/"
    resp = client.post(url, _form_data(client, url, title_ja="生ごみの回収", status="completed"))
    assert resp.status_code == 302, resp.content.decode()[:3000]
    measure.refresh_from_db()
    assert (measure.title_en, measure.title_ja, measure.status) == ("Collect food waste", "生ごみの回収", "completed")
    assert measure.status_changes.get().via == "admin"  # recorded by the service, in the same write
    resp = client.post(url, _form_data(client, url, budget="-1", currency="EUR"))
    assert resp.status_code == 200
    assert resp.context["adminform"].form.errors["budget"] == ["Expected 0 or more; got -1."]


@pytest.mark.parametrize("who", ["owner", "member", "outsider"])
def test_only_the_secretariat_may_change_a_measure_here(client, measure, who, request):
    client.force_login(request.getfixturevalue(who))
    resp = client.post(f"/admin/planning/measure/{measure.pk}/change/", {"title_en": "Changed"})
    assert resp.status_code in (302, 403)
    measure.refresh_from_db()
    assert measure.title_en == "Collect food waste"
