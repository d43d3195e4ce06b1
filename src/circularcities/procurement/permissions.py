"""Who may do what in circular procurement (built on accounts.permissions).

- a city's procurement officer is an editor of that city (CityMembership): they
  change that city's comparisons, requirement sets, tenders, bids, awards,
  savings and pilots, and nothing of another city's;
- a supplier (a business user whose profile organisation is the supplier)
  changes only its own products, their declarations and certificates;
- the secretariat changes everything;
- the public sees published comparisons and awarded tenders only (with their
  scorecards), requirement sets, products and pilots; a city's members and
  editors also see its drafts.
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
    organisation_of,
)

SUPPLIER_KINDS = ("business", "solution-provider")


def can_officiate(user, city) -> bool:
    """A procurement officer of ``city`` (an editor of it) or the secretariat."""
    if city is None:
        return is_secretariat(user)
    return can_edit_city(user, city)


def _city_name(city) -> str:
    return city.t("name") if city is not None else _("the coalition")


def require_officer(user, city) -> None:
    if not can_officiate(user, city):
        raise PermissionDenied(_("Only the procurement officers (editors) of %(city)s or the secretariat can "
                                 "change its procurement.") % {"city": _city_name(city)})


def require_any_officer(user) -> None:
    """Opening a form to create something for some city."""
    ids = editable_city_ids(user)
    if ids is not None and not ids:
        raise PermissionDenied(_("Only the procurement officers (editors) of a city or the secretariat can "
                                 "do this."))


def can_edit_product(user, product) -> bool:
    return can_edit_organisation(user, product.supplier)


def require_edit_product(user, product) -> None:
    if not can_edit_product(user, product):
        raise PermissionDenied(_("Only the supplier %(supplier)s or the secretariat can change this product.")
                               % {"supplier": product.supplier.t("name")})


def require_supply_as(user, supplier) -> None:
    """Adding a product for ``supplier``: the supplier's own people or the secretariat."""
    if not can_edit_organisation(user, supplier):
        raise PermissionDenied(_("You can add products only for your own organisation."))


def supplier_of(user):
    """The organisation a user supplies for, if it is a business or solution provider."""
    org = organisation_of(user)
    return org if org is not None and org.kind in SUPPLIER_KINDS else None


def can_view_tender(user, tender) -> bool:
    if tender.status == "awarded":
        return True
    return can_view_city_drafts(user, tender.city)


def require_view_tender(user, tender) -> None:
    if not can_view_tender(user, tender):
        raise PermissionDenied(_("This tender is not awarded yet; only the people of %(city)s can see it.")
                               % {"city": _city_name(tender.city)})


def can_view_project(user, project) -> bool:
    return project.published or can_view_city_drafts(user, project.city)


def require_view_project(user, project) -> None:
    if not can_view_project(user, project):
        raise PermissionDenied(_("This comparison is not published yet; only the people of %(city)s can "
                                 "see it.") % {"city": _city_name(project.city)})


def visible_tender_filter(user):
    """A Q of the tenders ``user`` may see."""
    from django.db.models import Q

    from circularcities.accounts.models import CityMembership

    if is_secretariat(user):
        return Q()
    q = Q(status="awarded")
    if getattr(user, "is_authenticated", False):
        ids = CityMembership.objects.filter(user=user).values_list("city_id", flat=True)
        q |= Q(city_id__in=list(ids))
    return q


def visible_project_filter(user):
    from django.db.models import Q

    from circularcities.accounts.models import CityMembership

    if is_secretariat(user):
        return Q()
    q = Q(published=True)
    if getattr(user, "is_authenticated", False):
        ids = CityMembership.objects.filter(user=user).values_list("city_id", flat=True)
        q |= Q(city_id__in=list(ids))
    return q
