"""Who may see or cancel a background job: the person who started it and the secretariat."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from circularcities.accounts.permissions import is_secretariat

__all__ = ["can_see_job", "require_see_job"]


def can_see_job(user, job) -> bool:
    if not job.owner_id:
        return True
    return job.owner_id == getattr(user, "pk", None) or is_secretariat(user)


def require_see_job(user, job) -> None:
    if not can_see_job(user, job):
        raise PermissionDenied(_("This job belongs to someone else."))
