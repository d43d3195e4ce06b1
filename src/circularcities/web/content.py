"""Content models written per language (django-parler), read the platform's way.

``TranslatedContent`` is the mixin for a ``TranslatableModel`` whose text people write:

- ``obj.t("name")`` is the text in the reader's language, English when it has none
  (``web/translated.py``; templates use ``{% translated obj "name" %}`` to show the
  fallback marked "not yet translated");
- ``legacy_fields = ("name", ...)`` gives ``name_en``, ``name_zh``, ``name_ja``, ``name_ko``
  attributes that read and write that language's translation (no fallback). Forms,
  imports and the API's per-language fields use them; queries cannot filter or order
  by them (filter on ``translations__name`` instead).
"""

from __future__ import annotations

from typing import Any

from circularcities.web.translated import translated, translation_row


def _suffixes() -> dict[str, str]:
    """Attribute suffix -> language code: en, zh (zh-hans), ja, ko."""
    from django.conf import settings

    codes = getattr(settings, "PLATFORM_LANGUAGES", None) or dict(settings.LANGUAGES)
    return {code.split("-")[0]: code for code in codes}


LEGACY_SUFFIXES = _suffixes()


def suffix(language: str) -> str:
    """The attribute suffix of a language code: 'zh-hans' -> 'zh'."""
    return language.split("-")[0]


def _legacy_property(field: str, language: str, empty: Any) -> property:
    def get(self):
        row = translation_row(self, language)
        value = getattr(row, field, None) if row is not None else None
        return empty() if value is None else value

    def set_(self, value):
        row = translation_row(self, language)
        if row is None:
            if value in (None, "", []):
                return
            row = self._get_translated_model(language, auto_create=True)  # type: ignore[attr-defined]
        setattr(row, field, empty() if value is None else value)

    return property(get, set_)


class TranslatedContent:
    legacy_fields: tuple[str, ...] = ()
    legacy_lists: tuple[str, ...] = ()  # legacy fields holding a list (keywords)

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        for field in cls.__dict__.get("legacy_fields", ()):
            empty = list if field in cls.__dict__.get("legacy_lists", ()) else str
            for suffix, language in LEGACY_SUFFIXES.items():
                setattr(cls, f"{field}_{suffix}", _legacy_property(field, language, empty))

    def __init__(self, *args, **kwargs):
        legacy = {k: kwargs.pop(k) for k in list(kwargs) if self._is_legacy(k)}
        super().__init__(*args, **kwargs)
        for name, value in legacy.items():
            setattr(self, name, value)

    @classmethod
    def _is_legacy(cls, name: str) -> bool:
        field, _sep, suffix = name.rpartition("_")
        return suffix in LEGACY_SUFFIXES and field in cls.legacy_fields

    def t(self, field: str, language: str | None = None) -> str:
        return translated(self, field, language).text

    def set_text(self, language: str, **fields) -> None:
        """Set translated fields in ``language`` (saved with the object's next save)."""
        row = (translation_row(self, language)
               or self._get_translated_model(language, auto_create=True))  # type: ignore[attr-defined]
        for name, value in fields.items():
            setattr(row, name, value)
