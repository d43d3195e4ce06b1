"""The Django admin as the secretariat's second door (issue #12).

Roles live in the accounts ``Profile``, not in ``is_staff``: this site asks
:func:`circularcities.accounts.permissions.is_secretariat`, and every model admin
(:mod:`circularcities.web.admin_base`) asks this site, so a city editor, a business or a
visitor never gets in and the secretariat needs no Django permission rows.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import resolve_url

from circularcities.accounts.permissions import is_secretariat, require_secretariat
from circularcities.web.admin_base import INDEX_TITLE, SITE_HEADER, SITE_TITLE


class SecretariatAdminSite(admin.AdminSite):
    site_header = SITE_HEADER
    site_title = SITE_TITLE
    index_title = INDEX_TITLE

    def has_permission(self, request) -> bool:
        return bool(request.user.is_active and is_secretariat(request.user))

    def login(self, request, extra_context=None):
        # One sign-in for the whole platform, with its lock-out and audit: the admin's own
        # form would admit by is_staff, which is not how roles are marked here.
        if request.user.is_authenticated:
            require_secretariat(request.user)  # a signed-in city editor gets the 403 page
            return super().login(request, extra_context)  # redirects to the index
        return redirect_to_login(request.GET.get("next") or resolve_url("admin:index"),
                                 resolve_url(settings.LOGIN_URL))
