"""Messages of ``core`` in every platform language, without Django.

English text is the key. Translations live in gettext catalogues beside this
module, ``core/locale/<locale>/LC_MESSAGES/core.po`` compiled to ``core.mo``
(``python scripts/i18n.py extract core`` collects every ``Msg("...")`` and
``Message("...")`` of core into them), and are read with the standard library's
:mod:`gettext`. Adding a platform language therefore needs a catalogue, never a
code change; a language without one gets the English text.

The language of a message is the one passed in (``Msg.render(lang)``), or else
the one the host application says is active: the web layer installs a
provider with :func:`use_language_provider` (Django's ``get_language``), so a
``str(problem)`` built in a request speaks the reader's language.

    >>> Message("Row %(row)d is empty.", row=3)
    'Row 3 is empty.'
    >>> Message("Row %(row)d is empty.", row=3).render("en")
    'Row 3 is empty.'
"""

from __future__ import annotations

import gettext
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "core"
DEFAULT = "en"

_provider: list[Callable[[], str | None]] = [lambda: None]


def use_language_provider(provider: Callable[[], str | None]) -> None:
    """Tell core how to find the active language (the web app passes ``get_language``)."""
    _provider[0] = provider


def active_language() -> str:
    return _provider[0]() or DEFAULT


def to_locale(language: str) -> str:
    """'zh-hans' -> 'zh_Hans', 'en-gb' -> 'en_GB', 'ja' -> 'ja' (as Django names locale folders)."""
    lang, _sep, country = language.lower().partition("-")
    if not country:
        return lang
    return f"{lang}_{country.title() if len(country) > 2 else country.upper()}"


@lru_cache(maxsize=32)
def catalogue(language: str) -> gettext.NullTranslations:
    """The compiled catalogue for ``language`` ('zh-cn' finds zh_Hans; unknown: no catalogue)."""
    locale = to_locale(language)
    candidates = [locale]
    base = locale.split("_")[0]
    if base == "zh" and locale not in ("zh_Hant", "zh_TW", "zh_HK"):
        candidates.append("zh_Hans")
    candidates.append(base)
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=candidates, fallback=True)


def languages() -> list[str]:
    """Locale folders that hold a compiled core catalogue."""
    return sorted(p.parent.parent.name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.mo"))


def translate(text: str, language: str | None = None) -> str:
    """``text`` (the English key) in ``language`` (default: the active one)."""
    lang = (language or active_language()).lower()
    if not text or lang == DEFAULT or lang.startswith(DEFAULT + "-"):
        return text
    return catalogue(lang).gettext(text)


class Message(str):
    """A sentence with parameters that can be rendered again in any language.

    It *is* its English text (so it can go wherever a ``str`` went), and
    :meth:`render` gives it in another language. Parameters that are themselves
    ``Message`` objects are rendered in the same language.
    """

    template: str
    params: dict

    def __new__(cls, template: str, /, **params) -> Message:
        self = super().__new__(cls, _fill(template, params, DEFAULT))
        self.template = template
        self.params = params
        return self

    def render(self, language: str | None = None) -> str:
        lang = language or active_language()
        return _fill(translate(self.template, lang), self.params, lang)

    def __reduce__(self):  # pickles (job results) keep the template and parameters
        return (_rebuild, (self.template, self.params))


def _rebuild(template: str, params: dict) -> Message:
    return Message(template, **params)


def _fill(template: str, params: dict, language: str) -> str:
    if not params:
        return template
    values = {k: (v.render(language) if isinstance(v, Message) else v) for k, v in params.items()}
    return template % values


def N_(text: str) -> str:
    """Mark ``text`` for core's catalogues without translating it (data defined in core,
    translated where it is shown with :func:`translate`)."""
    return text


def render(text: str, language: str | None = None) -> str:
    """``text`` in ``language`` if it is a :class:`Message`, else unchanged."""
    return text.render(language) if isinstance(text, Message) else text
