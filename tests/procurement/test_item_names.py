"""Names of comparison items and alternatives per language (django-parler): every write path
(service, form, API, items table) stores them, the reader sees their language or English marked
"not yet translated", PATCH keeps the languages not sent, and the migration moves the old column."""

from __future__ import annotations

import io

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test.utils import CaptureQueriesContext

from circularcities.core.rules import FieldError
from circularcities.procurement import models as m
from circularcities.procurement import services as s
from tests.conftest import login

LINE = {"module": "A1-A3", "quantity": 10, "unit": "t", "kgco2e_per_unit": 100}


def _alts(**names):
    return [{"name": "New bricks", "lines": [LINE], **names},
            {"name": "Reused bricks", "lines": [{**LINE, "kgco2e_per_unit": 20}]}]


@pytest.fixture
def project(city, owner):
    return s.project_create(user=owner, city=city, slug="s23-names", name="School wall", published=True)


def _h2(html: str) -> str:
    return html.split('data-testid="item-name">')[1].split("</h2>")[0]


@pytest.mark.django_db
def test_japanese_page_shows_japanese_names_and_english_marked_where_missing(client, project, owner):
    s.item_add(user=owner, project=project, name="Interior wall", names={"ja": "内壁", "zh": "内墙"},
               alternatives=_alts(name_ja="新しいれんが"))
    url = project.get_absolute_url()
    ja = client.get(f"/ja{url}").content.decode()
    assert _h2(ja) == "内壁"
    assert "新しいれんが" in ja
    # the reused alternative has no Japanese name: English, marked
    assert '<span lang="en">Reused bricks</span> <span class="untranslated">' in ja
    ko = client.get(f"/ko{url}").content.decode()
    assert '<span lang="en">Interior wall</span>' in _h2(ko) and 'class="untranslated"' in _h2(ko)
    en = client.get(url).content.decode()
    assert _h2(en) == "Interior wall" and "untranslated" not in en.split('data-testid="item"')[1]
    xlsx = client.get(f"/ja{url}?format=xlsx")
    from openpyxl import load_workbook

    cells = [c.value for ws in load_workbook(io.BytesIO(xlsx.content)) for row in ws.iter_rows() for c in row]
    assert "内壁" in cells and "新しいれんが" in cells
    assert any(isinstance(v, str) and v.startswith("Reused bricks (") for v in cells)


@pytest.mark.django_db
def test_english_is_required_and_unique_in_the_comparison(project, owner):
    with pytest.raises(FieldError):
        s.item_add(user=owner, project=project, name="", names={"ja": "内壁"}, alternatives=_alts())
    s.item_add(user=owner, project=project, name="Interior wall", alternatives=_alts())
    with pytest.raises(FieldError) as err:
        s.item_add(user=owner, project=project, name="Interior wall", names={"ja": "別の壁"}, alternatives=_alts())
    assert err.value.field == "name"
    # another comparison may use the same name
    other = s.project_create(user=owner, city=project.city, slug="s23-other", name="Other")
    s.item_add(user=owner, project=other, name="Interior wall", alternatives=_alts())


@pytest.mark.django_db
def test_api_stores_names_per_language_and_patch_keeps_the_unsent(client, project, owner):
    login(client, owner)
    body = {"name": "Interior wall", "name_ja": "内壁", "name_ko": "내벽",
            "alternatives": _alts(name_zh="新砖")}
    r = client.post(f"/api/procurement/projects/{project.slug}/items", body, content_type="application/json")
    assert r.status_code == 201, r.content
    made = r.json()
    assert made["names"] == {"en": "Interior wall", "ja": "内壁", "ko": "내벽"}
    assert made["alternatives"][0]["names"] == {"en": "New bricks", "zh-hans": "新砖"}
    r = client.patch(f"/api/procurement/projects/{project.slug}/items/{made['id']}",
                     {"name_zh": "内墙", "name_en": "Inner wall"}, content_type="application/json")
    assert r.status_code == 200, r.content
    assert r.json()["names"] == {"en": "Inner wall", "zh-hans": "内墙", "ja": "内壁", "ko": "내벽"}
    assert r.json()["item"] == "Inner wall"
    alt = made["alternatives"][1]["id"]
    r = client.patch(f"/api/procurement/projects/{project.slug}/items/{made['id']}/alternatives/{alt}",
                     {"name_ja": "再利用れんが"}, content_type="application/json")
    assert r.status_code == 200, r.content
    assert r.json()["alternatives"][1]["names"] == {"en": "Reused bricks", "ja": "再利用れんが"}
    # an empty text removes that language; English cannot be emptied
    r = client.patch(f"/api/procurement/projects/{project.slug}/items/{made['id']}", {"name_ko": ""},
                     content_type="application/json")
    assert r.json()["names"] == {"en": "Inner wall", "zh-hans": "内墙", "ja": "内壁"}
    r = client.patch(f"/api/procurement/projects/{project.slug}/items/{made['id']}", {"name_en": ""},
                     content_type="application/json")
    assert r.status_code == 422
    item = m.ProjectItem.objects.get(pk=made["id"])
    assert (item.name_en, item.name_zh, item.name_ja, item.name_ko) == ("Inner wall", "内墙", "内壁", "")


@pytest.mark.django_db
def test_api_reads_names_without_a_query_per_item(client, project, owner):
    s.item_add(user=owner, project=project, name="Wall 0", alternatives=_alts())

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(f"/api/procurement/projects/{project.slug}").status_code == 200
        return len([q for q in ctx.captured_queries if "procurement_" in q["sql"]])

    few = count()
    for i in range(1, 5):
        s.item_add(user=owner, project=project, name=f"Wall {i}", names={"ko": f"벽 {i}"}, alternatives=_alts())
    assert count() == few


@pytest.mark.django_db
def test_items_table_with_language_columns_and_an_old_one_column_file(project, owner):
    head = "item,item_ja,alternative,alternative_ja,module,quantity,unit,kgco2e_per_unit\n"
    data = (head + "Roof,屋根,Steel,鋼板,A1-A3,1,t,10\n" + "Roof,,Timber,,A1-A3,1,t,5\n").encode()
    (roof,) = s.import_items(user=owner, project=project, data=data, filename="items.csv")
    roof = m.ProjectItem.objects.get(pk=roof.pk)
    assert (roof.name_en, roof.name_ja) == ("Roof", "屋根")
    assert [(a.name_en, a.name_ja) for a in roof.alternatives.all()] == [("Steel", "鋼板"), ("Timber", "")]
    old = b"item,alternative,module,quantity,unit,kgco2e_per_unit\nFloor,Oak,A1-A3,1,t,3\nFloor,Pine,A1-A3,1,t,2\n"
    (floor,) = s.import_items(user=owner, project=project, data=old, filename="old.csv")
    floor = m.ProjectItem.objects.get(pk=floor.pk)
    assert floor.name_en == "Floor" and list(floor.get_available_languages()) == ["en"]


@pytest.mark.django_db
def test_reused_form_has_a_field_per_language(client, project, owner):
    client.force_login(owner)
    page = client.get(project.get_absolute_url()).content.decode()
    for key in ("item", "new_name", "reused_name"):
        for sfx in ("en", "zh", "ja", "ko"):
            assert f'id="id_{key}_{sfx}"' in page
    form = {"item_en": "Facade", "item_ko": "외벽", "quantity_t": 10, "new_name_en": "New bricks",
            "new_factor": 200, "new_source": "DEFRA", "reused_name_en": "Reused bricks",
            "reused_name_ja": "再利用れんが", "recovery": 5, "cleaning": 5, "transport_km": 20,
            "transport_factor": 0.1, "reuse_source": "estimate"}
    r = client.post(f"{project.get_absolute_url()}reused/", form)
    assert r.status_code == 302, r.content.decode()[:2000]
    item = m.ProjectItem.objects.get(project=project)
    assert (item.name_en, item.name_ko) == ("Facade", "외벽")
    assert [a.name_ja for a in item.alternatives.all()] == ["", "再利用れんが"]
    r = client.post(f"{project.get_absolute_url()}reused/", {**form, "item_en": ""})
    assert r.status_code == 422


BEFORE = [("procurement", "0001_initial")]


@pytest.mark.django_db(transaction=True)
def test_migration_moves_names_to_english_and_back(demo):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    from circularcities.coalition.models import City

    project = old.get_model("procurement", "ComparisonProject").objects.create(
        city_id=City.objects.get(slug="amsterdam").pk, slug="s23-mig")
    item = old.get_model("procurement", "ProjectItem").objects.create(project=project, name="Interior wall")
    alts = old.get_model("procurement", "ItemAlternative")
    a1 = alts.objects.create(item=item, name="New bricks", position=0).pk
    a2 = alts.objects.create(item=item, name="Reused bricks", position=1).pk

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    new = m.ProjectItem.objects.get(pk=item.pk)
    assert new.name_en == "Interior wall" and list(new.get_available_languages()) == ["en"]
    assert [m.ItemAlternative.objects.get(pk=pk).name_en for pk in (a1, a2)] == ["New bricks", "Reused bricks"]
    new.set_text("ja", name="内壁")  # a language the column never had
    new.save()

    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    assert old.get_model("procurement", "ProjectItem").objects.get(pk=item.pk).name == "Interior wall"
    assert sorted(old.get_model("procurement", "ItemAlternative").objects.filter(item_id=item.pk)
                  .values_list("name", flat=True)) == ["New bricks", "Reused bricks"]

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    assert m.ProjectItem.objects.get(pk=item.pk).name_en == "Interior wall"
