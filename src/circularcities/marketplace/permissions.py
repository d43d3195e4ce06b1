"""Who may do what in the marketplace: built on accounts.permissions.

- people of an organisation list offers and wants for it, change and withdraw
  its listings, import listings and record exchanges of its offers;
- a resident lists items to share or lend and changes their own;
- a city's editors run the programme matching for their city;
- the secretariat does all of this and edits the compatibility table;
- everybody reads open listings, exchanges and the programme metrics.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from circularcities.accounts.permissions import (
    can_edit_city,
    can_edit_organisation,
    is_secretariat,
    organisation_of,
    require_secretariat,
)
from circularcities.marketplace.models import Listing

GIVING_KINDS = (Listing.Kind.OFFER, Listing.Kind.SHARE)


def can_edit_listing(user, listing: Listing) -> bool:
    """The secretariat; people of the listing's organisation; a resident their own share listing."""
    if not getattr(user, "is_authenticated", False):
        return False
    if is_secretariat(user):
        return True
    if listing.organisation_id:
        return can_edit_organisation(user, listing.organisation)
    return listing.created_by_id == user.pk


def require_edit_listing(user, listing: Listing) -> None:
    if not can_edit_listing(user, listing):
        raise PermissionDenied(_("Only people of the organisation that owns this listing, or the "
                                 "secretariat, can change it."))


def require_create_listing(user, organisation, kind: str) -> None:
    """Listing for ``organisation`` (None: as a resident) a listing of ``kind``."""
    if not getattr(user, "is_authenticated", False):
        raise PermissionDenied(_("Sign in to list materials."))
    if organisation is None and kind != Listing.Kind.SHARE and not is_secretariat(user):
        raise PermissionDenied(_("Only people of a registered organisation can list offers and "
                                 "wants; residents can list items to share or lend."))
    if organisation is not None and not can_edit_organisation(user, organisation):
        raise PermissionDenied(_("You can list only for your own organisation."))


def can_record_exchange(user, offer: Listing) -> bool:
    """Recording an exchange hands out the offer: its owner or the secretariat."""
    return offer.kind in GIVING_KINDS and can_edit_listing(user, offer)


def require_record_exchange(user, offer: Listing) -> None:
    if not can_record_exchange(user, offer):
        raise PermissionDenied(_("Only the organisation offering this material, or the "
                                 "secretariat, can record an exchange of it."))


def require_import_listings(user) -> None:
    if organisation_of(user) is None:
        raise PermissionDenied(_("Only people of a registered organisation can import listings."))


def can_run_matching(user, city) -> bool:
    return is_secretariat(user) or (city is not None and can_edit_city(user, city))


def require_run_matching(user, city) -> None:
    if not can_run_matching(user, city):
        raise PermissionDenied(_("Only the secretariat, or a city's editors for their city, can run "
                                 "programme-wide matching."))


def require_see_matching_run(user, job) -> None:
    if job.owner_id and job.owner_id != getattr(user, "pk", None) and not is_secretariat(user):
        raise PermissionDenied(_("This matching run belongs to someone else."))


def require_edit_compatibility(user) -> None:
    require_secretariat(user, _("Only the secretariat can edit this table."))


# --- deals -------------------------------------------------------------------
# A deal is agreed by the two organisations themselves: each side acts only through
# its own people (the secretariat may read every proposal but answers for nobody).

def side_of(user, proposal) -> str | None:
    """'giver' or 'receiver' when ``user`` works for that party of ``proposal``."""
    mine = organisation_of(user) if getattr(user, "is_authenticated", False) else None
    if mine is None:
        return None
    if proposal.giver_id == mine.pk:
        return "giver"
    if proposal.receiver_id == mine.pk:
        return "receiver"
    return None


def can_view_proposal(user, proposal) -> bool:
    return side_of(user, proposal) is not None or is_secretariat(user)


def require_view_proposal(user, proposal) -> None:
    if not can_view_proposal(user, proposal):
        raise PermissionDenied(_("Only the two organisations of this proposal, or the secretariat, "
                                 "can see it."))


def proposing_side(user, offer: Listing, want: Listing | None) -> str:
    """The side ``user`` takes by proposing a deal on ``offer`` (and ``want``): the
    offer's people propose to a want's owner; anyone else of an organisation asks
    for the offer. Raises PermissionDenied when neither applies."""
    mine = organisation_of(user) if getattr(user, "is_authenticated", False) else None
    if mine is None:
        raise PermissionDenied(_("Only people of a registered organisation can propose a deal."))
    if offer.kind != Listing.Kind.OFFER:
        raise PermissionDenied(_("Deals are proposed on offers of materials; items to share or "
                                 "lend are arranged with their owner."))
    if offer.organisation_id == mine.pk:
        if want is None or want.organisation_id is None:
            raise PermissionDenied(_("Choose the want of the organisation you propose this offer to."))
        return "giver"
    if want is not None and want.organisation_id != mine.pk:
        raise PermissionDenied(_("You can ask for an offer only for your own organisation's want."))
    if offer.organisation_id is None:
        raise PermissionDenied(_("This offer has no organisation to agree a deal with."))
    return "receiver"


def require_answer_proposal(user, proposal) -> str:
    """Accept, counter or decline: the side whose turn it is. Returns that side."""
    side = side_of(user, proposal)
    if side is None or side != proposal.turn:
        raise PermissionDenied(_("It is the other organisation's turn to answer this proposal."))
    return side


def require_withdraw_proposal(user, proposal) -> str:
    """Withdraw the terms on the table: the side that put them there."""
    side = side_of(user, proposal)
    if side is None or side == proposal.turn:
        raise PermissionDenied(_("Only the side that made the current offer can withdraw it."))
    return side


def require_write_proposal(user, proposal) -> str:
    side = side_of(user, proposal)
    if side is None:
        raise PermissionDenied(_("Only the two organisations of this proposal can write in it."))
    return side


# --- industrial parks ---------------------------------------------------------
# A park is run by its managers; the editors of the park's city and the secretariat
# may change it too and are the ones who name its managers. Everybody reads parks.

def _is_park_manager(user, park) -> bool:
    return bool(park.pk) and park.managers.filter(pk=user.pk).exists()


def can_manage_park(user, park) -> bool:
    """Edit the park, its facilities and exchanges: its managers, its city's editors, the secretariat."""
    if not getattr(user, "is_authenticated", False):
        return False
    if is_secretariat(user):
        return True
    if park.city_id and can_edit_city(user, park.city):
        return True
    return _is_park_manager(user, park)


def require_manage_park(user, park) -> None:
    if not can_manage_park(user, park):
        raise PermissionDenied(_("Only this park's managers, the editors of its city, or the secretariat "
                                 "can change it."))


def can_create_park(user, city) -> bool:
    return is_secretariat(user) or (city is not None and can_edit_city(user, city))


def require_create_park(user, city) -> None:
    if not can_create_park(user, city):
        raise PermissionDenied(_("Only the secretariat, or a city's editors for a park in their city, "
                                 "can add a park."))


def can_name_park_managers(user, park) -> bool:
    return is_secretariat(user) or (park.city_id is not None and can_edit_city(user, park.city))


def require_name_park_managers(user, park) -> None:
    if not can_name_park_managers(user, park):
        raise PermissionDenied(_("Only the secretariat, or the editors of the park's city, can name its "
                                 "managers."))


# --- business circularity self-assessment --------------------------------------

def can_assess_business(user, organisation) -> bool:
    """A business assesses itself: its own people, or the secretariat for it."""
    return (organisation is not None and organisation.kind == "business"
            and can_edit_organisation(user, organisation))


def require_assess_business(user, organisation) -> None:
    if not can_assess_business(user, organisation):
        raise PermissionDenied(_("Only the people of a business can fill its circularity self-assessment."))
