"""Who may see, change and run collection scenarios: built on accounts.permissions.

- everybody sees published scenarios; a city's members see its drafts;
- a city's editors add, change and run the city's scenarios;
- the secretariat does all of this, and keeps scenarios without a city.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext as _

from circularcities.accounts.permissions import (
    can_edit_city,
    can_view_city_drafts,
    editable_city_ids,
    is_secretariat,
)
from circularcities.logistics import models as m


def can_view(user, scenario: m.Scenario) -> bool:
    if scenario.published or is_secretariat(user):
        return True
    return scenario.city is not None and can_view_city_drafts(user, scenario.city)


def can_edit(user, scenario: m.Scenario) -> bool:
    if scenario.city is None:
        return is_secretariat(user)
    return can_edit_city(user, scenario.city)


def require_view(user, scenario: m.Scenario) -> None:
    if not can_view(user, scenario):
        raise PermissionDenied(_("Only the members of %(city)s or the secretariat can see this "
                                 "scenario.") % {"city": _owner_name(scenario)})


def require_edit(user, scenario: m.Scenario) -> None:
    if not can_edit(user, scenario):
        raise PermissionDenied(_("Only the editors of %(city)s or the secretariat can change or "
                                 "run this scenario.") % {"city": _owner_name(scenario)})


def _owner_name(scenario: m.Scenario) -> str:
    return scenario.city.t("name") if scenario.city else _("the secretariat")


def visible_scenarios(user):
    qs = m.Scenario.objects.select_related("city")
    if is_secretariat(user):
        return qs
    cond = Q(published=True)
    if getattr(user, "is_authenticated", False):
        cond |= Q(city__memberships__user=user)
    return qs.filter(cond).distinct()


def creatable_cities(user):
    from circularcities.coalition.models import City

    ids = editable_city_ids(user)
    return City.objects.all() if ids is None else City.objects.filter(pk__in=ids)


def may_create_scenarios(user) -> bool:
    return getattr(user, "is_authenticated", False) and (
        is_secretariat(user) or creatable_cities(user).exists())


def require_create_scenarios(user) -> None:
    if not may_create_scenarios(user):
        raise PermissionDenied(_("Only a city's editors or the secretariat can add scenarios."))


def require_scenario_city(user, city) -> None:
    """Adding a scenario for ``city`` (None: kept by the secretariat, without a city)."""
    if city is None and not is_secretariat(user):
        raise PermissionDenied(_("Only the secretariat can keep scenarios without a city."))
    if city is not None and not can_edit_city(user, city):
        raise PermissionDenied(_("Only the editors of %(city)s or the secretariat can add its "
                                 "scenarios.") % {"city": city.t("name")})
