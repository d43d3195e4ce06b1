"""Targets have one write path: the form, the API (POST and PATCH) and the import store the
same target for the same input and refuse the same bad value with the same message."""

import json
import re
from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from circularcities.planning.models import Target

pytestmark = pytest.mark.django_db

STORED = ("city_id", "area_id", "indicator_id", "programme_id", "programme_indicator", "title_en", "title_zh",
          "baseline_year", "baseline_value", "target_year", "target_value", "trajectory_points", "owner_id",
          "owner_name", "source")


def _row(t: Target) -> dict:
    return {k: getattr(t, k) for k in STORED}


def _form(client, city, **fields):
    data = {"indicator": "SW-RECYCLING", "baseline_year": 2020, "baseline_value": 20, "target_year": 2030,
            "target_value": 40, "title_en": "Recycle 40%", "points": "2025: 30", **fields}
    return client.post(reverse("planning:create_target", args=[city.slug]), data)


def _api(client, city, **fields):
    body = {"city": city.slug, "indicator": "SW-RECYCLING", "baseline_year": 2020, "baseline_value": 20,
            "target_year": 2030, "target_value": 40, "title_en": "Recycle 40%", "trajectory_points": [[2025, 30]],
            **fields}
    return client.post("/api/plans/targets", json.dumps(body), content_type="application/json")


def _import(client, city, cells: str):
    data = ("indicator,programme,programme_indicator,baseline_year,baseline_value,target_year,target_value,"
            "title_en,points\n" + cells + "\n").encode()
    return client.post(reverse("planning:import_plan", args=[city.slug]),
                       {"kind": "targets", "file": SimpleUploadedFile("t.csv", data)}, follow=True)


def _form_errors(resp) -> list[str]:
    return [unescape(m) for m in re.findall(r"<li>([^<]*)</li>", resp.content.decode())]


def test_target_made_by_api_equals_target_made_by_form(client, owner, city, indicator):
    assert indicator.related_areas  # the indicator names thematic areas: both paths must pick the same
    client.force_login(owner)
    assert _form(client, city).status_code == 302
    by_form = Target.objects.get(city=city, translations__title="Recycle 40%")
    by_form_row = _row(by_form)
    by_form.delete()
    resp = _api(client, city)
    assert resp.status_code == 201, resp.content
    by_api = Target.objects.get(pk=resp.json()["id"])
    assert _row(by_api) == by_form_row
    assert by_api.area is not None and by_api.area.slug in indicator.related_areas
    assert resp.json()["area"] == by_api.area.slug


def test_import_stores_the_same_target(client, owner, city, indicator):
    client.force_login(owner)
    # 2035: the demo plan already has a 2030 recycling target, which the import would update.
    _import(client, city, "SW-RECYCLING,,,2020,20,2035,40,Recycle 40%,2025: 30")
    imported = Target.objects.get(city=city, translations__title="Recycle 40%")
    row = _row(imported)
    imported.delete()
    _api(client, city, target_year=2035)
    assert _row(Target.objects.get(city=city, translations__title="Recycle 40%")) == row


@pytest.mark.parametrize(("fields", "cells", "field", "message"), [
    ({"target_year": 2300}, "SW-RECYCLING,,,2020,20,2300,40,x,", "target_year",
     "Expected a year from 1900 to 2100; got 2300."),
    ({"target_value": 140}, "SW-RECYCLING,,,2020,20,2030,140,x,", "target_value",
     "Expected a share between 0 and 100 %; got 140."),
    ({"title_en": "Recycle\x02 40%"}, "SW-RECYCLING,,,2020,20,2030,40,Recycle\x02 40%,", "title_en",
     "Remove the invisible control character U+0002 (position 8); only printable text can be stored."),
])
def test_form_api_and_import_refuse_the_same_bad_value_with_the_same_message(
        client, owner, city, indicator, fields, cells, field, message):
    client.force_login(owner)
    resp = _form(client, city, **{**fields, "points": ""})
    assert resp.status_code == 400 and message in _form_errors(resp)
    resp = _api(client, city, **{**fields, "trajectory_points": []})
    assert resp.status_code == 422
    assert resp.json()["detail"] == f"Field '{field}': {message}"
    assert resp.json()["errors"] == [{"field": field, "message": message}]
    resp = _import(client, city, cells)
    assert message in unescape(resp.content.decode())
    assert not Target.objects.filter(city=city, target_year__in=[2300, 2030], baseline_value=20).exists()


def test_the_message_is_chinese_on_both_paths_in_chinese(client, owner, city, indicator):
    client.force_login(owner)
    resp = client.post(reverse("planning:create_target", args=[city.slug]).replace("/plans/", "/zh-hans/plans/", 1),
                       {"indicator": "SW-RECYCLING", "baseline_year": 2020, "baseline_value": 20,
                        "target_year": 2300, "target_value": 40})
    assert "应为 1900 到 2100 之间的年份；收到 2300。" in _form_errors(resp)
    resp = client.post("/api/plans/targets", json.dumps({"city": city.slug, "indicator": "SW-RECYCLING",
                                                         "baseline_year": 2020, "baseline_value": 20,
                                                         "target_year": 2300, "target_value": 40}),
                       content_type="application/json", HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert resp.json()["errors"][0]["message"] in ("应为 1900 到 2100 之间的年份；收到 2300。",
                                                   "Expected a year from 1900 to 2100; got 2300.")


def test_patch_keeps_what_it_did_not_send_and_uses_the_same_rules(client, owner, target):
    client.force_login(owner)
    resp = client.patch(f"/api/plans/targets/{target.pk}", json.dumps({"target_value": 140}),
                        content_type="application/json")
    assert resp.status_code == 422
    assert resp.json()["detail"] == "Field 'target_value': Expected a share between 0 and 100 %; got 140."
    resp = client.patch(f"/api/plans/targets/{target.pk}", json.dumps({"owner_name": "Waste dept"}),
                        content_type="application/json")
    assert resp.status_code == 200
    target.refresh_from_db()
    assert (target.owner_name, target.target_value, target.title_en) == ("Waste dept", 40, "Recycling 40% by 2030")


def test_control_characters_are_refused_on_every_api_body_and_measure_form(client, owner, city, measure):
    client.force_login(owner)
    message = "Remove the invisible control character U+001B (position 5); only printable text can be stored."
    resp = client.patch(f"/api/plans/measures/{measure.pk}", json.dumps({"description_en": "Line\x1b two"}),
                        content_type="application/json")
    assert resp.status_code == 422
    assert resp.json() == {"detail": f"Field 'description_en': {message}",
                           "errors": [{"field": "description_en", "message": message}]}
    resp = client.post(reverse("planning:edit_measure", args=[measure.pk]),
                       {"title_en": "Collect food waste", "description_en": "Line\x1b two", "status": "started"})
    assert resp.status_code == 400 and message in _form_errors(resp)
    measure.refresh_from_db()
    assert "\x1b" not in measure.description_en
    # line breaks and tabs are text, not control characters
    resp = client.patch(f"/api/plans/measures/{measure.pk}", json.dumps({"description_en": "One\r\n\ttwo"}),
                        content_type="application/json")
    assert resp.status_code == 200, resp.content


def test_the_edit_form_changes_what_the_target_measures_through_the_service(client, owner, target):
    client.force_login(owner)
    resp = client.post(reverse("planning:edit_target", args=[target.pk]),
                       {"indicator": "SW-LANDFILL", "baseline_year": 2020, "baseline_value": 30,
                        "target_year": 2030, "target_value": 10, "title_en": "Landfill down"})
    assert resp.status_code == 302, _form_errors(resp)
    target.refresh_from_db()
    assert (target.indicator_id, target.target_value, target.title_en) == ("SW-LANDFILL", 10, "Landfill down")
