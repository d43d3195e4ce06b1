"""Content that people write, in the platform's languages.

Models keep such text with django-parler (``TranslatableModel`` with
``TranslatedFields``): one translation row per language, so adding a platform
language needs translations, not a schema change. A reader asking for a language
nobody has written yet gets the English text, marked as such, never an empty field.

    from circularcities.web.translated import translated
    t = translated(case, "title")          # in the active language
    t.text, t.language, t.is_fallback

In templates: ``{% translated case "title" %}`` (``web/templatetags/platform.py``)
prints the text and, when it fell back to English, a visible "not yet translated".
Models that still hold ``<field>_en`` / ``<field>_zh`` columns are read the same way
until they move to parler.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import get_language


@dataclass(frozen=True)
class Translated:
    text: str
    language: str  # the language the text is in
    is_fallback: bool  # True when the reader's language had no text

    def __str__(self) -> str:
        return self.text


def reader_language(language: str | None = None) -> str:
    """The platform language for ``language`` (or the active one): 'zh-cn' -> 'zh-hans'."""
    code = (language or get_language() or settings.LANGUAGE_CODE).lower()
    codes = [c for c, _name in settings.LANGUAGES]
    if code in codes:
        return code
    base = code.split("-")[0]
    for c in codes:
        if c.split("-")[0] == base:
            return c
    return settings.LANGUAGE_CODE


def translated(obj, field: str, language: str | None = None) -> Translated:
    lang = reader_language(language)
    default = settings.LANGUAGE_CODE
    if obj is None:
        return Translated("", lang, False)
    if hasattr(obj, "safe_translation_getter"):  # a parler TranslatableModel
        prefetched = _prefetched(obj)
        if prefetched is not None:  # read the prefetched rows: no query per missing language
            own = getattr(prefetched.get(lang), field, "") or ""
            if own or lang == default:
                return Translated(own, lang, False)
            english = getattr(prefetched.get(default), field, "") or ""
            return Translated(english, default, bool(english))
        own = ""
        if obj.has_translation(lang):
            own = getattr(obj.get_translation(lang), field, "") or ""
        if own or lang == default:
            return Translated(own, lang, False)
        english = ""
        if obj.has_translation(default):
            english = getattr(obj.get_translation(default), field, "") or ""
        return Translated(english, default, bool(english))
    # Legacy two-column content: <field>_en and <field>_zh.
    own = getattr(obj, f"{field}_{lang.split('-')[0]}", "") or ""
    if own or lang == default:
        return Translated(own, lang, False)
    english = getattr(obj, f"{field}_en", "") or ""
    return Translated(english, default, bool(english))


def _prefetched(obj) -> dict | None:
    """``{language: translation}`` when the query prefetched ``translations``, else None."""
    rows = getattr(obj, "_prefetched_objects_cache", {}).get("translations")
    if rows is None:
        return None
    return {row.language_code: row for row in rows}
