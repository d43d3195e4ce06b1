"""City diagnosis: indicator values with their full history.

The indicator catalogue lives in core (``data/indicators.json``) and is
mirrored into :class:`Indicator` so values can reference it with a foreign key.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from circularcities.web.bilingual import Bilingual


class Quality(models.TextChoices):
    MEASURED = "measured", _("measured")
    ESTIMATED = "estimated", _("estimated")
    PROXY = "proxy", _("proxy")
    COMPUTED = "computed", _("computed from the metabolism model")


class Indicator(Bilingual, models.Model):
    code = models.CharField(max_length=40, primary_key=True)
    name_en = models.CharField(max_length=200)
    name_zh = models.CharField(max_length=200)
    definition_en = models.TextField(blank=True)
    definition_zh = models.TextField(blank=True)
    formula = models.TextField(blank=True)
    unit = models.CharField(max_length=40)
    theme = models.CharField(max_length=80)
    direction = models.CharField(max_length=20)
    source = models.CharField(max_length=200, blank=True)
    computable_from_mfa = models.BooleanField(default=False)
    related_areas = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["theme", "code"]

    def __str__(self):
        return f"{self.code} {self.name_en}"

    @property
    def higher_is_better(self) -> bool:
        return self.direction == "higher_is_better"


class IndicatorValue(models.Model):
    """The current value of one indicator for one city and year."""

    city = models.ForeignKey("coalition.City", on_delete=models.CASCADE, related_name="indicator_values")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="values")
    year = models.PositiveSmallIntegerField()
    value = models.FloatField()
    source = models.CharField(max_length=300, blank=True)
    quality = models.CharField(max_length=10, choices=Quality.choices, default=Quality.MEASURED)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["indicator_id", "year"]
        constraints = [models.UniqueConstraint(fields=["city", "indicator", "year"],
                                               name="one_value_per_city_indicator_year")]
        indexes = [models.Index(fields=["city", "indicator", "-year"])]

    def __str__(self):
        return f"{self.city} {self.indicator_id} {self.year}: {self.value}"


class IndicatorValueChange(models.Model):
    """Every change to a value: who, when, from what to what (never edited, never deleted)."""

    city = models.ForeignKey("coalition.City", on_delete=models.CASCADE, related_name="+")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    old_value = models.FloatField(null=True, blank=True)
    new_value = models.FloatField(null=True, blank=True)
    old_quality = models.CharField(max_length=10, blank=True)
    new_quality = models.CharField(max_length=10, blank=True)
    old_source = models.CharField(max_length=300, blank=True)
    new_source = models.CharField(max_length=300, blank=True)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    changed_at = models.DateTimeField(auto_now_add=True)
    via = models.CharField(max_length=40, blank=True, help_text="form, upload, api, model, demo")

    class Meta:
        ordering = ["-changed_at", "-id"]
