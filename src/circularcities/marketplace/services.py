"""Listings and exchanges: who may change them, saving them, and recording an
exchange so that concurrent acceptances never hand out more than is left."""

from __future__ import annotations

import datetime as dt
import math
import time
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db import OperationalError, connection, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from circularcities.accounts.notify import notify
from circularcities.accounts.permissions import (
    can_edit_organisation,
    is_secretariat,
    organisation_of,
)
from circularcities.core import rules
from circularcities.core.errors import ValidationError
from circularcities.core.geo import haversine_km
from circularcities.core.lca import avoided_emissions
from circularcities.core.rules import FieldError
from circularcities.marketplace.catalogue import resolve_material, to_tonnes
from circularcities.marketplace.models import (
    Exchange,
    Listing,
    MaterialWeight,
    Proposal,
    ProposalEvent,
)
from circularcities.marketplace.permissions import (
    proposing_side,
    require_answer_proposal,
    require_create_listing,
    require_edit_compatibility,
    require_edit_listing,
    require_record_exchange,
    require_withdraw_proposal,
    require_write_proposal,
)
from circularcities.web.content import LEGACY_SUFFIXES

OPEN = (Listing.Status.AVAILABLE, Listing.Status.PARTIAL)
FACTOR_SET = "DEFRA-2025"

# Upper bounds of numeric input: generous for any real exchange, small enough
# that a typo (1e300) cannot reach the database or the metrics.
MAX_QUANTITY = Decimal(str(int(rules.MAX_QUANTITY)))  # listed quantity, any unit; and tonnes
MAX_MASS_PER_PIECE_KG = 100000.0          # 100 t per piece
MAX_DENSITY = 25.0                        # t/m3 (the densest metals are ~22.6)
MAX_MONEY = Decimal(str(int(rules.MAX_PRICE)))  # in any currency (price, value, costs)
MAX_COST_PER_T = Decimal(str(int(rules.MAX_COST_PER_T)))  # per tonne
MAX_ITEMS = rules.MAX_ITEMS


def _at_most(value, limit, field: str, label: str):
    """Raise a FieldError when ``value`` exceeds ``limit``; ``label`` is the unit sentence."""
    if value is not None and value > limit:
        raise FieldError(field, _("Expected at most %(limit)s %(unit)s.")
                         % {"field": field, "limit": f"{limit:,.0f}", "unit": label})


def check_exchange_date(date) -> None:
    """An exchange happened on or before today, within the platform's event dates."""
    rules.date("date", date, not_future=True, today=timezone.localdate(), required=False)


def fmt_t(d: Decimal) -> str:
    """Tonnes for a message: up to 6 decimals, no trailing zeros (``3``, ``0.0025``)."""
    text = f"{d:.6f}".rstrip("0").rstrip(".")
    return text or "0"


# --- listings --------------------------------------------------------------

def _decimal(value, field: str, *, places: str = "0.000001", allow_none: bool = True,
             limit: Decimal | None = None, unit: str = ""):
    if value in (None, ""):
        if allow_none:
            return None
        raise FieldError(field, _("A value is required.") % {"field": field})
    try:
        d = Decimal(str(value).strip().replace(",", ""))
    except Exception:
        raise FieldError(field, rules.NOT_NUMBER, value=str(value)[:40]) from None
    rules.number(field, d, minimum=-math.inf, maximum=math.inf)  # finite
    if limit is not None:
        _at_most(d, limit, field, unit)
    return d.quantize(Decimal(places), rounding=ROUND_HALF_UP)


def save_listing(user, data: dict[str, Any], listing: Listing | None = None) -> Listing:
    """Create or update a listing from plain ``data`` (form or API), checking
    permissions and every field. Raises :class:`FieldError` naming the field.

    Keys: kind, title_en (required), title_zh, title_ja, title_ko (one per platform
    language; a language not in ``data`` keeps its stored title), description, material, quantity, unit,
    mass_per_piece_kg, density_t_per_m3, frequency, route, lat, lon,
    use_organisation_location, is_free, price, currency, avoided_cost_per_t,
    available_from, available_until, organisation (Partner; secretariat only).
    """
    creating = listing is None
    if listing is None:
        org = data.get("organisation") if is_secretariat(user) else organisation_of(user)
        kind = data.get("kind") or ""
        require_create_listing(user, org, kind)
        if kind not in Listing.Kind.values:
            raise FieldError("kind", _("Expected offer, want or share."))
        listing = Listing(kind=kind, organisation=org,
                          created_by=user if getattr(user, "pk", None) else None)
    else:
        require_edit_listing(user, listing)
        if listing.status == Listing.Status.WITHDRAWN:
            raise ValidationError(_("This listing was withdrawn; list it again instead."))
    titles = {key: rules.name(key, data.get(key), max_length=200)
              for key in (f"title_{sfx}" for sfx in LEGACY_SUFFIXES) if key in data}
    if not titles.get("title_en", "" if "title_en" in data else listing.title_en):
        raise FieldError("title_en", _("Give a title in English."))
    waste_code, category = resolve_material(data.get("material") or "")
    unit = data.get("unit") or Listing.Unit.TONNE
    quantity = _decimal(data.get("quantity"), "quantity", allow_none=False, limit=MAX_QUANTITY,
                        unit=_("in the listing's unit"))
    # Form strings or API numbers: whatever was sent, checked below.
    mass_piece: Any = data.get("mass_per_piece_kg")
    density: Any = data.get("density_t_per_m3")
    if unit == Listing.Unit.PIECES and mass_piece not in (None, ""):
        _at_most(float(mass_piece), MAX_MASS_PER_PIECE_KG, "mass_per_piece_kg", "kg")
    if unit == Listing.Unit.CUBIC_METRE and density not in (None, ""):
        _at_most(float(density), MAX_DENSITY, "density_t_per_m3", "t/m³")
    tonnes, used_density, density_source = to_tonnes(
        quantity, unit, mass_per_piece_kg=float(mass_piece) if mass_piece not in (None, "") else None,
        density_t_per_m3=float(density) if density not in (None, "") else None,
        waste_code=waste_code, category=category)
    _at_most(tonnes, MAX_QUANTITY, "quantity", _("tonnes once converted"))
    frequency = data.get("frequency") or Listing.Frequency.ONCE
    if frequency not in Listing.Frequency.values:
        raise FieldError("frequency", _("Expected once or monthly."))
    route = data.get("route") or Listing.Route.REUSE
    if route not in Listing.Route.values:
        raise FieldError("route", _("Expected reuse or recycling."))
    use_org = bool(data.get("use_organisation_location"))
    org = listing.organisation
    if use_org:
        if org is None or org.lat is None or org.lon is None:
            raise FieldError("lat", _("Your organisation has no location on record; "
                                      "pick the place on the map."))
        lat, lon = org.lat, org.lon
    else:
        raw_lat, raw_lon = data.get("lat"), data.get("lon")
        if raw_lat in (None, "") or raw_lon in (None, ""):
            raise FieldError("lat", _("Pick the place on the map or use your "
                                      "organisation's location."))
        lat, lon = rules.latitude("lat", raw_lat), rules.longitude("lon", raw_lon)
    is_free = bool(data.get("is_free"))
    price = None if is_free else _decimal(data.get("price"), "price", places="0.01", limit=MAX_MONEY,
                                          unit=_("in the listing's currency"))
    cost = _decimal(data.get("avoided_cost_per_t"), "avoided_cost_per_t", places="0.01",
                    limit=MAX_COST_PER_T, unit=_("per tonne"))
    for name, val in (("price", price), ("avoided_cost_per_t", cost)):
        if val is not None and val < 0:
            raise FieldError(name, _("Expected zero or more.") % {"field": name})
    currency = (data.get("currency") or "").strip().upper()
    if price is not None or cost is not None or currency:
        currency = rules.currency("currency", currency)
    start, until = data.get("available_from"), data.get("available_until")
    if start and until and until < start:
        raise FieldError("available_until", _("The end date is before "
                                              "the start date."))
    taken = Decimal("0") if creating else listing.taken_t
    if tonnes < taken:
        raise FieldError("quantity", _("%(taken)s t were already exchanged; the "
                                       "quantity cannot be less.") % {"taken": fmt_t(taken)})
    if "reference" in data:
        listing.reference = rules.name("reference", data.get("reference"), max_length=60)
    for key, title in titles.items():
        setattr(listing, key, title)
    listing.description = rules.text("description", data.get("description"))
    listing.waste_code, listing.category = waste_code, category
    listing.quantity, listing.unit = quantity, unit
    listing.mass_per_piece_kg = float(mass_piece) if unit == "pcs" else None
    listing.density_t_per_m3, listing.density_source = used_density, density_source
    listing.quantity_t, listing.remaining_t = tonnes, tonnes - taken
    listing.frequency, listing.route = frequency, route
    listing.lat, listing.lon, listing.location_from_organisation = lat, lon, use_org
    listing.is_free, listing.price, listing.currency = is_free, price, currency
    listing.avoided_cost_per_t = cost
    listing.available_from, listing.available_until = start or None, until or None
    listing.city = listing.city or (org.city if org is not None else None)
    listing.status = listing.status_for_remaining(listing.remaining_t)
    listing.save()
    return listing


def withdraw_listing(user, listing: Listing) -> Listing:
    require_edit_listing(user, listing)
    Listing.objects.filter(pk=listing.pk).update(status=Listing.Status.WITHDRAWN,
                                                 updated_at=timezone.now())
    listing.refresh_from_db()
    return listing


# --- exchanges -------------------------------------------------------------

def material_weight(code: str) -> float:
    found = MaterialWeight.objects.filter(material=code).first()
    return found.weight if found else 1.0


@transaction.atomic
def save_material_weight(user, material: str, weight: float, notes: dict[str, str]) -> MaterialWeight:
    """Set the weight of ``material`` (a material key); ``notes`` maps ``note_en``,
    ``note_zh``, ``note_ja``, ``note_ko`` to text; a language not given keeps its note."""
    require_edit_compatibility(user)
    row = MaterialWeight.objects.filter(material=material).first() or MaterialWeight(material=material)
    row.weight = rules.positive("weight", weight, maximum=1000.0)
    row.updated_by = user if getattr(user, "pk", None) else None
    for sfx in LEGACY_SUFFIXES:
        key = f"note_{sfx}"
        if key in notes:
            setattr(row, key, rules.name(key, notes[key], max_length=300))
    row.save()
    return row


def exchange_emissions(material: str, quantity_t: float, route: str,
                       counterfactual: str = "landfill") -> dict[str, Any]:
    """Avoided emissions by the platform's method, as stored on an exchange."""
    em = avoided_emissions(material, quantity_t, route=route, counterfactual=counterfactual,
                           factor_set=FACTOR_SET)
    return {"factor_set": FACTOR_SET, "co2e_status": em.status,
            "kg_co2e_avoided": em.kg_co2e_avoided, "partial_kg_co2e": em.partial_kg_co2e,
            "factors": [f.as_dict() for f in em.factors],
            "co2e_notes": list(em.missing) + list(em.notes)}


def record_exchange(user, offer: Listing, quantity_t, *, want: Listing | None = None,
                    receiver=None, receiver_name: str = "", value=None, currency: str = "",
                    disposal_cost_avoided=None, purchase_cost_avoided=None, end_use: str = "",
                    date: dt.date | None = None, items: int | None = None,
                    counterfactual: str = "landfill") -> Exchange:
    """Record that ``quantity_t`` tonnes of ``offer`` went to a receiver.

    The offer's remaining quantity is decremented inside a transaction that
    first locks the row (``SELECT ... FOR UPDATE``) and then updates it only
    if enough is left (``UPDATE ... WHERE remaining_t >= q``); the database
    refuses a negative remainder (check constraint) as a last line. So two
    people accepting the same offer at once can never take more than it holds.
    """
    require_record_exchange(user, offer)
    registered = receiver if receiver is not None else (want.organisation if want is not None else None)
    if registered is not None and not is_secretariat(user) and not can_edit_organisation(user, registered):
        raise FieldError("receiver", _("%(org)s is on the platform and agrees to its own deals: send "
                                       "it a proposal; the exchange is recorded when it accepts.")
                         % {"org": registered.t("name")})
    return _record(offer, quantity_t, want=want, receiver=receiver, receiver_name=receiver_name,
                   value=value, currency=currency, disposal_cost_avoided=disposal_cost_avoided,
                   purchase_cost_avoided=purchase_cost_avoided, end_use=end_use, date=date,
                   items=items, counterfactual=counterfactual, user=user)


def _record(offer: Listing, quantity_t, *, want=None, receiver=None, receiver_name="", value=None,
            currency="", disposal_cost_avoided=None, purchase_cost_avoided=None, end_use="",
            date=None, items=None, counterfactual="landfill", user=None,
            **extra) -> Exchange:
    """The transaction of :func:`record_exchange`, without the permission check
    (demo data and tests of the database guard call it directly)."""
    q = _decimal(quantity_t, "quantity_t", allow_none=False, limit=MAX_QUANTITY, unit=_("tonnes"))
    if q <= 0:
        raise FieldError("quantity_t", _("Expected tonnes above zero."))
    if items is not None:
        if items < 0:
            raise FieldError("items", _("Expected zero or more.") % {"field": "items"})
        _at_most(items, MAX_ITEMS, "items", _("items"))
    check_exchange_date(date)
    if want is not None and want.kind != Listing.Kind.WANT:
        raise FieldError("want", _("The listing chosen as receiver is not a want."))
    if want is not None:
        receiver = receiver or want.organisation
    receiver_name = rules.name("receiver_name", receiver_name, max_length=200)
    end_use = rules.name("end_use", end_use, max_length=300)
    if receiver is None and not receiver_name:
        raise FieldError("receiver", _("Name the organisation or person receiving it."))
    if receiver is not None and offer.organisation_id and receiver.pk == offer.organisation_id:
        raise FieldError("receiver", _("An organisation cannot exchange with itself."))
    for name, val in (("value", value), ("disposal_cost_avoided", disposal_cost_avoided),
                      ("purchase_cost_avoided", purchase_cost_avoided)):
        if val not in (None, "") and Decimal(str(val)) < 0:
            raise FieldError(name, _("Expected zero or more.") % {"field": name})
        if val not in (None, ""):
            _at_most(Decimal(str(val)), MAX_MONEY, name, _("in the exchange's currency"))
    currency = (currency or offer.currency or (want.currency if want else "") or "").upper()
    if currency:
        currency = rules.currency("currency", currency)
    args = dict(q=q, want=want, receiver=receiver, receiver_name=receiver_name, value=value,
                currency=currency, disposal_cost_avoided=disposal_cost_avoided,
                purchase_cost_avoided=purchase_cost_avoided, end_use=end_use, date=date,
                items=items, counterfactual=counterfactual, user=user, extra=extra)
    if connection.in_atomic_block:  # the caller's transaction decides; no retry inside it
        return _decrement_and_record(offer, **args)
    for attempt in range(60):
        try:
            return _decrement_and_record(offer, **args)
        except OperationalError as exc:
            # SQLite reports a concurrent writer as "locked" instead of waiting in some
            # set-ups (shared-cache test databases); wait and try the whole transaction again.
            if "locked" not in str(exc) or attempt == 59:
                raise
            time.sleep(0.02 + 0.01 * attempt)
    raise AssertionError("unreachable")


def _decrement_and_record(offer, *, q, want, receiver, receiver_name, value, currency,
                          disposal_cost_avoided, purchase_cost_avoided, end_use, date, items,
                          counterfactual, user, extra) -> Exchange:
    with transaction.atomic():
        locked = Listing.objects.select_for_update().get(pk=offer.pk)
        if locked.status not in OPEN:
            raise ValidationError(_("This offer is %(status)s: nothing left to exchange.")
                                  % {"status": locked.get_status_display()})
        updated = (Listing.objects.filter(pk=locked.pk, status__in=OPEN, remaining_t__gte=q)
                   .update(remaining_t=F("remaining_t") - q, updated_at=timezone.now()))
        if updated != 1:
            raise FieldError("quantity_t", _("Only %(left)s t of this offer "
                                             "remain; %(asked)s t asked.")
                             % {"left": fmt_t(locked.remaining_t), "asked": fmt_t(q)})
        locked.refresh_from_db(fields=["remaining_t"])
        Listing.objects.filter(pk=locked.pk).update(status=locked.status_for_remaining(locked.remaining_t))
        if want is not None:
            w = Listing.objects.select_for_update().get(pk=want.pk)
            left = max(Decimal("0"), w.remaining_t - q)
            Listing.objects.filter(pk=w.pk).update(remaining_t=left, status=w.status_for_remaining(left),
                                                   updated_at=timezone.now())
        qf = float(q)
        if value in (None, ""):
            value = (Decimal("0") if locked.is_free or locked.price is None
                     else locked.price * q / locked.quantity_t)
        if disposal_cost_avoided in (None, ""):
            disposal_cost_avoided = (locked.avoided_cost_per_t * q
                                     if locked.avoided_cost_per_t is not None
                                     and locked.currency == currency else Decimal("0"))
        if purchase_cost_avoided in (None, ""):
            purchase_cost_avoided = (want.avoided_cost_per_t * q
                                     if want is not None and want.avoided_cost_per_t is not None
                                     and want.currency == currency else Decimal("0"))
        distance = (float(haversine_km(locked.lat, locked.lon, want.lat, want.lon)) if want is not None
                    else None)
        exchange = Exchange.objects.create(
            offer=locked, want=want, giver=locked.organisation,
            giver_name="" if locked.organisation_id else (locked.created_by.get_username()
                                                         if locked.created_by else ""),
            receiver=receiver, receiver_name=receiver_name.strip(),
            city=locked.city, material_code=locked.material_code,
            material_label=_stored_label(locked), hazardous=locked.hazardous,
            is_share=locked.kind == Listing.Kind.SHARE, items=items, quantity_t=q,
            value=_money(value), currency=currency,
            disposal_cost_avoided=_money(disposal_cost_avoided),
            purchase_cost_avoided=_money(purchase_cost_avoided),
            end_use=end_use.strip(), date=date or timezone.localdate(), distance_km=distance,
            route=locked.route, counterfactual=counterfactual,
            weight=material_weight(locked.material_code), recorded_by=user, **extra,
            **exchange_emissions(locked.material_code, qf, locked.route, counterfactual))
    return exchange


def _money(value) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def open_listings(kind: str | None = None):
    today = timezone.localdate()
    qs = (Listing.objects.filter(status__in=OPEN, remaining_t__gt=0)
          .filter(Q(available_until__isnull=True) | Q(available_until__gte=today)))
    return qs.filter(kind=kind) if kind else qs


# --- deals: proposals both sides agree to ------------------------------------

MAX_MESSAGE = 4000
OTHER_SIDE: dict[str, str] = {"giver": "receiver", "receiver": "giver"}


def _deal_terms(offer: Listing, quantity_t, items, value, currency: str):
    q = _decimal(quantity_t, "quantity_t", allow_none=False, limit=MAX_QUANTITY, unit=_("tonnes"))
    if q <= 0:
        raise FieldError("quantity_t", _("Expected tonnes above zero."))
    if q > offer.remaining_t:
        raise FieldError("quantity_t", _("Only %(left)s t of this offer remain; %(asked)s t asked.")
                         % {"left": fmt_t(offer.remaining_t), "asked": fmt_t(q)})
    items = rules.number("items", items, maximum=MAX_ITEMS, integer=True, required=False)
    v = _decimal(value, "value", places="0.01", limit=MAX_MONEY, unit=_("in the deal's currency"))
    if v is not None and v < 0:
        raise FieldError("value", _("Expected zero or more.") % {"field": "value"})
    currency = (currency or offer.currency or "").strip().upper()
    if v is not None or currency:
        currency = rules.currency("currency", currency)
    return q, items, v, currency


def _deal_text(text) -> str:
    return rules.text("text", text, max_length=MAX_MESSAGE)


def _stored_label(listing: Listing) -> str:
    """The material as recorded with an exchange: English, a stable record (pages name it
    in the reader's language from its code)."""
    from django.utils.translation import override

    with override("en"):
        return listing.material_label[:400]


class _Material:
    """A listing's material, named in the language active when it is printed (a
    notification's recipient's, not the author's)."""

    def __init__(self, listing: Listing):
        self.listing = listing

    def __str__(self) -> str:
        return self.listing.material_label


def _tell(proposal: Proposal, side: str, message) -> None:
    """Notify every person of the organisation on ``side`` (in the platform and by e-mail)."""
    from django.contrib.auth import get_user_model

    party = proposal.party(side)
    if party is None:
        return
    people = get_user_model().objects.filter(profile__organisation=party, is_active=True)
    notify(people, message, proposal.get_absolute_url())


def _must_be_open(proposal: Proposal) -> None:
    if proposal.status != Proposal.Status.OPEN:
        raise ValidationError(_("This proposal is %(status)s: it can no longer be answered.")
                              % {"status": proposal.get_status_display()})


def _locked(proposal: Proposal, version: int | None) -> Proposal:
    # Lock the proposal row only: PostgreSQL refuses FOR UPDATE on the nullable side of a join.
    locked = (Proposal.objects.select_for_update(of=("self",))
              .select_related("offer", "want", "giver", "receiver").get(pk=proposal.pk))
    _must_be_open(locked)
    if version is not None and int(version) != locked.version:
        raise ValidationError(_("The terms changed while you were reading them; look at the new "
                                "terms and answer again."))
    return locked


def propose_deal(user, offer: Listing, *, want: Listing | None = None, quantity_t, items=None,
                 value=None, currency: str = "", text: str = "") -> Proposal:
    """Propose ``offer`` to the owner of ``want`` (by the offer's organisation), or ask
    for the offer (by any other organisation, with its own want if it has one)."""
    if want is not None and want.kind != Listing.Kind.WANT:
        raise FieldError("want", _("The listing chosen as receiver is not a want."))
    side = proposing_side(user, offer, want)
    if not offer.is_open:
        raise ValidationError(_("This offer is %(status)s: nothing left to exchange.")
                              % {"status": offer.get_status_display()})
    receiver = want.organisation if side == Proposal.Side.GIVER and want is not None else organisation_of(user)
    if receiver is None or receiver.pk == offer.organisation_id:
        raise FieldError("want", _("An organisation cannot exchange with itself."))
    q, items, v, currency = _deal_terms(offer, quantity_t, items, value, currency)
    text = _deal_text(text)
    with transaction.atomic():
        proposal = Proposal.objects.create(
            offer=offer, want=want, giver=offer.organisation, receiver=receiver, started_by=side,
            turn=OTHER_SIDE[side], quantity_t=q, items=items, value=v, currency=currency,
            created_by=user)
        ProposalEvent.objects.create(proposal=proposal, kind=ProposalEvent.Kind.PROPOSED, side=side,
                                     author=user, text=text, quantity_t=q, value=v, currency=currency)
        author = proposal.party(side)
        material = _Material(offer)
        if side == Proposal.Side.GIVER:
            _tell(proposal, OTHER_SIDE[side], lambda: _(
                "%(org)s proposes %(q)s t of %(material)s to you; accept, counter or decline it.")
                % {"org": author.t("name"), "q": fmt_t(q), "material": material})
        else:
            _tell(proposal, OTHER_SIDE[side], lambda: _(
                "%(org)s asks for %(q)s t of your offer of %(material)s; accept, counter or decline it.")
                % {"org": author.t("name"), "q": fmt_t(q), "material": material})
    return proposal


def counter_deal(user, proposal: Proposal, *, quantity_t, items=None, value=None, currency: str = "",
                 text: str = "", version: int | None = None) -> Proposal:
    """New terms from the side whose turn it is; the turn passes to the other side."""
    _must_be_open(proposal)
    require_answer_proposal(user, proposal)
    with transaction.atomic():
        locked = _locked(proposal, version)
        side = require_answer_proposal(user, locked)
        q, items, v, currency = _deal_terms(locked.offer, quantity_t, items, value, currency)
        text = _deal_text(text)
        Proposal.objects.filter(pk=locked.pk).update(
            quantity_t=q, items=items, value=v, currency=currency, turn=OTHER_SIDE[side],
            version=F("version") + 1, updated_at=timezone.now())
        ProposalEvent.objects.create(proposal=locked, kind=ProposalEvent.Kind.COUNTERED, side=side,
                                     author=user, text=text, quantity_t=q, value=v, currency=currency)
        author, material = locked.party(side), _Material(locked.offer)
        _tell(locked, OTHER_SIDE[side], lambda: _(
            "%(org)s made a counter-offer on %(material)s: %(q)s t; accept, counter or decline it.")
            % {"org": author.t("name"), "q": fmt_t(q), "material": material})
    locked.refresh_from_db()
    return locked


def accept_deal(user, proposal: Proposal, *, version: int | None = None, text: str = "") -> Proposal:
    """Accept the terms on the table: the exchange is recorded, in the same transaction,
    with the offer's remaining quantity decremented under a row lock (record_exchange)."""
    _must_be_open(proposal)
    require_answer_proposal(user, proposal)
    text = _deal_text(text)
    with transaction.atomic():
        locked = _locked(proposal, version)
        side = require_answer_proposal(user, locked)
        exchange = _record(locked.offer, locked.quantity_t, want=locked.want, receiver=locked.receiver,
                           value=locked.value, currency=locked.currency, items=locked.items, user=user,
                           end_use="")
        Proposal.objects.filter(pk=locked.pk).update(
            status=Proposal.Status.ACCEPTED, exchange=exchange, version=F("version") + 1,
            updated_at=timezone.now())
        ProposalEvent.objects.create(proposal=locked, kind=ProposalEvent.Kind.ACCEPTED, side=side,
                                     author=user, text=text, quantity_t=locked.quantity_t,
                                     value=locked.value, currency=locked.currency)
        author, material, q = locked.party(side), _Material(locked.offer), locked.quantity_t
        _tell(locked, OTHER_SIDE[side], lambda: _(
            "%(org)s accepted the deal: %(q)s t of %(material)s. The exchange is recorded.")
            % {"org": author.t("name"), "q": fmt_t(q), "material": material})
    locked.refresh_from_db()
    return locked


def decline_deal(user, proposal: Proposal, *, text: str = "", version: int | None = None) -> Proposal:
    _must_be_open(proposal)
    require_answer_proposal(user, proposal)
    return _close(user, proposal, Proposal.Status.DECLINED, ProposalEvent.Kind.DECLINED, text, version,
                  require_answer_proposal,
                  lambda org, material: _("%(org)s declined the proposal on %(material)s.")
                  % {"org": org, "material": material})


def withdraw_deal(user, proposal: Proposal, *, text: str = "", version: int | None = None) -> Proposal:
    _must_be_open(proposal)
    require_withdraw_proposal(user, proposal)
    return _close(user, proposal, Proposal.Status.WITHDRAWN, ProposalEvent.Kind.WITHDRAWN, text, version,
                  require_withdraw_proposal,
                  lambda org, material: _("%(org)s withdrew its proposal on %(material)s.")
                  % {"org": org, "material": material})


def _close(user, proposal, status, kind, text, version, check, sentence) -> Proposal:
    text = _deal_text(text)
    with transaction.atomic():
        locked = _locked(proposal, version)
        side = check(user, locked)
        Proposal.objects.filter(pk=locked.pk).update(status=status, version=F("version") + 1,
                                                     updated_at=timezone.now())
        ProposalEvent.objects.create(proposal=locked, kind=kind, side=side, author=user, text=text)
        author, material = locked.party(side), _Material(locked.offer)
        _tell(locked, OTHER_SIDE[side], lambda: sentence(author.t("name"), material))
    locked.refresh_from_db()
    return locked


def write_in_deal(user, proposal: Proposal, text: str) -> ProposalEvent:
    """A message in the proposal's conversation, from either side, at any time."""
    side = require_write_proposal(user, proposal)
    text = rules.text("text", text, max_length=MAX_MESSAGE, required=True)
    with transaction.atomic():
        event = ProposalEvent.objects.create(proposal=proposal, kind=ProposalEvent.Kind.MESSAGE, side=side,
                                             author=user, text=text)
        Proposal.objects.filter(pk=proposal.pk).update(updated_at=timezone.now())
        author, material = proposal.party(side), _Material(proposal.offer)
        short = text if len(text) <= 200 else text[:199] + "…"
        _tell(proposal, OTHER_SIDE[side], lambda: _("%(org)s wrote about %(material)s: %(text)s")
              % {"org": author.t("name"), "material": material, "text": short})
    return event


def deal_partners(user, offer: Listing):
    """The wants an offer's organisation may propose to: open wants of other
    organisations for the same material or one the secretariat's compatibility table
    allows, nearest first (the parties involved, not the whole coalition)."""
    from circularcities.marketplace.models import CompatibilityRule

    key = offer.material_code
    allowed = {key, *CompatibilityRule.objects.filter(offer_material=key).values_list("want_material", flat=True)}
    wants = (open_listings(Listing.Kind.WANT).filter(organisation__isnull=False)
             .exclude(organisation_id=offer.organisation_id).select_related("organisation")
             .filter(Q(waste_code_id__in=allowed) | Q(category_id__in=allowed)))
    return sorted(wants[:200], key=lambda w: haversine_km(offer.lat, offer.lon, w.lat, w.lon))


# Industrial parks have their own module; it is part of this one write path.
from circularcities.marketplace.parks_services import (  # noqa: E402
    add_park_manager,
    delete_facility,
    delete_flow,
    remove_park_manager,
    save_facility,
    save_flow,
    save_park,
)

__all_parks__ = (add_park_manager, delete_facility, delete_flow, remove_park_manager, save_facility,
                 save_flow, save_park)

# The business self-assessment has its own module, part of this one write path too.
from circularcities.marketplace.business_services import save_assessment  # noqa: E402

__all_business__ = (save_assessment,)
