"""Who is calling: the client address, as the rate limits and the audit log see it."""

from __future__ import annotations

from django.conf import settings


def client_ip(request) -> str | None:
    """The caller's address; behind a proxy (``BEHIND_PROXY=1``), the one the proxy appended last.

    Only the right-most X-Forwarded-For entry was written by our own proxy; the
    ones before it come from the client and could be forged to dodge a limit.
    """
    if getattr(settings, "BEHIND_PROXY", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        last = forwarded.split(",")[-1].strip()
        if last:
            return last
    return request.META.get("REMOTE_ADDR")
