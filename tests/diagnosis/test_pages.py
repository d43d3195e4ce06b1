"""Index, dashboard (English and Chinese), history, reports; query count independent of data size."""

import io
import json

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from circularcities.diagnosis.imports import import_file, read_files
from circularcities.diagnosis.models import MetabolismFlow
from tests.diagnosis.helpers import data, workbook

pytestmark = pytest.mark.django_db


def test_index_lists_cities_with_data(client, demo):
    page = client.get("/diagnosis/").content.decode()
    for slug in ("amsterdam", "yokohama", "beijing"):
        assert f"/diagnosis/{slug}/" in page
    assert "/diagnosis/bonn/" not in page


def test_dashboard_shows_every_part(client, city):
    resp = client.get(f"/diagnosis/{city.slug}/")
    assert resp.status_code == 200
    ctx = resp.context
    assert ctx["sankey"].n_flows > 0 and ctx["sankey"].year == 2023
    chart = ctx["sankey_data"]
    nodes = chart["nodes"]
    assert nodes[0] == "environment" and "environment_out" in nodes
    links = chart["links"]
    # Feedback (recycling -> production) is drawn as an outflow plus a secondary inflow:
    # no band runs backwards, and production receives as much as before.
    from circularcities.diagnosis.dashboard import DOWNSTREAM, UPSTREAM

    pairs = list(zip(links["source"], links["target"], links["value"], strict=True))
    assert not [p for p in pairs if nodes[p[0]] in DOWNSTREAM and nodes[p[1]] in UPSTREAM]
    fed_back = sum(v for s, t, v in pairs if nodes[t] == "feedback_out_production")
    secondary = sum(v for s, t, v in pairs if nodes[s] == "feedback_in_production")
    assert fed_back > 0 and fed_back == secondary
    assert len(chart["links"]["value"]) == ctx["sankey"].n_flows or chart["links"]["value"]
    page = resp.content.decode()
    for testid in ("sankey", "indicator-cards", "radar", "benchmark", "focal-suggestions", "sankey-pickers"):
        assert f'data-testid="{testid}"' in page, testid
    assert "vendor/plotly.min.js" in page
    # The proxy value is labelled as such, and the change between assessments is shown.
    assert 'class="tag q-proxy est"' in page
    assert ctx["maturity"].previous is not None and 'data-testid="maturity-change"' in page
    bench = ctx["bench"]
    assert bench.rule in ("region+population", "region", "all")
    assert 1 <= len(bench.focal_areas) <= 3
    assert all(fa.reason_en.startswith("Suggested focus") for fa in bench.focal_areas)
    assert any(bench.cases.values())
    case, _ = next(c for cs in bench.cases.values() for c in cs)
    assert case.get_absolute_url() in page
    # Totals are not benchmarked across cities of different size.
    assert all(r["indicator"].unit not in ("t", "EUR") for r in bench.rows)


def test_dashboard_in_chinese(client, city):
    page = client.get(f"/zh-hans/diagnosis/{city.slug}/").content.decode()
    assert "城市诊断" in page
    # The focal-area reasons are composed in the reader's language.
    assert "以下指标落后于同类城市" in page or "7R成熟度较低" in page


@pytest.mark.parametrize("lang, strategy_text, reason_words", [
    ("ja", "リサイクル", ("比較対象の都市に遅れています", "7R成熟度が低い分野")),
    ("ko", "재활용", ("비교 도시들보다 뒤처져 있습니다", "7R 성숙도가 낮은 전략")),
])
def test_the_7r_questionnaire_and_reasons_in_japanese_and_korean(client, city, owner, lang, strategy_text,
                                                                  reason_words):
    from circularcities.core.maturity import load_maturity_model

    page = client.get(f"/{lang}/diagnosis/{city.slug}/").content.decode()
    assert strategy_text in page
    model = load_maturity_model()
    levels = [getattr(lv, lang) for st in model.values() for lv in st.levels]
    assert any(text in page for text in levels)
    assert any(words in page for words in reason_words)
    client.force_login(owner)
    form = client.get(f"/{lang}/diagnosis/{city.slug}/maturity/new/")
    assert form.status_code == 200
    html = form.content.decode()
    assert getattr(model["repair"].levels[0], lang) in html and getattr(model["repair"], f"name_{lang}") in html


def test_a_level_not_yet_written_in_the_readers_language_is_marked(client, city, monkeypatch):
    import dataclasses

    from circularcities.core import maturity
    from circularcities.diagnosis import dashboard

    model = maturity.load_maturity_model()
    without_ja = {r: dataclasses.replace(st, name_ja="", levels=tuple(dataclasses.replace(lv, ja="")
                                                                      for lv in st.levels))
                  for r, st in model.items()}
    monkeypatch.setattr(dashboard, "load_maturity_model", lambda: without_ja)
    page = client.get(f"/ja/diagnosis/{city.slug}/").content.decode()
    assert 'class="untranslated"' in page and model["recycle"].name_en in page


def test_pickers_select_year_layer_material(client, city):
    resp = client.get(f"/diagnosis/{city.slug}/?year=2015&layer=nutrient")
    s = resp.context["sankey"]
    assert (s.year, s.layer) == (2015, "nutrient")
    assert s.material in s.materials  # nutrients are never summed across t N and t P
    resp = client.get(f"/diagnosis/{city.slug}/?year=2015&layer=material&material=paper",
                      HTTP_HX_REQUEST="true", HTTP_HX_TARGET="sankey-block")
    html = resp.content.decode()
    assert resp.status_code == 200 and "<html" not in html and 'id="sankey-block"' in html
    chart = json.loads(html.split('id="sankey-data"')[1].split(">", 1)[1].split("</script>")[0])
    assert set(chart["links"]["label"]) == {"paper"}


def test_dashboard_without_data(client, other_city):
    resp = client.get(f"/diagnosis/{other_city.slug}/")
    assert resp.status_code == 200 and 'data-testid="no-flows"' in resp.content.decode()


def test_imbalance_is_shown(client, other_city):
    d = data(years=(2020,))
    d.stocks = []  # the landfill's 30 t now go nowhere
    import_file(other_city, read_files([("c.xlsx", workbook(d))]))
    page = client.get(f"/diagnosis/{other_city.slug}/").content.decode()
    assert 'data-testid="imbalances"' in page and "landfill 2020 material" in page


def test_query_count_does_not_grow_with_data(client, other_city):
    import_file(other_city, read_files([("a.xlsx", workbook(data(years=(2020,), materials=("paper",))))]))
    url = f"/diagnosis/{other_city.slug}/"
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    big = data(years=tuple(range(2010, 2022)), materials=tuple(f"m{i}" for i in range(12)))
    import_file(other_city, read_files([("b.xlsx", workbook(big))]))
    assert MetabolismFlow.objects.filter(city=other_city).count() > 1000
    with CaptureQueriesContext(connection) as large:
        client.get(url)
    assert len(large) == len(small), [q["sql"][:90] for q in large.captured_queries]


def test_history_page_lists_changes(client, city):
    page = client.get(f"/diagnosis/{city.slug}/history/").content.decode()
    assert 'data-testid="history"' in page and "amsterdam.xlsx" in page


def test_report_pdf_and_excel_open(client, city):
    pdf = client.get(f"/diagnosis/{city.slug}/report.pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    xlsx = client.get(f"/diagnosis/{city.slug}/report.xlsx")
    wb = openpyxl.load_workbook(io.BytesIO(xlsx.content))
    assert {"Summary", "Process totals", "Flows", "Indicators", "Benchmark"} <= set(wb.sheetnames)
    assert any(name.startswith("Maturity") for name in wb.sheetnames)
    assert wb["Indicators"].max_row > 10


def test_report_in_chinese_and_for_a_city_without_data(client, other_city, city):
    assert client.get(f"/zh-hans/diagnosis/{city.slug}/report.pdf").content.startswith(b"%PDF")
    wb = openpyxl.load_workbook(io.BytesIO(client.get(f"/diagnosis/{other_city.slug}/report.xlsx").content))
    assert "No data yet" in [c.value for c in wb["Summary"]["A"]]
