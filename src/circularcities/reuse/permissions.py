"""Who may do what in repair, reuse and lending: built on accounts.permissions.

- everybody reads the directory, repair figures, centre figures and what a library lends;
- a place's organisers (users named on it, or people of its organisation) edit it, log
  its repair events and repairs, import and export its ORDS log, run its centre's
  workflow (centre staff) and its library's items and loans;
- a city's editors do the same for the places of their city and add places to it;
- people of an organisation add places run by their organisation;
- a signed-in resident borrows an item for themselves and returns it;
- borrowers' names and e-mails are seen only by the place's organisers and the borrower;
- the secretariat does everything.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from circularcities.accounts.permissions import can_edit_city, is_secretariat, organisation_of


def _signed_in(user) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def is_organiser(user, place) -> bool:
    """Named on the place, or one of the people of its organisation."""
    if not _signed_in(user):
        return False
    org = organisation_of(user)
    if org is not None and place.organisation_id == org.pk:
        return True
    return place.organisers.filter(pk=user.pk).exists()


def can_edit_place(user, place) -> bool:
    if not _signed_in(user):
        return False
    return is_secretariat(user) or can_edit_city(user, place.city) or is_organiser(user, place)


def require_edit_place(user, place) -> None:
    if not can_edit_place(user, place):
        raise PermissionDenied(_("Only this place's organisers, its city's editors or the secretariat "
                                 "can change it."))


def can_create_place(user, city=None, organisation=None) -> bool:
    if not _signed_in(user):
        return False
    if is_secretariat(user):
        return True
    if city is not None and can_edit_city(user, city):
        return True
    mine = organisation_of(user)
    return mine is not None and organisation is not None and mine.pk == organisation.pk


def require_create_place(user, city=None, organisation=None) -> None:
    if not can_create_place(user, city, organisation):
        raise PermissionDenied(_("Places are added by a city's editors for their city, by people of the "
                                 "organisation that runs the place, or by the secretariat."))


def require_borrow(user) -> None:
    if not _signed_in(user):
        raise PermissionDenied(_("Sign in to borrow an item."))


def can_lend_to_others(user, place) -> bool:
    return can_edit_place(user, place)


def require_lend_to_others(user, place) -> None:
    if not can_lend_to_others(user, place):
        raise PermissionDenied(_("Only the library's organisers can lend an item to someone else."))


def can_see_loan(user, loan) -> bool:
    if not _signed_in(user):
        return False
    return loan.borrower_id == user.pk or can_edit_place(user, loan.item.place)


def require_return(user, loan) -> None:
    if not can_see_loan(user, loan):
        raise PermissionDenied(_("Only the borrower or the library's organisers can record a return."))
