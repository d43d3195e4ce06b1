"""Listing titles are stored per language (django-parler): one title per platform language
through every write path (form, API, CSV import), the reader's language shown or English
marked "not yet translated", and the move from the ``title_en`` / ``title_zh`` columns."""

from __future__ import annotations

import json

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test.utils import CaptureQueriesContext

from circularcities.core.rules import FieldError
from circularcities.marketplace.imports import import_listings_csv
from circularcities.marketplace.models import Listing
from circularcities.marketplace.services import save_listing
from tests.marketplace.conftest import listing_data

FORM = {"kind": "offer", "material": "17 01 02", "quantity": "5", "unit": "t",
        "frequency": "once", "route": "reuse", "lat": "52.37", "lon": "4.90", "currency": "EUR"}


def _title(html: str) -> str:
    return html.split('data-testid="listing-title"')[1].split("</h1>")[0]


@pytest.mark.django_db
def test_form_saves_every_language_and_each_reader_sees_theirs(client, seller):
    client.force_login(seller)
    page = client.get("/marketplace/listings/new/").content.decode()
    for sfx in ("en", "zh", "ja", "ko"):
        assert f'id="id_title_{sfx}"' in page
    client.post("/marketplace/listings/new/", {**FORM, "title_en": "Bricks", "title_ja": "レンガ",
                                               "title_ko": "벽돌"})
    x = Listing.objects.order_by("-pk").first()
    assert (x.title_en, x.title_zh, x.title_ja, x.title_ko) == ("Bricks", "", "レンガ", "벽돌")
    assert sorted(x.get_available_languages()) == ["en", "ja", "ko"]
    url = x.get_absolute_url()  # in English (a request activates its language)
    assert url.startswith("/marketplace/")

    ja = _title(client.get(f"/ja{url}").content.decode())
    assert "レンガ" in ja and "Bricks" not in ja and "untranslated" not in ja
    assert "벽돌" in _title(client.get(f"/ko{url}").content.decode())
    zh = _title(client.get(f"/zh-hans{url}").content.decode())
    assert '<span lang="en">Bricks</span>' in zh and 'class="untranslated"' in zh
    en = _title(client.get(url).content.decode())
    assert "Bricks" in en and "untranslated" not in en


@pytest.mark.django_db
def test_english_is_required_and_an_update_keeps_languages_not_sent(seller):
    with pytest.raises(FieldError) as err:
        save_listing(seller, listing_data(title_en="", title_zh="碎混凝土"))
    assert err.value.field == "title_en"
    x = save_listing(seller, listing_data(title_zh="碎混凝土", title_ja="コンクリート殻"))
    data = listing_data(quantity="12")
    del data["title_en"]
    x = save_listing(seller, data, Listing.objects.get(pk=x.pk))
    x = Listing.objects.get(pk=x.pk)
    assert (x.title_en, x.title_zh, x.title_ja, x.quantity) == ("Crushed concrete", "碎混凝土", "コンクリート殻", 12)
    with pytest.raises(FieldError):
        save_listing(seller, listing_data(title_en=""), x)


@pytest.mark.django_db
def test_search_finds_a_title_in_any_language(client, seller):
    x = save_listing(seller, listing_data(title_ja="再生砕石"))
    save_listing(seller, listing_data(title_en="Timber"))
    assert [r["id"] for r in client.get("/api/marketplace/listings?q=再生").json()] == [x.pk]
    assert f"#{x.pk}" in client.get("/marketplace/?q=再生").content.decode()


@pytest.mark.django_db
def test_api_create_with_japanese_then_patch_english_keeps_japanese(client, seller):
    client.force_login(seller)
    body = {**{k: str(v) for k, v in listing_data().items()}, "title_ja": "コンクリート殻"}
    resp = client.post("/api/marketplace/listings", json.dumps(body), content_type="application/json")
    assert resp.status_code == 201, resp.content
    made = resp.json()
    assert (made["title_en"], made["title_ja"], made["title_ko"]) == ("Crushed concrete", "コンクリート殻", "")
    resp = client.patch(f"/api/marketplace/listings/{made['id']}", json.dumps({"title_en": "Concrete rubble"}),
                        content_type="application/json")
    assert resp.status_code == 200, resp.content
    assert (resp.json()["title_en"], resp.json()["title_ja"]) == ("Concrete rubble", "コンクリート殻")
    x = Listing.objects.get(pk=made["id"])
    assert (x.title_en, x.title_ja) == ("Concrete rubble", "コンクリート殻")
    resp = client.post("/api/marketplace/listings", json.dumps({**body, "title_en": ""}),
                       content_type="application/json")
    assert resp.status_code == 422 and resp.json()["errors"][0]["field"] == "title_en"


@pytest.mark.django_db
def test_api_list_reads_titles_without_a_query_per_listing(client, seller):
    save_listing(seller, listing_data(title_ja="一"))

    def queries():
        with CaptureQueriesContext(connection) as ctx:
            rows = client.get("/api/marketplace/listings?organisation=test-org-a").json()
        return len([q for q in ctx.captured_queries if "marketplace_" in q["sql"]]), rows

    few, _rows = queries()
    for i in range(5):
        save_listing(seller, listing_data(title_en=f"Lot {i}", title_ko=f"로트 {i}"))
    many, rows = queries()
    assert len(rows) == 6 and {r["title_ko"] for r in rows} >= {"로트 0", "로트 4"}
    assert many == few


@pytest.mark.django_db
def test_csv_import_reads_japanese_and_korean_and_a_missing_column_keeps_them(seller, org_a):
    head = "reference,kind,title_en,title_ja,title_ko,material,quantity,unit\n"
    import_listings_csv(seller, (head + "R-1,offer,Bricks,レンガ,벽돌,17 01 02,5,t\n").encode())
    x = Listing.objects.get(organisation=org_a, reference="R-1")
    assert (x.title_en, x.title_ja, x.title_ko) == ("Bricks", "レンガ", "벽돌")
    import_listings_csv(seller, b"reference,kind,title_en,material,quantity,unit\n"
                                b"R-1,offer,Old bricks,17 01 02,6,t\n")
    x = Listing.objects.get(pk=x.pk)
    assert (x.title_en, x.title_ja, x.title_ko, x.quantity) == ("Old bricks", "レンガ", "벽돌", 6)


BEFORE = [("marketplace", "0008_merge_deals_units_parks")]


@pytest.mark.django_db(transaction=True)
def test_migration_moves_english_and_chinese_titles_and_back():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    OldListing = old.get_model("marketplace", "Listing")
    category = old.get_model("marketplace", "ProductCategory").objects.get_or_create(
        slug="s22-test-furniture", defaults={"name_en": "Furniture"})[0]
    common = {"kind": "offer", "category": category, "quantity": 1, "quantity_t": 1, "remaining_t": 1,
              "lat": 52.37, "lon": 4.9}
    both = OldListing.objects.create(title_en="Chairs", title_zh="椅子", **common).pk
    english = OldListing.objects.create(title_en="Desks", **common).pk
    chinese = OldListing.objects.create(title_zh="柜子", **common).pk

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    rows = {x.pk: x for x in Listing.objects.filter(pk__in=[both, english, chinese])}
    assert (rows[both].title_en, rows[both].title_zh) == ("Chairs", "椅子")
    assert sorted(rows[both].get_available_languages()) == ["en", "zh-hans"]
    assert rows[english].title_en == "Desks" and list(rows[english].get_available_languages()) == ["en"]
    assert (rows[chinese].title_en, rows[chinese].title_zh) == ("", "柜子")
    desks = Listing.objects.get(pk=english)
    desks.set_text("ja", title="机")  # a language the columns never had
    desks.save()

    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    back = {x.pk: (x.title_en, x.title_zh)
            for x in old.get_model("marketplace", "Listing").objects.filter(pk__in=[both, english, chinese])}
    assert back == {both: ("Chairs", "椅子"), english: ("Desks", ""), chinese: ("", "柜子")}

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    again = Listing.objects.get(pk=both)
    assert (again.title_en, again.title_zh) == ("Chairs", "椅子")
