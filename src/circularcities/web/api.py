"""API plumbing shared by every app: how errors become answers.

Reads are public where the data is published. Writes need a signed-in session
(with its CSRF token) or a personal token (``Authorization: Bearer cc_...``,
see ``circularcities.accounts.auth``), and then the same permission checks as
the pages. Errors come back as ``{"detail": "<a sentence>", "errors": [...]}``
naming the field, with every status an operation can answer documented in the
schema. The API object itself is assembled in ``circularcities.site.api``.

A PATCH changes only the fields it sends, under a row lock. Single objects carry
an ``ETag``; send it back as ``If-Match`` and the change is refused with 412 if
someone changed the object since. Requests and failed token checks are rate
limited (429 with ``Retry-After``; see ``web/ratelimit.py``).
"""

from __future__ import annotations

import math

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled
from ninja.errors import ValidationError as NinjaValidationError
from ninja.renderers import JSONRenderer

from circularcities.core.errors import CircularCitiesError, DataImportError
from circularcities.core.i18n import Message
from circularcities.core.rules import FieldError
from circularcities.web.api_support import PreconditionFailed
from circularcities.web.fielderrors import api_body

_HANDLERS: list[tuple[type[Exception], object]] = []


def _handler(exc_class):
    def register(func):
        _HANDLERS.append((exc_class, func))
        return func
    return register


def install_error_handlers(api: NinjaAPI) -> None:
    """Answer every error the same way, on whichever API object the site builds."""
    for exc_class, func in _HANDLERS:
        api.add_exception_handler(exc_class, _bound(api, func))


def _bound(api, func):
    def handle(request, exc):
        return func(api, request, exc)
    return handle


class FiniteJSON(JSONRenderer):
    """NaN and Infinity are not JSON: refuse to send them rather than emit a broken body."""

    json_dumps_params = {"allow_nan": False}


def _field_name(loc) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "payload", "form")]
    return ".".join(parts) or "input"


@_handler(NinjaValidationError)
def on_validation_error(api, request, exc):
    errors = []
    for err in exc.errors:
        field = _field_name(err.get("loc", ()))
        msg = err.get("msg", "is not valid")
        errors.append({"field": field, "message": msg})
    first = errors[0] if errors else {"field": "input", "message": _("is not valid")}
    detail = _("Field '%(field)s': %(message)s.") % first
    return api.create_response(request, {"detail": detail, "errors": errors}, status=422)


@_handler(DataImportError)
def on_import_error(api, request, exc):
    return api.create_response(request, {"detail": str(exc.problems[0]) if exc.problems else str(exc),
                                         "errors": [p.as_dict() for p in exc.problems]}, status=422)


@_handler(FieldError)
def on_field_error(api, request, exc):
    return api.create_response(request, api_body(exc), status=422)


@_handler(HttpError)
def on_http_error(api, request, exc):
    # django-ninja wraps whatever the body parser raises in a 400 "Cannot parse request
    # body"; a control character refused by the parser is a field error like any other.
    if isinstance(exc.__cause__, FieldError):
        return on_field_error(api, request, exc.__cause__)
    detail = str(exc)
    if detail == "Cannot parse request body":
        detail = _("The body must be a JSON object (numbers finite, no NaN or Infinity, no NUL in text).")
    return api.create_response(request, {"detail": detail, "errors": []}, status=exc.status_code)


@_handler(PreconditionFailed)
def on_precondition_failed(api, request, exc):
    return api.create_response(request, {"detail": str(exc), "errors": []}, status=412)


@_handler(Throttled)
def on_throttled(api, request, exc):
    response = api.create_response(request, {"detail": _("Too many requests; try again shortly."),
                                             "errors": []}, status=429)
    if getattr(exc, "wait", None):
        response["Retry-After"] = str(max(1, math.ceil(exc.wait)))
    return response


@_handler(CircularCitiesError)
def on_domain_error(api, request, exc):
    # a core Message (e.g. a system definition refused) speaks the request's language
    detail = exc.args[0].render() if len(exc.args) == 1 and isinstance(exc.args[0], Message) else str(exc)
    return api.create_response(request, {"detail": detail, "errors": []}, status=422)


@_handler(PermissionDenied)
def on_permission_denied(api, request, exc):
    return api.create_response(request, {"detail": str(exc) or _("You may not change this."),
                                         "errors": []}, status=403)


@_handler(AuthenticationError)
def on_auth_error(api, request, exc):
    return api.create_response(request, {"detail": _("Sign in or send a personal API token to change data."),
                                         "errors": []}, status=401)


@_handler(Http404)
def on_not_found(api, request, exc):
    return api.create_response(request, {"detail": str(exc) or _("Not found."), "errors": []}, status=404)


