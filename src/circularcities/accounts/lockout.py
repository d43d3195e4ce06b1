"""Sign-in rate limiting (django-axes): the client address and the lock-out page.

The lock-out answer is the same whether or not the account exists, so it tells
nobody which user names are real.
"""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext as _

from circularcities.web.net import client_ip

__all__ = ["client_ip", "cool_off_minutes"]


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
