"""Who may change what. Every write in every app asks these functions.

- the secretariat changes everything;
- a city's editors change that city's data only;
- a business or partner changes its own organisation's listings;
- everybody (signed in or not) reads what is published.
"""

from __future__ import annotations

from circularcities.accounts.models import CityMembership, Role


def role_of(user) -> str:
    if not getattr(user, "is_authenticated", False):
        return Role.PUBLIC
    if user.is_superuser:
        return Role.SECRETARIAT
    profile = getattr(user, "profile", None)
    return profile.role if profile else Role.PUBLIC


def is_secretariat(user) -> bool:
    return role_of(user) == Role.SECRETARIAT


def editable_city_ids(user) -> set[int] | None:
    """Ids of the cities ``user`` may edit; ``None`` means every city."""
    if is_secretariat(user):
        return None
    if not getattr(user, "is_authenticated", False):
        return set()
    return set(CityMembership.objects.filter(user=user, level=CityMembership.Level.EDITOR)
               .values_list("city_id", flat=True))


def can_edit_city(user, city) -> bool:
    if city is None or not getattr(user, "is_authenticated", False):
        return False
    ids = editable_city_ids(user)
    return ids is None or city.pk in ids


def can_view_city_drafts(user, city) -> bool:
    if can_edit_city(user, city):
        return True
    if not getattr(user, "is_authenticated", False):
        return False
    return CityMembership.objects.filter(user=user, city=city).exists()


def organisation_of(user):
    profile = getattr(user, "profile", None) if getattr(user, "is_authenticated", False) else None
    return profile.organisation if profile else None


def can_edit_organisation(user, organisation) -> bool:
    if organisation is None or not getattr(user, "is_authenticated", False):
        return False
    if is_secretariat(user):
        return True
    mine = organisation_of(user)
    return mine is not None and mine.pk == organisation.pk
