"""The unread count in the header's inbox link."""

from __future__ import annotations

from circularcities.accounts.notify import unread_count


def inbox(request):
    user = getattr(request, "user", None)
    return {"unread_notifications": unread_count(user) if user is not None else 0}
