"""Deals both sides agree to: propose on a listing, answer (accept, counter,
decline), withdraw, write in the conversation; the list of one's deals."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from circularcities.accounts.permissions import is_secretariat, organisation_of
from circularcities.core.errors import ValidationError
from circularcities.core.rules import FieldError
from circularcities.marketplace.forms import AnswerForm, CounterForm, ProposalForm
from circularcities.marketplace.models import Listing, Proposal
from circularcities.marketplace.permissions import require_view_proposal, side_of
from circularcities.marketplace.services import (
    accept_deal,
    counter_deal,
    deal_partners,
    decline_deal,
    open_listings,
    propose_deal,
    withdraw_deal,
    write_in_deal,
)
from circularcities.web.fielderrors import add_to_form


def _wants_for(user, offer: Listing):
    """The wants a proposal on ``offer`` may name, for the side ``user`` takes."""
    mine = organisation_of(user)
    if mine is not None and offer.organisation_id == mine.pk:
        ids = [w.pk for w in deal_partners(user, offer)]
        return Listing.objects.filter(pk__in=ids).select_related("organisation").prefetch_related(
            "translations"), True, "giver"
    own = open_listings(Listing.Kind.WANT).filter(organisation=mine) if mine is not None else Listing.objects.none()
    return own.select_related("organisation").prefetch_related("translations"), False, "receiver"


def deal_form(user, listing: Listing, sugg=None):
    """The proposal form shown on an offer's page, and the side the user would take
    (None when the user may not propose on it)."""
    mine = organisation_of(user) if user.is_authenticated else None
    if (mine is None or listing.kind != Listing.Kind.OFFER or not listing.is_open
            or listing.organisation_id is None):
        return None, None
    wants, required, side = _wants_for(user, listing)
    first = sugg.suggestions[0] if sugg is not None and sugg.suggestions else None
    initial = {"quantity_t": round(first.quantity_t, 3) if first and side == "giver"
               else listing.remaining_t.normalize(),
               "want": first.want.pk if first and side == "giver" else None,
               "currency": listing.currency}
    return ProposalForm(wants=wants, want_required=required, initial=initial), side


def deals_on(user, listing: Listing):
    """Proposals on this listing that ``user`` may see."""
    if not user.is_authenticated:
        return []
    qs = Proposal.objects.filter(Q(offer=listing) | Q(want=listing)).select_related("giver", "receiver")
    if not is_secretariat(user):
        mine = organisation_of(user)
        if mine is None:
            return []
        qs = qs.filter(Q(giver=mine) | Q(receiver=mine))
    return list(qs[:20])


@login_required
@require_POST
def propose(request, pk):
    offer = get_object_or_404(Listing.objects.select_related("organisation"), pk=pk)
    wants, required, _side = _wants_for(request.user, offer)
    form = ProposalForm(request.POST, wants=wants, want_required=required)
    if form.is_valid():
        d = form.cleaned_data
        try:
            proposal = propose_deal(request.user, offer, want=d["want"], quantity_t=d["quantity_t"],
                                    items=d["items"], value=d["value"], currency=d["currency"] or "",
                                    text=d["text"] or "")
        except FieldError as exc:
            add_to_form(form, exc)
        except ValidationError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Proposal sent. The other organisation is notified and can "
                                        "accept, counter or decline it."))
            return redirect(proposal.get_absolute_url())
    return render(request, "marketplace/proposal_new.html", {"form": form, "listing": offer}, status=400)


@login_required
def deal_list(request):
    mine = organisation_of(request.user)
    qs = Proposal.objects.select_related("offer", "giver", "receiver")
    if not is_secretariat(request.user):
        qs = qs.filter(Q(giver=mine) | Q(receiver=mine)) if mine is not None else qs.none()
    status = request.GET.get("status", "")
    if status in Proposal.Status.values:
        qs = qs.filter(status=status)
    rows = []
    page = Paginator(qs, 30).get_page(request.GET.get("page"))
    for p in page:
        side = side_of(request.user, p)
        rows.append({"p": p, "side": side, "my_turn": p.is_open and side == p.turn})
    return render(request, "marketplace/deal_list.html", {
        "page": page, "rows": rows, "status": status, "statuses": Proposal.Status.choices,
        "organisation": mine})


def _detail_context(request, proposal, **forms):
    side = side_of(request.user, proposal)
    my_turn = proposal.is_open and side is not None and side == proposal.turn
    version = {"version": proposal.version}
    ctx = {
        "p": proposal, "side": side, "my_turn": my_turn,
        "may_withdraw": proposal.is_open and side is not None and side != proposal.turn,
        "events": proposal.events.select_related("author"),
        "counter_form": forms.get("counter_form") or CounterForm(initial={
            "quantity_t": proposal.quantity_t.normalize(), "items": proposal.items, "value": proposal.value,
            "currency": proposal.currency, **version}),
        "answer_form": forms.get("answer_form") or AnswerForm(initial=version),
        "message_form": forms.get("message_form") or AnswerForm(),
    }
    return ctx


@login_required
def deal_detail(request, pk):
    proposal = get_object_or_404(Proposal.objects.select_related("offer", "want", "giver", "receiver",
                                                                 "exchange"), pk=pk)
    require_view_proposal(request.user, proposal)
    return render(request, "marketplace/deal_detail.html", _detail_context(request, proposal))


def _answer(request, pk, action):
    proposal = get_object_or_404(Proposal.objects.select_related("offer", "want", "giver", "receiver"), pk=pk)
    require_view_proposal(request.user, proposal)
    form_class = CounterForm if action == "counter" else AnswerForm
    form = form_class(request.POST)
    key = {"counter": "counter_form", "message": "message_form"}.get(action, "answer_form")
    if form.is_valid():
        d = form.cleaned_data
        try:
            if action == "accept":
                accept_deal(request.user, proposal, version=d["version"], text=d["text"] or "")
                messages.success(request, _("Deal accepted: the exchange is recorded and counts in the "
                                            "programme's metrics."))
            elif action == "counter":
                counter_deal(request.user, proposal, quantity_t=d["quantity_t"], items=d["items"],
                             value=d["value"], currency=d["currency"] or "", text=d["text"] or "",
                             version=d["version"])
                messages.success(request, _("Counter-offer sent."))
            elif action == "decline":
                decline_deal(request.user, proposal, text=d["text"] or "", version=d["version"])
                messages.success(request, _("Proposal declined."))
            elif action == "withdraw":
                withdraw_deal(request.user, proposal, text=d["text"] or "", version=d["version"])
                messages.success(request, _("Proposal withdrawn."))
            else:
                write_in_deal(request.user, proposal, d["text"] or "")
            return redirect(proposal.get_absolute_url())
        except FieldError as exc:
            add_to_form(form, exc)
        except ValidationError as exc:
            form.add_error(None, str(exc))
    proposal.refresh_from_db()
    return render(request, "marketplace/deal_detail.html", _detail_context(request, proposal, **{key: form}),
                  status=400)


@login_required
@require_POST
def deal_accept(request, pk):
    return _answer(request, pk, "accept")


@login_required
@require_POST
def deal_counter(request, pk):
    return _answer(request, pk, "counter")


@login_required
@require_POST
def deal_decline(request, pk):
    return _answer(request, pk, "decline")


@login_required
@require_POST
def deal_withdraw(request, pk):
    return _answer(request, pk, "withdraw")


@login_required
@require_POST
def deal_message(request, pk):
    return _answer(request, pk, "message")
