"""Okapi BM25 over several weighted fields (BM25F-style term frequencies)."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from circularcities.core.errors import ValidationError
from circularcities.core.search.tokenize import is_han, tokenize

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
