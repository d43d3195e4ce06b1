"""Writes for accounts: personal API tokens. Forms, pages and commands all call these."""

from __future__ import annotations

from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from circularcities.accounts.audit import audit_record
from circularcities.accounts.models import ApiToken, AuditEvent

# A token lives as long as its owner chose when making it; never longer than a year.
TOKEN_DAYS = [(7, _("7 days")), (30, _("30 days")), (90, _("90 days")), (365, _("1 year"))]
DEFAULT_TOKEN_DAYS = 90


def api_token_create(*, user, name: str, days: int) -> tuple[ApiToken, str]:
    """A new token for ``user``; returns it and the secret, which is shown once and never stored."""
    if days not in dict(TOKEN_DAYS):
        raise ValueError(f"days must be one of {sorted(dict(TOKEN_DAYS))}")
    with transaction.atomic():
        token, raw = ApiToken.issue(user, (name.strip() or "script")[:80], days=days)
        audit_record(AuditEvent.Kind.TOKEN_CREATED, user=user,
                     detail=f"{token.name} (expires {token.expires_at:%Y-%m-%d})")
    return token, raw


def api_token_revoke(*, user, token_id: int) -> None:
    """Revoke one of ``user``'s own tokens; another person's token is not found (404)."""
    with transaction.atomic():
        token = ApiToken.objects.select_for_update().filter(pk=token_id, user=user).first()
        if token is None:
            raise Http404("No such token.")
        name = token.name
        token.delete()
        audit_record(AuditEvent.Kind.TOKEN_REVOKED, user=user, detail=name)


def invitation_send(*, inviter, email: str, role: str, cities=(), organisation=None, link_for, request=None,
                    language: str | None = None):
    """Invite a person with a role (the one write path: the invitation page, the back office).

    ``link_for(token)`` makes the absolute link to accept it. The e-mail goes out in
    ``language`` (the inviter's page language by default). Returns the invitation.
    """
    from django.core.mail import send_mail
    from django.utils import translation
    from django.utils.translation import gettext

    from circularcities.accounts.models import Invitation
    from circularcities.accounts.permissions import require_invite

    require_invite(inviter)
    with transaction.atomic():
        inv, token = Invitation.issue(email=email, role=role, organisation=organisation, invited_by=inviter)
        inv.cities.set(list(cities or []))
        audit_record(AuditEvent.Kind.INVITATION_SENT, actor=inviter, request=request,
                     username=inv.email, detail=f"{inv.role}: {inv.email}")
    with translation.override(language or translation.get_language()):
        send_mail(
            subject=gettext("Invitation to the Circular Cities Platform"),
            message=gettext("You are invited to the Circular Cities Platform as %(role)s.\n\n"
                            "Open this link within 14 days to create your account:\n%(link)s\n")
            % {"role": inv.get_role_display(), "link": link_for(token)},
            from_email=None, recipient_list=[inv.email])
    return inv
