"""The JSON API (django-ninja), with its OpenAPI schema at /api/openapi.json.

Reads are public where the data is published. Writes need a signed-in session
(with its CSRF token) or a personal token (``Authorization: Bearer cc_...``),
and then the same permission checks as the pages. Errors come back as
``{"detail": "<a sentence>", "errors": [...]}`` naming the field, with every
status an operation can answer documented in the schema.

A PATCH changes only the fields it sends, under a row lock. Single objects carry
an ``ETag``; send it back as ``If-Match`` and the change is refused with 412 if
someone changed the object since. Requests and failed token checks are rate
limited (429 with ``Retry-After``; see ``web/ratelimit.py``).
"""

from __future__ import annotations

import math
from importlib import import_module
from importlib.util import find_spec

from django.core.exceptions import PermissionDenied
from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled
from ninja.errors import ValidationError as NinjaValidationError
from ninja.renderers import JSONRenderer
from ninja.security import HttpBearer, SessionAuth

from circularcities.core.errors import CircularCitiesError, DataImportError
from circularcities.web.api_support import PreconditionFailed, StrictJSON
from circularcities.web.ratelimit import RequestRate, check_auth_failures, record_auth_failure


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        from circularcities.accounts.models import ApiToken

        check_auth_failures(request, token)
        user = ApiToken.authenticate(token)
        if user is not None:
            request.user = user
        else:
            record_auth_failure(request, token)
        return user


class SignedInSession(SessionAuth):
    """The browser's session, CSRF-checked, but only when someone is signed in.

    Ninja's session auth checks CSRF first, so an anonymous script got "CSRF check
    Failed" (403) instead of being told to sign in or send a token (401).
    """

    def _get_key(self, request):
        if not getattr(request.user, "is_authenticated", False):
            return None
        return super()._get_key(request)


write_auth = [TokenAuth(), SignedInSession()]

class FiniteJSON(JSONRenderer):
    """NaN and Infinity are not JSON: refuse to send them rather than emit a broken body."""

    json_dumps_params = {"allow_nan": False}


api = NinjaAPI(
    parser=StrictJSON(),
    renderer=FiniteJSON(),
    throttle=[RequestRate()],
    title="Circular Cities Platform API",
    version="1",
    description="Cities, thematic areas, working groups, events, the case library and the "
    "capabilities built on them. Units: tonnes, kg CO2e, km, ISO 4217 currencies, WGS84.",
    urls_namespace="api",
)


def _field_name(loc) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "payload", "form")]
    return ".".join(parts) or "input"


@api.exception_handler(NinjaValidationError)
def on_validation_error(request, exc):
    errors = []
    for err in exc.errors:
        field = _field_name(err.get("loc", ()))
        msg = err.get("msg", "is not valid")
        errors.append({"field": field, "message": msg})
    first = errors[0] if errors else {"field": "input", "message": "is not valid"}
    detail = f"Field '{first['field']}': {first['message']}."
    return api.create_response(request, {"detail": detail, "errors": errors}, status=422)


@api.exception_handler(DataImportError)
def on_import_error(request, exc):
    return api.create_response(request, {"detail": str(exc.problems[0]) if exc.problems else str(exc),
                                         "errors": [p.as_dict() for p in exc.problems]}, status=422)


@api.exception_handler(CircularCitiesError)
def on_domain_error(request, exc):
    return api.create_response(request, {"detail": str(exc), "errors": []}, status=422)


@api.exception_handler(PermissionDenied)
def on_permission_denied(request, exc):
    return api.create_response(request, {"detail": str(exc) or "You may not change this.",
                                         "errors": []}, status=403)


@api.exception_handler(AuthenticationError)
def on_auth_error(request, exc):
    return api.create_response(request, {"detail": "Sign in or send a personal API token to change data.",
                                         "errors": []}, status=401)


@api.exception_handler(PreconditionFailed)
def on_precondition_failed(request, exc):
    return api.create_response(request, {"detail": str(exc), "errors": []}, status=412)


@api.exception_handler(Throttled)
def on_throttled(request, exc):
    response = api.create_response(request, {"detail": "Too many requests; try again shortly.",
                                             "errors": []}, status=429)
    if getattr(exc, "wait", None):
        response["Retry-After"] = str(max(1, math.ceil(exc.wait)))
    return response


@api.exception_handler(HttpError)
def on_http_error(request, exc):
    detail = str(exc)
    if detail == "Cannot parse request body":
        detail = "The body must be a JSON object (numbers finite, no NaN or Infinity, no NUL in text)."
    return api.create_response(request, {"detail": detail, "errors": []}, status=exc.status_code)


@api.exception_handler(Http404)
def on_not_found(request, exc):
    return api.create_response(request, {"detail": str(exc) or "Not found.", "errors": []}, status=404)


for _app in ["coalition", "knowledge", "diagnosis", "planning", "marketplace", "logistics", "jobs"]:
    if find_spec(f"circularcities.{_app}.api") is not None:
        module = import_module(f"circularcities.{_app}.api")
        api.add_router(getattr(module, "PREFIX", f"/{_app}/"), module.router)
