"""Content written in two languages: ``<field>_en`` and ``<field>_zh``."""

from __future__ import annotations

from django.utils.translation import get_language


def is_chinese(language: str | None = None) -> bool:
    return (language or get_language() or "en").lower().startswith("zh")


def pick(obj, field: str, language: str | None = None) -> str:
    """The text of ``field`` in the active language, falling back to the other.

    Content moved to django-parler is read through :func:`web.translated.translated`
    (English when the reader's language has none).
    """
    if hasattr(obj, "safe_translation_getter"):
        from circularcities.web.translated import translated

        return translated(obj, field, language).text
    en = getattr(obj, f"{field}_en", "") or ""
    zh = getattr(obj, f"{field}_zh", "") or ""
    if is_chinese(language):
        return zh or en
    return en or zh


class Bilingual:
    """Mixin: ``obj.t('name')`` gives the field in the active language."""

    def t(self, field: str) -> str:
        return pick(self, field)

    @property
    def name(self) -> str:
        return pick(self, "name")

    @property
    def title(self) -> str:
        return pick(self, "title")
