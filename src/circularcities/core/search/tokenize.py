"""Tokenisers for mixed-language text, one per language behind a small protocol.

Text is cut into runs of one script (Han, Latin, ...); each run goes to the
tokeniser registered for its script. English runs are lower-cased, split on
non-alphanumerics and stemmed with Snowball ("recycling" finds "recycled").
Chinese has no spaces, so substring matching either misses words or matches
across word boundaries: jieba segments Han runs into words, and each word also
lists the shorter dictionary words inside it (垃圾 inside 餐厨垃圾), as jieba's
search mode does.

Japanese runs (Han and kana together) go to fugashi with the UniDic-lite
dictionary, a morphological analyser: content words are kept (nouns as
written, verbs and adjectives as their dictionary form), particles and
auxiliaries dropped. Korean runs (Hangul) go to kiwipiepy, Korean's own
analyser: nouns, verb and adjective stems kept, particles and endings dropped
(공유하는 -> 공유).

Han characters are shared by Chinese and Japanese: a text's language is the
one given (the language a field was written in, the reader's language for a
query) or else detected from the text (:func:`detect_language`: kana means
Japanese). In a Japanese text every Han run goes to the Japanese analyser.
A new language plugs in by implementing :class:`Tokenizer` and registering it,
with the regular expression of its runs, in an :class:`Analyzer`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping, Sequence
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
_KANA = r"\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9f"
_HANGUL = r"\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f"
# Japanese: Han, kana, the prolonged-sound mark and the iteration marks together.
JAPANESE_RUN = rf"[{_HAN}{_KANA}\u3005\u3006\u30fc]+"
# Korean: Hangul words with the spaces between them (the analyser reads a phrase).
HANGUL_RUN = rf"[{_HANGUL}]+(?:[ \t]+[{_HANGUL}]+)*"
_KANA_CHAR = re.compile(rf"[{_KANA}]")
_HANGUL_CHAR = re.compile(rf"[{_HANGUL}]")
_HAN_CHAR = re.compile(rf"[{_HAN}]")


def detect_language(text: str | None) -> str:
    """The language of ``text`` from its script: 'ja' (any kana), 'ko' (more Hangul than
    Han), 'zh' (Han), else 'en'. Short queries of Han only are ambiguous; pass the
    reader's language instead where it is known."""
    if not text:
        return "en"
    if _KANA_CHAR.search(text):
        return "ja"
    hangul = len(_HANGUL_CHAR.findall(text))
    han = len(_HAN_CHAR.findall(text))
    if hangul and hangul >= han:
        return "ko"
    return "zh" if han else "en"


def base_language(language: str | None) -> str | None:
    """'zh-hans' -> 'zh', 'ja-JP' -> 'ja' (None stays None)."""
    return language.lower().split("-")[0].split("_")[0] if language else None


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


@lru_cache(maxsize=1)
def _fugashi():
    import fugashi  # with unidic-lite, its default dictionary

    return fugashi.Tagger()


# Verbs that carry grammar rather than meaning (する, いる, ある, なる, ...), as UniDic lemmas.
STOPWORDS_JA = frozenset("為る 居る 有る 成る 出来る 行く 来る 見る 言う 思う 事 物 為 所 時 様 其の 此の".split())
_JA_CONTENT = frozenset(("名詞", "動詞", "形容詞", "形状詞", "副詞"))


@lru_cache(maxsize=20_000)
def _japanese_words(run: str) -> tuple[tuple[str, int, int], ...]:
    out = []
    pos = 0
    for w in _fugashi()(run):
        pos += len(w.white_space)
        start, pos = pos, pos + len(w.surface)
        f = w.feature
        if f.pos1 not in _JA_CONTENT or f.pos2 in ("数詞",):
            continue
        lemma = (f.lemma or w.surface).split("-")[0]  # "リサイクル-recycle" -> "リサイクル"
        if lemma in STOPWORDS_JA or (f.pos1 == "動詞" and f.pos2 == "非自立可能"):
            continue
        term = w.surface if f.pos1 == "名詞" else lemma
        if len(term) == 1 and _KANA_CHAR.match(term):
            continue  # a lone kana is grammar, not a word
        out.append((term, start, pos))
    return tuple(out)


def reads_as_japanese(text: str) -> bool:
    """Whether Japanese's analyser reads ``text`` as Japanese words: it knows every
    word (UniDic has no 电动 or 垃圾, simplified Chinese) and does not cut a longer
    text into single characters only (厨余 -> 厨 / 余 is not a Japanese reading)."""
    words = [w for w in _fugashi()(text) if w.surface.strip()]
    if not words or any(w.is_unk for w in words):
        return False
    return len(text.strip()) == 1 or any(len(w.surface) > 1 for w in words)


class JapaneseTokenizer:
    """fugashi (MeCab) with UniDic-lite: content words, verbs and adjectives by lemma."""

    def tokens(self, run: str, known: Known | None = None) -> list[Token]:
        return [Token(term[:MAX_TERM], start, end) for term, start, end in _japanese_words(run)]


@lru_cache(maxsize=1)
def _kiwi():
    from kiwipiepy import Kiwi

    return Kiwi()


# Nouns, proper nouns, verb and adjective stems, roots, Chinese characters.
_KO_CONTENT = frozenset(("NNG", "NNP", "VV", "VA", "XR", "SH", "SL"))


@lru_cache(maxsize=20_000)
def _korean_words(run: str) -> tuple[tuple[str, int, int], ...]:
    out = []
    for t in _kiwi().tokenize(run):
        tag = str(t.tag).split("-")[0]  # "VV-R" (regular verb) -> "VV"
        if tag in _KO_CONTENT and t.form.strip():
            out.append((t.form, t.start, t.start + t.len))
    return tuple(out)


class KoreanTokenizer:
    """kiwipiepy: Korean morphemes; nouns and stems kept, particles and endings dropped."""

    def tokens(self, run: str, known: Known | None = None) -> list[Token]:
        return [Token(term[:MAX_TERM], start, end) for term, start, end in _korean_words(run)]


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

    def __init__(self, tokenizers: Sequence[tuple[str, Tokenizer]],
                 by_language: Mapping[str, Sequence[tuple[str, Tokenizer]]] | None = None):
        self.tokenizers = [t for _, t in tokenizers]
        self._runs = re.compile("|".join(f"({pattern})" for pattern, _ in tokenizers))
        # A language's own tokenisers come first in its texts (Han runs of a Japanese text).
        self._by_language = {
            lang: ([t for _, t in first] + self.tokenizers,
                   re.compile("|".join(f"({p})" for p, _ in [*first, *tokenizers])))
            for lang, first in (by_language or {}).items()}

    def tokens(self, text: str | None, known: Known | None = None, language: str | None = None) -> list[Token]:
        """Tokens of ``text`` written in ``language`` (None: detected from the text)."""
        if not text:
            return []
        tokenizers, runs = self.tokenizers, self._runs
        if self._by_language:
            lang = base_language(language) or detect_language(text)
            tokenizers, runs = self._by_language.get(lang, (tokenizers, runs))
        out: list[Token] = []
        for m in runs.finditer(text):
            group = m.lastindex or 1
            base = m.start()
            for t in tokenizers[group - 1].tokens(m.group(), known):
                out.append(Token(t.term, t.start + base, t.end + base, t.parts, t.grams))
        return out

    def adjacent(self, text: str, a: Token, b: Token) -> bool:
        """Whether two consecutive tokens form a phrase (no punctuation between them)."""
        return not _BREAK.search(text, a.end, b.start) if b.start > a.end else True


DEFAULT_ANALYZER = Analyzer([(HANGUL_RUN, KoreanTokenizer()), (HAN_RUN, ChineseTokenizer()),
                             (LATIN_RUN, EnglishTokenizer())],
                            by_language={"ja": [(JAPANESE_RUN, JapaneseTokenizer())]})
"""English, Chinese, Japanese and Korean."""

BILINGUAL_ANALYZER = Analyzer([(HAN_RUN, ChineseTokenizer()), (LATIN_RUN, EnglishTokenizer())])
"""English and Chinese only (the analyser before Japanese and Korean; for comparisons)."""


def tokenize(text: str | None, analyzer: Analyzer = DEFAULT_ANALYZER, language: str | None = None) -> list[str]:
    """Index terms of ``text`` in order (words only, without parts or grams).

    Parameters
    ----------
    text
        Any mix of English, Chinese, Japanese and Korean.
    analyzer
        Tokenisers to use; the four platform languages by default.
    language
        The language ``text`` is written in (None: detected from the text).
    """
    out = []
    for t in analyzer.tokens(text, language=language):
        out.append(t.term)
        out.extend(t.parts)
    return out
