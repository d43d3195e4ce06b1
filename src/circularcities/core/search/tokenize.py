"""Tokeniser for mixed English and Chinese text.

Chinese has no spaces, so substring matching either misses words or matches
across word boundaries. jieba segments runs of Han characters into words (in
search mode it also emits the shorter words inside long compounds, so 垃圾 is
found inside 食物垃圾). Latin text is lower-cased, split on non-alphanumerics
and stemmed with the Snowball English stemmer so "recycling" finds "recycled".
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache

import jieba
import snowballstemmer

jieba.setLogLevel(logging.WARNING)

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_SPLIT = re.compile(rf"([{_HAN}]+)|([A-Za-z0-9][A-Za-z0-9\-\.']*)")
_STEMMER = snowballstemmer.stemmer("english")

# Words that carry no meaning for ranking. Kept short on purpose: BM25's idf
# already discounts frequent words; this list removes only function words.
STOPWORDS_EN = frozenset(
    "a an and are as at be by for from has have in into is it its of on or that the their "
    "this to was were which with".split()
)
STOPWORDS_ZH = frozenset("的 了 和 与 及 在 是 为 对 将 由 等 以 于 从 中 其 并 也 有 个 之".split())


_HAN_ONLY = re.compile(rf"^[{_HAN}]+$")


def is_han(term: str) -> bool:
    return bool(_HAN_ONLY.match(term))


@lru_cache(maxsize=50_000)
def _stem(word: str) -> str:
    return _STEMMER.stemWord(word)


@lru_cache(maxsize=20_000)
def _segment(run: str) -> tuple[str, ...]:
    return tuple(w for w in jieba.cut_for_search(run) if w.strip())


def tokenize(text: str | None) -> list[str]:
    """Split ``text`` into index terms.

    Parameters
    ----------
    text
        Any mix of English and Chinese.

    Returns
    -------
    list of str
        Stemmed lower-case English terms and segmented Chinese words, in order,
        with function words removed. Single Han characters are kept only when
        the run is a single character (so a one-character query still works).
    """
    if not text:
        return []
    terms: list[str] = []
    for han, latin in _SPLIT.findall(text):
        if han:
            words = _segment(han)
            for w in words:
                if w in STOPWORDS_ZH:
                    continue
                if len(w) == 1 and len(han) > 1:
                    continue
                terms.append(w)
        elif latin:
            word = latin.strip(".-'").lower()
            if not word or word in STOPWORDS_EN:
                continue
            if "-" in word:
                parts = [p for p in word.split("-") if p and p not in STOPWORDS_EN]
                terms.extend(_stem(p) for p in parts)
                continue
            terms.append(_stem(word))
    return terms
