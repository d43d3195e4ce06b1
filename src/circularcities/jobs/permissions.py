"""Who may see or cancel a background job: the person who started it and the secretariat."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from circularcities.accounts.permissions import is_secretariat

__all__ = ["can_change_job", "can_see_job", "require_change_job", "require_see_job"]


def can_see_job(user, job) -> bool:
    if not job.owner_id:
        return True
    return job.owner_id == getattr(user, "pk", None) or is_secretariat(user)


def require_see_job(user, job) -> None:
    if not can_see_job(user, job):
        raise PermissionDenied(_("This job belongs to someone else."))


def can_change_job(user, job) -> bool:
    """Cancel or retry: the person who started the job or the secretariat (jobs
    without an owner, such as scheduled ones, only the secretariat)."""
    if not getattr(user, "is_authenticated", False):
        return False
    return job.owner_id == user.pk or is_secretariat(user)


def require_change_job(user, job) -> None:
    require_see_job(user, job)
    if not can_change_job(user, job):
        raise PermissionDenied(_("Only the person who started this job or the secretariat may change it."))
