"""Middleware of the shared base."""

from __future__ import annotations

from django.utils import translation


class ApiLanguageMiddleware:
    """Answer API clients in the language they ask for.

    Pages carry their language in the URL (``/zh-hans/...``), so Django's
    LocaleMiddleware treats every unprefixed path as English. The API has no
    prefix: there the language comes from the cookie or ``Accept-Language``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith("/api/"):
            return self.get_response(request)
        language = translation.get_language_from_request(request, check_path=False)
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
