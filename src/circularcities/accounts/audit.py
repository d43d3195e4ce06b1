"""The security audit log: one function writes it, signals and views call it.

The request being served is kept in a context variable by :class:`AuditContextMiddleware`,
so events raised deep inside a save (a role changed, a membership added) still know who
did it and from where. Outside a request (the command line) the actor is empty.
"""

from __future__ import annotations

import ipaddress
from contextvars import ContextVar

from circularcities.accounts.models import AuditEvent

_request: ContextVar = ContextVar("circularcities_audit_request", default=None)


class AuditContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request.set(request)
        try:
            return self.get_response(request)
        finally:
            _request.reset(token)


def client_address(request) -> str | None:
    if request is None:
        return None
    from circularcities.accounts.lockout import client_ip

    ip = client_ip(request)
    try:
        return str(ipaddress.ip_address(ip)) if ip else None
    except ValueError:  # a forged or odd header: keep the event, drop the address
        return None


def audit_record(kind: str, *, user=None, username: str = "", actor=None, request=None,
                 detail: str = "") -> AuditEvent:
    """Write one audit event; ``request`` defaults to the one being served, if any."""
    request = request if request is not None else _request.get()
    if actor is None and request is not None:
        who = getattr(request, "user", None)
        if who is not None and getattr(who, "is_authenticated", False) and (
                user is None or who.pk != user.pk):
            actor = who
    if user is not None and not username:
        username = user.get_username()
    return AuditEvent.objects.create(
        kind=kind, user=user, username=(username or "")[:150], actor=actor,
        ip_address=client_address(request), detail=(detail or "")[:300])
