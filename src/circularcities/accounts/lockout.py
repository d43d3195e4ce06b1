"""Sign-in rate limiting (django-axes): the client address and the lock-out page.

The lock-out answer is the same whether or not the account exists, so it tells
nobody which user names are real.
"""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext as _


def client_ip(request) -> str | None:
    """The caller's address; behind a proxy, the one the proxy appended last.

    Only the right-most X-Forwarded-For entry was written by our own proxy; the
    ones before it come from the client and could be forged to dodge the limit.
    """
    if getattr(settings, "BEHIND_PROXY", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        last = forwarded.split(",")[-1].strip()
        if last:
            return last
    return request.META.get("REMOTE_ADDR")


def cool_off_minutes() -> int:
    cool_off = settings.AXES_COOLOFF_TIME
    return max(1, int(cool_off.total_seconds() // 60)) if cool_off else 0


def lockout_response(request, original_response=None, credentials=None):
    from django.contrib.auth.forms import AuthenticationForm

    message = _("Too many failed sign-in attempts. Wait %(minutes)s minutes, then try again, "
                "or reset your password.") % {"minutes": cool_off_minutes()}
    return render(request, "accounts/login.html",
                  {"form": AuthenticationForm(request), "lockout_message": message,
                   "next": request.POST.get("next", "")}, status=429)
