"""Repair, reuse and lending: the directory of places, repair events with their
ORDS repair log, a refurbishment centre's items and steps, and an item library's
loans. Computations live in ``core.repair``, ``core.refurbish`` and ``core.lending``."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModel, TranslatedFields

from circularcities.core import lending, refurbish
from circularcities.core.repair import STATUSES

STATE_LABELS = {"intake": _("taken in"), "assessed": _("assessed"), "refurbished": _("refurbished"),
                "dismantled": _("dismantled"), "donated": _("donated"), "auctioned": _("auctioned")}
ACTION_LABELS = {"intake": _("intake"), "assess": _("assess"), "refurbish": _("refurbish"),
                 "dismantle": _("dismantle"), "donate": _("donate"), "auction": _("auction")}
MEASURE_LABELS = {"refurbished": _("items refurbished"), "taken_in": _("items taken in"),
                  "kg_taken_in": _("kg taken in"), "donated": _("items donated"),
                  "kg_out": _("kg that left the centre")}
CONDITION_LABELS = {"good": _("good"), "fair": _("fair"), "worn": _("worn"), "damaged": _("damaged")}


class Place(TranslatableModel):
    """A repair café, reuse centre, tool library, second-hand shop or refurbishment centre.

    Its organisers (the explicit ``organisers`` and the people of its
    ``organisation``) edit it, log its repairs, run its centre workflow and its loans."""

    class Kind(models.TextChoices):
        REPAIR_CAFE = "repair-cafe", _("Repair café")
        REUSE_CENTRE = "reuse-centre", _("Reuse centre")
        TOOL_LIBRARY = "tool-library", _("Tool library")
        SECOND_HAND = "second-hand", _("Second-hand shop")
        REFURBISHMENT = "refurbishment", _("Refurbishment centre")

    slug = models.SlugField(max_length=80, unique=True)
    kind = models.CharField(max_length=16, choices=Kind.choices, db_index=True)
    translations = TranslatedFields(
        name=models.CharField(max_length=200),
        description=models.TextField(blank=True),
        takes=models.TextField(blank=True, help_text="What they take, repair or lend."),
        opening_times=models.CharField(max_length=300, blank=True),
    )
    city = models.ForeignKey("coalition.City", null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="+", related_query_name="reuse_place")
    organisation = models.ForeignKey("coalition.Partner", null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+", related_query_name="reuse_place")
    organisers = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="reuse_places")
    address = models.CharField(max_length=300, blank=True)
    lat = models.FloatField()
    lon = models.FloatField()
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    website = models.URLField(blank=True)
    languages = models.CharField(max_length=100, blank=True, help_text="Languages spoken, e.g. 'it, en'.")
    source = models.CharField(max_length=300, blank=True, help_text="Where the facts come from.")
    location_is_estimate = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["slug"]
        constraints = [
            models.CheckConstraint(condition=Q(lat__gte=-90, lat__lte=90), name="reuse_place_lat_range"),
            models.CheckConstraint(condition=Q(lon__gte=-180, lon__lte=180), name="reuse_place_lon_range"),
        ]

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.slug

    def get_absolute_url(self):
        return reverse("reuse:place_detail", args=[self.slug])

    @property
    def language_list(self) -> list[str]:
        return [x.strip() for x in self.languages.split(",") if x.strip()]


class RepairEvent(models.Model):
    """A repair session of a place (a repair café's afternoon) whose repairs are logged in ORDS."""

    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="events")
    date = models.DateField(db_index=True)
    group_identifier = models.CharField(max_length=200, blank=True,
                                        help_text="ORDS group_identifier written on its repairs.")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["-date", "-pk"]

    def __str__(self):
        return f"{self.place} {self.date.isoformat()}"

    def get_absolute_url(self):
        return reverse("reuse:event_detail", args=[self.pk])


class Repair(models.Model):
    """One repair attempt, field for field an ORDS 0.3 record."""

    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="repairs")
    event = models.ForeignKey(RepairEvent, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="repairs")
    ords_id = models.CharField(max_length=100)
    data_provider = models.CharField(max_length=200, blank=True)
    country = models.CharField(max_length=3, blank=True)
    partner_product_category = models.CharField(max_length=200, blank=True)
    product_category = models.CharField(max_length=200, db_index=True)
    product_category_id = models.PositiveIntegerField(null=True, blank=True)
    brand = models.CharField(max_length=200, blank=True)
    year_of_manufacture = models.PositiveSmallIntegerField(null=True, blank=True)
    product_age = models.FloatField(null=True, blank=True, help_text="Years.")
    repair_status = models.CharField(max_length=12, choices=[(s, s) for s in STATUSES], db_index=True)
    repair_barrier_if_end_of_life = models.CharField(max_length=200, blank=True)
    group_identifier = models.CharField(max_length=200, blank=True)
    event_date = models.DateField(db_index=True)
    problem = models.TextField(blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["-event_date", "-pk"]
        constraints = [models.UniqueConstraint(fields=["place", "ords_id"], name="reuse_repair_id_unique_per_place")]

    def __str__(self):
        return f"{self.ords_id}: {self.product_category} ({self.repair_status})"


class CentreItem(models.Model):
    """An item a refurbishment centre took in; its state moves only through
    ``services.move_item`` (the state machine of ``core.refurbish``)."""

    centre = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="centre_items")
    reference = models.CharField(max_length=60)
    donor = models.CharField(max_length=200)
    category = models.CharField(max_length=100)
    mass_kg = models.FloatField()
    received_on = models.DateField()
    state = models.CharField(max_length=12, choices=[(s, STATE_LABELS[s]) for s in refurbish.STATES],
                             default=refurbish.INTAKE,
                             db_index=True)
    decision = models.CharField(max_length=10, blank=True)
    recipient = models.CharField(max_length=200, blank=True)
    price = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    currency = models.CharField(max_length=3, blank=True)
    listing = models.ForeignKey("marketplace.Listing", null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="+", help_text="Marketplace offer of the dismantled parts.")
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["-received_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["centre", "reference"], name="reuse_item_reference_unique"),
            models.CheckConstraint(condition=Q(mass_kg__gt=0), name="reuse_item_mass_positive"),
        ]

    def __str__(self):
        return f"{self.reference} ({self.category})"

    def get_absolute_url(self):
        return reverse("reuse:item_detail", args=[self.pk])


class CentreStep(models.Model):
    """One dated step of an item, with who did it."""

    item = models.ForeignKey(CentreItem, on_delete=models.CASCADE, related_name="steps")
    action = models.CharField(max_length=10)  # "intake" for the first step
    from_state = models.CharField(max_length=12, blank=True)
    to_state = models.CharField(max_length=12)
    date = models.DateField()
    actor = models.CharField(max_length=200)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                           related_name="+")
    note = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date", "pk"]

    @property
    def action_label(self):
        return ACTION_LABELS.get(self.action, self.action)

    @property
    def state_label(self):
        return STATE_LABELS.get(self.to_state, self.to_state)


class CentreFigure(models.Model):
    """A figure of the centre from a source: a yearly target, or a result it reported."""

    class Kind(models.TextChoices):
        TARGET = "target", _("yearly target")
        REPORTED = "reported", _("reported result")

    centre = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="centre_figures")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    measure = models.CharField(max_length=20, choices=[(m, m) for m in refurbish.MEASURES])
    year_from = models.PositiveSmallIntegerField()
    year_to = models.PositiveSmallIntegerField()
    value = models.FloatField()
    source = models.CharField(max_length=300)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["kind", "year_from", "measure"]

    @property
    def measure_label(self):
        return MEASURE_LABELS.get(self.measure, self.measure)


class LendingItem(TranslatableModel):
    """An item an item library lends (a drill, a ladder, a tent)."""

    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="lending_items")
    code = models.CharField(max_length=40)
    translations = TranslatedFields(
        name=models.CharField(max_length=200),
        description=models.TextField(blank=True),
    )
    category = models.CharField(max_length=100, blank=True)
    condition = models.CharField(max_length=10, choices=[(c, CONDITION_LABELS[c]) for c in lending.CONDITIONS],
                                 default="good")
    replacement_value = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True,
                                            help_text="Price of buying it new (the purchase a loan avoids).")
    currency = models.CharField(max_length=3, blank=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["code"]
        constraints = [models.UniqueConstraint(fields=["place", "code"], name="reuse_lending_code_unique")]

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.code

    def open_loan(self):
        return self.loans.filter(returned_on__isnull=True).first()


class Loan(models.Model):
    item = models.ForeignKey(LendingItem, on_delete=models.PROTECT, related_name="loans")
    borrower = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="loans")
    borrower_name = models.CharField(max_length=200)
    borrower_email = models.EmailField(blank=True)
    language = models.CharField(max_length=10, default="en", help_text="Language of the borrower's e-mails.")
    start = models.DateField()
    due = models.DateField()
    returned_on = models.DateField(null=True, blank=True)
    condition_out = models.CharField(max_length=10)
    condition_in = models.CharField(max_length=10, blank=True)
    deposit = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    currency = models.CharField(max_length=3, blank=True)
    reminded_on = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["-start", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["item"], condition=Q(returned_on__isnull=True),
                                    name="reuse_one_open_loan_per_item"),
            models.CheckConstraint(condition=Q(due__gte=models.F("start")), name="reuse_loan_due_after_start"),
        ]

    def __str__(self):
        return f"{self.item} → {self.borrower_name} ({self.start.isoformat()})"
