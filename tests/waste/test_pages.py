"""Pages: rates with their formulas and a chart with printed values; the template; the errors of an import."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_city_page_shows_rates_formulas_and_values(client, city, owner, good_csv):
    from circularcities.waste.services import import_streams

    import_streams(city, good_csv, "s.csv", owner)
    html = client.get(reverse("waste:city", args=[city.slug])).content.decode()
    assert "(reuse + recycling + composting) / generated" in html
    assert "45.0 %" in html and "40.0 %" in html  # bar values printed
    assert "Bureau estimate" in html and "estimated" in html
    assert "axis from 0" in html


def test_import_errors_by_row(client, city, owner, bad_csv):
    client.force_login(owner)
    resp = client.post(reverse("waste:import", args=[city.slug]),
                       {"file": SimpleUploadedFile("s.csv", bad_csv, content_type="text/csv")})
    assert resp.status_code == 400
    html = resp.content.decode()
    assert "row 2" in html.lower() and "row 5" in html.lower() and "nothing was imported" in html


def test_excel_template_has_drop_downs_and_imports_back(client, city, owner):
    from openpyxl import load_workbook

    resp = client.get(reverse("waste:template", args=["xlsx"]))
    wb = load_workbook(io.BytesIO(resp.content))
    ws = wb["streams"]
    lists = {str(dv.sqref).split(":")[0].rstrip("0123456789"): dv.formula1
             for dv in ws.data_validations.dataValidation if dv.type == "list"}
    header = [c.value for c in ws[1]]
    assert "household" in lists[chr(ord("A") + header.index("area"))]
    assert "estimated" in lists[chr(ord("A") + header.index("quality"))]
    from circularcities.waste.services import import_streams

    assert import_streams(city, resp.content, "t.xlsx", owner)["rows"] == 3


def test_index_lists_catalogue(client):
    html = client.get(reverse("waste:index")).content.decode()
    assert "ZW-ISW-UTIL" in html and "Zero-waste" in html


def test_area_without_routes_shows_no_rate_rather_than_zero(client, city, owner):
    from circularcities.waste.services import stream_write

    stream_write(city=city, user=owner, fields={"name": "slag", "area": "industrial", "year": 2022,
                                                "generated_t": 5000})
    html = client.get(reverse("waste:city", args=[city.slug])).content.decode()
    assert 'data-testid="no-routes"' in html and 'data-testid="rate-utilisation_rate"' not in html
    assert "5,000 t" in html  # the tonnes chart still reads


def test_chart_rounds_like_the_heading():
    from circularcities.waste.charts import bars

    assert bars([(2016, 67.55)], unit="%", maximum=100)["bars"][0]["value"] == "67.6 %"
    assert bars([(2016, 33_100_000)], unit="t")["bars"][0]["value"] == "33.10 Mt"


@pytest.mark.parametrize("fmt", ["xlsx", "pdf"])
def test_report(client, city, owner, good_csv, fmt):
    from circularcities.waste.services import import_streams

    import_streams(city, good_csv, "s.csv", owner)
    resp = client.get(reverse("waste:report", args=[city.slug, fmt]))
    assert resp.status_code == 200
    if fmt == "xlsx":
        from openpyxl import load_workbook

        wb = load_workbook(io.BytesIO(resp.content))
        rates = next(ws for ws in wb.worksheets if ws.title.startswith("Household") and "rates" in ws.title)
        header = [c.value for c in rates[1]]
        col = header.index("Recycling rate (%)")
        assert [row[col].value for row in rates.iter_rows(min_row=2)] == [40, 45]
    else:
        assert resp.content.startswith(b"%PDF")


def _form(**changes):
    data = {"name_en": "glass", "area": "household", "ewc_code": "", "year": 2023, "month": 0, "generated_t": 100,
            "collected_t": "", "reuse_t": 0, "recycling_t": 90, "composting_t": 0, "energy_recovery_t": 0,
            "incineration_t": 0, "landfill_t": 0, "other_t": 0, "uncontrolled_t": 0, "from_storage_t": 0,
            "source": "weighbridge", "quality": "measured"}
    data.update(changes)
    return data


def test_stream_form_saves_and_refuses_unbalanced_beside_the_field(client, city, owner):
    from circularcities.waste.models import WasteStream

    client.force_login(owner)
    url = reverse("waste:add_stream", args=[city.slug])
    resp = client.post(url, _form(landfill_t=20))
    assert resp.status_code == 400
    assert "The treatment routes add up to 110 t, more than the 100 t generated." in resp.content.decode()
    assert not WasteStream.objects.filter(city=city).exists()
    resp = client.post(url, _form())
    assert resp.status_code == 302
    s = WasteStream.objects.get(city=city, translations__language_code="en", translations__name="glass")
    assert (s.recycling_t, s.collected_t, s.month) == (90, None, 0)
    resp = client.post(reverse("waste:edit_stream", args=[city.slug, s.pk]), _form(ewc_code="20 01 02"))
    assert resp.status_code == 302
    s.refresh_from_db()
    assert s.ewc_code == "200102"


def test_sdg_share_flagged_as_upper_bound_when_collection_unknown(client, city, stream):
    html = client.get(reverse("waste:city", args=[city.slug])).content.decode()
    assert "this share may be too high" in html  # the fixture stream records no tonnes collected


def test_index_compares_cities_on_household_recycling(client, city, owner, good_csv):
    from circularcities.waste.services import import_streams

    import_streams(city, good_csv, "s.csv", owner)
    html = client.get(reverse("waste:index")).content.decode()
    row = html[html.index(f"/waste/{city.slug}/"):]
    assert "45.0 % <span" in row[:row.index("</tr>")] and "(2022)" in row[:row.index("</tr>")]
