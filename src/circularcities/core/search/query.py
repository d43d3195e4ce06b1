"""What a query asks for: its words (concepts), how many must match, its phrases."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from circularcities.core.search.tokenize import (
    DEFAULT_ANALYZER,
    Analyzer,
    Known,
    base_language,
    detect_language,
    reads_as_japanese,
)

# A query of one or two words needs all of them; longer ones need 75 % (rounded
# down), so one stray or misspelt word does not empty the results.
MSM_FRACTION = 0.75


@dataclass(frozen=True)
class Concept:
    """One query word: matched by the word itself, or by all of its parts.

    ``parts`` are shorter words inside a Chinese compound (食物 and 垃圾 in
    食物垃圾): a document that uses both but not the compound still matches.
    """

    term: str
    parts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Query:
    concepts: tuple[Concept, ...]
    phrases: tuple[str, ...]
    min_match: int

    @property
    def terms(self) -> dict[str, float]:
        """Every index term the query scores, with its weight (repeats add up)."""
        out: dict[str, float] = {}
        for c in self.concepts:
            for t in (c.term, *c.parts):
                out[t] = out.get(t, 0.0) + 1.0
        return out

    @property
    def highlight(self) -> frozenset[str]:
        return frozenset(t for c in self.concepts for t in (c.term, *c.parts))


def min_should_match(n: int) -> int:
    return n if n <= 2 else max(2, math.floor(MSM_FRACTION * n))


def phrase_term(a: str, b: str) -> str:
    """The index term for two adjacent words (terms never contain spaces)."""
    return f"{a} {b}"


def parse_query(text: str, analyzer: Analyzer = DEFAULT_ANALYZER, known: Known | None = None,
                language: str | None = None) -> Query:
    """Split a query into concepts (distinct words) and adjacent-word phrases, tokenised
    in ``language`` (the reader's; None: detected from the query)."""
    tokens = analyzer.tokens(text, known, language)
    concepts: dict[str, Concept] = {}
    phrases: list[str] = []
    for i, tok in enumerate(tokens):
        concepts.setdefault(tok.term, Concept(tok.term, tok.parts))
        if i and analyzer.adjacent(text, tokens[i - 1], tok):
            p = phrase_term(tokens[i - 1].term, tok.term)
            if p not in phrases:
                phrases.append(p)
    return Query(tuple(concepts.values()), tuple(phrases), min_should_match(len(concepts)))


# Languages whose text may be Han characters only: such a query reads as either.
HAN_LANGUAGES = ("zh", "ja")


def query_languages(text: str, language: str | None = None,
                    languages: Iterable[str] | None = None) -> list[str]:
    """The languages to read a query in, most likely first.

    Kana make a query Japanese, Hangul Korean, Latin letters only English: the
    script decides. Han characters alone are written alike in Chinese and
    Japanese (食品, 山口県), so such a query is read

    - in Chinese when the reader's ``language`` is Chinese;
    - in Japanese when the reader's language is Japanese and the text reads as
      Japanese (:func:`.tokenize.reads_as_japanese`: 电动公交 does not);
    - otherwise in both, Japanese only when it reads as Japanese.

    Only the platform's ``languages`` (None: all) are considered; a document
    matching any reading is a hit.
    """
    detected = detect_language(text)
    if detected != "zh":
        return [detected]
    configured = {base_language(c) for c in languages} if languages is not None else set(HAN_LANGUAGES)
    japanese = "ja" in configured and reads_as_japanese(text)
    reader = base_language(language)
    if reader == "zh" and "zh" in configured:
        return ["zh"]
    if reader == "ja" and japanese:
        return ["ja"]
    out = [lang for lang in HAN_LANGUAGES if lang in configured and (lang != "ja" or japanese)]
    return out or ["zh"]


def parse_queries(text: str, analyzer: Analyzer = DEFAULT_ANALYZER, known: Known | None = None,
                  language: str | None = None, languages: Iterable[str] | None = None) -> list[Query]:
    """Every distinct reading of ``text`` (see :func:`query_languages`), most likely first."""
    out: list[Query] = []
    for lang in query_languages(text, language, languages):
        q = parse_query(text, analyzer, known, lang)
        if q not in out:
            out.append(q)
    return out
