"""A city's waste streams: tonnes generated, collected and treated by route, with source and quality.

Rates are never stored here: they are computed by ``core.waste.rates`` from
these tonnes (and published as computed indicator values when the city has
adopted the zero-waste indicator set, see ``services.publish_rates``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModel, TranslatedFields

from circularcities.core.waste import ROUTES
from circularcities.web.content import TranslatedContent

AREA_CHOICES = [
    ("industrial", _("Industrial solid waste")),
    ("agricultural", _("Agricultural waste")),
    ("household", _("Household (municipal solid) waste")),
    ("construction_demolition", _("Construction and demolition waste")),
    ("hazardous", _("Hazardous waste")),
]
ROUTE_LABELS = {
    "reuse": _("Preparing for reuse"),
    "recycling": _("Recycling"),
    "composting": _("Composting / anaerobic digestion"),
    "energy_recovery": _("Incineration with energy recovery"),
    "incineration": _("Incineration without energy recovery"),
    "landfill": _("Landfill"),
    "other": _("Other"),
}


class Quality(models.TextChoices):
    MEASURED = "measured", _("measured")
    ESTIMATED = "estimated", _("estimated")
    PROXY = "proxy", _("proxy")
    COMPUTED = "computed", _("computed")


def _tonnes(help_text=""):
    return models.FloatField(default=0.0, help_text=help_text)


class WasteStream(TranslatedContent, TranslatableModel):
    """One stream of a city in a year (month 0) or a month of it (1-12); all figures in tonnes.

    Its name per language (django-parler); the English name is its key: one figure per city,
    area, English name, year and month (checked by ``services.stream_write``)."""

    city = models.ForeignKey("coalition.City", on_delete=models.CASCADE, related_name="waste_streams")
    translations = TranslatedFields(
        name=models.CharField(_("name"), max_length=200,
                              help_text="The stream as the city calls it, e.g. 'residual household waste'."),
    )
    legacy_fields = ("name",)
    area = models.CharField(max_length=30, choices=AREA_CHOICES)
    ewc_code = models.CharField(max_length=6, blank=True, help_text="EU List of Waste code, six digits.")
    year = models.PositiveSmallIntegerField()
    month = models.PositiveSmallIntegerField(default=0, help_text="1-12, or 0 for the whole year.")
    generated_t = models.FloatField()
    collected_t = models.FloatField(null=True, blank=True)
    reuse_t = _tonnes()
    recycling_t = _tonnes()
    composting_t = _tonnes()
    energy_recovery_t = _tonnes()
    incineration_t = _tonnes()
    landfill_t = _tonnes()
    other_t = _tonnes()
    uncontrolled_t = _tonnes("Of landfill, incineration and other: tonnes to uncontrolled sites.")
    from_storage_t = _tonnes("Industrial waste of earlier years utilised from storage.")
    source = models.CharField(max_length=300, blank=True)
    quality = models.CharField(max_length=10, choices=Quality.choices, default=Quality.MEASURED)
    is_demo = models.BooleanField(default=False)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["city_id", "-year", "area", "month", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(month__gte=0, month__lte=12), name="waste_month_0_12"),
            models.CheckConstraint(condition=Q(generated_t__gte=0), name="waste_generated_not_negative"),
        ]
        indexes = [models.Index(fields=["city", "area", "year"])]

    def __str__(self):
        return f"{self.city} {self.t('name')} {self.year}{f'-{self.month:02d}' if self.month else ''}"

    def routes(self) -> dict[str, float]:
        return {r: getattr(self, f"{r}_t") for r in ROUTES}

    def route_rows(self) -> list[tuple[str, str, float]]:
        return [(r, str(ROUTE_LABELS[r]), getattr(self, f"{r}_t")) for r in ROUTES]

    def to_core(self):
        from circularcities.core.waste import Stream

        return Stream(stream=self.name_en, year=self.year, month=self.month or None, generated_t=self.generated_t,
                      routes=self.routes(), area=self.area, collected_t=self.collected_t,
                      uncontrolled_t=self.uncontrolled_t, from_storage_t=self.from_storage_t,
                      ewc_code=self.ewc_code)


class CatalogueAdoption(models.Model):
    """A city's adoption of an indicator set computed from its streams (e.g. the zero-waste pilot set)."""

    city = models.ForeignKey("coalition.City", on_delete=models.CASCADE, related_name="waste_adoptions")
    catalogue = models.CharField(max_length=40)
    adopted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    adopted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["city", "catalogue"], name="one_adoption_per_catalogue")]

    def __str__(self):
        return f"{self.city} {self.catalogue}"
