"""Flows, flow values, product categories, programme figures and material weights are
written per language (django-parler): a Japanese page shows the Japanese text, a language
without one shows the English marked "not yet translated"; the API keeps languages not
sent; the migrations move the old ``<field>_en`` / ``<field>_zh`` columns and back."""

from __future__ import annotations

import json

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from circularcities.marketplace.models import (
    Flow,
    FlowValue,
    MaterialWeight,
    ProductCategory,
    ProgrammeFigure,
)
from circularcities.marketplace.services import (
    add_park_manager,
    save_facility,
    save_flow,
    save_park,
)
from tests.conftest import _user
from tests.marketplace.conftest import AMS

MARK = 'class="untranslated"'


def _fallback(html: str, english: str) -> bool:
    """``english`` is shown as the English fallback, marked."""
    return f'<span lang="en">{english}</span> <span class="untranslated">' in html


@pytest.fixture
def park(city, secretariat):
    p = save_park(secretariat, {"name": "Test harbour park", "city": city, "lat": AMS[0], "lon": AMS[1],
                                "radius_km": 5})
    save_facility(secretariat, p, {"name": "Test boiler", "kind": "plant", "lat": AMS[0], "lon": AMS[1]})
    save_facility(secretariat, p, {"name": "Test hothouse", "kind": "user", "lat": AMS[0] + 0.01, "lon": AMS[1]})
    return p


@pytest.fixture
def manager(park, secretariat):
    user = _user("s23-park-manager", "business")
    add_park_manager(secretariat, park, user.username)
    return user


FLOW = {"source": "test-boiler", "target": "test-hothouse", "kind": "energy"}


def _flows_table(html: str) -> str:
    return html.split('data-testid="flows"')[1].split("</table>")[0]


@pytest.mark.django_db
def test_flow_name_and_value_basis_per_language(client, park, manager):
    flow = save_flow(manager, park, {**FLOW, "name_en": "Waste heat", "name_ja": "排熱", "value": 1000, "value_year": 2023,
                                     "currency": "EUR"})
    value = flow.values.get()
    value.basis_en, value.basis_ja = "Heating saved", "節約した暖房費"
    value.save()
    with translation.override("en"):  # a request activates its language
        url = park.get_absolute_url()
    ja = _flows_table(client.get(f"/ja{url}").content.decode())
    assert "<td>排熱<br>" in ja and "· 節約した暖房費<br>" in ja and "Waste heat" not in ja
    ko = _flows_table(client.get(f"/ko{url}").content.decode())
    assert _fallback(ko, "Waste heat") and _fallback(ko, "Heating saved")
    en = _flows_table(client.get(url).content.decode())
    assert "Waste heat" in en and MARK not in en


@pytest.mark.django_db
def test_flow_form_writes_every_language_and_english_is_required(client, park, manager):
    client.force_login(manager)
    page = client.get(reverse("marketplace:flow_new", args=[park.slug])).content.decode()
    for sfx in ("en", "zh", "ja", "ko"):
        assert f'id="id_name_{sfx}"' in page
    form = {**FLOW, "name_zh": "余热", "unit": "", "currency": ""}
    resp = client.post(reverse("marketplace:flow_new", args=[park.slug]), form)
    assert resp.status_code == 400 and not Flow.objects.filter(park=park).exists()
    client.post(reverse("marketplace:flow_new", args=[park.slug]), {**form, "name_en": "Heat", "name_ko": "열"})
    flow = Flow.objects.get(park=park)
    assert (flow.name_en, flow.name_zh, flow.name_ja, flow.name_ko) == ("Heat", "余热", "", "열")
    assert sorted(flow.get_available_languages()) == ["en", "ko", "zh-hans"]


@pytest.mark.django_db
def test_api_flow_patch_keeps_languages_not_sent(client, park, manager):
    url = f"/api/marketplace/parks/{park.slug}/flows"
    client.force_login(manager)
    resp = client.post(url, json.dumps({**FLOW, "name_en": "Steam", "name_ja": "蒸気", "name_ko": "증기"}),
                       content_type="application/json")
    assert resp.status_code == 201, resp.content
    made = resp.json()
    assert (made["name_en"], made["name_zh"], made["name_ja"], made["name_ko"]) == ("Steam", "", "蒸気", "증기")
    resp = client.patch(f"{url}/{made['id']}", json.dumps({"name_en": "Process steam", "name_zh": "工艺蒸汽"}),
                        content_type="application/json")
    assert resp.status_code == 200, resp.content
    body = resp.json()
    assert (body["name_en"], body["name_zh"], body["name_ja"], body["name_ko"]) == (
        "Process steam", "工艺蒸汽", "蒸気", "증기")
    flow = Flow.objects.get(pk=made["id"])
    assert (flow.name_en, flow.name_ja) == ("Process steam", "蒸気")
    resp = client.patch(f"{url}/{made['id']}", json.dumps({"name_en": ""}), content_type="application/json")
    assert resp.status_code == 422 and Flow.objects.get(pk=made["id"]).name_en == "Process steam"


@pytest.mark.django_db
def test_park_api_reads_flows_without_a_query_per_flow(client, park, manager):
    def queries():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(f"/api/marketplace/parks/{park.slug}").status_code == 200
        return len([q for q in ctx.captured_queries if "marketplace_" in q["sql"]])

    save_flow(manager, park, {**FLOW, "name_en": "Heat 0", "value": 10, "currency": "EUR", "value_year": 2023})
    few = queries()
    for i in range(1, 5):
        save_flow(manager, park, {**FLOW, "name_en": f"Heat {i}", "name_ja": f"熱 {i}", "value": 10 + i, "value_year": 2023,
                                  "currency": "EUR"})
    assert queries() == few


@pytest.mark.django_db
def test_product_category_names_per_language(client, seller, make_listing):
    furniture = make_listing(seller, title_en="Chairs", material="furniture", quantity=4, unit="pcs",
                             mass_per_piece_kg=8)
    ProductCategory.objects.create(slug="s23-test-widgets", name_en="Test widgets", name_zh="测试小部件")
    widgets = make_listing(seller, title_en="Widgets", material="s23-test-widgets", quantity=1)
    with translation.override("en"):  # a request activates its language
        furniture_url, widgets_url = furniture.get_absolute_url(), widgets.get_absolute_url()
    html = client.get(f"/ja{furniture_url}").content.decode()
    assert "家具" in html
    ko = client.get(f"/ko{widgets_url}").content.decode()
    assert _fallback(ko, "Test widgets")
    zh = client.get(f"/zh-hans{widgets_url}").content.decode()
    assert "测试小部件" in zh and not _fallback(zh, "Test widgets")
    listed = client.get("/ja/marketplace/?organisation=test-org-a").content.decode()
    assert "家具" in listed and _fallback(listed, "Test widgets")


@pytest.mark.django_db
def test_product_categories_list_in_the_readers_order_and_search_any_language(client):
    ProductCategory.objects.create(slug="aaa-s23-last", name_en="Zzz test category", name_ja="テスト分類")
    english = [c.slug for c in ProductCategory.objects.by_name("en")]
    names = [c.name_en for c in ProductCategory.objects.by_name("en")]
    assert names == sorted(names, key=str.casefold) or names == sorted(names)
    assert english[-1] == "aaa-s23-last"  # by its English name, not its slug
    rows = client.get("/api/marketplace/materials?q=テスト").json()
    assert [r["key"] for r in rows] == ["aaa-s23-last"]


@pytest.mark.django_db
def test_programme_figures_per_language(client):
    with translation.override("en"):
        url = reverse("marketplace:metrics") + "?city=austin"
    ja = client.get(f"/ja{url}").content.decode()
    assert "2018 年末までの参加者" in ja and "米ドル" in ja and "Participants by the end of 2018" not in ja
    figure = ProgrammeFigure.objects.get(city__slug="austin", order=1)
    figure.label_ko = ""
    figure.save()
    ko = client.get(f"/ko{url}").content.decode()
    assert _fallback(ko, "Participants by the end of 2018")
    assert "처음 2년간 시의 연간 지원금" in ko  # another figure, written in Korean


@pytest.mark.django_db
def test_material_weight_notes_per_language(client, secretariat):
    client.force_login(secretariat)
    with translation.override("en"):
        url = reverse("marketplace:weights")
    page = client.get(url).content.decode()
    for sfx in ("en", "zh", "ja", "ko"):
        assert f'id="id_note_{sfx}"' in page
    resp = client.post(url, {"material": "17 01 07", "weight": "2", "note_en": "Test mixed rubble",
                             "note_ja": "テスト混合がれき"})
    assert resp.status_code == 302
    w = MaterialWeight.objects.get(material="170107")
    assert (w.weight, w.note_en, w.note_zh, w.note_ja) == (2.0, "Test mixed rubble", "", "テスト混合がれき")
    assert "テスト混合がれき" in client.get(f"/ja{url}").content.decode()
    assert _fallback(client.get(f"/ko{url}").content.decode(), "Test mixed rubble")
    assert "デモ用の重み" in client.get(f"/ja{url}").content.decode()  # the demo's notes in Japanese


@pytest.mark.django_db
def test_demo_content_in_japanese_and_korean():
    flow = Flow.objects.get(park__slug="beijing-chaoyang", translations__language_code="en",
                            translations__name="Electricity to the grid")
    assert (flow.name_ja, flow.name_ko) == ("系統への送電", "전력망 송전")
    assert {v.basis_ko for v in flow.values.all()} == {"소각 발전의 경제적 효과"}
    assert ProductCategory.objects.get(slug="plasterboard").name_ko == "석고보드"
    from circularcities.marketplace.models import Listing

    concrete = Listing.objects.get(demo_key="austin-concrete")
    assert (concrete.title_ja, concrete.title_ko) == ("解体で出たコンクリート殻", "철거에서 나온 파쇄 콘크리트")
    missing = [x.demo_key for x in Listing.objects.filter(demo_key__gt="").prefetch_related("translations")
               if not (x.title_ja and x.title_ko)]
    assert missing == []


BEFORE = [("marketplace", "0011_s22_listing_drop_title_columns")]


@pytest.mark.django_db(transaction=True)
def test_migrations_move_the_two_language_columns_and_back(city):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    Category = old.get_model("marketplace", "ProductCategory")
    Category.objects.create(slug="s23-mig-cat", name_en="Test pipes", name_zh="测试管材")
    Figure = old.get_model("marketplace", "ProgrammeFigure")
    fig = Figure.objects.create(city_id=city.pk, order=99, label_en="Test users", label_zh="测试用户", value="5",
                                unit_en="people", unit_zh="人", source="test", note_en="", note_zh="只有中文").pk
    Weight = old.get_model("marketplace", "MaterialWeight")
    weight = Weight.objects.create(material="s23-mig", weight=2, note_en="Test note").pk
    Park = old.get_model("marketplace", "Park")
    Facility = old.get_model("marketplace", "Facility")
    park = Park.objects.create(slug="s23-mig-park", lat=1, lon=1)
    a = Facility.objects.create(park=park, slug="a")
    b = Facility.objects.create(park=park, slug="b")
    OldFlow = old.get_model("marketplace", "Flow")
    flow = OldFlow.objects.create(park=park, source=a, target=b, kind="energy", name_en="Test heat", name_zh="测试热")
    value = old.get_model("marketplace", "FlowValue").objects.create(
        flow=flow, amount=5, currency="EUR", basis_zh="只有中文依据", source="test").pk
    flow = flow.pk

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    c = ProductCategory.objects.get(slug="s23-mig-cat")
    assert (c.name_en, c.name_zh, sorted(c.get_available_languages())) == ("Test pipes", "测试管材", ["en", "zh-hans"])
    furniture = ProductCategory.objects.get(slug="furniture")  # a packaged category: named in every language
    assert (furniture.name_en, furniture.name_zh, furniture.name_ja, furniture.name_ko) == ("Furniture", "家具", "家具", "가구")
    f = ProgrammeFigure.objects.get(pk=fig)
    assert (f.label_en, f.label_zh, f.unit_en, f.unit_zh, f.note_en, f.note_zh) == (
        "Test users", "测试用户", "people", "人", "", "只有中文")
    w = MaterialWeight.objects.get(pk=weight)
    assert (w.note_en, w.note_zh, list(w.get_available_languages())) == ("Test note", "", ["en"])
    fl = Flow.objects.get(pk=flow)
    assert (fl.name_en, fl.name_zh) == ("Test heat", "测试热")
    v = FlowValue.objects.get(pk=value)
    assert (v.basis_en, v.basis_zh) == ("", "只有中文依据")
    assert sorted(v.get_available_languages()) == ["en", "zh-hans"]
    fl.name_ja = "テスト熱"  # a language the columns never had
    fl.save()

    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    c = old.get_model("marketplace", "ProductCategory").objects.get(slug="s23-mig-cat")
    assert (c.name_en, c.name_zh) == ("Test pipes", "测试管材")
    f = old.get_model("marketplace", "ProgrammeFigure").objects.get(pk=fig)
    assert (f.label_en, f.label_zh, f.unit_en, f.unit_zh, f.note_en, f.note_zh) == (
        "Test users", "测试用户", "people", "人", "", "只有中文")
    assert old.get_model("marketplace", "MaterialWeight").objects.get(pk=weight).note_en == "Test note"
    fl = old.get_model("marketplace", "Flow").objects.get(pk=flow)
    assert (fl.name_en, fl.name_zh) == ("Test heat", "测试热")
    v = old.get_model("marketplace", "FlowValue").objects.get(pk=value)
    assert (v.basis_en, v.basis_zh) == ("", "只有中文依据")

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    assert ProductCategory.objects.get(slug="s23-mig-cat").name_zh == "测试管材"
    assert Flow.objects.get(pk=flow).name_en == "Test heat"
