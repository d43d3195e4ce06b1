"""Waste-stream names per language (django-parler): the English name stays the key (one figure
per city, area, name, year and month; an import matches on it), other languages are shown to
their readers or English marked "not yet translated", and the migration moves the old column."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from circularcities.core.rules import FieldError
from circularcities.waste.models import WasteStream
from circularcities.waste.services import import_streams, stream_write
from tests.conftest import login

FIELDS = {"area": "household", "year": 2022, "generated_t": 100, "recycling_t": 40, "landfill_t": 50,
          "source": "test", "quality": "measured"}


@pytest.mark.django_db
def test_japanese_page_shows_japanese_names_and_english_marked_where_missing(client, city, owner):
    stream_write(city=city, user=owner, fields={**FIELDS, "name": "glass", "name_ja": "ガラス"})
    stream_write(city=city, user=owner, fields={**FIELDS, "name": "paper", "name_zh": "纸"})
    url = reverse("waste:city", args=[city.slug])
    ja = client.get(f"/ja{url}").content.decode()
    assert 'data-testid="stream-name">ガラス<' in ja
    assert 'data-testid="stream-name"><span lang="en">paper</span> <span class="untranslated">' in ja
    zh = client.get(f"/zh-hans{url}").content.decode()
    assert 'data-testid="stream-name">纸<' in zh
    en = client.get(url).content.decode()
    assert 'data-testid="stream-name">glass<' in en and 'class="untranslated"' not in en


@pytest.mark.django_db
def test_english_name_is_the_key(city, owner):
    s, _ = stream_write(city=city, user=owner, fields={**FIELDS, "name": "glass", "name_ja": "ガラス"})
    # the same English name, area, year and month changes that figure (an import run twice)
    again, changed = stream_write(city=city, user=owner, fields={**FIELDS, "name": "glass", "generated_t": 120})
    assert again.pk == s.pk and changed
    assert WasteStream.objects.get(pk=s.pk).name_ja == "ガラス"  # not sent: kept
    other, _ = stream_write(city=city, user=owner, fields={**FIELDS, "name": "paper"})
    with pytest.raises(FieldError):
        stream_write(city=city, user=owner, fields={"name": "glass"}, instance=other)
    with pytest.raises(FieldError):
        stream_write(city=city, user=owner, fields={"name_en": ""}, instance=other)


@pytest.mark.django_db
def test_api_stores_names_per_language_and_patch_keeps_the_unsent(client, city, owner):
    login(client, owner)
    body = {**FIELDS, "city": city.slug, "name": "glass", "name_ja": "ガラス", "name_ko": "유리"}
    r = client.post("/api/waste/streams", body, content_type="application/json")
    assert r.status_code == 201, r.content
    made = r.json()
    assert (made["name"], made["name_en"], made["name_zh"], made["name_ja"], made["name_ko"]) == (
        "glass", "glass", "", "ガラス", "유리")
    r = client.patch(f"/api/waste/streams/{made['id']}", {"name_zh": "玻璃", "name_en": "container glass"},
                     content_type="application/json")
    assert r.status_code == 200, r.content
    assert (r.json()["name_en"], r.json()["name_zh"], r.json()["name_ja"], r.json()["name_ko"]) == (
        "container glass", "玻璃", "ガラス", "유리")
    r = client.patch(f"/api/waste/streams/{made['id']}", {"name_ko": ""}, content_type="application/json")
    assert r.status_code == 200 and r.json()["name_ko"] == "" and r.json()["name_ja"] == "ガラス"


@pytest.mark.django_db
def test_api_list_reads_names_without_a_query_per_stream(client, city, owner):
    stream_write(city=city, user=owner, fields={**FIELDS, "name": "s0"})

    def count():
        with CaptureQueriesContext(connection) as ctx:
            rows = client.get(f"/api/waste/streams?city={city.slug}").json()
        return len([q for q in ctx.captured_queries if "waste_" in q["sql"]]), rows

    few, _rows = count()
    for i in range(1, 5):
        stream_write(city=city, user=owner, fields={**FIELDS, "name": f"s{i}", "name_ja": f"流れ{i}"})
    many, rows = count()
    assert len(rows) == 5 and many == few


@pytest.mark.django_db
def test_import_with_language_columns_and_an_old_one_column_file(city, owner):
    head = "stream,stream_ja,stream_ko,year,area,generated_t,recycling_t,landfill_t\n"
    import_streams(city, (head + "glass,ガラス,유리,2022,household,100,40,50\n").encode(), "s.csv", owner)
    s = WasteStream.objects.get(city=city, translations__language_code="en", translations__name="glass")
    assert (s.name_en, s.name_ja, s.name_ko) == ("glass", "ガラス", "유리")
    old = b"stream,year,area,generated_t,recycling_t,landfill_t\nglass,2022,household,100,45,50\npaper,2022,household,10,5,5\n"
    result = import_streams(city, old, "old.csv", owner)
    assert result == {"rows": 2, "changed": 2}
    s = WasteStream.objects.get(pk=s.pk)  # matched on the English name: the same figure, names kept
    assert (s.recycling_t, s.name_ja, s.name_ko) == (45, "ガラス", "유리")
    paper = WasteStream.objects.get(city=city, translations__name="paper")
    assert list(paper.get_available_languages()) == ["en"]


@pytest.mark.django_db
def test_form_has_a_name_field_per_language(client, city, owner):
    client.force_login(owner)
    page = client.get(reverse("waste:add_stream", args=[city.slug])).content.decode()
    for sfx in ("en", "zh", "ja", "ko"):
        assert f'id="id_name_{sfx}"' in page
    data = {**FIELDS, "name_en": "glass", "name_ko": "유리", "ewc_code": "", "month": 0, "collected_t": "",
            "reuse_t": 0, "composting_t": 0, "energy_recovery_t": 0, "incineration_t": 0, "other_t": 0,
            "uncontrolled_t": 0, "from_storage_t": 0}
    assert client.post(reverse("waste:add_stream", args=[city.slug]), data).status_code == 302
    s = WasteStream.objects.get(city=city, translations__name="glass")
    assert (s.name_en, s.name_ko) == ("glass", "유리")
    page = client.get(reverse("waste:edit_stream", args=[city.slug, s.pk])).content.decode()
    assert 'value="유리"' in page


BEFORE = [("waste", "0001_initial")]


@pytest.mark.django_db(transaction=True)
def test_migration_moves_names_to_english_and_back(demo):
    from circularcities.coalition.models import City

    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    city = City.objects.get(slug="amsterdam").pk
    OldStream = old.get_model("waste", "WasteStream")
    a = OldStream.objects.create(city_id=city, name="glass", area="household", year=2022, generated_t=1).pk
    b = OldStream.objects.create(city_id=city, name="paper", area="household", year=2022, generated_t=2).pk

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    assert [WasteStream.objects.get(pk=pk).name_en for pk in (a, b)] == ["glass", "paper"]
    assert list(WasteStream.objects.get(pk=a).get_available_languages()) == ["en"]
    glass = WasteStream.objects.get(pk=a)
    glass.set_text("ja", name="ガラス")
    glass.save()

    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    back = dict(old.get_model("waste", "WasteStream").objects.filter(pk__in=[a, b]).values_list("pk", "name"))
    assert back == {a: "glass", b: "paper"}

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    assert WasteStream.objects.get(pk=a).name_en == "glass"
