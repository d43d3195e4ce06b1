"""The search engine on tiny named corpora: tokenisers, BM25 by hand, minimum match, updates, storage."""

import math

import pytest

from circularcities.core.errors import ValidationError
from circularcities.core.search import (
    Analyzer,
    BM25Params,
    ChineseTokenizer,
    EnglishTokenizer,
    SearchIndex,
    Token,
    parse_query,
    snippet,
    store,
    tokenize,
)
from circularcities.core.search.query import min_should_match
from circularcities.core.search.tokenize import HAN_RUN, LATIN_RUN

# No length normalisation: every score below is a sum of idfs, checkable by hand.
FLAT = BM25Params(b=0.0)


def idf(n, df):
    return math.log(1 + (n - df + 0.5) / (df + 0.5))


def keys(hits):
    return [h.key for h in hits]


# -- tokenisers -----------------------------------------------------------------
def test_english_stems_and_drops_function_words():
    terms = [t.term for t in EnglishTokenizer().tokens("Recycling of the reused bricks")]
    assert terms == ["recycl", "reus", "brick"]


def test_english_splits_hyphens_and_keeps_offsets():
    text = "food-waste collection"
    tokens = EnglishTokenizer().tokens(text)
    assert [t.term for t in tokens] == ["food", "wast", "collect"]
    assert [text[t.start:t.end] for t in tokens] == ["food", "waste", "collection"]


def test_chinese_segments_words_with_parts_and_characters():
    tokens = ChineseTokenizer().tokens("餐厨垃圾处理")
    assert [t.term for t in tokens] == ["餐厨", "垃圾处理"]
    assert tokens[1].parts == ("垃圾", "处理")
    assert tokens[1].grams == ("垃", "圾", "处", "理")


def test_chinese_query_uses_the_index_vocabulary():
    known = {"食物", "垃圾", "电动"}.__contains__
    assert [t.term for t in ChineseTokenizer().tokens("食物垃圾", known)] == ["食物", "垃圾"]
    # An unknown word stays one word (it will match nothing) instead of vanishing.
    assert [t.term for t in ChineseTokenizer().tokens("电动飞机", known)] == ["电动", "飞机"]


def test_mixed_text_goes_to_each_language():
    assert tokenize("山口县食物垃圾 recycling bricks") == ["山口县", "山口", "食物", "垃圾", "recycl", "brick"]


class Hangul:
    """A stand-in Korean tokeniser: one token per space-separated word."""

    def tokens(self, run, known=None):
        out, pos = [], 0
        for word in run.split(" "):
            if word:
                out.append(Token(word, pos, pos + len(word)))
            pos += len(word) + 1
        return out


def test_a_tokeniser_for_another_script_plugs_in():
    analyzer = Analyzer([("[\uac00-\ud7a3]+(?: [\uac00-\ud7a3]+)*", Hangul()),
                         (HAN_RUN, ChineseTokenizer()), (LATIN_RUN, EnglishTokenizer())])
    index = SearchIndex({"seoul": {"t": "음식물 쓰레기 food waste"}, "x": {"t": "쓰레기 통"}},
                        analyzer=analyzer)
    assert keys(index.search("음식물 쓰레기")) == ["seoul"]


# -- ranking ----------------------------------------------------------------------
def test_scores_are_bm25_by_hand():
    index = SearchIndex({"a": {"t": "compost food waste"}, "b": {"t": "food bank"}, "c": {"t": "waste water"}},
                        params=FLAT)
    hits = index.search("food waste")
    # b and c have one of the two words: below the minimum match.
    assert keys(hits) == ["a"]
    # food and waste in 2 of 3 documents, the phrase "food waste" in 1.
    assert hits[0].score == pytest.approx(2 * idf(3, 2) + idf(3, 1), abs=1e-6)
    assert hits[0].matched == ("food", "wast")


def test_adjacent_words_rank_first_and_punctuation_breaks_a_phrase():
    index = SearchIndex({"x": {"t": "food waste"}, "y": {"t": "waste of food"}, "z": {"t": "food, waste"}},
                        params=FLAT)
    hits = index.search("food waste")
    assert keys(hits) == ["x", "y", "z"]
    assert hits[0].score == pytest.approx(2 * idf(3, 3) + idf(3, 1), abs=1e-6)
    assert hits[1].score == hits[2].score == pytest.approx(2 * idf(3, 3), abs=1e-6)


def test_minimum_should_match():
    assert [min_should_match(n) for n in (1, 2, 3, 4, 5, 8)] == [1, 2, 2, 3, 3, 6]
    index = SearchIndex({"two": {"t": "bus tram"}, "one": {"t": "bus depot"}, "all": {"t": "bus tram metro"}})
    assert set(keys(index.search("bus tram metro"))) == {"all", "two"}
    assert keys(index.search("bus tram metro"))[0] == "all"


def test_chinese_compound_matches_through_its_parts():
    index = SearchIndex({"plant": {"t": "垃圾处理厂"}, "split": {"t": "处理生活垃圾"}, "other": {"t": "生活用水"}},
                        params=FLAT)
    assert keys(index.search("垃圾处理")) == ["plant", "split"]


def test_chinese_is_not_substring_matching():
    # 和服 (kimono) is a substring of 我们和服务员聊天 but not a word in it.
    index = SearchIndex({"a": {"t": "我们和服务员聊天"}, "b": {"t": "和服展览"}})
    assert keys(index.search("和服")) == ["b"]


def test_one_character_query_matches_inside_words():
    index = SearchIndex({"bricks": {"t": "回收旧砖"}, "water": {"t": "生活用水"}})
    assert keys(index.search("砖")) == ["bricks"]


def test_cutoff_drops_hits_far_below_the_best():
    docs = {"about": {"title": "food waste", "t": "food waste food waste"}, "mention": {"t": "food waste"},
            "x": {"t": "other"}, "y": {"t": "other"}}
    hits = SearchIndex(docs, params=BM25Params(weights={"title": 3.0})).search("food waste")
    assert keys(hits) == ["about", "mention"]
    ratio = hits[1].score / hits[0].score
    assert ratio < 0.9
    kept = SearchIndex(docs, params=BM25Params(weights={"title": 3.0}, cutoff=ratio - 0.01))
    assert keys(kept.search("food waste")) == ["about", "mention"]
    cut = SearchIndex(docs, params=BM25Params(weights={"title": 3.0}, cutoff=ratio + 0.01))
    assert keys(cut.search("food waste")) == ["about"]


def test_tags_filter_and_allowed_keys():
    index = SearchIndex(params=FLAT)
    index.add("cn", {"t": "bus depot"}, tags=["country:CN", "area:mobility"])
    index.add("nl", {"t": "bus lane"}, tags=["country:NL", "area:mobility"])
    assert keys(index.search("bus", tags=["country:CN"])) == ["cn"]
    assert keys(index.search("bus", tags=["area:mobility", "country:NL"])) == ["nl"]
    assert index.search("bus", tags=["country:BE"]) == []
    assert keys(index.search("bus", allowed=["nl"])) == ["nl"]


def test_invalid_parameters():
    with pytest.raises(ValidationError):
        BM25Params(cutoff=1.0)
    with pytest.raises(ValidationError):
        BM25Params(weights={"t": 0})


# -- updates and storage -----------------------------------------------------------
CORPUS = {f"d{i}": {"t": f"{'food waste' if i % 3 == 0 else 'water'} case {i} {'bus' if i % 2 else ''}"}
          for i in range(40)}


def ranking(index, query="food waste"):
    return [(h.key, round(h.score, 5)) for h in index.search(query, limit=None)]


def test_incremental_updates_equal_a_fresh_build():
    built = SearchIndex(CORPUS)
    grown = SearchIndex()
    for key, doc in CORPUS.items():
        grown.add(key, {"t": "placeholder"} if key == "d3" else doc)
    grown.replace("d3", CORPUS["d3"])
    grown.add("gone", {"t": "food waste food waste"})
    grown.remove("gone")
    assert len(grown) == len(built) == 40
    assert ranking(grown) == ranking(built)
    assert ranking(grown, "bus") == ranking(built, "bus")


def test_edits_are_seen_by_the_next_query_before_and_after_compaction():
    index = SearchIndex(CORPUS)
    index.replace("d1", {"t": "food waste heat"})
    assert "d1" in keys(index.search("food waste"))
    index.remove("d0")
    assert "d0" not in keys(index.search("food waste"))
    before = ranking(index)
    index.to_arrays()  # compacts: the delta goes into the base arrays
    assert ranking(index) == before
    with pytest.raises(ValidationError):
        index.add("d1", {"t": "again"})


def test_saved_index_loads_with_the_same_results(tmp_path):
    index = SearchIndex(CORPUS)
    index.add("cn", {"t": "食物垃圾 food waste"}, tags=["country:CN"])
    store.save(index, tmp_path / "i", {"version": 7})
    loaded, meta = store.load(tmp_path / "i")
    assert meta["version"] == 7
    assert ranking(loaded) == ranking(index)
    assert keys(loaded.search("食物垃圾", tags=["country:CN"])) == ["cn"]
    # The loaded index takes edits like any other (its arrays are read-only maps of the files).
    loaded.replace("d1", {"t": "food waste heat"})
    loaded.remove("cn")
    assert "d1" in keys(loaded.search("food waste")) and loaded.search("食物垃圾") == []
    # A second save replaces the first for new readers.
    store.save(loaded, tmp_path / "i", {"version": 8})
    assert store.load(tmp_path / "i")[1]["version"] == 8
    assert store.load(tmp_path / "missing") is None
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "current").write_text("not an index")
    assert store.load(tmp_path / "bad") is None


# -- query parsing and snippets --------------------------------------------------------
def test_parse_query_lists_words_and_phrases():
    q = parse_query("food waste, collection")
    assert [c.term for c in q.concepts] == ["food", "wast", "collect"]
    assert q.phrases == ("food wast",)
    assert q.min_match == 2


def test_snippet_marks_matches_and_keeps_text_plain():
    text = "Yamaguchi collects <b>food waste</b>; 每年产生约一万吨餐厨垃圾。"
    pieces = snippet(text, parse_query("food waste 垃圾", known={"垃圾"}.__contains__).highlight)
    assert "".join(p for p, _ in pieces) == text
    assert [p for p, marked in pieces if marked] == ["food", "waste", "垃圾"]
    long = "Filler words here. " * 30 + "The food waste part."
    cut = snippet(long, {"food"}, width=80)
    assert cut[0] == ("…", False) and ("food", True) in cut
