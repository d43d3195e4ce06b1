"""The Japanese and Korean demo content (data/content_ja.json, data/content_ko.json)
covers every case, figure and coalition entry of cases.json and coalition.json, in
the right script, and keeps every number of the English text.

Numbers are compared as values: thousands separators are dropped and scale words
are applied (English million/billion, Japanese/Chinese 万 and 億/亿, Korean 만 and 억),
so "RMB 233 million", "2億3300万元" and "2억 3300만 위안" are the same number while
"233万元" is not.
"""

from __future__ import annotations

import re

import pytest

from circularcities.data import load_json

LANGS = ("ja", "ko")
SECTIONS = {
    "areas": ("name", "description"),
    "r_strategies": ("name", "description"),
    "cities": ("name", "country_name", "profile", "data_notes"),
    "partners": ("name", "description"),
    "events": ("title", "place", "agenda", "outcomes"),
    "publications": ("title", "summary"),
}
# Text that must be in the language: kana or kanji for Japanese, Hangul for Korean.
SCRIPT = {"ja": re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]"), "ko": re.compile(r"[\uac00-\ud7a3]")}

_NUMBER = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(million|billion|万|萬|億|亿|만|억)?")
_SCALE = {"million": 10**6, "billion": 10**9, "万": 10**4, "萬": 10**4, "만": 10**4,
          "億": 10**8, "亿": 10**8, "억": 10**8}


def numbers(text: str) -> set[float]:
    """The numeric values written in ``text``, East Asian compounds such as
    2億3300万 or 1억 2000만 read as one value."""
    found: set[float] = set()
    run: float | None = None
    run_scale, run_end = 1, 0
    for m in _NUMBER.finditer(text):
        word = m.group(3) or ""
        value = float(m.group(1).replace(",", "") + (m.group(2) or "")) * _SCALE.get(word, 1)
        joins = (run is not None and run_scale >= 10**4 and text[run_end:m.start()].strip() == ""
                 and word not in ("million", "billion") and value < run_scale)
        if joins:
            run += value
        else:
            if run is not None:
                found.add(round(run, 6))
            run = value
        run_scale, run_end = _SCALE.get(word, 1), m.end()
    if run is not None:
        found.add(round(run, 6))
    return found


def missing_numbers(english: str, translated: str) -> list[float]:
    return sorted(numbers(english) - numbers(translated))


def test_numbers_are_compared_as_values():
    assert numbers("RMB 233 million a year") == numbers("年間2億3300万人民元") == numbers("연간 2억 3300만 위안")
    assert numbers("about 10,000 tonnes in 2019") == numbers("約10,000トン（2019年）") == numbers("약 1만 톤(2019년)")
    assert missing_numbers("RMB 233 million", "233万元") == [233_000_000]
    assert missing_numbers("USD 175,000 from 2014-2018", "17万5000ドル、2014-2018年") == []
    assert missing_numbers("12.5% by 2040", "2040年までに12%") == [12.5]


@pytest.fixture(scope="module")
def english():
    return load_json("cases.json")["cases"], load_json("coalition.json")


@pytest.fixture(scope="module", params=LANGS)
def content(request):
    return request.param, load_json(f"content_{request.param}.json")


def _written(lang: str, text: str, what: str) -> None:
    assert isinstance(text, str) and text.strip(), f"{lang}: {what} is empty"
    assert SCRIPT[lang].search(text), f"{lang}: {what} is not written in the language: {text!r}"


def test_every_case_and_figure(english, content):
    cases, _coalition = english
    lang, data = content
    assert set(data["cases"]) == {c["slug"] for c in cases}
    for case in cases:
        slug = case["slug"]
        tr = data["cases"][slug]
        _written(lang, tr["title"], f"{slug} title")
        _written(lang, tr["summary"], f"{slug} summary")
        assert tr["summary"] != case["summary_en"]
        assert tr["keywords"] and all(isinstance(k, str) and k.strip() for k in tr["keywords"]), slug
        assert any(SCRIPT[lang].search(k) for k in tr["keywords"]), slug
        assert len(tr["figures"]) == len(case["figures"]), f"{lang}: {slug} figures"
        for n, (fig, fig_tr) in enumerate(zip(case["figures"], tr["figures"], strict=True)):
            _written(lang, fig_tr["label"], f"{slug} figure {n} label")
            assert isinstance(fig_tr["note"], str)
            if (fig.get("note_en") or "").strip():
                _written(lang, fig_tr["note"], f"{slug} figure {n} note")
            assert not missing_numbers(fig.get("note_en") or "", fig_tr["note"]), (lang, slug, n)


@pytest.mark.parametrize("field", ["title", "summary"])
def test_case_numbers_kept(english, content, field):
    cases, _coalition = english
    lang, data = content
    lost = {c["slug"]: missing_numbers(c[f"{field}_en"], data["cases"][c["slug"]][field]) for c in cases}
    assert not {slug: nums for slug, nums in lost.items() if nums}, f"{lang}: numbers lost in {field}"


@pytest.mark.parametrize("section", SECTIONS)
def test_every_coalition_entry(english, content, section):
    _cases, coalition = english
    lang, data = content
    assert set(data[section]) == {item["slug"] for item in coalition[section]}, f"{lang}: {section}"
    for item in coalition[section]:
        tr = data[section][item["slug"]]
        assert set(tr) == set(SECTIONS[section]), (lang, section, item["slug"])
        for field in SECTIONS[section]:
            source = item.get(f"{field}_en") or ""
            assert isinstance(tr[field], str)
            if source.strip():  # names such as Waternet or HDR stay in Latin letters
                assert tr[field].strip(), (lang, section, item["slug"], field)
            assert not missing_numbers(source, tr[field]), (lang, section, item["slug"], field)
        long_fields = [f for f in SECTIONS[section] if f not in ("name", "country_name", "place", "data_notes")]
        for field in long_fields:
            _written(lang, tr[field], f"{section} {item['slug']} {field}")
