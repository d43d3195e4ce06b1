"""What a query asks for: its words (concepts), how many must match, its phrases."""

from __future__ import annotations

import math
from dataclasses import dataclass

from circularcities.core.search.tokenize import DEFAULT_ANALYZER, Analyzer, Known

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
