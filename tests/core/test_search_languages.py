"""Search in Japanese and Korean on tiny named corpora (fugashi + UniDic-lite, kiwipiepy)."""

import pytest

from circularcities.core.search import (
    BILINGUAL_ANALYZER,
    DEFAULT_ANALYZER,
    BM25Params,
    JapaneseTokenizer,
    KoreanTokenizer,
    SearchIndex,
    detect_language,
    tokenize,
)

# Seven short cases in four languages; each names what it is about.
CASES = {
    "yamaguchi-ja": {"title": "山口県の食品廃棄物を養鶏飼料に",
                     "summary": "宇部市、防府市、山口市の食品廃棄物を回収し、養鶏用の飼料にリサイクルしている。"},
    "kitakyushu-ja": {"title": "北九州エコタウン",
                      "summary": "家電や自動車のリサイクル工場を集めた産業団地。"},
    "amsterdam-ko": {"title": "암스테르담 공유 경제",
                     "summary": "시민들이 물건과 자동차를 공유하는 플랫폼을 시가 지원한다."},
    "peterborough-ko": {"title": "피터버러 공유 플랫폼",
                        "summary": "주민이 도구를 빌려주고 공유하는 온라인 플랫폼."},
    "seoul-ko": {"title": "서울 음식물 쓰레기 종량제",
                 "summary": "배출량에 따라 요금을 내는 음식물 쓰레기 수거 제도. 공유 주방은 다루지 않는다."},
    "beijing-zh": {"title": "北京朝阳循环经济产业园", "summary": "以垃圾焚烧发电为核心的产业园。"},
    "brussels-en": {"title": "Brussels regional circular economy plan", "summary": "Sharing and repair."},
}
PARAMS = BM25Params(weights={"title": 3.0, "summary": 1.0})


@pytest.fixture(scope="module")
def index():
    return SearchIndex(CASES, params=PARAMS)


def test_languages_are_detected_from_the_script():
    assert detect_language("山口県の事例") == "ja"
    assert detect_language("공유 경제") == "ko"
    assert detect_language("餐厨垃圾") == "zh"
    assert detect_language("food waste") == "en"


def test_japanese_keeps_content_words_and_lemmas():
    terms = [t.term for t in JapaneseTokenizer().tokens("食品廃棄物を回収して飼料にリサイクルしている")]
    assert terms == ["食品", "廃棄", "回収", "飼料", "リサイクル"]  # particles, する and いる dropped
    assert [t.term for t in JapaneseTokenizer().tokens("回収した")] == ["回収"]


def test_korean_drops_particles_and_endings():
    terms = [t.term for t in KoreanTokenizer().tokens("시민들이 물건을 공유하는")]
    assert terms == ["시민", "물건", "공유"]


def test_offsets_point_into_the_text():
    text = "Plan: 山口県の食品廃棄物 / 공유하는 플랫폼"
    found = {text[t.start:t.end]: t.term for t in DEFAULT_ANALYZER.tokens(text)}
    assert found == {"Plan": "plan", "山口": "山口", "県": "県", "食品": "食品", "廃棄": "廃棄",
                     "공유": "공유", "플랫폼": "플랫폼"}


def test_a_japanese_query_finds_its_document(index):
    hits = index.search("山口県 食品廃棄物")
    assert hits and hits[0].key == "yamaguchi-ja"
    assert index.search("養鶏の飼料")[0].key == "yamaguchi-ja"
    assert index.search("リサイクル工場")[0].key == "kitakyushu-ja"


def test_a_kanji_only_query_in_the_readers_language(index):
    # 山口県 alone has no kana: as Japanese (the reader's language) or as Chinese
    # segmented against the index's words, it finds the Yamaguchi case.
    assert index.search("山口県", language="ja")[0].key == "yamaguchi-ja"
    assert index.search("山口県")[0].key == "yamaguchi-ja"


def test_a_korean_query_about_sharing_ranks_the_sharing_cases_first(index):
    hits = index.search("공유 플랫폼")
    assert {h.key for h in hits[:2]} == {"amsterdam-ko", "peterborough-ko"}
    hits = index.search("공유")  # inflected in the documents: 공유하는, 공유 경제
    assert {h.key for h in hits[:2]} == {"amsterdam-ko", "peterborough-ko"}
    assert "seoul-ko" in {h.key for h in hits}  # mentions 공유 once, in passing: ranked after


def test_chinese_and_english_still_work(index):
    assert index.search("垃圾焚烧")[0].key == "beijing-zh"
    assert index.search("circular economy plan")[0].key == "brussels-en"


def test_the_bilingual_analyser_could_not_segment_korean():
    # Before: Hangul was no run of any tokeniser, so Korean text was not indexed at all.
    assert tokenize("공유 플랫폼", BILINGUAL_ANALYZER) == []
    assert tokenize("공유 플랫폼") == ["공유", "플랫폼"]


# -- Han characters only: Chinese or Japanese ---------------------------------------------
def test_han_only_queries_are_read_in_the_languages_they_can_be():
    from circularcities.core.search import query_languages

    # The script decides when it can: kana, Hangul, Latin letters.
    assert query_languages("山口県の事例") == ["ja"]
    assert query_languages("공유 경제") == ["ko"]
    assert query_languages("food waste") == ["en"]
    # Simplified characters Japanese has no word for (电动, 垃圾) read as Chinese only,
    # and so does a text Japanese would cut into single characters (厨 / 余).
    assert query_languages("电动公交") == ["zh"]
    assert query_languages("食物垃圾", "ja") == ["zh"]
    assert query_languages("厨余") == ["zh"]
    # Words both languages write alike: the reader's language decides, else both.
    assert query_languages("食品廃棄物") == ["zh", "ja"]
    assert query_languages("食品廃棄物", "ja") == ["ja"]
    assert query_languages("食品廃棄物", "zh-hans") == ["zh"]
    # Only the platform's languages.
    assert query_languages("食品廃棄物", "en", ["en", "zh-hans"]) == ["zh"]
    assert query_languages("食品廃棄物", "en", ["en", "ja"]) == ["ja"]


def test_each_translation_is_tokenised_in_its_own_language():
    from circularcities.core.search import document_terms

    # One document in Chinese and Japanese: before, the kana of the Japanese text made the
    # whole document Japanese, and fugashi cut the Chinese title into single characters.
    both = {"title": {"zh-hans": "厨余垃圾回收", "ja": "生ごみの回収"}}
    tf = document_terms(both, PARAMS)
    assert "厨余" in tf and "垃圾" in tf  # jieba's words for the Chinese text
    assert "ごみ" in tf or "生ごみ" in tf  # fugashi's for the Japanese one
    joined = document_terms({"title": "厨余垃圾回收 生ごみの回収"}, PARAMS)
    assert "厨余" not in joined  # what the per-language fields fix


def test_a_document_matching_either_reading_is_found():
    docs = {"zh": {"title": {"zh-hans": "食品废弃物减量"}},
            "ja": {"title": {"ja": "食品廃棄物の削減"}},
            "other": {"title": {"zh-hans": "电动公交车"}}}
    index = SearchIndex({}, params=PARAMS)
    from circularcities.core.search import document_terms

    index.load_documents((k, document_terms(f, PARAMS), ()) for k, f in docs.items())
    assert {h.key for h in index.search("食品廃棄物")} == {"ja"}  # a Japanese spelling
    assert {h.key for h in index.search("食品")} == {"zh", "ja"}  # written alike in both
    assert [h.key for h in index.search("电动公交")] == ["other"]


def test_snippets_mark_japanese_and_korean_words():
    from circularcities.core.search import parse_query, snippet

    text = "宇部市の食品廃棄物を回収し、養鶏用の飼料にリサイクルしている。"
    marked = [t for t, m in snippet(text, parse_query("リサイクル 食品").highlight) if m]
    assert marked == ["食品", "リサイクル"]
    text = "시민들이 물건과 자동차를 공유하는 플랫폼"
    marked = [t for t, m in snippet(text, parse_query("공유 플랫폼").highlight) if m]
    assert marked == ["공유", "플랫폼"]
