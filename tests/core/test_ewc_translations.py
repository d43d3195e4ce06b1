"""The platform's translation of the EU List of Waste: every chapter, sub-chapter and entry
in every platform language besides English, code references kept, English when missing."""

import csv
import re

import pytest

from circularcities.core.indicators.catalogue import DATA_DIR
from circularcities.core.waste import ewc

LANGUAGES = ("zh-hans", "ja", "ko")
SCRIPT = {"zh-hans": "[\u4e00-\u9fff]", "ja": "[\u3040-\u30ff\u4e00-\u9fff]", "ko": "[\uac00-\ud7af]"}


def _list():
    with open(DATA_DIR / "ewc_codes.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _english():
    out = {}
    for r in _list():
        out[("chapter", r["chapter"])] = r["chapter_title"]
        out[("subchapter", r["subchapter"])] = r["subchapter_title"]
        out[("entry", r["code"])] = r["description"]
    return out


def test_every_text_of_the_list_is_translated():
    english = _english()
    assert len(english) == 20 + 111 + 842
    assert set(ewc.languages()) >= set(LANGUAGES)
    for lang in LANGUAGES:
        table = ewc.translations()[lang]
        missing = sorted(set(english) - set(table))
        assert not missing, (lang, missing[:5])
        assert not set(table) - set(english), lang
        for key, text in table.items():
            assert re.search(SCRIPT[lang], text), (lang, key, text)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_code_references_are_kept(lang):
    """'other than those mentioned in 08 01 11' decides a mirror entry: the code must stay."""
    table = ewc.translations()[lang]
    for key, english in _english().items():
        for code in re.findall(r"\d\d \d\d \d\d", english):
            assert code in table[key], (lang, key, table[key])


def test_text_in_a_language_and_fallback():
    t = ewc.description("200108", "Biodegradable kitchen and canteen waste", "ja")
    assert t.in_language and t.text != t.english and re.search(SCRIPT["ja"], t.text)
    assert ewc.description("200108", "Biodegradable kitchen and canteen waste", "zh-CN").text == \
        ewc.translations()["zh-hans"][("entry", "200108")]
    en = ewc.description("200108", "Biodegradable kitchen and canteen waste", "en")
    assert en.in_language and en.text == "Biodegradable kitchen and canteen waste"
    other = ewc.description("200108", "Biodegradable kitchen and canteen waste", "fr")
    assert not other.in_language and other.text == "Biodegradable kitchen and canteen waste"


def test_search_text_holds_every_language():
    hay = ewc.search_text("entry", "200108", "Biodegradable kitchen and canteen waste")
    assert "kitchen" in hay
    for lang in LANGUAGES:
        assert ewc.translations()[lang][("entry", "200108")].lower() in hay
