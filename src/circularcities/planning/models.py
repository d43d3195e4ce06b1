"""Action plans: targets, measures with milestones, funded programmes and their projects.

A target measures either a catalogue indicator (yearly values recorded in the
diagnosis) or a programme indicator (quarterly progress entries of the
programme's projects). Status rules live in ``core.planning.status``.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModel, TranslatedFields

from circularcities.core.planning import PROGRAMME_INDICATORS
from circularcities.planning.validation import (
    DATE_VALIDATORS,
    MONEY_VALIDATORS,
    YEAR_VALIDATORS,
    not_in_future,
    sane_number,
)
from circularcities.web.content import TranslatedContent
from circularcities.web.translated import translated

PROGRAMME_INDICATOR_CHOICES = [(k, i.name_en) for k, i in PROGRAMME_INDICATORS.items()]


class Programme(TranslatedContent, TranslatableModel):
    """A funded programme (Be Circular, Advance London, ...) run in one city, or coalition-wide (no city)."""

    slug = models.SlugField(unique=True)
    city = models.ForeignKey("coalition.City", null=True, blank=True, on_delete=models.CASCADE,
                             related_name="programmes", help_text="Empty for a coalition-wide programme.")
    legacy_fields = ("name", "description")
    translations = TranslatedFields(
        name=models.CharField(max_length=200),
        description=models.TextField(blank=True),
    )
    funder = models.CharField(max_length=200, blank=True)
    budget = models.DecimalField(max_digits=16, decimal_places=2, null=True, blank=True,
                                 validators=MONEY_VALIDATORS)
    currency = models.CharField(max_length=3, blank=True, help_text="ISO 4217")
    start = models.DateField(null=True, blank=True)
    end = models.DateField(null=True, blank=True)
    indicators = models.JSONField(default=list, blank=True, help_text="Keys of the programme indicators it tracks.")
    source = models.CharField(max_length=300, blank=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["slug"]
        constraints = [
            models.CheckConstraint(condition=Q(end__isnull=True) | Q(start__isnull=True) | Q(end__gte=models.F("start")),
                                   name="programme_end_after_start"),
        ]

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.slug

    def get_absolute_url(self):
        return reverse("planning:programme_detail", args=[self.slug])

    def tracked(self) -> list[dict]:
        """The indicators it tracks with their units (money in the programme's currency)."""
        out = []
        for key in self.indicators or []:
            ind = PROGRAMME_INDICATORS.get(key)
            if ind is not None:
                out.append({"key": key, "indicator": ind, "unit": (self.currency or ind.unit) if ind.is_money
                            else ind.unit})
        return out


class ProgrammeGoal(models.Model):
    """A programme's yearly target on one of its indicators (e.g. 1,000 items refurbished in 2021)."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="goals")
    indicator = models.CharField(max_length=30, choices=PROGRAMME_INDICATOR_CHOICES)
    year = models.PositiveSmallIntegerField()
    value = models.FloatField(validators=[MinValueValidator(0)])

    class Meta:
        ordering = ["indicator", "year"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "indicator", "year"], name="one_goal_per_year"),
            models.CheckConstraint(condition=Q(value__gte=0), name="goal_value_not_negative"),
        ]

    def __str__(self):
        return f"{self.programme.slug} {self.indicator} {self.year}: {self.value:g}"


class Project(TranslatedContent, TranslatableModel):
    """A funded project that reports progress each quarter."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="projects")
    code = models.SlugField(unique=True, help_text="Used in progress files and the API.")
    legacy_fields = ("title", "description")
    translations = TranslatedFields(
        title=models.CharField(max_length=200),
        description=models.TextField(blank=True),
    )
    organisation = models.ForeignKey("coalition.Partner", null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="planning_projects")
    owners = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="planning_projects")
    start = models.DateField(null=True, blank=True)
    end = models.DateField(null=True, blank=True)
    grant = models.DecimalField(max_digits=16, decimal_places=2, null=True, blank=True,
                                validators=MONEY_VALIDATORS)
    currency = models.CharField(max_length=3, blank=True, help_text="ISO 4217")
    reports_quarterly = models.BooleanField(default=True)
    source = models.CharField(max_length=300, blank=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["programme__slug", "code"]

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or self.code

    def get_absolute_url(self):
        return reverse("planning:project_detail", args=[self.code])


class ProgressEntry(models.Model):
    """What a project delivered in one quarter on one programme indicator."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="entries")
    year = models.PositiveSmallIntegerField()
    quarter = models.PositiveSmallIntegerField(validators=[MinValueValidator(1)])
    indicator = models.CharField(max_length=30, choices=PROGRAMME_INDICATOR_CHOICES)
    value = models.FloatField(validators=[MinValueValidator(0), sane_number])
    currency = models.CharField(max_length=3, blank=True, help_text="ISO 4217, for money indicators")
    note = models.CharField(max_length=500, blank=True)
    source = models.CharField(max_length=300, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-year", "-quarter", "indicator"]
        constraints = [
            models.UniqueConstraint(fields=["project", "year", "quarter", "indicator"],
                                    name="one_progress_entry_per_quarter"),
            models.CheckConstraint(condition=Q(quarter__gte=1, quarter__lte=4), name="progress_quarter_1_4"),
            models.CheckConstraint(condition=Q(value__gte=0), name="progress_value_not_negative"),
        ]
        indexes = [models.Index(fields=["year", "quarter"])]
        verbose_name_plural = "progress entries"

    def __str__(self):
        return f"{self.project.code} {self.year}-Q{self.quarter} {self.indicator}: {self.value}"

    @property
    def unit(self) -> str:
        ind = PROGRAMME_INDICATORS[self.indicator]
        return self.currency if ind.is_money else ind.unit

    def indicator_name(self) -> str:
        return PROGRAMME_INDICATORS[self.indicator].name()


class Target(TranslatedContent, TranslatableModel):
    class Frequency(models.TextChoices):
        YEARLY = "yearly", _("yearly (indicator values)")
        QUARTERLY = "quarterly", _("quarterly (progress entries)")

    city = models.ForeignKey("coalition.City", on_delete=models.CASCADE, related_name="targets")
    area = models.ForeignKey("coalition.ThematicArea", null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="targets")
    legacy_fields = ("title",)
    translations = TranslatedFields(title=models.CharField(max_length=200, blank=True))
    indicator = models.ForeignKey("diagnosis.Indicator", null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="targets")
    programme = models.ForeignKey(Programme, null=True, blank=True, on_delete=models.CASCADE,
                                  related_name="targets")
    programme_indicator = models.CharField(max_length=30, blank=True, choices=PROGRAMME_INDICATOR_CHOICES)
    baseline_year = models.PositiveSmallIntegerField(validators=YEAR_VALIDATORS)
    baseline_value = models.FloatField(validators=[sane_number])
    target_year = models.PositiveSmallIntegerField(validators=YEAR_VALIDATORS)
    target_value = models.FloatField(validators=[sane_number])
    trajectory_points = models.JSONField(default=list, blank=True,
                                         help_text="Milestone points [[year, value], ...]; linear if empty.")
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="planning_targets")
    owner_name = models.CharField(max_length=200, blank=True, help_text=_("Owning department or organisation."))
    source = models.CharField(max_length=300, blank=True)
    is_demo = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["city__slug", "target_year", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(target_year__gt=models.F("baseline_year")),
                                   name="target_after_baseline"),
            models.CheckConstraint(
                condition=(Q(indicator__isnull=False, programme__isnull=True, programme_indicator="")
                           | Q(indicator__isnull=True, programme__isnull=False) & ~Q(programme_indicator="")),
                name="target_measures_one_thing"),
        ]

    def __str__(self):
        return self.title_en or self.measured_name_en

    def get_absolute_url(self):
        return reverse("planning:target_detail", args=[self.pk])

    @property
    def frequency(self) -> str:
        return self.Frequency.QUARTERLY if self.programme_id else self.Frequency.YEARLY

    @property
    def measured_name_en(self) -> str:
        if self.indicator is not None:
            return translated(self.indicator, "name", "en").text
        return PROGRAMME_INDICATORS[self.programme_indicator].name_en

    def measured_name(self) -> str:
        if self.indicator is not None:
            return self.indicator.t("name")
        return PROGRAMME_INDICATORS[self.programme_indicator].name()

    @property
    def unit(self) -> str:
        if self.indicator is not None:
            return self.indicator.unit
        return PROGRAMME_INDICATORS[self.programme_indicator].unit

    @property
    def higher_is_better(self) -> bool:
        return self.indicator.higher_is_better if self.indicator is not None else True

    def label(self) -> str:
        return self.t("title") or self.measured_name()


class Measure(TranslatedContent, TranslatableModel):
    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("not started")
        STARTED = "started", _("started")
        COMPLETED = "completed", _("completed")

    city = models.ForeignKey("coalition.City", on_delete=models.CASCADE, related_name="measures")
    code = models.CharField(max_length=40, blank=True, help_text=_("The city's own reference."))
    legacy_fields = ("title", "description")
    translations = TranslatedFields(
        title=models.CharField(max_length=250),
        description=models.TextField(blank=True),
    )
    area = models.ForeignKey("coalition.ThematicArea", null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="measures")
    r_strategies = models.ManyToManyField("coalition.RStrategy", blank=True, related_name="measures")
    lead = models.ForeignKey("coalition.Partner", null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="led_measures")
    lead_name = models.CharField(max_length=200, blank=True,
                                 help_text="Lead department when it is not a registered organisation.")
    partners = models.ManyToManyField("coalition.Partner", blank=True, related_name="partner_measures")
    budget = models.DecimalField(max_digits=16, decimal_places=2, null=True, blank=True,
                                 validators=MONEY_VALIDATORS)
    currency = models.CharField(max_length=3, blank=True, help_text="ISO 4217")
    start = models.DateField(null=True, blank=True)
    end = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.NOT_STARTED)
    targets = models.ManyToManyField(Target, blank=True, related_name="measures")
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="planning_measures")
    source = models.CharField(max_length=300, blank=True)
    is_demo = models.BooleanField(default=False)
    is_summary_record = models.BooleanField(
        default=False, help_text="A generated row standing for a measure the source only counts.")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["city__slug", "code", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(end__isnull=True) | Q(start__isnull=True) | Q(end__gte=models.F("start")),
                                   name="measure_end_after_start"),
            models.CheckConstraint(condition=Q(budget__isnull=True) | ~Q(currency=""),
                                   name="measure_budget_has_currency"),
        ]
        indexes = [models.Index(fields=["city", "status"])]

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or self.code or f"measure {self.pk}"

    def get_absolute_url(self):
        return reverse("planning:measure_detail", args=[self.pk])


class MeasureStatusChange(models.Model):
    """One change of a measure's status: who, when, old -> new."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="status_changes")
    old = models.CharField(max_length=12, choices=Measure.Status.choices)
    new = models.CharField(max_length=12, choices=Measure.Status.choices)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    changed_at = models.DateTimeField(auto_now_add=True, db_index=True)
    via = models.CharField(max_length=20, blank=True, help_text="page, import or api")

    class Meta:
        ordering = ["-changed_at", "-id"]

    def __str__(self):
        return f"{self.measure_id}: {self.old} -> {self.new}"


class Milestone(TranslatedContent, TranslatableModel):
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="milestones")
    legacy_fields = ("title",)
    translations = TranslatedFields(title=models.CharField(max_length=250))
    due = models.DateField(validators=DATE_VALIDATORS)
    done = models.DateField(null=True, blank=True, validators=[*DATE_VALIDATORS, not_in_future])

    class Meta:
        ordering = ["due", "id"]

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or str(self.due)
