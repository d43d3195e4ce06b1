"""Okapi BM25 over weighted fields, on numpy arrays, with incremental updates.

Postings live in two segments: a compact base (one sorted vocabulary and one
CSR array of document slots and weighted term frequencies per term) and a
small delta of documents added since, in dictionaries. A removed document is
only marked dead; the delta is folded into the base when it grows past a few
per cent of the index. Scoring gathers the postings of the query's terms and
computes BM25 for them with vectorised numpy, so a query costs in proportion
to the length of its terms' postings, not to the size of the library.

Why not an off-the-shelf engine: ``bm25s`` scores whole-token counts with no
field weights, no incremental update and no minimum-should-match, and
``tantivy`` would need its own segmenter bridge and a second copy of every
document; these arrays keep the ranking rules in one readable place.
"""

from __future__ import annotations

import math
from array import array
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from circularcities.core.errors import ValidationError
from circularcities.core.search.query import Query, parse_queries, phrase_term
from circularcities.core.search.tokenize import DEFAULT_ANALYZER, Analyzer, detect_language

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
    phrase_weight
        Weight of two query words found next to each other, relative to one word.
    cutoff
        Hits scoring below this fraction of the best hit are dropped, in [0, 1).
    """

    k1: float = 1.2
    b: float = 0.75
    weights: Mapping[str, float] = field(default_factory=dict)
    phrase_weight: float = 1.0
    cutoff: float = 0.0

    def __post_init__(self):
        if self.k1 < 0:
            raise ValidationError("Expected k1 >= 0.")
        if not 0 <= self.b <= 1:
            raise ValidationError("Expected 0 <= b <= 1.")
        if self.phrase_weight < 0:
            raise ValidationError("Expected phrase_weight >= 0.")
        if not 0 <= self.cutoff < 1:
            raise ValidationError("Expected 0 <= cutoff < 1.")
        for name, w in self.weights.items():
            if w <= 0:
                raise ValidationError(f"Expected weight of field '{name}' > 0.")


@dataclass(frozen=True)
class Hit:
    """One ranked result: the document key, its BM25 score (for ordering) and matched words."""

    key: object
    score: float
    matched: tuple[str, ...]


FieldText = str | Mapping[str, str]
"""A field's text: one string, or ``{language: text}`` for text written in several languages."""


def document_terms(fields: Mapping[str, FieldText], params: BM25Params,
                   analyzer: Analyzer = DEFAULT_ANALYZER, language: str | None = None) -> dict[str, float]:
    """Weighted term frequencies of one document: words, their parts, characters, phrases.

    Tokenising (jieba above all) is the expensive part of indexing; callers may
    store this result with the document and rebuild an index from it cheaply.

    A field given as ``{language: text}`` has each text tokenised in its own
    language (a case's Chinese title with jieba, its Japanese title with
    fugashi, even when both are Han characters only). A field given as one
    string is in ``language``; None detects it once from all the document's
    plain strings (a Japanese title of Han characters only is still Japanese
    when its summary has kana).
    """
    tf: defaultdict[str, float] = defaultdict(float)
    plain = " ".join(t for t in fields.values() if isinstance(t, str) and t)
    language = language or (detect_language(plain) if plain else None)
    for name, value in fields.items():
        weight = params.weights.get(name, 1.0)
        texts = value.items() if isinstance(value, Mapping) else [(language, value)]
        for text_language, text in texts:
            tokens = analyzer.tokens(text, language=text_language or language)
            for i, tok in enumerate(tokens):
                tf[tok.term] += weight
                for part in tok.parts:
                    tf[part] += weight
                # Low enough that a whole-word match always ranks first.
                for gram in tok.grams:
                    tf[gram] += weight * CHAR_WEIGHT
                if i and analyzer.adjacent(text, tokens[i - 1], tok):
                    tf[phrase_term(tokens[i - 1].term, tok.term)] += weight
    return dict(tf)


def document_length(tf: Mapping[str, float]) -> float:
    """BM25 length: the weighted count of words (phrases are not words)."""
    return float(sum(v for t, v in tf.items() if " " not in t))


_EMPTY_I = np.zeros(0, dtype=np.int32)
_EMPTY_F = np.zeros(0, dtype=np.float32)


class SearchIndex:
    """An inverted index with BM25 ranking, filters by tag and incremental updates.

    Parameters
    ----------
    documents
        ``key -> {field name: text}``. Keys (ints or strings) are returned in hits.
    params
        Ranking parameters.
    analyzer
        Tokenisers per script; English and Chinese by default.
    """

    def __init__(self, documents: Mapping[object, Mapping[str, str]] | None = None,
                 params: BM25Params | None = None, analyzer: Analyzer | None = None):
        self.params = params or BM25Params()
        self.analyzer = analyzer or DEFAULT_ANALYZER
        self._keys: list[object] = []
        self._slot: dict[object, int] = {}
        self._live = np.zeros(0, dtype=bool)
        self._length = np.zeros(0, dtype=np.float64)
        self._n_live = 0
        self._total_length = 0.0
        self._set_base(np.zeros(0, dtype="<U1"), np.zeros(1, dtype=np.int64), _EMPTY_I, _EMPTY_F,
                       np.zeros(0, dtype="<U1"), np.zeros(1, dtype=np.int64), _EMPTY_I)
        self._delta: dict[str, dict[int, float]] = defaultdict(dict)
        self._delta_tags: dict[str, set[int]] = defaultdict(set)
        self._delta_docs = 0
        self.load_documents((k, document_terms(f, self.params, self.analyzer), ())
                            for k, f in (documents or {}).items())

    # -- building ---------------------------------------------------------
    def _set_base(self, vocab, indptr, slots, tf, tag_vocab, tag_indptr, tag_slots) -> None:
        self._vocab, self._indptr, self._post_slots, self._post_tf = vocab, indptr, slots, tf
        self._tag_vocab, self._tag_indptr, self._tag_slots = tag_vocab, tag_indptr, tag_slots

    def load_documents(self, docs: Iterable[tuple[object, Mapping[str, float], Iterable[str]]]) -> None:
        """Add many documents at once: ``(key, weighted terms, tags)`` each.

        Faster than :meth:`add_terms` one by one: postings go straight into the base arrays.
        """
        term_ids: dict[str, int] = {}
        tag_ids: dict[str, int] = {}
        # Compact typed buffers: millions of postings as Python lists would take gigabytes.
        p_term, p_slot, p_tf = array("i"), array("i"), array("f")
        t_tag, t_slot = array("i"), array("i")
        new_keys: list[object] = []
        lengths: list[float] = []
        first = len(self._keys)
        for key, tf, tags in docs:
            if key in self._slot:
                for k in new_keys:
                    del self._slot[k]
                raise ValidationError(f"Expected unique document keys; {key!r} was added twice.")
            slot = first + len(new_keys)
            self._slot[key] = slot
            new_keys.append(key)
            lengths.append(document_length(tf))
            p_term.extend([term_ids.setdefault(term, len(term_ids)) for term in tf])
            p_slot.extend([slot] * len(tf))
            p_tf.extend(tf.values())
            tag_set = set(tags)
            t_tag.extend([tag_ids.setdefault(tag, len(tag_ids)) for tag in tag_set])
            t_slot.extend([slot] * len(tag_set))
        if not new_keys:
            return
        self._keys.extend(new_keys)
        self._grow(len(self._keys))
        self._live[first:len(self._keys)] = True
        self._length[first:len(self._keys)] = lengths
        self._n_live += len(new_keys)
        self._total_length += float(sum(lengths))
        # Merge with what is there: old base + delta + these, one rebuild.
        self._compact(extra=(
            (_names(term_ids), np.frombuffer(p_term, dtype=np.int32), np.frombuffer(p_slot, dtype=np.int32),
             np.frombuffer(p_tf, dtype=np.float32)),
            (_names(tag_ids), np.frombuffer(t_tag, dtype=np.int32), np.frombuffer(t_slot, dtype=np.int32), None)))

    def _grow(self, n: int) -> None:
        if n > len(self._live):
            cap = max(n, 2 * len(self._live), 64)
            live = np.zeros(cap, dtype=bool)
            live[:len(self._live)] = self._live
            length = np.zeros(cap, dtype=np.float64)
            length[:len(self._length)] = self._length
            self._live, self._length = live, length

    def _compact(self, extra=None) -> None:
        """Fold the delta (and ``extra`` postings) into new base arrays; drop dead documents."""
        terms = [_base_group(self._vocab, self._indptr, self._post_slots, self._post_tf),
                 _delta_group(self._delta, True)]
        tags = [_base_group(self._tag_vocab, self._tag_indptr, self._tag_slots, None),
                _delta_group(self._delta_tags, False)]
        if extra is not None:
            terms.append(extra[0])
            tags.append(extra[1])
        # Renumber slots so dead documents leave no gaps.
        n = len(self._keys)
        live = self._live[:n].copy()
        new_slot = (np.cumsum(live) - 1).astype(np.int32)
        base = _merge(terms, live, new_slot)
        tag_base = _merge(tags, live, new_slot)
        self._keys = [k for k, alive in zip(self._keys, live.tolist(), strict=True) if alive]
        self._slot = {k: i for i, k in enumerate(self._keys)}
        self._length = np.ascontiguousarray(self._length[:n][live])
        self._live = np.ones(len(self._keys), dtype=bool)
        self._set_base(*base, *tag_base[:3])
        self._delta = defaultdict(dict)
        self._delta_tags = defaultdict(set)
        self._delta_docs = 0

    def to_arrays(self) -> dict[str, np.ndarray]:
        """The whole index as arrays (compacted first), for :func:`store.save`."""
        self._compact()
        keys = np.array(self._keys) if self._keys else np.zeros(0, dtype=np.int64)
        if keys.dtype.kind not in "iU":
            raise ValidationError("Expected document keys that are all ints or all strings to save an index.")
        return {"keys": keys, "length": self._length, "vocab": self._vocab, "indptr": self._indptr,
                "post_slots": self._post_slots, "post_tf": self._post_tf, "tag_vocab": self._tag_vocab,
                "tag_indptr": self._tag_indptr, "tag_slots": self._tag_slots}

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, np.ndarray], params: BM25Params | None = None,
                    analyzer: Analyzer | None = None) -> SearchIndex:
        index = cls(params=params, analyzer=analyzer)
        index._keys = arrays["keys"].tolist()
        index._slot = {k: i for i, k in enumerate(index._keys)}
        index._length = np.array(arrays["length"], dtype=np.float64)  # a copy: edits write to it
        index._live = np.ones(len(index._keys), dtype=bool)
        index._n_live = len(index._keys)
        index._total_length = float(index._length.sum())
        index._set_base(arrays["vocab"], arrays["indptr"], arrays["post_slots"], arrays["post_tf"],
                        arrays["tag_vocab"], arrays["tag_indptr"], arrays["tag_slots"])
        return index

    # -- incremental updates ---------------------------------------------
    def __len__(self) -> int:
        return self._n_live

    def __contains__(self, key: object) -> bool:
        return key in self._slot

    def keys(self) -> list[object]:
        return list(self._slot)

    def add(self, key: object, fields: Mapping[str, str], tags: Iterable[str] = ()) -> None:
        self.add_terms(key, document_terms(fields, self.params, self.analyzer), tags)

    def add_terms(self, key: object, tf: Mapping[str, float], tags: Iterable[str] = ()) -> None:
        """Add a document whose weighted terms were computed before (see :func:`document_terms`)."""
        if key in self._slot:
            raise ValidationError(f"Expected unique document keys; {key!r} was added twice.")
        slot = len(self._keys)
        self._keys.append(key)
        self._slot[key] = slot
        self._grow(slot + 1)
        length = document_length(tf)
        self._live[slot] = True
        self._length[slot] = length
        self._n_live += 1
        self._total_length += length
        for term, freq in tf.items():
            self._delta[term][slot] = float(freq)
        for tag in set(tags):
            self._delta_tags[tag].add(slot)
        self._delta_docs += 1
        if self._delta_docs > max(1000, len(self._keys) // 20):
            self._compact()

    def remove(self, key: object) -> None:
        """Forget a document (no-op for an unknown key)."""
        slot = self._slot.pop(key, None)
        if slot is None:
            return
        self._live[slot] = False
        self._n_live -= 1
        self._total_length -= float(self._length[slot])

    def replace(self, key: object, fields: Mapping[str, str], tags: Iterable[str] = ()) -> None:
        self.remove(key)
        self.add(key, fields, tags)

    def replace_terms(self, key: object, tf: Mapping[str, float], tags: Iterable[str] = ()) -> None:
        self.remove(key)
        self.add_terms(key, tf, tags)

    # -- lookups ------------------------------------------------------------
    @property
    def average_length(self) -> float:
        return self._total_length / self._n_live if self._n_live else 0.0

    def knows(self, term: str) -> bool:
        """Whether any document (live or not yet compacted away) has ``term``."""
        if term in self._delta:
            return True
        i = int(np.searchsorted(self._vocab, term))
        return i < len(self._vocab) and self._vocab[i] == term

    def _postings(self, term: str, tags: bool = False) -> tuple[np.ndarray, np.ndarray | None]:
        vocab = self._tag_vocab if tags else self._vocab
        indptr = self._tag_indptr if tags else self._indptr
        i = int(np.searchsorted(vocab, term))
        if i < len(vocab) and vocab[i] == term:
            lo, hi = indptr[i], indptr[i + 1]
            slots = (self._tag_slots if tags else self._post_slots)[lo:hi]
            freqs = None if tags else self._post_tf[lo:hi]
        else:
            slots, freqs = _EMPTY_I, (None if tags else _EMPTY_F)
        if tags:
            extra = self._delta_tags.get(term)
            if extra:
                slots = np.concatenate([slots, np.fromiter(extra, dtype=np.int32, count=len(extra))])
        else:
            d = self._delta.get(term)
            if d:
                slots = np.concatenate([slots, np.fromiter(d.keys(), dtype=np.int32, count=len(d))])
                freqs = np.concatenate([freqs, np.fromiter(d.values(), dtype=np.float32, count=len(d))])
        keep = self._live[slots]
        return slots[keep], (freqs[keep] if freqs is not None else None)

    def idf(self, term: str) -> float:
        return self._idf(len(self._postings(term)[0]))

    def _idf(self, df: int) -> float:
        # The "+1" variant keeps idf positive for terms in most documents.
        return math.log(1.0 + (self._n_live - df + 0.5) / (df + 0.5))

    def tag_mask(self, tags: Sequence[str]) -> np.ndarray:
        """Documents having every tag in ``tags``."""
        mask = self._live[:len(self._keys)].copy()
        for tag in tags:
            has = np.zeros(len(self._keys), dtype=bool)
            has[self._postings(tag, tags=True)[0]] = True
            mask &= has
        return mask

    def tag_jaccard(self, key: object, prefixes: tuple[str, ...] = ("",)) -> dict[object, float]:
        """Jaccard overlap of ``key``'s tags (those starting with ``prefixes``) with every other document."""
        me = self._slot.get(key)
        if me is None:
            return {}
        n = len(self._keys)
        overlap = np.zeros(n)
        count = np.zeros(n)
        mine = 0
        for tag in set(self._tag_vocab.tolist()) | set(self._delta_tags):
            if not tag.startswith(prefixes):
                continue
            slots = self._postings(tag, tags=True)[0]
            count[slots] += 1
            if me in slots:
                mine += 1
                overlap[slots] += 1
        union = mine + count - overlap
        jaccard = np.divide(overlap, union, out=np.zeros(n), where=union > 0)
        jaccard[me] = 0.0
        return {self._keys[i]: float(jaccard[i]) for i in np.flatnonzero(jaccard > 0).tolist()}

    # -- ranking ------------------------------------------------------------
    def _score(self, weights: Mapping[str, float], n: int) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        k1, b = self.params.k1, self.params.b
        avg = self.average_length or 1.0
        scores = np.zeros(n)
        present: dict[str, np.ndarray] = {}
        for term, qweight in weights.items():
            slots, freqs = self._postings(term)
            present[term] = slots
            if not len(slots) or freqs is None:
                continue
            idf = self._idf(len(slots))
            norm = freqs * (k1 + 1) / (freqs + k1 * (1 - b + b * self._length[slots] / avg))
            scores[slots] += qweight * idf * norm
        return scores, present

    def search(self, query: str | Query | Sequence[Query], limit: int | None = 20,
               allowed: Iterable[object] | None = None, tags: Sequence[str] = (), exclude: object = None,
               language: str | None = None, languages: Iterable[str] | None = None) -> list[Hit]:
        """Rank documents for ``query``.

        A document must match at least ``query.min_match`` of the query's
        distinct words (a Chinese compound also matches through all its
        parts); words next to each other in the document as in the query add
        a phrase score; hits below ``params.cutoff`` x the best are dropped.

        Parameters
        ----------
        query
            Free text in any of the platform's languages, a parsed :class:`Query`, or
            several readings of one query (see :func:`.query.parse_queries`): a
            document matching any reading is a hit, scored by its best one.
        limit
            Most hits to return (None for all).
        allowed
            If given, only these keys may be returned.
        tags
            Only documents having all these tags may be returned.
        exclude
            A key never returned.
        language
            The reader's language, for a query of Han characters only (Japanese or
            Chinese); None reads such a query in both.
        languages
            The platform's languages (None: all four), the readings a query may have.
        """
        if isinstance(query, str):
            readings = parse_queries(query, self.analyzer, known=self.knows, language=language,
                                     languages=languages)
        elif isinstance(query, Query):
            readings = [query]
        else:
            readings = list(query)
        readings = [q for q in readings if q.concepts]
        if not readings or not self._n_live:
            return []
        n = len(self._keys)
        ok = np.zeros(n, dtype=bool)
        scores = np.zeros(n)
        best = np.full(n, -1, dtype=np.int16)  # which reading scored each document
        all_satisfied = []
        for r, q in enumerate(readings):
            q_ok, q_scores, satisfied = self._match(q, n)
            better = q_ok & (~ok | (q_scores > scores))
            scores[better] = q_scores[better]
            best[better] = r
            ok |= q_ok
            all_satisfied.append(satisfied)
        ok &= self._live[:n]
        if tags:
            ok &= self.tag_mask(tags)
        if allowed is not None:
            keep = np.zeros(n, dtype=bool)
            keep[[self._slot[k] for k in allowed if k in self._slot]] = True
            ok &= keep
        if exclude is not None and exclude in self._slot:
            ok[self._slot[exclude]] = False
        candidates = np.flatnonzero(ok)
        if not len(candidates):
            return []
        cand_scores = scores[candidates]
        top = float(cand_scores.max())
        if self.params.cutoff:
            keep_c = cand_scores >= self.params.cutoff * top
            candidates, cand_scores = candidates[keep_c], cand_scores[keep_c]
        if limit is not None and len(candidates) > limit:
            # Keep ties at the boundary so the final order does not depend on slots.
            kth = np.partition(cand_scores, len(cand_scores) - limit)[len(cand_scores) - limit]
            sel = cand_scores >= kth
            candidates, cand_scores = candidates[sel], cand_scores[sel]
        ranked = sorted(zip(cand_scores.tolist(), candidates.tolist(), strict=True),
                        key=lambda sc: (-round(sc[0], 9), str(self._keys[sc[1]])))
        if limit is not None:
            ranked = ranked[:limit]
        return [Hit(key=self._keys[s], score=round(sc, 6),
                    matched=tuple(t for t, sat in all_satisfied[int(best[s])].items() if sat[s]))
                for sc, s in ranked]

    def _match(self, query: Query, n: int) -> tuple[np.ndarray, np.ndarray, dict[str, np.ndarray]]:
        """Documents matching enough of ``query``'s words, their scores, and which words each matched."""
        weights = dict(query.terms)
        for p in query.phrases:
            weights[p] = weights.get(p, 0.0) + self.params.phrase_weight
        scores, present = self._score(weights, n)
        matched = np.zeros(n, dtype=np.int16)
        satisfied: dict[str, np.ndarray] = {}
        for c in query.concepts:
            sat = np.zeros(n, dtype=bool)
            satisfied[c.term] = sat
            sat[present[c.term]] = True
            if c.parts:
                count = np.zeros(n, dtype=np.int16)
                for p in c.parts:
                    count[present[p]] += 1
                sat |= count == len(c.parts)
            matched += sat
        return (matched >= query.min_match) & (scores > 0), scores, satisfied

    def score_terms(self, query_terms: Mapping[str, float], limit: int | None = 20,
                    exclude: object = None) -> list[Hit]:
        """Plain BM25 of weighted terms, any one term enough (for similar documents)."""
        if not query_terms or not self._n_live:
            return []
        n = len(self._keys)
        scores, _ = self._score(query_terms, n)
        if exclude is not None and exclude in self._slot:
            scores[self._slot[exclude]] = 0.0
        scores[~self._live[:n]] = 0.0
        idx = np.flatnonzero(scores > 0)
        ranked = sorted(zip(scores[idx].tolist(), idx.tolist(), strict=True),
                        key=lambda sc: (-round(sc[0], 9), str(self._keys[sc[1]])))
        if limit is not None:
            ranked = ranked[:limit]
        return [Hit(key=self._keys[s], score=round(sc, 6), matched=()) for sc, s in ranked]


def _names(ids: Mapping[str, int]) -> np.ndarray:
    return np.array(list(ids)) if ids else np.zeros(0, dtype="<U1")


def _base_group(vocab, indptr, slots, values):
    """Base postings as (names, name index per posting, slots, values)."""
    return vocab, np.repeat(np.arange(len(vocab), dtype=np.int32), np.diff(indptr)), slots, values


def _delta_group(delta, with_values: bool):
    names = _names({t: 0 for t, p in delta.items() if p})
    sizes = [len(delta[t]) for t in names.tolist()]
    ids = np.repeat(np.arange(len(names), dtype=np.int32), sizes)
    slots = np.fromiter((s for t in names.tolist() for s in delta[t]), dtype=np.int32, count=sum(sizes))
    values = (np.fromiter((f for t in names.tolist() for f in delta[t].values()), dtype=np.float32,
                          count=sum(sizes)) if with_values else None)
    return names, ids, slots, values


def _merge(groups, live: np.ndarray, new_slot: np.ndarray):
    """Sorted vocabulary and CSR postings (slots ascending per term) of live documents."""
    vocab = np.unique(np.concatenate([g[0] for g in groups])) if any(len(g[0]) for g in groups) \
        else np.zeros(0, dtype="<U1")
    ids = np.concatenate([np.searchsorted(vocab, g[0]).astype(np.int32)[g[1]] if len(g[1]) else _EMPTY_I
                          for g in groups])
    slots = np.concatenate([g[2] for g in groups]).astype(np.int32, copy=False)
    values = None if groups[0][3] is None else np.concatenate([g[3] for g in groups])
    keep = live[slots]
    ids, slots = ids[keep], new_slot[slots[keep]]
    values = values[keep] if values is not None else None
    order = np.argsort(ids.astype(np.int64) * (len(live) + 1) + slots)
    indptr = np.zeros(len(vocab) + 1, dtype=np.int64)
    np.cumsum(np.bincount(ids, minlength=len(vocab)), out=indptr[1:])
    return (vocab, indptr, slots[order].astype(np.int32),
            None if values is None else values[order].astype(np.float32))
