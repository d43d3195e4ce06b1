"""Who may change a city's diagnosis: its editors and the secretariat; who curates the
indicator catalogue: the secretariat (coalition-wide indicators) and a city's editors
(the city's own indicators).

Everybody reads the published diagnosis; built on accounts.permissions.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from circularcities.accounts.permissions import can_edit_city, is_secretariat

__all__ = ["can_create_indicator", "can_edit_diagnosis", "can_edit_indicator", "can_enter_values",
           "require_create_indicator", "require_edit_diagnosis", "require_edit_indicator", "require_enter_values"]


def can_edit_diagnosis(user, city) -> bool:
    return can_edit_city(user, city)


def require_edit_diagnosis(user, city) -> None:
    if not can_edit_diagnosis(user, city):
        raise PermissionDenied(_("Only the editors of %(city)s or the secretariat can change its diagnosis.")
                               % {"city": city.t("name")})


def can_create_indicator(user, city) -> bool:
    """A city's editors define the city's own indicators; the secretariat any, and it alone
    coalition-wide ones (``city`` None)."""
    if city is None:
        return is_secretariat(user)
    return can_edit_city(user, city)


def require_create_indicator(user, city) -> None:
    if not can_create_indicator(user, city):
        if city is None:
            raise PermissionDenied(_("Only the secretariat curates the coalition's indicators."))
        raise PermissionDenied(_("Only the editors of %(city)s or the secretariat can define its indicators.")
                               % {"city": city.t("name")})


def can_edit_indicator(user, indicator) -> bool:
    return can_create_indicator(user, indicator.city)


def require_edit_indicator(user, indicator) -> None:
    require_create_indicator(user, indicator.city)


def can_enter_values(user, city, indicator) -> bool:
    """Values of a coalition indicator or of the city's own, by the city's editors."""
    return can_edit_city(user, city) and indicator.city_id in (None, city.pk)


def require_enter_values(user, city, indicator) -> None:
    if not can_enter_values(user, city, indicator):
        require_edit_diagnosis(user, city)
        raise PermissionDenied(_("%(code)s is another city's own indicator.") % {"code": indicator.code})
