"""Exports: text people typed never becomes a formula in Excel, and Chinese survives the PDF."""

import io

import openpyxl
import pytest

from circularcities.procurement import services as s
from tests.conftest import login


@pytest.mark.django_db
def test_formula_text_stays_text(client, officer, cph):
    p = s.project_create(user=officer, city=cph, slug="evil", name="=HYPERLINK(\"http://x\")")
    s.item_add(user=officer, project=p, name="=1+2", alternatives=[
        {"name": "@SUM(A1)", "lines": [{"module": "A1-A3", "quantity": 1, "unit": "t", "kgco2e_per_unit": 2,
                                        "source": "-2+3"}]},
        {"name": "+cmd", "lines": [{"module": "A4", "quantity": 1, "unit": "t", "kgco2e_per_unit": 1}]}])
    login(client, officer)
    resp = client.get(p.get_absolute_url() + "?format=xlsx")
    wb = openpyxl.load_workbook(io.BytesIO(resp.content))
    cells = [c for ws in wb for row in ws.iter_rows() for c in row if c.value is not None]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    risky = [c for c in cells if isinstance(c.value, str) and c.value.startswith(("=", "+", "@", "-"))]
    assert {c.value for c in risky} >= {'=HYPERLINK("http://x")', "=1+2", "@SUM(A1)", "+cmd"}
    assert all(c.data_type == "s" and c.quotePrefix for c in risky)


@pytest.mark.django_db
def test_pdf_in_chinese(client, demo):
    resp = client.get("/zh-hans/procurement/comparisons/copenhagen-katrinedals-school/?format=pdf")
    assert resp.status_code == 200 and resp.content.startswith(b"%PDF")
