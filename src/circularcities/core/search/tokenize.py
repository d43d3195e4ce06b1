"""Tokenisers for mixed-language text, one per language behind a small protocol.

Text is cut into runs of one script (Han, Latin, ...); each run goes to the
tokeniser registered for its script. English runs are lower-cased, split on
non-alphanumerics and stemmed with Snowball ("recycling" finds "recycled").
Chinese has no spaces, so substring matching either misses words or matches
across word boundaries: jieba segments Han runs into words, and each word also
lists the shorter dictionary words inside it (垃圾 inside 餐厨垃圾), as jieba's
search mode does.

A Japanese or Korean segmenter plugs in by implementing :class:`Tokenizer`
and registering it, with the regular expression of its runs, ahead of the
Chinese one in an :class:`Analyzer` (Japanese runs are Han and kana together).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

import snowballstemmer

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_RUN = rf"[{_HAN}]+"
LATIN_RUN = r"[A-Za-z0-9\u00c0-\u024f][A-Za-z0-9\u00c0-\u024f\-\.']*"
# Longer terms are junk (URLs, hashes) and would bloat the stored vocabulary.
MAX_TERM = 32

STOPWORDS_EN = frozenset(
    "a an and are as at be by for from has have in into is it its of on or that the their "
    "this to was were which with".split()
)
STOPWORDS_ZH = frozenset("的 了 和 与 及 在 是 为 对 将 由 等 以 于 从 中 其 并 也 有 个 之".split())

_HAN_ONLY = re.compile(rf"^[{_HAN}]+$")


def is_han(term: str) -> bool:
    return bool(_HAN_ONLY.match(term))


@dataclass(frozen=True, slots=True)
class Token:
    """One word of the text.

    ``term`` is the normalised index term; ``start``/``end`` are offsets into
    the text (for highlighting); ``parts`` are shorter words inside it that are
    indexed too, so a query for a part finds the whole; ``grams`` are single
    characters indexed at a low weight, so a one-character query still works.
    """

    term: str
    start: int
    end: int
    parts: tuple[str, ...] = ()
    grams: tuple[str, ...] = ()


Known = Callable[[str], bool]


class Tokenizer(Protocol):
    """Turns one run of text in the script it is registered for into tokens.

    ``known`` is given at query time: it tells which terms are in the index,
    so a tokeniser may segment a query against the index's own vocabulary
    instead of loading its dictionary (words the index lacks cannot match).
    """

    def tokens(self, run: str, known: Known | None = None) -> list[Token]: ...


_STEMMER = snowballstemmer.stemmer("english")


@lru_cache(maxsize=50_000)
def _stem(word: str) -> str:
    return _STEMMER.stemWord(word)


_WORD = re.compile(r"[^\W_]+", re.UNICODE)


class EnglishTokenizer:
    """Lower-case, split hyphenated and dotted words, drop function words, Snowball-stem."""

    def tokens(self, run: str, known: Known | None = None) -> list[Token]:
        out = []
        for m in _WORD.finditer(run):
            word = m.group().lower()
            if word in STOPWORDS_EN:
                continue
            out.append(Token(_stem(word)[:MAX_TERM], m.start(), m.end()))
        return out


def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba


@lru_cache(maxsize=20_000)
def _jieba_cut(run: str) -> tuple[tuple[str, int, int], ...]:
    return tuple(_jieba().tokenize(run))


@lru_cache(maxsize=50_000)
def _dictionary_parts(word: str) -> tuple[str, ...]:
    """The 2- and 3-character dictionary words inside ``word`` (jieba's search mode)."""
    freq = _jieba().dt.FREQ
    return _parts(word, lambda w: bool(freq.get(w)))


def _parts(word: str, known: Known) -> tuple[str, ...]:
    parts: list[str] = []
    for n in (2, 3):
        if len(word) > n:
            for i in range(len(word) - n + 1):
                gram = word[i:i + n]
                if gram not in parts and known(gram):
                    parts.append(gram)
    return tuple(parts)


def _segment_known(run: str, known: Known) -> list[tuple[str, int, int]]:
    """Fewest-words segmentation of ``run`` into terms the index knows.

    Characters in no known word become one-character words. Ties go to the
    segmentation whose first word is longest (forward maximum matching).
    """
    n = len(run)
    longest = min(n, MAX_TERM)
    best: list[tuple[int, int]] = [(0, 0)] * (n + 1)  # (words, -first-word length) from i
    cut = [n] * (n + 1)
    for i in range(n - 1, -1, -1):
        choice = None
        for j in range(min(n, i + longest), i, -1):
            if j - i > 1 and not known(run[i:j]):
                continue
            cand = (best[j][0] + 1, -(j - i))
            if choice is None or cand < choice:
                choice, cut[i] = cand, j
        best[i] = choice  # type: ignore[assignment]
    words: list[list] = []  # [text, start, end, made of lone characters]
    i = 0
    while i < n:
        j = cut[i]
        lone = j - i == 1 and run[i] not in STOPWORDS_ZH
        # Consecutive lone characters are a word the index lacks (飞机 when no
        # case mentions aircraft): keep it as one word that matches nothing,
        # rather than dropping it and answering a shorter query.
        if lone and words and words[-1][3]:
            words[-1][0] += run[i]
            words[-1][2] = j
        else:
            words.append([run[i:j], i, j, lone])
        i = j
    return [(w, start, end) for w, start, end, _ in words]


class ChineseTokenizer:
    """jieba words for documents; at query time, the index's words (no dictionary load)."""

    def tokens(self, run: str, known: Known | None = None) -> list[Token]:
        words = _segment_known(run, known) if known is not None else _jieba_cut(run)
        out = []
        for word, start, end in words:
            if not word.strip() or word in STOPWORDS_ZH:
                continue
            # A lone character inside a longer run matches almost everything.
            if len(word) == 1 and len(run) > 1:
                continue
            word = word[:MAX_TERM]
            parts = _parts(word, known) if known is not None else _dictionary_parts(word)
            grams = tuple(dict.fromkeys(word)) if len(word) > 1 else ()
            out.append(Token(word, start, end, parts, grams))
        return out


# Punctuation between two words ends a phrase; spaces and dropped function
# words do not.
_BREAK = re.compile(r"[.,;:!?()\[\]{}\"/|\u3001-\u3003\u3008-\u3011\uff01-\uff0f\uff1a-\uff20]")


class Analyzer:
    """Splits text into script runs and hands each run to its tokeniser.

    Parameters
    ----------
    tokenizers
        ``(regular expression of a run, tokenizer)`` pairs, tried in order.
    """

    def __init__(self, tokenizers: Sequence[tuple[str, Tokenizer]]):
        self.tokenizers = [t for _, t in tokenizers]
        self._runs = re.compile("|".join(f"({pattern})" for pattern, _ in tokenizers))

    def tokens(self, text: str | None, known: Known | None = None) -> list[Token]:
        if not text:
            return []
        out: list[Token] = []
        for m in self._runs.finditer(text):
            group = m.lastindex or 1
            base = m.start()
            for t in self.tokenizers[group - 1].tokens(m.group(), known):
                out.append(Token(t.term, t.start + base, t.end + base, t.parts, t.grams))
        return out

    def adjacent(self, text: str, a: Token, b: Token) -> bool:
        """Whether two consecutive tokens form a phrase (no punctuation between them)."""
        return not _BREAK.search(text, a.end, b.start) if b.start > a.end else True


DEFAULT_ANALYZER = Analyzer([(HAN_RUN, ChineseTokenizer()), (LATIN_RUN, EnglishTokenizer())])


def tokenize(text: str | None, analyzer: Analyzer = DEFAULT_ANALYZER) -> list[str]:
    """Index terms of ``text`` in order (words only, without parts or grams).

    Parameters
    ----------
    text
        Any mix of English and Chinese.
    analyzer
        Tokenisers to use; English and Chinese by default.
    """
    out = []
    for t in analyzer.tokens(text):
        out.append(t.term)
        out.extend(t.parts)
    return out
