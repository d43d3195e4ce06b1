"""Programme metrics equal an independent recomputation from the records."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from circularcities.marketplace.metrics import compute_metrics
from circularcities.marketplace.models import Exchange, MaterialWeight
from circularcities.marketplace.services import record_exchange

pytestmark = pytest.mark.django_db


@pytest.fixture
def history(seller, secretariat, offer, want, org_b, make_listing):
    """Past exchanges as the secretariat records them (deals agreed before the platform)."""
    MaterialWeight.objects.update_or_create(material="170101", defaults={"weight": 0.5})
    glass = make_listing(seller, material="15 01 07", title_en="Glass", quantity=Decimal("3"),
                         currency="EUR", avoided_cost_per_t=Decimal("10"), price=Decimal("30"))
    record_exchange(secretariat, offer, Decimal("4"), want=want, date=dt.date(2025, 1, 10))
    record_exchange(secretariat, offer, Decimal("1.5"), receiver=org_b, date=dt.date(2025, 1, 20))
    record_exchange(seller, glass, Decimal("2"), receiver_name="A resident", date=dt.date(2025, 3, 2))
    return Exchange.objects.filter(city__slug="amsterdam").order_by("date")


def test_metrics_recomputed_independently(city, history, org_a, org_b):
    m = compute_metrics(city)
    rows = list(history)
    assert m.n_exchanges == 3
    assert m.tonnes_diverted == pytest.approx(7.5)
    assert m.participants == 3 and m.organisations == 2 and m.residents == 1
    # value created = price + disposal avoided + purchase avoided, per exchange:
    #   4 t: 0 + 4*20 + 4*15 = 140 ; 1.5 t: 0 + 30 + 0 = 30 ; glass 2 t: 30*2/3 + 2*10 = 40
    assert m.value_created == {"EUR": pytest.approx(210.0)}
    assert m.weighted_t == pytest.approx(4 * 0.5 + 1.5 * 0.5 + 2 * 1.0)
    assert m.kg_co2e_avoided == pytest.approx(sum(e.kg_co2e_avoided for e in rows))
    assert [r["month"] for r in m.months] == ["2025-01", "2025-03"]
    assert [r["exchanges"] for r in m.months] == [2, 1]
    assert m.months[-1]["cum_tonnes"] == pytest.approx(7.5)
    available = {k: t for k, t, _n in m.available_by_material}
    assert available["17 01 01 Concrete"] == pytest.approx(4.5)
    assert available["15 01 07 Glass packaging"] == pytest.approx(1.0)
    wanted = {k[:8]: t for k, t, _n in m.wanted_by_material}
    assert wanted["17 01 07"] == pytest.approx(2.0)


def test_metrics_page_and_it_changes_after_an_exchange(client, city, history, seller, buyer, org_b):
    body = client.get("/marketplace/metrics/?city=amsterdam").content.decode()
    assert 'data-testid="m-exchanges">3<' in body and ">7.5 t<" in body
    from circularcities.marketplace.models import Listing

    offer = Listing.objects.get(translations__title="Crushed concrete", organisation__slug="test-org-a")
    from circularcities.marketplace.services import accept_deal, propose_deal

    proposal = propose_deal(buyer, offer, quantity_t=Decimal("1"))
    body = client.get("/marketplace/metrics/?city=amsterdam").content.decode()
    assert 'data-testid="m-exchanges">3<' in body  # a proposal is not an exchange
    accept_deal(seller, proposal)
    body = client.get("/marketplace/metrics/?city=amsterdam").content.decode()
    assert 'data-testid="m-exchanges">4<' in body and ">8.5 t<" in body


def test_csv_export(client, history):
    text = client.get("/marketplace/metrics.csv?city=amsterdam").content.decode()
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:3] == ["Month", "Exchanges", "Tonnes diverted"]
    assert rows[1][:3] == ["2025-01", "2", "5.5"] and rows[2][:3] == ["2025-03", "1", "2.0"]


def test_excel_export(client, history):
    resp = client.get("/marketplace/metrics.xlsx?city=amsterdam")
    wb = load_workbook(io.BytesIO(resp.content))
    assert "Summary" in wb.sheetnames
    cells = [c for row in wb["Summary"].iter_rows(values_only=True) for c in row if c]
    assert "Tonnes diverted" in cells and "7.500 t" in cells
    exchanges = wb[wb.sheetnames[-1]]
    assert exchanges.max_row == 4  # header + 3 exchanges


def test_austin_demo_shows_reported_figures_with_flag(client):
    body = client.get("/marketplace/metrics/?city=austin").content.decode()
    assert "622,772" in body and "Circular economy in cities: case studies" in body
    assert "used in no calculation" in body  # the implausible CO2 figure is flagged


def test_metrics_api(client, history):
    data = client.get("/api/marketplace/metrics?city=amsterdam").json()
    assert data["exchanges"] == 3 and data["tonnes_diverted"] == pytest.approx(7.5)
    assert data["value_created"] == {"EUR": pytest.approx(210.0)}


def test_shared_or_lent_items_are_not_counted_as_waste_kept(city, history, make_user):
    """Issue 16: a loan keeps nothing out of waste. A share exchange adds its items,
    never tonnes diverted, weighted tonnes or landfill CO2e."""
    from circularcities.marketplace.services import _record, save_listing
    from tests.marketplace.conftest import listing_data

    before = compute_metrics(city)
    lender = make_user("lender-16", "resident")
    drill = save_listing(lender, listing_data(kind="share", material="textiles", title_en="Coats", unit="pcs",
                                              quantity=10, mass_per_piece_kg=1, lat=52.37, lon=4.9))
    drill.city = city
    drill.save()
    ex = _record(drill, drill.quantity_t, receiver_name="Neighbour", items=3, user=lender,
                 date=dt.date(2025, 3, 5))
    assert ex.is_share and ex.quantity_t > 0
    after = compute_metrics(city)
    assert after.n_exchanges == before.n_exchanges + 1
    assert after.items_shared == before.items_shared + 3
    assert after.tonnes_diverted == pytest.approx(before.tonnes_diverted)
    assert after.weighted_t == pytest.approx(before.weighted_t)
    assert after.kg_co2e_avoided == pytest.approx(before.kg_co2e_avoided)
    assert after.n_co2e_incomplete == before.n_co2e_incomplete
    assert after.months[-1]["cum_tonnes"] == pytest.approx(before.months[-1]["cum_tonnes"])
