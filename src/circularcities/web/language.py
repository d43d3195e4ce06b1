"""Which language a visitor sees, and the address of the same page in the other one.

English pages have no prefix, Chinese ones live under /zh-hans/. A visitor who
comes to an unprefixed page while preferring Chinese (the language they chose
earlier, kept in the language cookie, or else what their browser asks for) is
sent to the Chinese address of the same page.
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

NAMES = {"en": "English", "zh-hans": "中文"}
HREFLANG = {"en": "en", "zh-hans": "zh-Hans"}


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


def other_language(request) -> dict:
    """For the switch on every page: the other language and the address to switch to it."""
    current = translation.get_language() or settings.LANGUAGE_CODE
    other = next((c for c in codes() if c != current), settings.LANGUAGE_CODE)
    full = request.get_full_path_info()
    path, sep, query = full.partition("?")
    direct = language_path(path, other) + (sep + query if query else "")
    prefix = get_script_prefix().rstrip("/")
    switch = f"{prefix}/i18n/setlang/?" + urlencode({"language": other, "next": direct})
    return {"code": other, "name": NAMES.get(other, other), "hreflang": HREFLANG.get(other, other),
            "url": prefix + direct, "switch_url": switch}


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
