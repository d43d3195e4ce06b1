"""Accounts in the secretariat's admin, read-only: roles, memberships and invitations
change on the secretariat's own pages (which audit them), API tokens through
:mod:`circularcities.accounts.services`, and the audit log never changes.

Django's own ``User`` and ``Group`` admins are taken off: they would let anyone in the
admin set ``is_superuser`` or permissions, a way around the role rules in ``Profile``.
Token hashes are never shown.
"""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from circularcities.accounts import models as m
from circularcities.web.admin_base import ReadOnlyAdmin

for _model in (get_user_model(), Group):
    if admin.site.is_registered(_model):
        admin.site.unregister(_model)


@admin.register(m.Profile)
class ProfileAdmin(ReadOnlyAdmin):
    list_display = ("user", "role", "organisation")
    list_filter = ("role",)
    list_select_related = ("user", "organisation")
    search_fields = ("user__username", "user__email")


@admin.register(m.CityMembership)
class CityMembershipAdmin(ReadOnlyAdmin):
    list_display = ("user", "city", "level")
    list_filter = ("level", "city")
    list_select_related = ("user", "city")


@admin.register(m.Invitation)
class InvitationAdmin(ReadOnlyAdmin):
    list_display = ("email", "role", "created_at", "expires_at", "accepted_at")
    exclude = ("token_hash",)


@admin.register(m.ApiToken)
class ApiTokenAdmin(ReadOnlyAdmin):
    list_display = ("name", "user", "created_at", "expires_at", "last_used_at")
    exclude = ("token_hash",)


@admin.register(m.AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    pass
