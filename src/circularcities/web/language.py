"""Which language a visitor sees, and the address of the same page in every other one.

The platform's languages are a setting (settings.LANGUAGES, from
CIRCULARCITIES_LANGUAGES). English pages have no prefix; every other language
lives under its code (/zh-hans/, /ja/, /ko/). A visitor who comes to an
unprefixed page while preferring another language (the one they chose earlier,
kept in the language cookie, or else what their browser asks for) is sent to
the address of the same page in that language.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.http import HttpResponseRedirect
from django.middleware.locale import LocaleMiddleware
from django.urls import get_script_prefix, is_valid_path
from django.utils import translation
from django.utils.cache import patch_vary_headers

# How each language names itself on the switch, and its BCP 47 tag (hreflang, lang=).
# A language missing here falls back to settings.PLATFORM_LANGUAGES and its code.
NAMES = {"en": "English", "zh-hans": "中文", "ja": "日本語", "ko": "한국어"}
HREFLANG = {"en": "en", "zh-hans": "zh-Hans", "ja": "ja", "ko": "ko"}


def name(code: str) -> str:
    return NAMES.get(code) or dict(getattr(settings, "PLATFORM_LANGUAGES", {})).get(code, code)


def hreflang(code: str) -> str:
    return HREFLANG.get(code, code)


def short(code: str) -> str:
    """The code without its script or region ("zh-hans" -> "zh"), for test ids and file names."""
    return code.split("-")[0]


def codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def unprefixed(path: str) -> str:
    """``path`` without its language prefix ("/zh-hans/cases/" -> "/cases/")."""
    for code in codes():
        if path == f"/{code}" or path.startswith(f"/{code}/"):
            return path[len(code) + 1:] or "/"
    return path


def language_path(path: str, lang: str) -> str:
    """The same page (a path with no script prefix) in ``lang``."""
    path = unprefixed(path)
    return path if lang == settings.LANGUAGE_CODE else f"/{lang}{path}"


def language_links(request) -> list[dict]:
    """For the switch on every page: each configured language and the same page in it.

    The switch link goes through Django's set_language view so the choice is kept in
    the language cookie; ``url`` is the direct address (for ``<link rel=alternate>``).
    """
    current = translation.get_language() or settings.LANGUAGE_CODE
    full = request.get_full_path_info()
    path, sep, query = full.partition("?")
    prefix = get_script_prefix().rstrip("/")
    links = []
    for code in codes():
        direct = language_path(path, code) + (sep + query if query else "")
        switch = f"{prefix}/i18n/setlang/?" + urlencode({"language": code, "next": direct})
        links.append({"code": code, "short": short(code), "name": name(code), "hreflang": hreflang(code),
                      "url": prefix + direct, "switch_url": switch, "current": code == current})
    return links


def other_language(request) -> dict:
    """The first language that is not the current one (kept for older templates)."""
    links = language_links(request)
    return next((link for link in links if not link["current"]), links[0])


class PreferredLanguageMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, plus: unprefixed pages follow the visitor's preference."""

    def process_request(self, request):
        super().process_request(request)
        if request.method not in ("GET", "HEAD"):
            return None
        urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
        i18n_used, _prefixed_default = is_language_prefix_patterns_used(urlconf)
        if not i18n_used or translation.get_language_from_path(request.path_info):
            return None
        preferred = translation.get_language_from_request(request, check_path=False)
        if preferred == settings.LANGUAGE_CODE or preferred not in codes():
            return None
        target = f"/{preferred}{request.path_info}"
        with translation.override(preferred):  # the prefix pattern matches the active language
            valid = is_valid_path(target, urlconf)
        if not valid:
            return None  # not a page (API, health check) or not a page in that language
        query = request.META.get("QUERY_STRING", "")
        response = HttpResponseRedirect(get_script_prefix().rstrip("/") + target
                                        + (f"?{query}" if query else ""))
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        return response

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if not translation.get_language_from_path(request.path_info):
            # The same unprefixed address answers differently by cookie and browser language.
            patch_vary_headers(response, ("Accept-Language", "Cookie"))
        return response
