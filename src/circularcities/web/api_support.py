"""Pieces every API router shares: the error schema and the statuses it documents,
bounded ids, a strict JSON body parser, and ETag / If-Match for partial updates.

Kept apart from ``web/api.py`` so that routers can import them while that module
is still importing the routers.
"""

from __future__ import annotations

import hashlib
import json
import math
from typing import Annotated, Any

from django.db import models
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from ninja import Path, Schema
from ninja.errors import HttpError
from ninja.parser import Parser

# The largest id a 64-bit signed integer column holds (PostgreSQL bigint, SQLite integer).
MAX_ID = 2**63 - 1

#: A path id: larger or smaller values are a 422, never a database overflow.
Id = Annotated[int, Path(..., ge=1, le=MAX_ID)]


class ErrorItem(Schema):
    field: str | None = None
    message: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    text: str | None = None


class ErrorOut(Schema):
    """Every error: a sentence, and one entry per field or cell at fault."""

    detail: str
    errors: list[ErrorItem]


def responses(ok: Any, *codes: int, status: int = 200, write: bool = False) -> dict[int, Any]:
    """The response declaration of an operation: its success schema and every error it can answer.

    All operations can answer 400 (a body that is not a JSON object, or NUL in text),
    422 (a parameter out of bounds) and 429 (rate limit); writes also 401 (no valid
    token or session) and 403 (not allowed); ``codes`` adds the rest (404 for a
    lookup, 412 for If-Match).
    """
    errors = {400, 422, 429, *codes}
    if write:
        errors |= {401, 403}
    return {status: ok, **dict.fromkeys(sorted(errors), ErrorOut)}


NUL_MESSAGE = "Text cannot contain the NUL character (\\u0000)."


def _has_nul(value) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_nul(v) for v in value)
    return False


class StrictJSON(Parser):
    """JSON bodies must be objects, and NaN or Infinity are not numbers the API accepts.

    Python's json module reads ``NaN`` and ``Infinity`` (not JSON); a body ``[]``
    would otherwise pass as an object with no fields set; and PostgreSQL refuses
    text with NUL characters (a server error instead of a 400).
    """

    def parse_body(self, request: HttpRequest):
        def reject(constant):
            raise ValueError(f"{constant} is not a JSON number")

        data = json.loads(request.body, parse_constant=reject)
        if not isinstance(data, dict):
            raise ValueError("expected a JSON object")
        if _has_nul(data):
            raise ValueError(NUL_MESSAGE)
        return data

    def parse_querydict(self, data, list_fields, request):
        if any(_has_nul(k) or _has_nul(v) for k, v in data.lists()):
            raise HttpError(400, NUL_MESSAGE)
        return super().parse_querydict(data, list_fields, request)


class RejectNulInApiPaths:
    """Middleware: an API path with a NUL character is a 400, not a database error."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/api/") and "\x00" in request.path:
            return JsonResponse({"detail": NUL_MESSAGE, "errors": []}, status=400)
        return self.get_response(request)


def finite(value: float | None) -> float | None:
    """A float the JSON output can carry: non-finite values become null."""
    if value is None or not math.isfinite(value):
        return None
    return value


# -- ETag and If-Match -------------------------------------------------------


class PreconditionFailed(Exception):
    """The If-Match header names a version that is no longer the current one (412)."""


def etag(instance: models.Model) -> str:
    """A strong ETag of a row: a digest of its stored field values."""
    values = [(f.attname, str(getattr(instance, f.attname))) for f in instance._meta.concrete_fields]
    digest = hashlib.sha256(json.dumps(values, sort_keys=True).encode()).hexdigest()[:32]
    return f'"{digest}"'


def lock(request: HttpRequest, queryset: models.QuerySet, **lookup) -> Any:
    """The row, locked until the end of the caller's transaction; 404 if missing, 412 if stale.

    Call inside ``transaction.atomic()``: the lock makes concurrent partial updates
    of one row wait for each other, so each reads the other's committed change.
    """
    instance = queryset.select_for_update(of=("self",)).filter(**lookup).first()
    if instance is None:
        raise Http404(f"No {queryset.model._meta.verbose_name} matches the given query.")
    check_if_match(request, instance)
    return instance


def check_if_match(request: HttpRequest, instance: models.Model) -> None:
    wanted = request.headers.get("If-Match")
    if not wanted or wanted.strip() == "*":
        return
    current = etag(instance)
    tags = [t.strip().removeprefix("W/") for t in wanted.split(",")]
    if current not in tags:
        raise PreconditionFailed(f"It changed since you read it (ETag now {current}); "
                                 "read it again and resend your change.")


def with_etag(response: HttpResponse, instance: models.Model) -> None:
    """Set the ETag of the row as stored (read again, so that it matches the next GET's)."""
    stored = type(instance)._default_manager.filter(pk=instance.pk).first()
    if stored is not None:
        response["ETag"] = etag(stored)
