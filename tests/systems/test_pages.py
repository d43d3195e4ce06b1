"""Pages: the Sankey per layer and year, the balance where it fails, scenarios side by side,
imports (Excel, JSON; all or nothing) and exports, the PDF report, the stock model page."""

from __future__ import annotations

import io
import json

import pytest
from openpyxl import load_workbook

from circularcities.core.mfa.system import BOUNDARY
from circularcities.core.mfa.system_io import to_json, to_xlsx
from circularcities.systems import services
from circularcities.systems.models import StockModel, System
from tests.conftest import login

pytestmark = pytest.mark.django_db


def chart(response, name="sankey-data"):
    html = response.content.decode()
    start = html.index(f'id="{name}"')
    start = html.index(">", start) + 1
    return json.loads(html[start:html.index("</script>", start)])


def link(data, origin, destination):
    nodes, links = data["nodes"], data["links"]
    for s, t, v in zip(links["source"], links["target"], links["value"], strict=True):
        if (nodes[s], nodes[t].removesuffix(":out")) == (origin, destination):
            return v
    return None


def test_detail_shows_the_sankey_of_the_chosen_layer_and_year(client, system, owner):
    login(client, owner)
    data = chart(client.get(system.get_absolute_url() + "?layer=energy&year=2021"))
    assert (data["layer"], data["year"], data["unit"]) == ("energy", 2021, "MWh")
    assert data["imbalanced"][data["nodes"].index("plant")] is True
    assert "Plant: 50.0 MWh" in data["node_text"]
    plant = data["nodes"].index("plant")  # the page labels the node with its amount, no hover needed
    assert (data["node_labels"][plant], data["node_amounts"][plant]) == ("Plant", "50.0 MWh")
    water = chart(client.get(system.get_absolute_url() + "?layer=water&year=2020"))
    assert link(water, "house", "plant") == 80.0 and link(water, "house", BOUNDARY) == 20.0


def test_imbalance_is_listed_at_its_process(client, system, owner):
    html = login(client, owner).get(system.get_absolute_url()).content.decode()
    assert 'data-testid="imbalance" data-process="plant" data-layer="energy" data-year="2021"' in html
    assert "20.0 %" in html


def test_forms_edit_the_system(client, system, owner):
    login(client, owner)
    client.post(f"/systems/{system.pk}/edit/flow", {"origin": "plant", "destination": BOUNDARY, "layer": "energy",
                                                   "amounts": "50", "source": "meter"})
    system.refresh_from_db()
    assert system.result["status"] == "balanced"
    response = client.post(f"/systems/{system.pk}/edit/flow", {"origin": "plant", "destination": "house",
                                                              "layer": "water", "amounts": "2020=oops"}, follow=True)
    assert "is not a number" in response.content.decode() or "year=amount" in response.content.decode()
    client.post(f"/systems/{system.pk}/edit/accept", {"process": "plant", "layer": "energy", "reason": "r"})
    client.post(f"/systems/{system.pk}/edit/stock", {"process": "house", "layer": "water", "kind": "accumulation"})
    assert system.stocks.count() == 1


def test_scenario_page_compares_side_by_side(client, system, owner):
    login(client, owner)
    response = client.post(f"/systems/{system.pk}/edit/scenario", {"name": "Less to the plant"})
    scenario = system.scenarios.get()
    assert response["Location"] == scenario.get_absolute_url()
    client.post(f"/systems/{scenario.pk}/edit/parameter", {"name": "to_plant", "values": "0.5"})
    client.post(f"/systems/{scenario.pk}/edit/flow", {"origin": "house", "destination": BOUNDARY,
                                                     "layer": "water", "share": "0.5"})
    response = client.get(f"/systems/{system.pk}/compare/{scenario.pk}/?layer=water&year=2020")
    assert link(chart(response, "sankey-a-data"), "house", "plant") == 80.0
    assert link(chart(response, "sankey-b-data"), "house", "plant") == 50.0
    html = response.content.decode()
    assert html.count('data-testid="flow-difference"') == 3  # house→plant, house→outside, plant→outside
    assert "-30" in html


def test_excel_and_json_downloads_import_back(client, system, owner):
    login(client, owner)
    data = client.get(f"/systems/{system.pk}/system.xlsx").content
    assert load_workbook(io.BytesIO(data)).sheetnames[:4] == ["system", "processes", "layers", "flows"]
    response = client.post(f"/systems/import/{system.city.slug}/",
                           {"file": _upload("copy.xlsx", data), "name": "Copy"})
    copy = System.objects.filter(city=system.city).get(translations__name="Copy")
    assert response["Location"] == copy.get_absolute_url()
    # The one summary (issue #13): 2 layers + 3 processes (with the boundary) + 6 flows + 1 parameter = 12 rows.
    page = client.get(response["Location"]).content.decode()
    assert "Import finished. Rows read: 12 · written: 12 · skipped (already as in the file): 0 · errors: 0" in page
    doc = json.loads(client.get(f"/systems/{system.pk}/system.json").content)
    assert doc["processes"][0] == BOUNDARY and doc["flows"][0]["from_process"] == BOUNDARY
    response = client.post(f"/systems/{copy.pk}/import", {"file": _upload("s.json", json.dumps(doc).encode())})
    page = client.get(response["Location"]).content.decode()
    assert "Rows read: 12 · written: 12 · skipped (already as in the file): 0 · errors: 0" in page
    assert "The system was replaced by the file" in page
    assert to_json(services.definition(copy, "en"))["flows"] == doc["flows"]


def test_a_bad_workbook_imports_nothing_and_names_the_rows(client, system, owner):
    wb = load_workbook(io.BytesIO(to_xlsx(services.definition(system, "en"))))
    wb["flows"]["C2"] = "gold"
    wb["flows"]["H3"] = "-5"
    buf = io.BytesIO()
    wb.save(buf)
    n = System.objects.filter(city=system.city).count()
    response = login(client, owner).post(f"/systems/import/{system.city.slug}/",
                                         {"file": _upload("bad.xlsx", buf.getvalue())})
    html = response.content.decode()
    assert response.status_code == 400 and "row 2" in html and "row 3" in html
    assert System.objects.filter(city=system.city).count() == n
    assert 'data-testid="import-errors"' in html


def test_replacing_from_a_bad_file_lists_sheet_row_and_column_and_changes_nothing(client, system, owner):
    wb = load_workbook(io.BytesIO(to_xlsx(services.definition(system, "en"))))
    wb["flows"]["H3"] = "-5"
    buf = io.BytesIO()
    wb.save(buf)
    before = to_json(services.definition(system, "en"))
    response = login(client, owner).post(f"/systems/{system.pk}/import", {"file": _upload("bad.xlsx", buf.getvalue())})
    html = response.content.decode()
    assert response.status_code == 400 and "The file has 1 problem; nothing was imported." in html
    cells = [r.split("</tr>")[0] for r in html.split('data-testid="import-error"')[1:]]
    assert len(cells) == 1 and ">flows</td>" in cells[0] and ">3</td>" in cells[0] and ">value</td>" in cells[0]
    assert 'data-testid="import-done"' not in html
    assert to_json(services.definition(system, "en")) == before


def test_pdf_report_draws_each_layer(client, system, owner):
    response = login(client, owner).get(f"/systems/{system.pk}/report.pdf?year=2021")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    from circularcities.systems.report import build_report

    report = build_report(system, services.result_of(system), 2021)
    energy = next(s for s in report.sections if s.figures and "energy" in s.heading)
    drawing = energy.figures[0].flowable(500, "Helvetica")
    texts = [getattr(c, "text", "") for c in drawing.contents]
    assert "Plant: 50.0 MWh (!)" in texts and "40.0 MWh" in texts  # the node flagged, the band labelled
    assert any(t.title == "Imbalances" for t in report.sections[0].tables)


def test_stock_model_page_upload_and_download(client, city, owner):
    from circularcities.core.mfa.stock_io import template_xlsx

    login(client, owner)
    response = client.post(f"/systems/stocks/new/{city.slug}/", {
        "name": "Dwellings", "subject": "buildings", "unit": "dwellings", "driver": "inflow", "first_year": 2000,
        "file": _upload("in.xlsx", template_xlsx()), "distribution": "weibull", "scale": 60, "shape": 2.5})
    model = StockModel.objects.filter(city=city).get(translations__name="Dwellings")
    assert response["Location"] == model.get_absolute_url()
    page = client.get(model.get_absolute_url())
    assert chart(page, "stock-chart-data")["years"] == list(range(2000, 2011))
    wb = load_workbook(io.BytesIO(client.get(f"/systems/stocks/{model.pk}/result.xlsx").content))
    assert wb["result"]["A2"].value == 2000 and wb["input"]["B2"].value == 100
    assert wb["result"]["D12"].value == pytest.approx(model.result["stock"][-1])


def test_stock_model_bad_input_is_located(client, city, owner):
    response = login(client, owner).post(f"/systems/stocks/new/{city.slug}/", {
        "name": "Cars", "subject": "vehicles", "unit": "cars", "driver": "inflow", "first_year": 2000,
        "values": "1 2 x", "distribution": "normal", "mean": 10, "std": 3})
    assert response.status_code == 400 and not StockModel.objects.filter(city=city).exists()


def test_index_lists_what_the_reader_may_see(client, system, owner):
    assert "Test district" not in client.get("/systems/").content.decode()
    assert "Test district" in login(client, owner).get("/systems/").content.decode()


def _upload(name, data):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data)
