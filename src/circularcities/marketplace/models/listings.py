"""Listings (offers, wants, share/lend items) and the exchanges that close them."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModel, TranslatedFields

from circularcities.web.content import TranslatedContent

TONNE = Decimal("0.000001")  # tonnes are stored to the gram


class Listing(TranslatedContent, TranslatableModel):
    """A listing; its title is written per language (django-parler): ``title_en``,
    ``title_zh``, ``title_ja``, ``title_ko`` read and write those rows."""

    class Kind(models.TextChoices):
        OFFER = "offer", _("Offer")
        WANT = "want", _("Want")
        SHARE = "share", _("Share / lend")

    class Unit(models.TextChoices):
        TONNE = "t", _("tonnes")
        KILOGRAM = "kg", _("kilograms")
        CUBIC_METRE = "m3", _("cubic metres")
        PIECES = "pcs", _("pieces")

    class Frequency(models.TextChoices):
        ONCE = "once", _("one-off")
        MONTHLY = "monthly", _("recurring, per month")

    class Status(models.TextChoices):
        AVAILABLE = "available", _("available")
        PARTIAL = "partial", _("partially taken")
        TAKEN = "taken", _("taken")
        WITHDRAWN = "withdrawn", _("withdrawn")

    class Route(models.TextChoices):
        REUSE = "reuse", _("reuse")
        RECYCLING = "recycling", _("recycling")

    class DensitySource(models.TextChoices):
        NONE = "", _("not needed")
        GIVEN = "given", _("given by the lister")
        DEFAULT = "default", _("platform default (estimate)")

    kind = models.CharField(max_length=6, choices=Kind.choices, db_index=True)
    legacy_fields = ("title",)
    translations = TranslatedFields(
        title=models.CharField(max_length=200, blank=True),
    )
    description = models.TextField(blank=True)
    waste_code = models.ForeignKey("marketplace.WasteCode", null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="listings")
    category = models.ForeignKey("marketplace.ProductCategory", null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="listings")
    quantity = models.DecimalField(max_digits=14, decimal_places=3,
                                   help_text="In the listing's unit (per month when recurring).")
    unit = models.CharField(max_length=3, choices=Unit.choices, default=Unit.TONNE)
    mass_per_piece_kg = models.FloatField(null=True, blank=True)
    density_t_per_m3 = models.FloatField(null=True, blank=True)
    density_source = models.CharField(max_length=8, choices=DensitySource.choices, blank=True)
    quantity_t = models.DecimalField(max_digits=16, decimal_places=6,
                                     help_text="Quantity converted to tonnes.")
    remaining_t = models.DecimalField(max_digits=16, decimal_places=6,
                                      help_text="Tonnes still available (offers) or still wanted.")
    frequency = models.CharField(max_length=8, choices=Frequency.choices, default=Frequency.ONCE)
    route = models.CharField(max_length=10, choices=Route.choices, default=Route.REUSE)
    lat = models.FloatField()
    lon = models.FloatField()
    location_from_organisation = models.BooleanField(default=False)
    is_free = models.BooleanField(default=False)
    price = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True,
                                help_text="Asking (offers) or offered (wants) price for the whole quantity.")
    currency = models.CharField(max_length=3, blank=True, help_text="ISO 4217")
    avoided_cost_per_t = models.DecimalField(
        max_digits=12, decimal_places=2, null=True, blank=True,
        help_text="Offers: disposal cost the giver escapes; wants: purchase price of new "
                  "material the receiver escapes; per tonne, in the listing's currency.")
    available_from = models.DateField(null=True, blank=True)
    available_until = models.DateField(null=True, blank=True)
    organisation = models.ForeignKey("coalition.Partner", null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="listings")
    city = models.ForeignKey("coalition.City", null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="listings")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.AVAILABLE,
                              db_index=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="listings")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    reference = models.CharField(max_length=60, blank=True,
                                 help_text="The lister's own reference; a CSV re-import updates by it.")
    is_demo = models.BooleanField(default=False)
    demo_key = models.CharField(max_length=60, blank=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "reference"], condition=~Q(reference=""),
                                    name="listing_reference_unique_per_organisation"),
            models.CheckConstraint(condition=Q(remaining_t__gte=0), name="listing_remaining_not_negative"),
            models.CheckConstraint(condition=Q(remaining_t__lte=F("quantity_t")),
                                   name="listing_remaining_at_most_quantity"),
            models.CheckConstraint(condition=Q(quantity__gt=0), name="listing_quantity_positive"),
            models.CheckConstraint(
                condition=(Q(waste_code__isnull=False, category__isnull=True)
                           | Q(waste_code__isnull=True, category__isnull=False)),
                name="listing_one_material"),
            models.CheckConstraint(condition=Q(lat__gte=-90, lat__lte=90), name="listing_lat_range"),
            models.CheckConstraint(condition=Q(lon__gte=-180, lon__lte=180), name="listing_lon_range"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} #{self.pk}: {self.t('title') or self.material_label}"

    def get_absolute_url(self):
        return reverse("marketplace:listing_detail", args=[self.pk])

    @property
    def material_code(self) -> str:
        """Material key the matcher uses: 6-digit EWC code or category slug."""
        return self.waste_code_id or self.category_id or ""

    @property
    def material_label(self) -> str:
        if self.waste_code is not None:
            from circularcities.marketplace.catalogue import ewc_text

            return f"{self.waste_code.code_display} {ewc_text(self.waste_code).text}"
        return self.category.t("name") if self.category else ""

    @property
    def hazardous(self) -> bool:
        return self.waste_code is not None and self.waste_code.hazardous

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.AVAILABLE, self.Status.PARTIAL)

    @property
    def taken_t(self) -> Decimal:
        return self.quantity_t - self.remaining_t

    def status_for_remaining(self, remaining: Decimal) -> str:
        if self.status == self.Status.WITHDRAWN:
            return self.status
        if remaining <= 0:
            return self.Status.TAKEN
        if remaining < self.quantity_t:
            return self.Status.PARTIAL
        return self.Status.AVAILABLE


class Exchange(models.Model):
    """A closed exchange, recorded as Austin records one: both parties, material,
    quantity, value, costs avoided on each side, end use, date; plus the
    avoided emissions with every factor as used (value, source, year), frozen
    here so the record stays auditable when the factor tables change."""

    offer = models.ForeignKey(Listing, null=True, blank=True, on_delete=models.PROTECT,
                              related_name="exchanges_out")
    want = models.ForeignKey(Listing, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="exchanges_in")
    giver = models.ForeignKey("coalition.Partner", null=True, blank=True, on_delete=models.PROTECT,
                              related_name="exchanges_given")
    giver_name = models.CharField(max_length=200, blank=True,
                                  help_text="A resident or group without an organisation.")
    receiver = models.ForeignKey("coalition.Partner", null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="exchanges_received")
    receiver_name = models.CharField(max_length=200, blank=True)
    city = models.ForeignKey("coalition.City", null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="exchanges")
    material_code = models.CharField(max_length=40)
    material_label = models.CharField(max_length=400)
    hazardous = models.BooleanField(default=False)
    is_share = models.BooleanField(default=False)
    items = models.PositiveIntegerField(null=True, blank=True, help_text="Items shared or lent.")
    quantity_t = models.DecimalField(max_digits=16, decimal_places=6)
    value = models.DecimalField(max_digits=14, decimal_places=2, default=Decimal("0"))
    currency = models.CharField(max_length=3, blank=True)
    disposal_cost_avoided = models.DecimalField(max_digits=14, decimal_places=2, default=Decimal("0"))
    purchase_cost_avoided = models.DecimalField(max_digits=14, decimal_places=2, default=Decimal("0"))
    end_use = models.CharField(max_length=300, blank=True)
    date = models.DateField(db_index=True)
    distance_km = models.FloatField(null=True, blank=True)
    route = models.CharField(max_length=10, choices=Listing.Route.choices, default=Listing.Route.REUSE)
    counterfactual = models.CharField(max_length=24, default="landfill")
    factor_set = models.CharField(max_length=20, blank=True)
    co2e_status = models.CharField(max_length=12, blank=True)
    kg_co2e_avoided = models.FloatField(null=True, blank=True)
    partial_kg_co2e = models.FloatField(null=True, blank=True)
    factors = models.JSONField(default=list, blank=True,
                               help_text="Each factor used: role, sign, value, unit, source, year, id.")
    co2e_notes = models.JSONField(default=list, blank=True)
    weight = models.FloatField(default=1.0, help_text="Material weight when recorded.")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    is_demo = models.BooleanField(default=False)
    demo_key = models.CharField(max_length=60, blank=True, db_index=True)

    class Meta:
        ordering = ["-date", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(quantity_t__gt=0), name="exchange_quantity_positive"),
            models.CheckConstraint(condition=Q(value__gte=0, disposal_cost_avoided__gte=0,
                                               purchase_cost_avoided__gte=0),
                                   name="exchange_money_not_negative"),
        ]

    def __str__(self):
        return f"Exchange #{self.pk}: {self.quantity_t} t {self.material_code}"

    def get_absolute_url(self):
        return reverse("marketplace:exchange_detail", args=[self.pk])

    @property
    def giver_display(self) -> str:
        return self.giver.t("name") if self.giver else self.giver_name

    @property
    def receiver_display(self) -> str:
        return self.receiver.t("name") if self.receiver else self.receiver_name

    @property
    def value_created(self) -> Decimal:
        """Austin's definition: price paid + disposal cost avoided + purchase cost avoided."""
        return self.value + self.disposal_cost_avoided + self.purchase_cost_avoided

    @property
    def weighted_t(self) -> float:
        return float(self.quantity_t) * self.weight
