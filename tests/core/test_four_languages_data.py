"""The packaged questionnaire and indicator catalogue in all four platform languages."""

import json
import re

from circularcities.core.maturity import R_STRATEGIES, Level, load_maturity_model
from circularcities.core.maturity.model import DATA_FILE as MATURITY_FILE

INDICATORS_FILE = MATURITY_FILE.parent / "indicators.json"
KANA = re.compile(r"[\u3040-\u30ff]")
HANGUL = re.compile(r"[\uac00-\ud7a3]")
# A number as written in any of the languages: "100 000", "1 000", "2.5", "10万" (ten thousands).
NUMBER = re.compile(r"(\d[\d ,]*(?:\.\d+)?)\s*(万|만)?")


def numbers(text: str) -> set[float]:
    out = set()
    for digits, wan in NUMBER.findall(text):
        value = float(digits.replace(" ", "").replace(",", "").strip())
        out.add(value * (10_000 if wan else 1))
    return out


def test_every_indicator_has_a_name_and_definition_in_four_languages():
    indicators = json.loads(INDICATORS_FILE.read_text("utf-8"))["indicators"]
    assert len(indicators) == 57
    for ind in indicators:
        for field in ("name", "definition"):
            for lang in ("en", "zh", "ja", "ko"):
                assert ind.get(f"{field}_{lang}", "").strip(), (ind["code"], field, lang)
            assert HANGUL.search(ind[f"{field}_ko"]), (ind["code"], field)
            assert not KANA.search(ind[f"{field}_zh"])
            # Every number of the English text (100 000 residents, PM2.5, CO2) is kept.
            for lang in ("ja", "ko"):
                assert numbers(ind[f"{field}_en"]) <= numbers(ind[f"{field}_{lang}"]), (ind["code"], field, lang)
        assert KANA.search(ind["name_ja"] + ind["definition_ja"]), ind["code"]


def test_the_number_reader_reads_each_languages_numbers():
    assert numbers("Repair cafés per 100 000 residents") == {100000.0}
    assert numbers("人口10万人当たり") == {100000.0}
    assert numbers("PM2.5 and CO2") == {2.5, 2.0}


def test_the_7r_questionnaire_is_written_in_four_languages():
    model = load_maturity_model()
    assert list(model) == list(R_STRATEGIES)
    for st in model.values():
        for lang in ("ja", "ko"):
            assert getattr(st, f"name_{lang}") and getattr(st, f"description_{lang}"), (st.r, lang)
        assert [lv.level for lv in st.levels] == [1, 2, 3, 4, 5]
        for lv in st.levels:
            assert KANA.search(lv.ja) and HANGUL.search(lv.ko), (st.r, lv.level)
    recycle = model["recycle"]
    assert recycle.name_in("ja") == ("リサイクル", "ja")
    assert recycle.levels[0].text_in("ko")[1] == "ko"
    assert recycle.levels[0].text_in("zh-hans") == (recycle.levels[0].zh, "zh")


def test_a_language_without_text_falls_back_to_english():
    level = Level(1, "Nothing yet.", "尚无。")
    assert level.text_in("ja") == ("Nothing yet.", "en")
    assert level.text_in("fr") == ("Nothing yet.", "en")
    st = load_maturity_model()["repair"]
    assert st.name_in("de") == (st.name_en, "en")
    raw = json.loads(MATURITY_FILE.read_text("utf-8"))
    assert all("ja" in lv and "ko" in lv for s in raw["strategies"] for lv in s["levels"])
