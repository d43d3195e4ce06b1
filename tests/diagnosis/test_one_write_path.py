"""Indicator values have one write path: the form, the API and the upload refuse the same
bad value with the same message and store the same good value identically."""

from __future__ import annotations

import io
import json
import re
from html import unescape

import pytest

from circularcities.core.diagnosis_io import write_workbook
from circularcities.core.errors import DataImportError
from circularcities.diagnosis.imports import import_file, read_files
from circularcities.diagnosis.models import IndicatorValue
from tests.diagnosis import helpers

pytestmark = pytest.mark.django_db

SHARE = "SW-RECYCLING"  # unit %


def _form(client, city, **extra):
    data = {"indicator": SHARE, "year": 2024, "value": "50", "quality": "measured", "source": "QA"} | extra
    return client.post(f"/diagnosis/{city.slug}/values/edit/", data)


def _api(client, city, *, year=2024, **extra):
    body = {"value": 50, "source": "QA", "quality": "measured"} | extra
    return client.put(f"/api/diagnosis/cities/{city.slug}/indicators/{SHARE}/{year}", json.dumps(body),
                      content_type="application/json")


def _errors(resp) -> list[str]:
    return [unescape(m) for m in re.findall(r"<li>([^<]*)</li>", resp.content.decode())]


@pytest.mark.parametrize(("field", "form_value", "api_value", "message"), [
    ("value", "140", 140, "Expected a share between 0 and 100 %; got 140."),
    ("source", "Stats\x02 office", "Stats\x02 office",
     "Remove the invisible control character U+0002 (position 6); only printable text can be stored."),
])
def test_form_and_api_refuse_the_same_value_with_the_same_message(client, city, owner, field, form_value,
                                                                   api_value, message):
    client.force_login(owner)
    resp = _form(client, city, **{field: form_value})
    assert resp.status_code == 400 and message in _errors(resp)
    resp = _api(client, city, **{field: api_value})
    assert resp.status_code == 422
    assert resp.json() == {"detail": f"Field '{field}': {message}", "errors": [{"field": field, "message": message}]}
    assert not IndicatorValue.objects.filter(city=city, indicator_id=SHARE, year=2024).exists()


def test_the_upload_says_the_same_about_a_share(other_city):
    data = helpers.data(indicators=[(SHARE, 2019, 140, "%", "QA", "measured")])
    buf = io.BytesIO()
    write_workbook(data, buf)
    with pytest.raises(DataImportError) as info:
        import_file(other_city, read_files([("d.xlsx", buf.getvalue())]))
    assert info.value.problems[0].message == f"{SHARE} 2019: Expected a share between 0 and 100 %; got 140."


def test_form_and_api_store_the_same_value(client, city, owner):
    client.force_login(owner)
    assert _form(client, city, value="42.5", source="  Stats office  ").status_code == 302
    by_form = IndicatorValue.objects.get(city=city, indicator_id=SHARE, year=2024)
    assert _api(client, city, year=2025, value=42.5, source="  Stats office  ").status_code == 200
    by_api = IndicatorValue.objects.get(city=city, indicator_id=SHARE, year=2025)
    keys = ("value", "quality", "source", "updated_by_id")
    assert {k: getattr(by_form, k) for k in keys} == {k: getattr(by_api, k) for k in keys}
    assert by_api.source == "Stats office"
