"""Who may change a city's diagnosis: its editors and the secretariat.

Everybody reads the published diagnosis; built on accounts.permissions.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from circularcities.accounts.permissions import can_edit_city

__all__ = ["can_edit_diagnosis", "require_edit_diagnosis"]


def can_edit_diagnosis(user, city) -> bool:
    return can_edit_city(user, city)


def require_edit_diagnosis(user, city) -> None:
    if not can_edit_diagnosis(user, city):
        raise PermissionDenied(_("Only the editors of %(city)s or the secretariat can change its diagnosis.")
                               % {"city": city.t("name")})
