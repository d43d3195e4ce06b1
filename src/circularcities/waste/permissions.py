"""Who may change a city's waste streams: the city's editors and the secretariat; everyone reads them."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from circularcities.accounts.permissions import can_edit_city


def can_edit_streams(user, city) -> bool:
    return can_edit_city(user, city)


def require_edit_streams(user, city) -> None:
    if not can_edit_streams(user, city):
        raise PermissionDenied(_("Only the editors of %(city)s or the secretariat can change its waste streams.")
                               % {"city": city.t("name")})
