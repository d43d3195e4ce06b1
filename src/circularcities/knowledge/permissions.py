"""Who may write the case library.

- the secretariat creates, edits, reviews, publishes and reverts any case;
- a city's editors draft and edit their city's unpublished cases and send them for review.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from circularcities.accounts.permissions import can_edit_city, is_secretariat


def can_edit_case(user, case=None, city=None) -> bool:
    if is_secretariat(user):
        return True
    city = city if city is not None else getattr(case, "city", None)
    if city is None or not can_edit_city(user, city):
        return False
    return case is None or case.status != case.Status.PUBLISHED


def require_edit_case(user, case=None, city=None) -> None:
    if not can_edit_case(user, case, city):
        raise PermissionDenied(_("Only the secretariat, or the city's editors for a case not yet published, "
                                 "can change this case."))


def require_review(user) -> None:
    if not is_secretariat(user):
        raise PermissionDenied(_("Only the secretariat reviews and publishes cases."))


def require_case_writer(user) -> None:
    """The secretariat, or the editor of at least one city."""
    from circularcities.accounts.permissions import editable_city_ids

    if not is_secretariat(user) and not editable_city_ids(user):
        raise PermissionDenied(_("Only the secretariat and city editors write cases."))
