"""Industrial parks: facilities and the by-product and energy flows between them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from parler.managers import TranslatableManager
from parler.models import TranslatableModel, TranslatedFields

from circularcities.web.content import TranslatedContent


class ParkManager(TranslatableManager, models.Manager["Park"]):
    """Parler's manager, typed for django-stubs (parler ships no type information)."""


class FacilityManager(TranslatableManager, models.Manager["Facility"]):
    """Parler's manager, typed for django-stubs."""


class FlowManager(TranslatableManager, models.Manager["Flow"]):
    """Parler's manager, typed for django-stubs."""


class FlowValueManager(TranslatableManager, models.Manager["FlowValue"]):
    """Parler's manager, typed for django-stubs."""


class Park(TranslatableModel):
    """A park, run by its managers (``managers``), with text in the platform's languages."""

    class Level(models.TextChoices):
        STATE = "state", _("state-initiated")
        PROVINCE = "province", _("province-initiated")
        CITY = "city", _("city-initiated")
        NOT_STATED = "not_stated", _("level not stated")

    slug = models.SlugField(unique=True)
    translations = TranslatedFields(
        name=models.CharField(max_length=200),
        description=models.TextField(blank=True),
        coordinates_note=models.CharField(max_length=300, blank=True),
        notes=models.TextField(blank=True),
    )
    city = models.ForeignKey("coalition.City", null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="parks")
    lat = models.FloatField()
    lon = models.FloatField()
    radius_km = models.FloatField(default=10.0, help_text="Listings this close count as near the park.")
    level = models.CharField(max_length=12, choices=Level.choices, default=Level.NOT_STATED)
    # None: not known; True/False as the park (or its source) reports it.
    applies_symbiosis = models.BooleanField(null=True, blank=True)
    level_source = models.CharField(max_length=300, blank=True,
                                    help_text="Where the level and the symbiosis practice are stated.")
    managers = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="managed_parks")
    sources = models.JSONField(default=list, blank=True)
    is_demo = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ParkManager()

    class Meta:
        ordering = ["slug"]
        constraints = [models.CheckConstraint(condition=Q(radius_km__gt=0), name="park_radius_positive")]

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.slug

    def get_absolute_url(self):
        return reverse("marketplace:park_detail", args=[self.slug])


class Facility(TranslatableModel):
    class Kind(models.TextChoices):
        PLANT = "plant", _("plant")
        TREATMENT = "treatment", _("treatment centre")
        OFFICE = "office", _("offices")
        SOURCE = "source", _("outside source")
        USER = "user", _("outside user")

    park = models.ForeignKey(Park, on_delete=models.CASCADE, related_name="facilities")
    slug = models.SlugField()
    translations = TranslatedFields(name=models.CharField(max_length=200))
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.PLANT)
    lat = models.FloatField(null=True, blank=True)
    lon = models.FloatField(null=True, blank=True)
    inside_park = models.BooleanField(default=True)
    organisation = models.ForeignKey("coalition.Partner", null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="facilities")

    objects = FacilityManager()

    class Meta:
        ordering = ["park", "pk"]
        verbose_name_plural = "facilities"
        constraints = [models.UniqueConstraint(fields=["park", "slug"], name="facility_slug_per_park")]

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.slug


class Flow(TranslatedContent, TranslatableModel):
    """An exchange between two facilities, per year; what flows is named per language."""

    class Kind(models.TextChoices):
        MATERIAL = "material", _("material")
        ENERGY = "energy", _("energy")

    park = models.ForeignKey(Park, on_delete=models.CASCADE, related_name="flows")
    source = models.ForeignKey(Facility, on_delete=models.CASCADE, related_name="outflows")
    target = models.ForeignKey(Facility, on_delete=models.CASCADE, related_name="inflows")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    legacy_fields = ("name",)
    translations = TranslatedFields(
        name=models.CharField(max_length=200, blank=True),
    )
    material_code = models.CharField(max_length=40, blank=True, help_text="EWC code or category, if any")
    annual_quantity = models.FloatField(null=True, blank=True, help_text="Empty when not reported.")
    unit = models.CharField(max_length=20, blank=True, help_text="t, MWh, GJ ...")
    source_note = models.CharField(max_length=300, blank=True)

    objects = FlowManager()

    class Meta:
        ordering = ["park", "pk"]
        constraints = [models.CheckConstraint(condition=Q(annual_quantity__gte=0) | Q(annual_quantity__isnull=True),
                                              name="flow_quantity_not_negative")]

    def __str__(self):
        return f"{self.source} -> {self.target}: {self.t('name', settings.LANGUAGE_CODE)}"


class FlowValue(TranslatedContent, TranslatableModel):
    """An economic value a source reports for a flow. A flow may carry several
    when sources (or the two language versions of one source) disagree: all are
    shown, none is picked silently. Its basis is written per language."""

    flow = models.ForeignKey(Flow, on_delete=models.CASCADE, related_name="values")
    amount = models.DecimalField(max_digits=16, decimal_places=2)
    currency = models.CharField(max_length=3)
    year = models.IntegerField(null=True, blank=True, help_text="The year the value refers to (its currency's year).")
    per_year = models.BooleanField(default=True)
    legacy_fields = ("basis",)
    translations = TranslatedFields(
        basis=models.CharField(max_length=200, blank=True),
    )
    source = models.CharField(max_length=200)
    quote = models.CharField(max_length=300, blank=True, help_text="The words of the source.")

    objects = FlowValueManager()

    class Meta:
        ordering = ["flow", "amount"]

    def __str__(self):
        return f"{self.amount} {self.currency} ({self.source})"
