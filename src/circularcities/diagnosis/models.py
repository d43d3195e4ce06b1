"""City diagnosis: indicator values with their full history.

The indicator catalogue lives in core (``data/indicators.json``) and is
mirrored into :class:`Indicator` so values can reference it with a foreign key.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModel, TranslatedFields


class Quality(models.TextChoices):
    MEASURED = "measured", _("measured")
    ESTIMATED = "estimated", _("estimated")
    PROXY = "proxy", _("proxy")
    COMPUTED = "computed", _("computed from the metabolism model")


class Frequency(models.TextChoices):
    ANNUAL = "annual", _("annual")
    QUARTERLY = "quarterly", _("quarterly")
    MONTHLY = "monthly", _("monthly")


class Computation(models.TextChoices):
    DIRECT = "direct", _("entered directly")
    FORMULA = "formula", _("computed by a formula")


class Indicator(TranslatableModel):
    """An indicator: coalition-wide (``city`` empty, curated by the secretariat, mirrored
    from ``data/indicators.json``) or city-defined (owned by ``city``, edited by its editors).

    Name and definition are parler translations (one row per language); codes, units and
    formulas are not translated.
    """

    code = models.CharField(max_length=40, primary_key=True)
    translations = TranslatedFields(
        name=models.CharField(max_length=200),
        definition=models.TextField(blank=True),
    )
    city = models.ForeignKey("coalition.City", null=True, blank=True, on_delete=models.CASCADE,
                             related_name="own_indicators", help_text="empty for coalition-wide indicators")
    formula = models.TextField(blank=True, help_text="how it is computed, for people")
    computation = models.CharField(max_length=10, choices=Computation.choices, default=Computation.DIRECT)
    expression = models.TextField(blank=True, help_text="the formula the platform evaluates "
                                  "(core/indicators/expression.py)")
    system = models.ForeignKey("systems.System", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="+", help_text="the system whose flows and stocks the formula reads")
    frequency = models.CharField(max_length=10, choices=Frequency.choices, default=Frequency.ANNUAL)
    frameworks = models.JSONField(default=list, blank=True,
                                  help_text='[{"framework": "iso37120", "ref": "16.1"}, ...]')
    unit = models.CharField(max_length=40)
    theme = models.CharField(max_length=80)
    direction = models.CharField(max_length=20)
    source = models.CharField(max_length=300, blank=True)
    computable_from_mfa = models.BooleanField(default=False)
    related_areas = models.JSONField(default=list, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    updated_at = models.DateTimeField(auto_now=True, null=True)

    class Meta:
        ordering = ["theme", "code"]

    def __str__(self):
        return f"{self.code} {self.safe_translation_getter('name', any_language=True) or ''}".strip()

    @property
    def higher_is_better(self) -> bool:
        return self.direction == "higher_is_better"

    @property
    def city_defined(self) -> bool:
        return self.city_id is not None

    def t(self, field: str) -> str:
        from circularcities.web.translated import translated

        return translated(self, field).text


class IndicatorValue(models.Model):
    """The current value of one indicator for one city and year."""

    city = models.ForeignKey("coalition.City", on_delete=models.CASCADE, related_name="indicator_values")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="values")
    year = models.PositiveSmallIntegerField()
    period = models.PositiveSmallIntegerField(default=0, help_text="0: the year; 1-4: its quarter; 1-12: its month "
                                              "(by the indicator's frequency)")
    value = models.FloatField()
    source = models.CharField(max_length=300, blank=True)
    quality = models.CharField(max_length=10, choices=Quality.choices, default=Quality.MEASURED)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["indicator_id", "year", "period"]
        constraints = [models.UniqueConstraint(fields=["city", "indicator", "year", "period"],
                                               name="one_value_per_city_indicator_period")]
        indexes = [models.Index(fields=["city", "indicator", "-year"])]

    def __str__(self):
        return f"{self.city} {self.indicator_id} {self.year}/{self.period}: {self.value}"


class IndicatorValueChange(models.Model):
    """Every change to a value: who, when, from what to what (never edited, never deleted)."""

    city = models.ForeignKey("coalition.City", on_delete=models.CASCADE, related_name="+")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    period = models.PositiveSmallIntegerField(default=0)
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


# -- metabolism, maturity and uploads ----------------------------------------------------------
class Layer(models.TextChoices):
    MATERIAL = "material", _("materials")
    ENERGY = "energy", _("energy")
    WATER = "water", _("water")
    NUTRIENT = "nutrient", _("nutrients")


class DataUpload(models.Model):
    """One uploaded file: who, when, which file and its checksum (SHA-256).

    The checksum lets the platform recognise a file it has already imported for
    the city, so uploading it again changes nothing and says so.
    """

    city = models.ForeignKey("coalition.City", on_delete=models.CASCADE, related_name="diagnosis_uploads")
    file_name = models.CharField(max_length=255)
    checksum = models.CharField(max_length=64)
    kind = models.CharField(max_length=10, help_text="xlsx or csv")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    via = models.CharField(max_length=20, default="upload", help_text="upload, api, demo")
    summary = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        indexes = [models.Index(fields=["city", "checksum"])]

    def __str__(self):
        return f"{self.city} {self.file_name} {self.uploaded_at:%Y-%m-%d}"


class MetabolismFlow(models.Model):
    """One flow of a city's metabolism: origin -> destination in a year, layer and material."""

    city = models.ForeignKey("coalition.City", on_delete=models.CASCADE, related_name="metabolism_flows")
    origin = models.CharField(max_length=40)
    destination = models.CharField(max_length=40)
    year = models.PositiveSmallIntegerField()
    layer = models.CharField(max_length=10, choices=Layer.choices)
    material = models.CharField(max_length=120)
    value = models.FloatField()
    unit = models.CharField(max_length=10)
    source = models.CharField(max_length=300, blank=True)
    quality = models.CharField(max_length=10, choices=Quality.choices, default=Quality.MEASURED)
    upload = models.ForeignKey(DataUpload, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["year", "layer", "material", "origin", "destination"]
        constraints = [models.UniqueConstraint(fields=["city", "origin", "destination", "year", "layer", "material"],
                                               name="one_flow_per_key")]
        indexes = [models.Index(fields=["city", "year", "layer", "material"])]

    def key(self):
        return (self.origin, self.destination, self.year, self.layer, self.material)


class MetabolismStock(models.Model):
    """Net stock addition of a stock process (buildings, infrastructure, landfill) in a year."""

    city = models.ForeignKey("coalition.City", on_delete=models.CASCADE, related_name="metabolism_stocks")
    process = models.CharField(max_length=40)
    year = models.PositiveSmallIntegerField()
    layer = models.CharField(max_length=10, choices=Layer.choices)
    material = models.CharField(max_length=120)
    value = models.FloatField(help_text="Stock at the end of the year minus at its start; any sign.")
    unit = models.CharField(max_length=10)
    source = models.CharField(max_length=300, blank=True)
    quality = models.CharField(max_length=10, choices=Quality.choices, default=Quality.MEASURED)
    upload = models.ForeignKey(DataUpload, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["year", "layer", "material", "process"]
        constraints = [models.UniqueConstraint(fields=["city", "process", "year", "layer", "material"],
                                               name="one_stock_change_per_key")]
        indexes = [models.Index(fields=["city", "year", "layer"])]

    def key(self):
        return (self.process, self.year, self.layer, self.material)


class MaturityAssessment(models.Model):
    """One 7R questionnaire for the city administration or for a business of the city."""

    class Subject(models.TextChoices):
        CITY = "city", _("city administration")
        BUSINESS = "business", _("business")

    city = models.ForeignKey("coalition.City", on_delete=models.CASCADE, related_name="maturity_assessments")
    subject = models.CharField(max_length=10, choices=Subject.choices, default=Subject.CITY)
    date = models.DateField()
    levels = models.JSONField(help_text="{r: level 1..5} for the seven Rs")
    notes = models.JSONField(default=dict, blank=True)
    assessor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")
    upload = models.ForeignKey(DataUpload, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["subject", "date"]
        constraints = [models.UniqueConstraint(fields=["city", "subject", "date"],
                                               name="one_assessment_per_subject_and_date")]

    def __str__(self):
        return f"{self.city} {self.subject} {self.date}"


class CityPopulation(models.Model):
    """Residents in a year: the denominator of per-capita indicators."""

    city = models.ForeignKey("coalition.City", on_delete=models.CASCADE, related_name="population_series")
    year = models.PositiveSmallIntegerField()
    population = models.PositiveBigIntegerField()
    source = models.CharField(max_length=300, blank=True)
    quality = models.CharField(max_length=10, choices=Quality.choices, default=Quality.MEASURED)

    class Meta:
        ordering = ["year"]
        constraints = [models.UniqueConstraint(fields=["city", "year"], name="one_population_per_year")]


FRAMEWORK_LABELS = {
    "iso37120": _("ISO 37120:2018"),
    "iso37122": _("ISO 37122:2019"),
    "sdg": _("SDG target"),
    "eu_cmu": _("EU circular economy monitoring framework"),
    "cn_zero_waste": _("Chinese zero-waste city pilot indicators"),
}
"""The frameworks of core/indicators/frameworks.py, labelled in the reader's language."""
