"""The EU List of Waste in the reader's language.

The list (``data/ewc_codes.csv``) is published in English here; no official Chinese,
Japanese or Korean text exists. ``data/ewc_translations.csv`` holds the platform's own
translation of every chapter title, sub-chapter title and entry description: one row per
``(kind, key)`` and one column per language (``zh-hans``, ``ja``, ``ko``). A further
language is a further column; nothing else changes.

Pages show the translation with the official English beside it, because the English
wording (the Decision's) is what decides a classification.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from circularcities.core.errors import ValidationError
from circularcities.core.indicators.catalogue import DATA_DIR

TRANSLATIONS_FILE = "ewc_translations.csv"
KINDS = {"chapter": 2, "subchapter": 4, "entry": 6}
"""Kinds of row and the number of digits of their key."""


@dataclass(frozen=True)
class Text:
    """A text of the list; ``in_language`` is False when the reader's language has no
    translation and ``text`` is the English."""

    text: str
    in_language: bool
    english: str


def _language_key(language: str | None) -> str:
    lang = (language or "en").lower().replace("_", "-")
    if lang.startswith("zh"):
        return "zh-hans"
    return lang.split("-")[0]


@lru_cache(maxsize=1)
def translations() -> dict[str, dict[tuple[str, str], str]]:
    """``{language: {(kind, key): text}}`` from ``data/ewc_translations.csv`` (cached)."""
    path = DATA_DIR / TRANSLATIONS_FILE
    out: dict[str, dict[tuple[str, str], str]] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        languages = [c for c in (reader.fieldnames or []) if c not in ("kind", "key")]
        for lang in languages:
            out[lang] = {}
        for line, row in enumerate(reader, start=2):
            kind, key = row["kind"], row["key"]
            if KINDS.get(kind) != len(key) or not key.isdigit():
                raise ValidationError(f"{TRANSLATIONS_FILE} line {line}: expected a chapter (2 digits), "
                                      f"subchapter (4) or entry (6); got {kind!r} {key!r}.")
            for lang in languages:
                text = (row[lang] or "").strip()
                if text:
                    out[lang][(kind, key)] = text
    return out


def languages() -> tuple[str, ...]:
    """Languages the list is translated into (besides English)."""
    return tuple(translations())


def text(kind: str, key: str, english: str, language: str | None) -> Text:
    """The ``kind`` (chapter, subchapter or entry) ``key`` in ``language``, or the English."""
    lang = _language_key(language)
    if lang == "en":
        return Text(english, True, english)
    found = translations().get(lang, {}).get((kind, key))
    return Text(found, True, english) if found else Text(english, False, english)


def description(code: str, english: str, language: str | None) -> Text:
    """An entry's description (``code``: six digits, no spaces or asterisk)."""
    return text("entry", code, english, language)


def search_text(kind: str, key: str, english: str) -> str:
    """The English and every translation, lower case: what a search in any language matches."""
    parts = [english] + [t[(kind, key)] for t in translations().values() if (kind, key) in t]
    return " ".join(parts).lower()
