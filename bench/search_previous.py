"""The search engine before issue #18 (commit 2cae40f), kept only so the benchmark can compare.

Pure-Python dictionaries: jieba search-mode segmentation and Snowball stemming,
BM25 over weighted fields, any one query word enough. Not used by the application.
"""
# ruff: noqa
# mypy: ignore-errors


import logging
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from circularcities.core.errors import ValidationError

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
CHAR_WEIGHT = 0.2


@dataclass(frozen=True)
class BM25Params:
    """Ranking parameters.

    Parameters
    ----------
    k1
        Term-frequency saturation, >= 0. 1.2 is the usual choice.
    b
        Length normalisation, in [0, 1].
    weights
        Multiplier of term frequency per field name, each > 0. Fields not
        listed count once.
    """

    k1: float = 1.2
    b: float = 0.75
    weights: Mapping[str, float] = field(default_factory=dict)

    def __post_init__(self):
        if self.k1 < 0:
            raise ValidationError("Expected k1 >= 0.")
        if not 0 <= self.b <= 1:
            raise ValidationError("Expected 0 <= b <= 1.")
        for name, w in self.weights.items():
            if w <= 0:
                raise ValidationError(f"Expected weight of field '{name}' > 0.")


@dataclass(frozen=True)
class Hit:
    """One ranked result: the document key, its BM25 score and matched terms."""

    key: object
    score: float
    matched: tuple[str, ...]


def document_terms(fields: Mapping[str, str], params: BM25Params) -> dict[str, float]:
    """Weighted term frequencies of one document.

    Tokenising (jieba above all) is the expensive part of indexing; callers may
    store this result with the document and rebuild an index from it cheaply.
    """
    tf: defaultdict[str, float] = defaultdict(float)
    for name, text in fields.items():
        weight = params.weights.get(name, 1.0)
        for term in tokenize(text):
            tf[term] += weight
            if len(term) > 1 and is_han(term):
                # A one-character query (砖, 水) has no word to match; index the
                # characters of each word too, at a weight low enough that a
                # whole-word match always ranks first.
                for char in set(term):
                    tf[char] += weight * CHAR_WEIGHT
    return dict(tf)


class SearchIndex:
    """An in-memory inverted index.

    Parameters
    ----------
    documents
        ``key -> {field name: text}``. Keys are returned in hits.
    params
        Ranking parameters.
    """

    def __init__(self, documents: Mapping[object, Mapping[str, str]] | None = None,
                 params: BM25Params | None = None):
        self.params = params or BM25Params()
        self._postings: dict[str, dict[object, float]] = defaultdict(dict)
        self._length: dict[object, float] = {}
        self._terms: dict[object, Counter] = {}
        for key, fields in (documents or {}).items():
            self.add(key, fields)

    def __len__(self) -> int:
        return len(self._length)

    def add(self, key: object, fields: Mapping[str, str]) -> None:
        self.add_terms(key, document_terms(fields, self.params))

    def add_terms(self, key: object, tf: Mapping[str, float]) -> None:
        """Add a document whose weighted terms were computed before (see :func:`document_terms`)."""
        if key in self._length:
            raise ValidationError(f"Expected unique document keys; {key!r} was added twice.")
        tf = Counter(tf)
        self._terms[key] = tf
        self._length[key] = sum(tf.values())
        for term, freq in tf.items():
            self._postings[term][key] = freq

    def remove(self, key: object) -> None:
        """Forget a document (no-op for an unknown key)."""
        tf = self._terms.pop(key, None)
        if tf is None:
            return
        del self._length[key]
        for term in tf:
            postings = self._postings.get(term)
            if postings is not None:
                postings.pop(key, None)
                if not postings:
                    del self._postings[term]

    def replace(self, key: object, fields: Mapping[str, str]) -> None:
        self.remove(key)
        self.add(key, fields)

    def replace_terms(self, key: object, tf: Mapping[str, float]) -> None:
        self.remove(key)
        self.add_terms(key, tf)

    def __contains__(self, key: object) -> bool:
        return key in self._length

    def terms_of(self, key: object) -> Counter:
        return self._terms[key]

    @property
    def average_length(self) -> float:
        return (sum(self._length.values()) / len(self._length)) if self._length else 0.0

    def idf(self, term: str) -> float:
        n = len(self._length)
        df = len(self._postings.get(term, ()))
        # The "+1" variant keeps idf positive for terms in most documents.
        return math.log(1.0 + (n - df + 0.5) / (df + 0.5))

    def search(self, query: str, limit: int | None = 20,
               allowed: Iterable[object] | None = None) -> list[Hit]:
        """Rank documents for ``query``.

        Parameters
        ----------
        query
            Free text in English and/or Chinese.
        limit
            Most hits to return (None for all).
        allowed
            If given, only these keys may be returned (filters applied first).
        """
        return self.score_terms(Counter(tokenize(query)), limit=limit, allowed=allowed)

    def score_terms(self, query_terms: Mapping[str, float], limit: int | None = 20,
                    allowed: Iterable[object] | None = None,
                    exclude: object = None) -> list[Hit]:
        if not query_terms or not self._length:
            return []
        allowed_set = set(allowed) if allowed is not None else None
        k1, b = self.params.k1, self.params.b
        avg = self.average_length or 1.0
        scores: dict[object, float] = defaultdict(float)
        matched: dict[object, list[str]] = defaultdict(list)
        for term, qweight in query_terms.items():
            postings = self._postings.get(term)
            if not postings:
                continue
            idf = self.idf(term)
            for key, freq in postings.items():
                if key == exclude or (allowed_set is not None and key not in allowed_set):
                    continue
                norm = freq * (k1 + 1) / (freq + k1 * (1 - b + b * self._length[key] / avg))
                scores[key] += qweight * idf * norm
                matched[key].append(term)
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], str(kv[0])))
        if limit is not None:
            ranked = ranked[:limit]
        return [Hit(key=k, score=round(s, 6), matched=tuple(matched[k])) for k, s in ranked]
