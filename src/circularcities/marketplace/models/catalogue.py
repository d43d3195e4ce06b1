"""What can be listed: EU List of Waste entries, product categories, and the
secretariat's tables (compatibility between materials, weight per material)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from circularcities.web.bilingual import Bilingual


class WasteCode(models.Model):  # type: ignore[django-manager-missing]
    """One entry of the EU List of Waste (Decision 2014/955/EU), mirrored from
    ``data/ewc_codes.csv``; ``hazardous`` is the list's asterisk."""

    code = models.CharField(max_length=6, primary_key=True, help_text="6 digits, no spaces")
    code_display = models.CharField(max_length=10)
    chapter = models.CharField(max_length=2, db_index=True)
    chapter_title = models.CharField(max_length=300)
    subchapter = models.CharField(max_length=4)
    subchapter_title = models.CharField(max_length=300)
    description = models.CharField(max_length=400)
    hazardous = models.BooleanField(default=False, db_index=True)
    entry_type = models.CharField(max_length=10, blank=True)

    class Meta:
        ordering = ["code"]

    def __str__(self):
        return f"{self.code_display} {self.description}"

    def text(self, kind: str = "entry", language: str | None = None):
        """The entry's description (or its ``subchapter`` or ``chapter`` title) in the
        reader's language: a :class:`core.waste.ewc.Text` with the official English beside
        it (``in_language`` False when there is no translation)."""
        from django.utils.translation import get_language

        from circularcities.core.waste import ewc

        key, english = {"entry": (self.code, self.description),
                        "subchapter": (self.subchapter, self.subchapter_title),
                        "chapter": (self.chapter, self.chapter_title)}[kind]
        return ewc.text(kind, key, english, language or get_language())


class ProductCategory(Bilingual, models.Model):  # type: ignore[django-manager-missing]
    """A product or material category for listings that are not waste codes
    (reusable goods, share/lend items). ``slug`` is the material key the
    matcher and the factor map use (``data/material_factor_map.csv``)."""

    slug = models.SlugField(max_length=40, primary_key=True)
    name_en = models.CharField(max_length=120)
    name_zh = models.CharField(max_length=120, blank=True)
    default_density_t_per_m3 = models.FloatField(null=True, blank=True)
    for_sharing = models.BooleanField(default=False, help_text="Items people lend or give away.")

    class Meta:
        ordering = ["name_en"]
        verbose_name_plural = "product categories"

    def __str__(self):
        return self.name_en


class CompatibilityRule(models.Model):
    """An offered material that may serve a want for another material
    (directed). Identical materials always match; these are the extra pairs."""

    offer_material = models.CharField(max_length=40)
    want_material = models.CharField(max_length=40)
    note = models.CharField(max_length=300, blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["offer_material", "want_material"]
        constraints = [
            models.UniqueConstraint(fields=["offer_material", "want_material"],
                                    name="compatibility_pair_unique"),
            models.CheckConstraint(condition=~Q(offer_material=models.F("want_material")),
                                   name="compatibility_pair_distinct"),
        ]

    def __str__(self):
        return f"{self.offer_material} -> {self.want_material}"


class MaterialWeight(models.Model):
    """Weight of one material in the programme's weighted value (Austin gives
    gypsum board a higher weight than C&D concrete: a harder market)."""

    material = models.CharField(max_length=40, unique=True,
                                help_text="EWC code (6 digits) or product-category slug")
    weight = models.FloatField(default=1.0)
    note_en = models.CharField(max_length=300, blank=True)
    note_zh = models.CharField(max_length=300, blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["material"]
        constraints = [models.CheckConstraint(condition=Q(weight__gte=0),
                                              name="material_weight_not_negative")]

    def __str__(self):
        return f"{self.material}: {self.weight}"


class ProgrammeFigure(Bilingual, models.Model):
    """A headline figure a programme reported itself (Austin, Share
    Peterborough), kept as reported with its source, beside what the platform
    computes from recorded exchanges."""

    city = models.ForeignKey("coalition.City", on_delete=models.CASCADE,
                             related_name="marketplace_figures")
    order = models.PositiveSmallIntegerField(default=0)
    label_en = models.CharField(max_length=200)
    label_zh = models.CharField(max_length=200)
    value = models.CharField(max_length=80)
    unit_en = models.CharField(max_length=60, blank=True)
    unit_zh = models.CharField(max_length=60, blank=True)
    period = models.CharField(max_length=60, blank=True)
    source = models.CharField(max_length=200)
    note_en = models.TextField(blank=True)
    note_zh = models.TextField(blank=True)
    flagged = models.BooleanField(default=False, help_text=_("The figure looks inconsistent."))
    is_demo = models.BooleanField(default=True)

    class Meta:
        ordering = ["city", "order"]
        constraints = [models.UniqueConstraint(fields=["city", "order"],
                                               name="programme_figure_order_unique")]
