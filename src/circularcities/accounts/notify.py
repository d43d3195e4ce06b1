"""Telling people: one inbox entry per recipient, in the recipient's language, and the
same text by e-mail. The one write path for :class:`Notification`.

``message`` is a callable returning the text, so it is evaluated under each
recipient's language (``lambda: _("%(org)s proposes ...") % {...}``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from functools import partial

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from circularcities.accounts.models import Notification

log = logging.getLogger(__name__)


def language_of(user) -> str:
    profile = getattr(user, "profile", None)
    codes = [code for code, _name in settings.LANGUAGES]
    lang = (getattr(profile, "language", "") or "").lower()
    return lang if lang in codes else settings.LANGUAGE_CODE


def notify(users: Iterable, message: Callable[[], str], url: str = "", *, email: bool = True,
           base_url: str = "") -> list[Notification]:
    """Put ``message`` in each user's inbox (and mail it after the transaction commits)."""
    made = []
    seen: set[int] = set()
    for user in users:
        if user is None or user.pk in seen or not user.is_active:
            continue
        seen.add(user.pk)
        with translation.override(language_of(user)):
            text = str(message())[:500]
            subject = _("Circular Cities Platform: %(text)s") % {"text": text[:120]}
            body = text + (f"\n\n{base_url}{url}\n" if url else "\n")
        made.append(Notification.objects.create(user=user, text=text, url=url[:300]))
        if email and user.email:
            transaction.on_commit(partial(_mail, subject, body, user.email))
    return made


def _mail(subject: str, body: str, to: str) -> None:
    try:
        send_mail(subject=subject.replace("\n", " "), message=body, from_email=None,
                  recipient_list=[to])
    except OSError:  # the inbox entry stands; a mail server that is down must not undo a deal
        log.warning("Could not e-mail a notification to %s", to, exc_info=True)


def unread_count(user) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def mark_read(user, pk: int | None = None) -> int:
    """Mark one notification (``pk``) or all of the user's as read; returns how many."""
    qs = Notification.objects.filter(user=user, read_at__isnull=True)
    if pk is not None:
        qs = qs.filter(pk=pk)
    return qs.update(read_at=timezone.now())
