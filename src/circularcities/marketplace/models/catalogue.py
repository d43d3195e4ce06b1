"""What can be listed: EU List of Waste entries, product categories, and the
secretariat's tables (compatibility between materials, weight per material)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from parler.managers import TranslatableManager, TranslatableQuerySet
from parler.models import TranslatableModel, TranslatedFields

from circularcities.web.content import TranslatedContent
from circularcities.web.translated import reader_language


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


class ProductCategoryQuerySet(TranslatableQuerySet):
    def by_name(self, language: str | None = None):
        """Ordered by the name in ``language`` (the reader's), English where that
        language has none; translations prefetched."""
        rows = ProductCategory._parler_meta.root_model.objects.filter(master=OuterRef("pk"))
        own = Subquery(rows.filter(language_code=reader_language(language)).exclude(name="").values("name")[:1])
        english = Subquery(rows.filter(language_code=settings.LANGUAGE_CODE).values("name")[:1])
        return (self.annotate(sort_name=Coalesce(own, english, models.F("slug"), output_field=models.CharField()))
                .order_by("sort_name", "slug").prefetch_related("translations"))


class ProductCategoryManager(TranslatableManager.from_queryset(ProductCategoryQuerySet),  # type: ignore[misc]
                             models.Manager["ProductCategory"]):
    """Parler's manager with :meth:`ProductCategoryQuerySet.by_name`."""


class ProductCategory(TranslatedContent, TranslatableModel):
    """A product or material category for listings that are not waste codes
    (reusable goods, share/lend items). ``slug`` is the material key the
    matcher and the factor map use (``data/material_factor_map.csv``). Its name is
    written per language (django-parler); lists use ``objects.by_name()``."""

    slug = models.SlugField(max_length=40, primary_key=True)
    legacy_fields = ("name",)
    translations = TranslatedFields(
        name=models.CharField(max_length=120, blank=True),
    )
    default_density_t_per_m3 = models.FloatField(null=True, blank=True)
    for_sharing = models.BooleanField(default=False, help_text="Items people lend or give away.")

    objects = ProductCategoryManager()

    class Meta:
        ordering = ["slug"]
        verbose_name_plural = "product categories"

    def __str__(self):
        return self.t("name", settings.LANGUAGE_CODE) or self.slug


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


class MaterialWeightManager(TranslatableManager, models.Manager["MaterialWeight"]):
    """Parler's manager, typed for django-stubs."""


class ProgrammeFigureManager(TranslatableManager, models.Manager["ProgrammeFigure"]):
    """Parler's manager, typed for django-stubs."""


class MaterialWeight(TranslatedContent, TranslatableModel):
    """Weight of one material in the programme's weighted value (Austin gives
    gypsum board a higher weight than C&D concrete: a harder market); its note is
    written per language."""

    material = models.CharField(max_length=40, unique=True,
                                help_text="EWC code (6 digits) or product-category slug")
    weight = models.FloatField(default=1.0)
    legacy_fields = ("note",)
    translations = TranslatedFields(
        note=models.CharField(max_length=300, blank=True),
    )
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    objects = MaterialWeightManager()

    class Meta:
        ordering = ["material"]
        constraints = [models.CheckConstraint(condition=Q(weight__gte=0),
                                              name="material_weight_not_negative")]

    def __str__(self):
        return f"{self.material}: {self.weight}"


class ProgrammeFigure(TranslatedContent, TranslatableModel):
    """A headline figure a programme reported itself (Austin, Share
    Peterborough), kept as reported with its source, beside what the platform
    computes from recorded exchanges. Label, unit and note are written per language."""

    city = models.ForeignKey("coalition.City", on_delete=models.CASCADE,
                             related_name="marketplace_figures")
    order = models.PositiveSmallIntegerField(default=0)
    legacy_fields = ("label", "unit", "note")
    translations = TranslatedFields(
        label=models.CharField(max_length=200, blank=True),
        unit=models.CharField(max_length=60, blank=True),
        note=models.TextField(blank=True),
    )
    value = models.CharField(max_length=80)
    period = models.CharField(max_length=60, blank=True)
    source = models.CharField(max_length=200)
    flagged = models.BooleanField(default=False, help_text=_("The figure looks inconsistent."))
    is_demo = models.BooleanField(default=True)

    objects = ProgrammeFigureManager()

    class Meta:
        ordering = ["city", "order"]
        constraints = [models.UniqueConstraint(fields=["city", "order"],
                                               name="programme_figure_order_unique")]
