"""The diagnosis report (Excel, PDF) carries stored text as text (issue #11)."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from circularcities.diagnosis.models import IndicatorValue

pytestmark = pytest.mark.django_db

LINK = '=HYPERLINK("http://evil.example/","Open")'


@pytest.fixture
def hostile_source(city):
    value = IndicatorValue.objects.filter(city=city).order_by("-year").first()
    assert value is not None, "the demo city has indicator values"
    # Written past the service on purpose: data stored before input refused such text.
    IndicatorValue.objects.filter(city=city).update(source="x")
    IndicatorValue.objects.filter(pk=value.pk).update(source=LINK + "\x02\x1f")
    return value


def test_diagnosis_workbook_has_no_formula(client, city, hostile_source):
    resp = client.get(f"/diagnosis/{city.slug}/report.xlsx")
    assert resp.status_code == 200
    wb = load_workbook(io.BytesIO(resp.content))
    cells = [c for ws in wb for row in ws.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    link = [c for c in cells if c.value == LINK]
    assert link and all(c.data_type == "s" and c.quotePrefix for c in link)


def test_diagnosis_pdf_survives_control_characters(client, city, hostile_source):
    resp = client.get(f"/diagnosis/{city.slug}/report.pdf")
    assert resp.status_code == 200 and resp.content.startswith(b"%PDF")
