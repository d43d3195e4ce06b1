"""Who may change the coalition's records: built on accounts.permissions.

- a city's editors (and the secretariat) change the city's profile and focal areas;
- the secretariat adds events, partners and everything coalition-wide.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from circularcities.accounts.permissions import can_edit_city, require_secretariat

__all__ = ["can_edit_city", "require_add_event", "require_edit_city", "require_run_coalition"]


def require_edit_city(user, city) -> None:
    if not can_edit_city(user, city):
        raise PermissionDenied(_("Only the editors of %(city)s or the secretariat can change its data.")
                               % {"city": city.t("name")})


def require_add_event(user) -> None:
    require_secretariat(user, _("Only the secretariat can add events."))


def require_run_coalition(user) -> None:
    """The back office: registering cities and organisations, archiving, the case library."""
    require_secretariat(user, _("Only the secretariat can run the back office."))


def can_run_group(user, group) -> bool:
    from circularcities.accounts.permissions import is_secretariat

    return is_secretariat(user) or (getattr(user, "is_authenticated", False)
                                    and group.coordinators.filter(pk=user.pk).exists())


def require_run_group(user, group) -> None:
    if not can_run_group(user, group):
        raise PermissionDenied(_("Only the secretariat or the group's coordinators can change its cycle and "
                                 "publish its results."))


def require_signed_in(user, message: str) -> None:
    if not getattr(user, "is_authenticated", False):
        raise PermissionDenied(message)


def require_ask_for_help(user, city) -> None:
    if not can_edit_city(user, city):
        raise PermissionDenied(_("Only the editors of %(city)s or the secretariat can ask for help for it.")
                               % {"city": city.t("name")})


def require_learning(user) -> None:
    from circularcities.accounts.permissions import editable_city_ids, is_secretariat

    if not is_secretariat(user) and not editable_city_ids(user):
        raise PermissionDenied(_("City-to-city learning is for the cities' editors and the secretariat."))
