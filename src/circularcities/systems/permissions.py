"""Who may see and change a city's systems and stock models.

- the city's editors (and the secretariat) own them: they create, edit, import,
  accept imbalances, make balance blocking, publish;
- the city's members read drafts;
- everybody else, signed in or not, reads what is published.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from circularcities.accounts.permissions import can_edit_city, can_view_city_drafts

__all__ = ["can_edit", "can_view", "require_edit", "require_edit_city", "require_view", "visible_to"]


def can_edit(user, obj) -> bool:
    """``obj`` is a System or a StockModel (anything with a ``city``)."""
    return can_edit_city(user, obj.city)


def can_view(user, obj) -> bool:
    return bool(obj.published) or can_view_city_drafts(user, obj.city)


def require_edit(user, obj) -> None:
    if not can_edit(user, obj):
        raise PermissionDenied(_("Only the editors of %(city)s or the secretariat can change this.")
                               % {"city": obj.city.t("name")})


def require_edit_city(user, city) -> None:
    if not can_edit_city(user, city):
        raise PermissionDenied(_("Only the editors of %(city)s or the secretariat can change this.")
                               % {"city": city.t("name")})


def require_view(user, obj) -> None:
    if not can_view(user, obj):
        raise PermissionDenied(_("This is a draft of %(city)s; only its members can see it.")
                               % {"city": obj.city.t("name")})


def visible_to(user, queryset):
    """The systems or stock models of ``queryset`` that ``user`` may see."""
    from django.db.models import Q

    from circularcities.accounts.models import CityMembership
    from circularcities.accounts.permissions import is_secretariat

    if is_secretariat(user):
        return queryset
    if not getattr(user, "is_authenticated", False):
        return queryset.filter(published=True)
    cities = CityMembership.objects.filter(user=user).values_list("city_id", flat=True)
    return queryset.filter(Q(published=True) | Q(city_id__in=cities))
