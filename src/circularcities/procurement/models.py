"""Circular procurement: life-cycle comparisons of alternatives, requirement sets,
suppliers' products with declarations and certificates, tenders with weighted
criteria, bids, awards and expected savings, and procurement pilots with their
indicators.

Computations live in :mod:`circularcities.core.procurement`; every write goes
through :mod:`circularcities.procurement.services`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModel, TranslatedFields

from circularcities.core.procurement import MODULES
from circularcities.web.content import TranslatedContent

MODULE_CHOICES = [(m, m) for m in MODULES]
CRITERION_CHOICES = [
    ("price", _("Price")),
    ("life_cycle_cost", _("Life-cycle cost")),
    ("life_cycle_carbon", _("Life-cycle carbon")),
    ("circularity", _("Circularity")),
    ("social_value", _("Social value")),
]
SAVING_CHOICES = [("energy", _("Energy")), ("carbon", _("Carbon")), ("money", _("Money")),
                  ("waste", _("Waste"))]


class ComparisonProject(TranslatableModel):
    """A building or purchase whose items are compared by life-cycle carbon."""

    class Kind(models.TextChoices):
        BUILDING = "building", _("Building")
        PURCHASE = "purchase", _("Purchase")

    city = models.ForeignKey("coalition.City", on_delete=models.CASCADE, related_name="+")
    slug = models.SlugField(unique=True)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.BUILDING)
    translations = TranslatedFields(
        name=models.CharField(_("name"), max_length=200),
        description=models.TextField(_("description"), blank=True),
    )
    published = models.BooleanField(default=False, help_text="Shown to the public once published.")
    source = models.CharField(max_length=300, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    is_demo = models.BooleanField(default=False)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["slug"]

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.slug

    def get_absolute_url(self):
        return reverse("procurement:project_detail", args=[self.slug])


class ProjectItem(TranslatedContent, TranslatableModel):
    """An item of a comparison ("interior wall"); its name per language, English its key
    (unique per comparison, checked by ``services``)."""

    project = models.ForeignKey(ComparisonProject, on_delete=models.CASCADE, related_name="items")
    translations = TranslatedFields(name=models.CharField(_("name"), max_length=200))
    legacy_fields = ("name",)
    position = models.PositiveIntegerField(default=0)
    study_period_years = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return self.t("name") or f"#{self.pk}"


class ItemAlternative(TranslatedContent, TranslatableModel):
    """One alternative; the first by position is the item's reference (business as usual).
    Its name per language, English its key (unique per item, checked by ``services``)."""

    item = models.ForeignKey(ProjectItem, on_delete=models.CASCADE, related_name="alternatives")
    translations = TranslatedFields(name=models.CharField(_("name"), max_length=200))
    legacy_fields = ("name",)
    position = models.PositiveIntegerField(default=0)
    reused = models.BooleanField(default=False)
    assumption = models.TextField(blank=True)
    service_life_years = models.FloatField(null=True, blank=True)
    data_format = models.CharField(max_length=20, blank=True, help_text="openEPD, ILCD+EPD, generic or manual")

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return self.t("name") or f"#{self.pk}"


class ModuleQuantity(models.Model):
    """One line: module, quantity and unit, kg CO2e per unit, its source."""

    alternative = models.ForeignKey(ItemAlternative, on_delete=models.CASCADE, related_name="lines")
    module = models.CharField(max_length=6, choices=MODULE_CHOICES)
    quantity = models.FloatField()
    unit = models.CharField(max_length=20)
    kgco2e_per_unit = models.FloatField()
    source = models.CharField(max_length=300, blank=True)
    generic = models.BooleanField(default=False)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [models.CheckConstraint(condition=Q(quantity__gte=0), name="procurement_quantity_ge_0")]


class RequirementSet(TranslatableModel):
    """What products must meet (San Francisco carpets: C2C Silver, banned chemicals, ...)."""

    city = models.ForeignKey("coalition.City", null=True, blank=True, on_delete=models.CASCADE,
                             related_name="+")
    slug = models.SlugField(unique=True)
    translations = TranslatedFields(
        name=models.CharField(_("name"), max_length=200),
        description=models.TextField(_("description"), blank=True),
    )
    category = models.CharField(max_length=100, blank=True)
    min_recycled_content_pct = models.FloatField(null=True, blank=True)
    certification_scheme = models.CharField(max_length=100, blank=True)
    certification_level = models.CharField(max_length=50, blank=True)
    take_back = models.BooleanField(default=False)
    source = models.CharField(max_length=300, blank=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["slug"]

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.slug


class BannedSubstance(models.Model):
    requirement_set = models.ForeignKey(RequirementSet, on_delete=models.CASCADE, related_name="banned")
    name = models.CharField(max_length=200)
    cas = models.CharField(max_length=12, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"{self.name} ({self.cas})" if self.cas else self.name


class Product(models.Model):
    """A supplier's product; the supplier is a coalition organisation (business or solution provider)."""

    supplier = models.ForeignKey("coalition.Partner", on_delete=models.CASCADE, related_name="products")
    name = models.CharField(max_length=200)
    category = models.CharField(max_length=100, blank=True)
    recycled_content_pct = models.FloatField(null=True, blank=True)
    take_back = models.BooleanField(default=False)
    description = models.TextField(blank=True)
    source = models.CharField(max_length=300, blank=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["supplier__slug", "name"]
        constraints = [models.UniqueConstraint(fields=["supplier", "name"], name="procurement_product_name")]

    def __str__(self):
        return f"{self.name} ({self.supplier.name_en})"


class Declaration(models.Model):
    """A substance the supplier declares in the product (name, CAS number, class)."""

    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="declarations")
    name = models.CharField(max_length=200)
    cas = models.CharField(max_length=12, blank=True)
    group = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["pk"]


class Certificate(models.Model):
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="certificates")
    scheme = models.CharField(max_length=100)
    level = models.CharField(max_length=50)
    issuer = models.CharField(max_length=200)
    valid_until = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"{self.scheme} {self.level}"


class Tender(TranslatableModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open for bids")
        AWARDED = "awarded", _("Awarded")

    city = models.ForeignKey("coalition.City", on_delete=models.CASCADE, related_name="+")
    slug = models.SlugField(unique=True)
    translations = TranslatedFields(
        title=models.CharField(_("title"), max_length=200),
        description=models.TextField(_("description"), blank=True),
        justification=models.TextField(_("award justification"), blank=True),
    )
    requirement_set = models.ForeignKey(RequirementSet, null=True, blank=True, on_delete=models.SET_NULL,
                                        related_name="tenders")
    project = models.ForeignKey(ComparisonProject, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="tenders")
    currency = models.CharField(max_length=3, default="EUR")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    year = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Empty when the source gives none.")
    awarded_bid = models.ForeignKey("Bid", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    award_date = models.DateField(null=True, blank=True)
    award_warnings = models.JSONField(default=list, blank=True)
    source = models.CharField(max_length=300, blank=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = [models.F("year").desc(nulls_last=True), "slug"]

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or self.slug

    def get_absolute_url(self):
        return reverse("procurement:tender_detail", args=[self.slug])


class TenderCriterion(models.Model):
    tender = models.ForeignKey(Tender, on_delete=models.CASCADE, related_name="criteria")
    key = models.CharField(max_length=20, choices=CRITERION_CHOICES)
    points = models.FloatField()

    class Meta:
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["tender", "key"], name="procurement_one_criterion")]

    @property
    def rule(self) -> str:
        """The scoring rule, as shown beside the scores."""
        from circularcities.core.procurement import rule_text

        return rule_text(self.key, self.points)


class Bid(models.Model):
    tender = models.ForeignKey(Tender, on_delete=models.CASCADE, related_name="bids")
    bidder = models.ForeignKey("coalition.Partner", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="bids")
    bidder_name = models.CharField(max_length=200)
    product = models.ForeignKey(Product, null=True, blank=True, on_delete=models.SET_NULL, related_name="bids")
    price = models.FloatField(null=True, blank=True)
    life_cycle_cost = models.FloatField(null=True, blank=True)
    life_cycle_carbon = models.FloatField(null=True, blank=True, help_text="kg CO2e")
    circularity = models.FloatField(null=True, blank=True, help_text="0-10")
    social_value = models.FloatField(null=True, blank=True, help_text="0-10")
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["tender", "bidder_name"], name="procurement_one_bid")]

    def __str__(self):
        return self.bidder_name


class ExpectedSaving(models.Model):
    tender = models.ForeignKey(Tender, on_delete=models.CASCADE, related_name="savings")
    kind = models.CharField(max_length=10, choices=SAVING_CHOICES)
    value = models.FloatField()
    unit = models.CharField(max_length=20, help_text="MWh, t CO2e, a currency, t, or % (relative)")
    year = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Empty when the source gives none.")
    method = models.CharField(max_length=500)
    source = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["year", "kind", "pk"]


class Pilot(TranslatableModel):
    """A circular procurement pilot (Toronto) measured on economic, environmental and social indicators."""

    city = models.ForeignKey("coalition.City", on_delete=models.CASCADE, related_name="+")
    slug = models.SlugField(unique=True)
    translations = TranslatedFields(
        name=models.CharField(_("name"), max_length=200),
        description=models.TextField(_("description"), blank=True),
    )
    start = models.DateField(null=True, blank=True)
    end = models.DateField(null=True, blank=True)
    planning_project = models.ForeignKey("planning.Project", null=True, blank=True, on_delete=models.SET_NULL,
                                         related_name="+",
                                         help_text="Readings with a programme indicator are logged here.")
    source = models.CharField(max_length=300, blank=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["slug"]

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.slug


class PilotReading(models.Model):
    class Dimension(models.TextChoices):
        ECONOMIC = "economic", _("Economic")
        ENVIRONMENTAL = "environmental", _("Environmental")
        SOCIAL = "social", _("Social")

    pilot = models.ForeignKey(Pilot, on_delete=models.CASCADE, related_name="readings")
    dimension = models.CharField(max_length=14, choices=Dimension.choices)
    indicator = models.CharField(max_length=200)
    programme_indicator = models.CharField(max_length=30, blank=True,
                                           help_text="Key of the planning programme indicator it feeds.")
    year = models.PositiveSmallIntegerField()
    quarter = models.PositiveSmallIntegerField()
    value = models.FloatField()
    unit = models.CharField(max_length=30)
    source = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["year", "quarter", "dimension", "indicator"]
        constraints = [models.UniqueConstraint(fields=["pilot", "indicator", "year", "quarter"],
                                               name="procurement_one_reading")]
