"""Who may plan and report: built on accounts.permissions.

- a city's editors (and the secretariat) change the city's targets, measures,
  milestones, programmes and projects;
- a project's owners (named users, or people of the project's organisation)
  log that project's progress, and so do the city's editors;
- quarterly reviews are read by the city's members and editors, working-group
  reviews by the group's coordinators and the editors of its cities, and the
  coalition roll-up and reminders are the secretariat's.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from circularcities.accounts.permissions import (
    can_edit_city,
    can_edit_organisation,
    can_view_city_drafts,
    editable_city_ids,
    is_secretariat,
)
from circularcities.web.content import LEGACY_SUFFIXES

# What a project's owners (not its city's editors) may change: its description, in any language.
OWNER_FIELDS = {f"description_{sfx}" for sfx in LEGACY_SUFFIXES}


def can_plan(user, city) -> bool:
    return can_edit_city(user, city)


def require_plan(user, city) -> None:
    if not can_plan(user, city):
        raise PermissionDenied(_("Only the editors of %(city)s or the secretariat can change its action plan.")
                               % {"city": city.t("name")})


def can_manage_programmes(user, city) -> bool:
    """Create or change programmes and projects of ``city`` (``None``: coalition-wide, the secretariat's)."""
    if city is None:
        return is_secretariat(user)
    return can_edit_city(user, city)


def _where(city) -> str:
    return city.t("name") if city is not None else _("the coalition")


def require_manage_programmes(user, city) -> None:
    if not can_manage_programmes(user, city):
        if city is None:
            raise PermissionDenied(_("Only the secretariat can create or change coalition-wide programmes."))
        raise PermissionDenied(_("Only the editors of %(city)s or the secretariat can create or change its "
                                 "programmes and projects.") % {"city": city.t("name")})


def is_project_owner(user, project) -> bool:
    """A named owner of the project, or a person who may edit the project's organisation."""
    if not getattr(user, "is_authenticated", False):
        return False
    if project.organisation_id and not is_secretariat(user) and can_edit_organisation(user, project.organisation):
        return True
    return project.owners.filter(pk=user.pk).exists()


def require_edit_project_description(user, project) -> None:
    if not (can_manage_programmes(user, project.programme.city) or is_project_owner(user, project)):
        raise PermissionDenied(_("Only the owners of project %(project)s, the editors of %(city)s or the "
                                 "secretariat can change it.")
                               % {"project": project.t("title"), "city": _where(project.programme.city)})


def can_log_progress(user, project) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if can_manage_programmes(user, project.programme.city):
        return True
    if project.organisation_id and not is_secretariat(user) and can_edit_organisation(user, project.organisation):
        return True
    return project.owners.filter(pk=user.pk).exists()


def require_log_progress(user, project) -> None:
    if not can_log_progress(user, project):
        raise PermissionDenied(_("Only the owners of project %(project)s, the editors of %(city)s or the "
                                 "secretariat can log its progress.")
                               % {"project": project.t("title"), "city": _where(project.programme.city)})


def require_view_review(user, city) -> None:
    if not can_view_city_drafts(user, city):
        raise PermissionDenied(_("Only the members and editors of %(city)s or the secretariat can read its "
                                 "quarterly review.") % {"city": city.t("name")})


def can_view_group_review(user, group) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if is_secretariat(user) or group.coordinators.filter(pk=user.pk).exists():
        return True
    ids = editable_city_ids(user) or set()
    return group.cities().filter(pk__in=ids).exists()


def require_secretariat(user) -> None:
    if not is_secretariat(user):
        raise PermissionDenied(_("Only the secretariat can do this."))


def require_create_any_programme(user) -> None:
    """Opening the new-programme form: editors of some city, or the secretariat."""
    ids = editable_city_ids(user)
    if ids is not None and not ids:
        raise PermissionDenied(_("Only the editors of a city or the secretariat can create programmes."))


def require_view_group_review(user, group) -> None:
    if not can_view_group_review(user, group):
        raise PermissionDenied(_("Only the secretariat, the group's coordinators and the editors of its cities can "
                                 "read this review."))


def require_project_fields(user, project, fields) -> None:
    """A project's owners change only its description; its city's editors change everything."""
    other = sorted(set(fields) - OWNER_FIELDS)
    if other and not can_manage_programmes(user, project.programme.city):
        raise PermissionDenied(_("A project's owners may change only its description (%(allowed)s), "
                                 "not %(fields)s.") % {"allowed": ", ".join(sorted(OWNER_FIELDS)),
                                                       "fields": ", ".join(other)})
