"""Who may do what with buildings: built on accounts.permissions.

- the owner city's editors (and the secretariat) register buildings, edit them,
  import components, publish the passport and offer components on the marketplace;
- members of the owner city read its unpublished passports;
- everybody reads published passports.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from circularcities.accounts.models import CityMembership
from circularcities.accounts.permissions import can_edit_city, can_view_city_drafts, is_secretariat
from circularcities.buildings.models import Building


def can_edit_building(user, building: Building) -> bool:
    return can_edit_city(user, building.city)


def can_view_building(user, building: Building) -> bool:
    return building.published or can_view_city_drafts(user, building.city)


def visible_buildings(user) -> QuerySet[Building]:
    """The buildings ``user`` may read: published ones, and every one of their cities."""
    qs = Building.objects.select_related("city")
    if is_secretariat(user):
        return qs
    if not getattr(user, "is_authenticated", False):
        return qs.filter(published=True)
    cities = CityMembership.objects.filter(user=user).values_list("city_id", flat=True)
    return qs.filter(Q(published=True) | Q(city_id__in=list(cities)))


def require_edit_building(user, building: Building) -> None:
    if not can_edit_building(user, building):
        raise PermissionDenied(_("Only the editors of the city that owns this building, or the "
                                 "secretariat, can change it."))


def require_create_building(user, city) -> None:
    if not can_edit_city(user, city):
        raise PermissionDenied(_("Only a city's editors, or the secretariat, can register a "
                                 "building for that city."))


def require_view_building(user, building: Building) -> None:
    if not can_view_building(user, building):
        raise PermissionDenied(_("This passport is not published yet."))
