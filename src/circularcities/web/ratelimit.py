"""Rate limits of the API: requests per token and per address, and failed token sign-ins.

Counted in fixed windows in Django's cache, so that the limits hold across
processes whenever the cache is shared (database, Redis or Memcached back ends);
the default local-memory cache counts per process. A caller over a limit gets
429 with ``Retry-After``. Limits come from ``settings.API_RATE_LIMITS``:
``{"requests": (count, seconds), "auth_failures": (count, seconds)}``.
"""

from __future__ import annotations

import hashlib
import math
import time

from django.conf import settings
from django.core.cache import cache
from ninja.errors import Throttled
from ninja.throttling import BaseThrottle

from circularcities.web.net import client_ip

DEFAULT_LIMITS = {
    # A script paging through every listing stays well within this; a runaway loop does not.
    "requests": (600, 60),
    # Ten wrong tokens a minute from one address or for one token, then wait.
    "auth_failures": (10, 60),
}


def _limit(kind: str) -> tuple[int, int]:
    limits = {**DEFAULT_LIMITS, **getattr(settings, "API_RATE_LIMITS", {})}
    count, seconds = limits[kind]
    return int(count), int(seconds)


def _address(request) -> str:
    # Behind a proxy, the address the proxy appended; never one the caller chose.
    return client_ip(request) or "unknown"


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()[:24]


def _window(seconds: int) -> tuple[int, float]:
    now = time.time()
    return int(now // seconds), seconds - (now % seconds)


def _count(key: str, seconds: int) -> int:
    """Add one to ``key`` in the current window and return the new count (atomic where the cache is)."""
    window, _left = _window(seconds)
    name = f"cc-rate:{key}:{window}"
    cache.add(name, 0, seconds + 1)
    try:
        return cache.incr(name)
    except ValueError:  # expired between add and incr
        cache.set(name, 1, seconds + 1)
        return 1


def _peek(key: str, seconds: int) -> int:
    window, _left = _window(seconds)
    return cache.get(f"cc-rate:{key}:{window}", 0)


def check_auth_failures(request, token: str) -> None:
    """Refuse to check any token from an address, or any use of a token, after too many failures."""
    count, seconds = _limit("auth_failures")
    for key in (f"fail-ip:{_address(request)}", f"fail-token:{_digest(token)}"):
        if _peek(key, seconds) >= count:
            raise Throttled(wait=math.ceil(_window(seconds)[1]))  # Retry-After is whole seconds


def record_auth_failure(request, token: str) -> None:
    _count(f"fail-ip:{_address(request)}", _limit("auth_failures")[1])
    _count(f"fail-token:{_digest(token)}", _limit("auth_failures")[1])


class RequestRate(BaseThrottle):
    """Requests per personal token when one was accepted, otherwise per address."""

    def allow_request(self, request) -> bool:
        count, seconds = _limit("requests")
        header = request.headers.get("Authorization", "")
        token = header[7:].strip() if header[:7].lower() == "bearer " else ""
        keys = [f"req-ip:{_address(request)}"]
        if token and getattr(request, "auth", None) is not None:
            keys.append(f"req-token:{_digest(token)}")
        over = [key for key in keys if _count(key, seconds) > count]
        return not over

    def wait(self) -> float | None:
        return _window(_limit("requests")[1])[1]
