"""Bilingual case search: segmentation, ranking, filters, similar cases, API, CLI."""

import json

import pytest

from circularcities.core.search import SearchIndex, tokenize
from circularcities.knowledge.models import Case
from circularcities.knowledge.search import search_cases, similar_cases


def test_tokenize_segments_chinese_and_stems_english():
    terms = tokenize("山口县食物垃圾回收 recycling bricks")
    assert "垃圾" in terms and "食物" in terms
    assert "recycl" in terms and "brick" in terms
    # No one-character fragments from multi-character runs: they would match everything.
    assert "食" not in terms


def test_chinese_is_not_substring_matching():
    # "和服" (kimono) is a substring of "我们和服务员聊天" (we chat with the waiter) but
    # not a word in it; segmentation knows the difference, substring matching does not.
    index = SearchIndex({"a": {"t": "我们和服务员聊天"}, "b": {"t": "和服展览"}})
    assert [h.key for h in index.search("和服")] == ["b"]


def test_bm25_ranks_more_specific_document_first():
    index = SearchIndex({
        "x": {"t": "food waste food waste logistics"},
        "y": {"t": "food waste policy general report on many other themes and topics"},
        # Only one of the two words: not a result (both words of a two-word query must match).
        "z": {"t": "food policy general report on many other themes and topics"},
    })
    hits = index.search("food waste")
    assert [h.key for h in hits] == ["x", "y"]
    assert hits[0].score > hits[1].score


@pytest.mark.django_db
@pytest.mark.parametrize("query, expected", [
    ("食物垃圾", "yamaguchi"),
    ("food waste poultry feed", "yamaguchi"),
    ("砖", "copenhagen"),
    ("reused bricks", "copenhagen"),
    ("材料护照", "brummen"),
    ("materials passport", "brummen"),
    ("产业共生", None),
    ("电动公交", "shenzhen"),
    ("electric buses", "shenzhen"),
])
def test_queries_in_both_languages_find_the_case(demo, query, expected):
    hits = search_cases(query)
    assert hits, query
    if expected:
        assert expected in hits[0].case.slug, [h.case.slug for h in hits[:3]]


@pytest.mark.django_db
def test_every_case_is_found_by_its_own_titles(demo):
    for case in Case.objects.all():
        for title in (case.title_en, case.title_zh):
            slugs = [h.case.slug for h in search_cases(title, limit=3)]
            assert case.slug in slugs, (title, slugs)


@pytest.mark.django_db
def test_filters(demo):
    hits = search_cases("", area="industrial-symbiosis")
    assert hits and all(h.case.areas.filter(slug="industrial-symbiosis").exists() for h in hits)
    cn = search_cases("城市", country="CN")
    assert cn and all(h.case.country == "CN" for h in cn)
    assert search_cases("bricks", country="CN") == [] or all(
        h.case.country == "CN" for h in search_cases("bricks", country="CN"))


@pytest.mark.django_db
def test_index_notices_edits(demo):
    case = Case.objects.get(slug__contains="copenhagen")
    assert not search_cases("zyxwvutsrq")
    case.summary_en += " zyxwvutsrq"
    case.save()
    assert [h.case.slug for h in search_cases("zyxwvutsrq")] == [case.slug]


@pytest.mark.django_db
def test_hits_show_the_text_as_edited_and_only_the_languages_asked(demo, django_assert_max_num_queries):
    """Hits are fetched once per index version and reader's language: a second query costs
    the version read only, and an edit to a case's title or its city's name shows at once."""
    from circularcities.knowledge.search import _default

    first = search_cases("food waste", language="ja")
    case = first[0].case
    assert case.safe_translation_getter("title", language_code="ja")
    assert sorted(x.language_code for x in case._prefetched_objects_cache["translations"]) <= ["en", "ja"]
    with django_assert_max_num_queries(1):
        again = search_cases("food waste", language="ja")
    assert [h.case.pk for h in again] == [h.case.pk for h in first]
    edited = Case.objects.get(pk=case.pk)
    edited.set_current_language("ja")
    edited.title = "編集したタイトル"
    edited.save()
    assert search_cases("food waste", language="ja")[0].case.safe_translation_getter(
        "title", language_code="ja") == "編集したタイトル"
    city = case.city
    city.set_current_language("en")
    city.name = "Renamed city"
    city.save()
    hit = [h for h in search_cases("food waste", language="en") if h.case.pk == case.pk][0]
    assert hit.case.city.safe_translation_getter("name", language_code="en") == "Renamed city"
    # every language for the API
    full = search_cases("food waste", all_languages=True)[0].case
    assert {"en", "zh-hans", "ja", "ko"} <= {x.language_code for x in full._prefetched_objects_cache["translations"]}
    _default.forget_hits()


@pytest.mark.django_db
def test_similar_cases_share_themes(demo):
    case = Case.objects.get(slug__contains="austin")
    similar = similar_cases(case)
    assert similar and case not in [c for c, _ in similar]
    mine = set(case.areas.values_list("slug", flat=True))
    assert any(mine & set(c.areas.values_list("slug", flat=True)) for c, _ in similar)


@pytest.mark.django_db
def test_case_pages(client, demo):
    case = Case.objects.first()
    assert case.title_en in client.get(case.get_absolute_url()).content.decode()
    assert case.title_zh in client.get("/zh-hans" + case.get_absolute_url()).content.decode()
    resp = client.get("/cases/?q=食物垃圾")
    assert "yamaguchi" in resp.content.decode()


@pytest.mark.django_db
def test_search_api(client, demo):
    data = client.get("/api/cases/search", {"q": "食物垃圾"}).json()
    assert data[0]["slug"].startswith("yamaguchi")
    assert {"slug", "title", "city", "rank"} <= set(data[0]) and "score" not in data[0]
    detail = client.get(f"/api/cases/{data[0]['slug']}").json()
    assert detail["figures"] and detail["summary_zh"]
    bad = client.get("/api/cases/search", {"q": "x", "limit": "many"})
    assert bad.status_code == 422 and "limit" in bad.json()["detail"]


def test_cli_search_creates_database_on_first_run(tmp_path):
    """Like every command, search works right after install: no database yet is fine."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items()
           if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE")}
    env["CIRCULARCITIES_HOME"] = str(tmp_path)
    out = subprocess.run([sys.executable, "-m", "circularcities", "search", "食物垃圾", "--json"],
                         capture_output=True, text=True, env=env, timeout=300)
    assert out.returncode == 0, out.stderr
    hits = json.loads(out.stdout)
    assert hits[0]["slug"].startswith("yamaguchi")
    assert {"slug", "title", "city", "rank"} <= set(hits[0])
    assert (tmp_path / "circularcities.sqlite3").exists()
    assert "first run" in out.stderr
