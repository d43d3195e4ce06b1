"""Roles and memberships.

A user has one role. City editors and city members are tied to cities by
:class:`CityMembership`; businesses and partners to an organisation.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    SECRETARIAT = "secretariat", _("Secretariat")
    CITY = "city", _("City official")
    PARTNER = "partner", _("Partner")
    BUSINESS = "business", _("Business")
    PUBLIC = "public", _("Public visitor")


class Profile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="profile")
    role = models.CharField(max_length=12, choices=Role.choices, default=Role.PUBLIC)
    organisation = models.ForeignKey("coalition.Partner", null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="people")
    language = models.CharField(max_length=10, blank=True)

    def __str__(self):
        return f"{self.user} ({self.role})"


class CityMembership(models.Model):
    """A person's standing in one city: an editor changes its data, a member reads drafts."""

    class Level(models.TextChoices):
        EDITOR = "editor", _("Editor")
        MEMBER = "member", _("Member")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="city_memberships")
    city = models.ForeignKey("coalition.City", on_delete=models.CASCADE, related_name="memberships")
    level = models.CharField(max_length=8, choices=Level.choices, default=Level.EDITOR)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "city"], name="one_membership_per_city")]

    def __str__(self):
        return f"{self.user} – {self.city} ({self.level})"


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Invitation(models.Model):
    """An invitation the secretariat sends; only a hash of the token is stored."""

    email = models.EmailField()
    role = models.CharField(max_length=12, choices=Role.choices)
    cities = models.ManyToManyField("coalition.City", blank=True)
    organisation = models.ForeignKey("coalition.Partner", null=True, blank=True,
                                     on_delete=models.SET_NULL)
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                      on_delete=models.SET_NULL, related_name="+")

    @classmethod
    def issue(cls, **fields) -> tuple[Invitation, str]:
        token = secrets.token_urlsafe(32)
        inv = cls.objects.create(token_hash=_hash(token),
                                 expires_at=timezone.now() + timedelta(days=14), **fields)
        return inv, token

    @classmethod
    def find(cls, token: str) -> Invitation | None:
        return cls.objects.filter(token_hash=_hash(token)).first()

    @property
    def usable(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()


LAST_USED_RESOLUTION = timedelta(minutes=1)


class ApiToken(models.Model):
    """A personal token for scripts calling the API (``Authorization: Bearer ...``)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="api_tokens")
    name = models.CharField(max_length=80)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    # Chosen when the token is made; an expired token is refused (None: made before expiry existed).
    expires_at = models.DateTimeField(null=True, blank=True)

    @classmethod
    def issue(cls, user, name: str, days: int | None = None) -> tuple[ApiToken, str]:
        token = "cc_" + secrets.token_urlsafe(32)
        expires = timezone.now() + timedelta(days=days) if days else None
        return cls.objects.create(user=user, name=name, token_hash=_hash(token), expires_at=expires), token

    @property
    def expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()

    @classmethod
    def authenticate(cls, token: str):
        found = cls.objects.select_related("user").filter(token_hash=_hash(token)).first()
        if found is None or not found.user.is_active or found.expired:
            return None
        now = timezone.now()
        # At most one write a minute per token: a busy script must not make every request a write.
        if found.last_used_at is None or now - found.last_used_at >= LAST_USED_RESOLUTION:
            stale = Q(last_used_at__isnull=True) | Q(last_used_at__lt=now - LAST_USED_RESOLUTION)
            cls.objects.filter(stale, pk=found.pk).update(last_used_at=now)
        return found.user


class AuditEvent(models.Model):
    """One security event: who, what, when, from where. Only the secretariat reads these."""

    class Kind(models.TextChoices):
        SIGN_IN = "sign_in", _("Signed in")
        SIGN_IN_FAILED = "sign_in_failed", _("Failed sign-in")
        LOCKED_OUT = "locked_out", _("Locked out")
        SIGN_OUT = "sign_out", _("Signed out")
        PASSWORD_CHANGED = "password_changed", _("Password changed")
        PASSWORD_RESET = "password_reset", _("Password reset")
        TOKEN_CREATED = "token_created", _("API token created")
        TOKEN_REVOKED = "token_revoked", _("API token revoked")
        INVITATION_SENT = "invitation_sent", _("Invitation sent")
        INVITATION_ACCEPTED = "invitation_accepted", _("Invitation accepted")
        ROLE_CHANGED = "role_changed", _("Role changed")
        MEMBERSHIP_ADDED = "membership_added", _("City membership added")
        MEMBERSHIP_CHANGED = "membership_changed", _("City membership changed")
        MEMBERSHIP_REMOVED = "membership_removed", _("City membership removed")

    kind = models.CharField(max_length=24, choices=Kind.choices)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    # The account the event is about, and the user name as typed or as it was (kept when
    # the account is deleted, and for failed sign-ins with names that match no account).
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="audit_events")
    username = models.CharField(max_length=150, blank=True, db_index=True)
    # Who did it when that is someone else (the secretariat changing a role); empty: the
    # person themselves, or the command line.
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+")
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    detail = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["kind", "created_at"], name="audit_kind_time")]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.kind} {self.username}"


class Notification(models.Model):
    """A message in a user's inbox, written in the user's language when it was sent
    (a proposal to answer, a counter-offer, an accepted deal, ...); also e-mailed."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="notifications")
    text = models.CharField(max_length=500)
    url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "read_at"], name="notification_unread")]

    def __str__(self):
        return self.text
