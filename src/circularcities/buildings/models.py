"""Buildings as material banks: a building, its components and their materials.

A figure that is not known is stored as ``NULL`` and shown as missing; it is
never filled with a guess. Each component records, per figure, whether it was
measured or estimated (``quality``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModel, TranslatedFields

from circularcities.core.passport import ACCESSIBILITY_CLASSES, CONNECTION_TYPES, FIGURES

CONNECTION_LABELS = {
    "dry": _("dry connection (click, loose laid)"),
    "added_elements": _("added fixings (bolts, screws)"),
    "direct_integral": _("direct integral connection"),
    "soft_chemical": _("soft chemical (sealant, foam)"),
    "hard_chemical": _("hard chemical (glue, mortar, weld)"),
}
ACCESSIBILITY_LABELS = {
    "free": _("freely accessible"),
    "no_damage": _("extra actions, no damage"),
    "repairable_damage": _("extra actions, repairable damage"),
    "irreparable_damage": _("only with irreparable damage"),
}
FIGURE_LABELS = {
    "mass": _("mass"),
    "origin": _("origin"),
    "reusable": _("reusable share"),
    "recyclable": _("recyclable share"),
    "lifetime": _("lifetime"),
    "detachability": _("detachability"),
    "residual_value": _("residual value"),
    "take_back": _("take-back"),
}
assert set(CONNECTION_LABELS) == set(CONNECTION_TYPES)
assert set(ACCESSIBILITY_LABELS) == set(ACCESSIBILITY_CLASSES)
assert set(FIGURE_LABELS) == set(FIGURES)


class Building(TranslatableModel, models.Model):  # models.Model: parler is untyped
    class Use(models.TextChoices):
        CIVIC = "civic", _("civic / town hall")
        OFFICE = "office", _("office")
        RESIDENTIAL = "residential", _("residential")
        EDUCATION = "education", _("education")
        HEALTH = "health", _("health care")
        INDUSTRIAL = "industrial", _("industrial")
        OTHER = "other", _("other")

    translations = TranslatedFields(
        name=models.CharField(max_length=200),
        description=models.TextField(blank=True),
    )
    city = models.ForeignKey("coalition.City", on_delete=models.PROTECT, related_name="buildings",
                             help_text="The owner city; its editors edit the passport.")
    address = models.CharField(max_length=300, blank=True)
    lat = models.FloatField(null=True, blank=True)
    lon = models.FloatField(null=True, blank=True)
    use = models.CharField(max_length=12, choices=Use.choices, default=Use.CIVIC)
    floor_area_m2 = models.FloatField(null=True, blank=True)
    year_built = models.PositiveIntegerField(null=True, blank=True)
    design_life_years = models.PositiveIntegerField(null=True, blank=True)
    planned_end_of_use = models.DateField(null=True, blank=True)
    published = models.BooleanField(default=False)
    source = models.CharField(max_length=400, blank=True,
                              help_text="Where the figures come from (document, survey, model).")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    is_demo = models.BooleanField(default=False)
    demo_key = models.CharField(max_length=60, blank=True, db_index=True)

    # A plain manager the type checker can resolve (parler's is untyped); the app reads
    # translations through web.translated, not through parler's query helpers.
    objects = models.Manager()

    class Meta:
        ordering = ["city__slug", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(lat__isnull=True) | Q(lat__gte=-90, lat__lte=90),
                                   name="building_lat_range"),
            models.CheckConstraint(condition=Q(lon__isnull=True) | Q(lon__gte=-180, lon__lte=180),
                                   name="building_lon_range"),
        ]

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or f"#{self.pk}"

    def get_absolute_url(self):
        return reverse("buildings:detail", args=[self.pk])


class Component(TranslatableModel, models.Model):
    class Origin(models.TextChoices):
        VIRGIN = "virgin", _("virgin")
        RECYCLED = "recycled", _("recycled")
        REUSED = "reused", _("reused")
        SUSTAINED_BIO = "sustained_bio", _("sustained biological")

    building = models.ForeignKey(Building, on_delete=models.CASCADE, related_name="components")
    reference = models.CharField(max_length=100,
                                 help_text="The component's id in the file or model (e.g. IFC GlobalId).")
    translations = TranslatedFields(name=models.CharField(max_length=200, blank=True))
    classification = models.CharField(max_length=100, blank=True,
                                      help_text="e.g. NL-SfB code or IFC class")
    count = models.PositiveIntegerField(default=1)
    connection = models.CharField(max_length=20, blank=True,
                                  choices=[(k, v) for k, v in CONNECTION_LABELS.items()])
    accessibility = models.CharField(max_length=20, blank=True,
                                     choices=[(k, v) for k, v in ACCESSIBILITY_LABELS.items()])
    reusable_share = models.FloatField(null=True, blank=True, help_text="0..1 of the mass")
    recyclable_share = models.FloatField(null=True, blank=True, help_text="0..1 of the mass")
    composted_share = models.FloatField(default=0.0, help_text="C_C: 0..1 of the mass composted")
    energy_share = models.FloatField(
        default=0.0, help_text="C_E: 0..1 of the mass sent to energy recovery (credited for "
                               "sustained biological material only)")
    origin = models.CharField(max_length=14, choices=Origin.choices, blank=True)
    lifetime_years = models.FloatField(null=True, blank=True)
    reference_lifetime_years = models.FloatField(
        null=True, blank=True, help_text="Industry-average lifetime of such a component (L_av).")
    eff_collection = models.FloatField(default=1.0, help_text="E_C: end-of-use recycling efficiency")
    eff_feedstock = models.FloatField(default=1.0, help_text="E_F: recycled feedstock efficiency")
    take_back_supplier = models.CharField(max_length=200, blank=True)
    take_back_terms = models.CharField(max_length=400, blank=True)
    take_back_until = models.DateField(null=True, blank=True)
    residual_value = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    currency = models.CharField(max_length=3, blank=True)
    residual_value_date = models.DateField(null=True, blank=True)
    end_of_use = models.DateField(null=True, blank=True,
                                  help_text="Planned end of use; the building's when blank.")
    quality = models.JSONField(default=dict, blank=True,
                               help_text="Per figure: measured, estimated or missing.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = models.Manager()

    class Meta:
        ordering = ["building", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["building", "reference"], name="component_reference_unique"),
            models.CheckConstraint(condition=Q(reusable_share__isnull=True)
                                   | Q(reusable_share__gte=0, reusable_share__lte=1),
                                   name="component_reusable_fraction"),
            models.CheckConstraint(condition=Q(recyclable_share__isnull=True)
                                   | Q(recyclable_share__gte=0, recyclable_share__lte=1),
                                   name="component_recyclable_fraction"),
        ]

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.reference

    @property
    def effective_end_of_use(self):
        return self.end_of_use or self.building.planned_end_of_use

    @property
    def mass_kg(self) -> float | None:
        masses = [m.mass_kg for m in self.materials.all()]
        if not masses or any(m is None for m in masses):
            return None
        return float(sum(m for m in masses if m is not None))


class ComponentMaterial(models.Model):
    """One material of a component, with its mass for the whole component line."""

    component = models.ForeignKey(Component, on_delete=models.CASCADE, related_name="materials")
    material = models.CharField(max_length=120)
    waste_code = models.CharField(max_length=6, blank=True,
                                  help_text="EU List of Waste code at end of use (6 digits), "
                                            "used for marketplace offers")
    mass_kg = models.FloatField(null=True, blank=True, help_text="Missing when not known.")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["component", "position", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(mass_kg__isnull=True) | Q(mass_kg__gt=0),
                                   name="component_material_mass_positive"),
        ]

    def __str__(self):
        return self.material


class ComponentOffer(models.Model):
    """A marketplace offer made from one material of a component (material bank)."""

    component = models.ForeignKey(Component, on_delete=models.CASCADE, related_name="offers")
    material = models.ForeignKey(ComponentMaterial, on_delete=models.CASCADE, related_name="offers")
    listing = models.ForeignKey("marketplace.Listing", on_delete=models.CASCADE, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["material"], name="one_offer_per_material")]
