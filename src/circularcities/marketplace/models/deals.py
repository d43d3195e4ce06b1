"""Deals both sides agree to: a proposal, its counter-offers, and its conversation.

A business proposes an exchange of its offer to the owner of a want, or asks the
owner of an offer for some of it. The other side accepts, counters or declines;
each move hands the turn to the other side. Only an accepted proposal becomes an
:class:`Exchange` (and so counts in the programme's metrics).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Proposal(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("waiting for an answer")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")
        WITHDRAWN = "withdrawn", _("withdrawn")

    class Side(models.TextChoices):
        GIVER = "giver", _("offering side")
        RECEIVER = "receiver", _("receiving side")

    offer = models.ForeignKey("marketplace.Listing", on_delete=models.PROTECT, related_name="proposals_out")
    want = models.ForeignKey("marketplace.Listing", null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="proposals_in")
    giver = models.ForeignKey("coalition.Partner", null=True, blank=True, on_delete=models.PROTECT,
                              related_name="proposals_giving")
    receiver = models.ForeignKey("coalition.Partner", on_delete=models.PROTECT,
                                 related_name="proposals_receiving")
    started_by = models.CharField(max_length=8, choices=Side.choices)
    turn = models.CharField(max_length=8, choices=Side.choices,
                            help_text="The side that must answer the current terms.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True)
    # The terms on the table (the latest proposal or counter-offer).
    quantity_t = models.DecimalField(max_digits=16, decimal_places=6)
    items = models.PositiveIntegerField(null=True, blank=True)
    value = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    currency = models.CharField(max_length=3, blank=True)
    exchange = models.OneToOneField("marketplace.Exchange", null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="proposal")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-updated_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(quantity_t__gt=0), name="proposal_quantity_positive"),
            models.CheckConstraint(condition=Q(value__isnull=True) | Q(value__gte=0),
                                   name="proposal_value_not_negative"),
            models.CheckConstraint(condition=~Q(status="accepted") | Q(exchange__isnull=False),
                                   name="proposal_accepted_has_exchange"),
        ]

    def __str__(self):
        return f"Proposal #{self.pk}: {self.quantity_t} t of listing {self.offer_id}"

    def get_absolute_url(self):
        return reverse("marketplace:proposal_detail", args=[self.pk])

    def party(self, side: str):
        return self.giver if side == self.Side.GIVER else self.receiver

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


class ProposalEvent(models.Model):
    """One move in the conversation: the proposal, a counter-offer with its terms, a
    message, the acceptance, a refusal or a withdrawal."""

    class Kind(models.TextChoices):
        PROPOSED = "proposed", _("proposed")
        COUNTERED = "countered", _("made a counter-offer")
        MESSAGE = "message", _("wrote")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")
        WITHDRAWN = "withdrawn", _("withdrew")

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    side = models.CharField(max_length=8, choices=Proposal.Side.choices)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                               related_name="+")
    text = models.TextField(blank=True)
    quantity_t = models.DecimalField(max_digits=16, decimal_places=6, null=True, blank=True)
    value = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    currency = models.CharField(max_length=3, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.side})"
