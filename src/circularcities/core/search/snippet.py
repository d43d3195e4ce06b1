"""Snippets with the query's words marked, as plain (text, marked) pieces.

The pieces are plain strings: the page escapes each and wraps marked ones in
``<mark>``, so no text is ever trusted as HTML.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from circularcities.core.search.tokenize import EnglishTokenizer

_ENGLISH = EnglishTokenizer()
_LATIN = re.compile(r"[A-Za-z0-9\u00c0-\u024f][A-Za-z0-9\u00c0-\u024f\-\.']*")
_LATIN_CHAR = re.compile(r"[A-Za-z0-9\u00c0-\u024f]")


def _as_written(term: str) -> bool:
    """Chinese, Japanese and Korean terms are found in the text as they are written
    (Korean stems inside their inflected words: 공유 in 공유하는); English ones are stems."""
    return " " not in term and not _LATIN_CHAR.search(term)


def _spans(text: str, terms: frozenset[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for term in terms:
        if _as_written(term):
            start = text.find(term)
            while start >= 0:
                spans.append((start, start + len(term)))
                start = text.find(term, start + len(term))
    for m in _LATIN.finditer(text):
        for tok in _ENGLISH.tokens(m.group()):
            if tok.term in terms:
                spans.append((m.start() + tok.start, m.start() + tok.end))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def snippet(text: str, terms: Iterable[str], width: int = 220) -> list[tuple[str, bool]]:
    """About ``width`` characters of ``text`` around its first match, split into pieces.

    Parameters
    ----------
    text
        Plain text (a summary).
    terms
        Index terms to mark (a parsed query's ``highlight``).
    width
        Characters to show, at least 40.

    Returns
    -------
    list of (str, bool)
        Consecutive pieces of the snippet; True for a matched word. An
        ellipsis piece starts or ends the list when the text was cut.
    """
    width = max(40, width)
    text = text or ""
    spans = _spans(text, frozenset(terms))
    start = 0
    if spans and spans[0][1] > width - 20:
        start = max(0, spans[0][0] - width // 4)
        # Begin at a word or sentence boundary when one is near.
        boundary = max(text.rfind(" ", 0, start + 1), text.rfind("。", 0, start + 1),
                       text.rfind("，", 0, start + 1))
        if boundary >= 0 and start - boundary < 30:
            start = boundary + 1
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start + width // 2, end)
        if space > 0:
            end = space
    pieces: list[tuple[str, bool]] = [("…", False)] if start > 0 else []
    pos = start
    for s, e in spans:
        if e <= start or s >= end:
            continue
        s, e = max(s, start), min(e, end)
        if s > pos:
            pieces.append((text[pos:s], False))
        pieces.append((text[s:e], True))
        pos = e
    if pos < end:
        pieces.append((text[pos:end], False))
    if end < len(text):
        pieces.append(("…", False))
    return pieces
