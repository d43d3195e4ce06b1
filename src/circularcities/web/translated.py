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
        # Prefetched translations (``prefetch_related("translations")``) cost no query.
        own = _text(getattr(translation_row(obj, lang), field, ""))
        if own or lang == default:
            return Translated(own, lang, False)
        english = _text(getattr(translation_row(obj, default), field, ""))
        return Translated(english, default, bool(english))
    # Legacy two-column content: <field>_en and <field>_zh.
    own = getattr(obj, f"{field}_{lang.split('-')[0]}", "") or ""
    if own or lang == default:
        return Translated(own, lang, False)
    english = getattr(obj, f"{field}_en", "") or ""
    if english:
        return Translated(english, default, True)
    for code, _name in settings.LANGUAGES:  # written only in another language: show that one, marked
        other = getattr(obj, f"{field}_{code.split('-')[0]}", "") or ""
        if other:
            return Translated(other, code, True)
    return Translated("", default, False)


def marked(obj, field: str, language: str | None = None) -> str:
    """Plain text (exports, form choices): the text in the reader's language or the
    English one followed by "(not yet translated)" in the reader's language."""
    from django.utils.translation import gettext, override

    t = translated(obj, field, language)
    if not t.is_fallback:
        return t.text
    with override(reader_language(language)):
        return f"{t.text} ({gettext('not yet translated')})"


def _text(value) -> str:
    """A translated value as text (lists, such as keywords, joined with commas)."""
    if not value:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return str(value)


def translation_row(obj, language: str):
    """The translation row of ``obj`` in ``language``, or None: prefetched rows first,
    then the object's own cache, then one query (remembered when missing)."""
    from parler.models import TranslationDoesNotExist
    from parler.utils.i18n import normalize_language_code

    language = normalize_language_code(language)
    model = obj._parler_meta.root_model
    cache = obj._translations_cache[model]
    if language in cache:
        row = cache[language]
        return row if row and not _missing(row) else None
    prefetched = obj._get_prefetched_translations()
    if prefetched is not None:
        for row in prefetched:
            if row.language_code == language:
                cache[language] = row
                return row
        return None
    if obj.pk is None or obj._state.adding:
        return None
    try:
        return obj._get_translated_model(language, use_fallback=False, auto_create=False)
    except (TranslationDoesNotExist, model.DoesNotExist):
        return None


def _missing(row) -> bool:
    from parler.models import is_missing

    return is_missing(row)
