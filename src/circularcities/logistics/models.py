"""Collection-logistics planning scenarios stored for a city, and their runs.

A :class:`Scenario` holds what the pure core needs (points, depots,
facilities, vehicle types, plans); :mod:`circularcities.logistics.convert`
turns it into :class:`circularcities.core.routing.Scenario` — the only place
that does. A :class:`Run` keeps a snapshot of the scenario it solved, so its
results and exports stay true after the scenario is edited.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModel, TranslatedFields

LAT = [MinValueValidator(-90.0), MaxValueValidator(90.0)]
LON = [MinValueValidator(-180.0), MaxValueValidator(180.0)]
NON_NEGATIVE = [MinValueValidator(0.0)]


class Scenario(TranslatableModel):
    """A planning scenario owned by a city (or, without a city, by the secretariat).

    Its title and description are written per language (django-parler); the name is an identifier.
    """

    city = models.ForeignKey("coalition.City", null=True, blank=True, on_delete=models.CASCADE,
                             related_name="logistics_scenarios")
    name = models.CharField(_("name"), max_length=160)
    translations = TranslatedFields(
        # The name is the scenario's identifier (unique per city); the title is how each
        # language names it on pages (the name when no title is written).
        title=models.CharField(_("title"), max_length=160, blank=True),
        description=models.TextField(_("description"), blank=True),
    )
    currency = models.CharField(_("currency"), max_length=3, default="EUR",
                                help_text=_("ISO 4217 code, e.g. JPY, EUR, CNY"))
    circuity = models.FloatField(_("circuity"), default=1.3, validators=[MinValueValidator(1.0)],
                                 help_text=_("Road distance / great-circle distance ratio"))
    published = models.BooleanField(_("published"), default=False,
                                    help_text=_("Anyone may view a published scenario."))
    is_demo = models.BooleanField(default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["city", "name"],
                                               name="logistics_scenario_name_per_city")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("logistics:scenario", args=[self.pk])

    @property
    def municipalities(self) -> list[str]:
        return sorted(set(self.points.values_list("municipality", flat=True)))


class _Coded(models.Model):
    """A row of a scenario with the id the planner gave it (``code``)."""

    code = models.CharField(_("id"), max_length=60)
    name = models.CharField(_("name"), max_length=160, blank=True)

    class Meta:
        abstract = True
        ordering = ["code"]

    def __str__(self):
        return self.name or self.code


class CollectionPoint(_Coded):
    scenario = models.ForeignKey(Scenario, on_delete=models.CASCADE, related_name="points")
    municipality = models.CharField(_("municipality"), max_length=120)
    lat = models.FloatField(_("latitude"), validators=LAT)
    lon = models.FloatField(_("longitude"), validators=LON)
    quantity_t = models.FloatField(_("quantity (t per collection)"), validators=NON_NEGATIVE)
    service_min = models.FloatField(_("service time (min)"), default=0.0, validators=NON_NEGATIVE)
    earliest_min = models.FloatField(_("earliest (min after shift start)"), null=True, blank=True,
                                     validators=NON_NEGATIVE)
    latest_min = models.FloatField(_("latest (min after shift start)"), null=True, blank=True,
                                   validators=NON_NEGATIVE)

    class Meta(_Coded.Meta):
        constraints = [
            models.UniqueConstraint(fields=["scenario", "code"], name="logistics_point_code"),
            models.CheckConstraint(condition=Q(quantity_t__gte=0), name="logistics_point_qty"),
        ]


class Depot(_Coded):
    scenario = models.ForeignKey(Scenario, on_delete=models.CASCADE, related_name="depots")
    municipality = models.CharField(_("municipality"), max_length=120)
    lat = models.FloatField(_("latitude"), validators=LAT)
    lon = models.FloatField(_("longitude"), validators=LON)

    class Meta(_Coded.Meta):
        constraints = [models.UniqueConstraint(fields=["scenario", "code"], name="logistics_depot_code")]


class Facility(_Coded):
    scenario = models.ForeignKey(Scenario, on_delete=models.CASCADE, related_name="facilities")
    lat = models.FloatField(_("latitude"), validators=LAT)
    lon = models.FloatField(_("longitude"), validators=LON)
    capacity_t_per_day = models.FloatField(_("capacity (t/day)"), validators=[MinValueValidator(0.001)])

    class Meta(_Coded.Meta):
        verbose_name_plural = "facilities"
        constraints = [models.UniqueConstraint(fields=["scenario", "code"],
                                               name="logistics_facility_code")]


class VehicleType(_Coded):
    scenario = models.ForeignKey(Scenario, on_delete=models.CASCADE, related_name="vehicle_types")
    depot = models.ForeignKey(Depot, on_delete=models.CASCADE, related_name="vehicle_types")
    count = models.PositiveIntegerField(_("vehicles"), default=1)
    capacity_t = models.FloatField(_("capacity (t)"), validators=[MinValueValidator(0.001)])
    cost_per_km = models.FloatField(_("cost per km"), default=0.0, validators=NON_NEGATIVE)
    cost_per_hour = models.FloatField(_("cost per hour"), default=0.0, validators=NON_NEGATIVE)
    cost_per_day = models.FloatField(_("cost per day"), default=0.0, validators=NON_NEGATIVE)
    speed_kmh = models.FloatField(_("average speed (km/h)"), default=30.0,
                                  validators=[MinValueValidator(0.1)])
    co2e_kg_per_km = models.FloatField(_("kg CO2e per km"), default=0.0, validators=NON_NEGATIVE)
    shift_hours = models.FloatField(_("shift (h)"), default=8.0, validators=[MinValueValidator(0.1)])

    class Meta(_Coded.Meta):
        constraints = [models.UniqueConstraint(fields=["scenario", "code"],
                                               name="logistics_vehicle_code")]


class Plan(models.Model):
    """A partition of the municipalities into groups collecting together.

    ``groups`` is a list of ``{"municipalities": [...], "facility": code or
    null, "depots": [codes] or null}`` (see core ``PlanGroup``).
    """

    scenario = models.ForeignKey(Scenario, on_delete=models.CASCADE, related_name="plans")
    name = models.CharField(_("plan"), max_length=160)
    order = models.PositiveSmallIntegerField(default=0)
    groups = models.JSONField(default=list)

    class Meta:
        ordering = ["order", "pk"]
        constraints = [models.UniqueConstraint(fields=["scenario", "name"], name="logistics_plan_name")]

    def __str__(self):
        return self.name

    @property
    def label(self) -> str:
        return " | ".join(" + ".join(sorted(g["municipalities"])) for g in self.groups)


class Run(models.Model):
    """One solve of a scenario (its plans, or every partition), as a background job."""

    class Mode(models.TextChoices):
        PLANS = "plans", _("Compare the scenario's plans")
        ALL = "all", _("Try every partition and rank them")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    scenario = models.ForeignKey(Scenario, on_delete=models.CASCADE, related_name="runs")
    job = models.ForeignKey("jobs.Job", null=True, blank=True, on_delete=models.SET_NULL,
                            related_name="+")
    mode = models.CharField(max_length=5, choices=Mode.choices, default=Mode.PLANS)
    seconds = models.FloatField(_("time limit per group (s)"))
    seed = models.PositiveIntegerField(default=0)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.QUEUED)
    snapshot = models.JSONField(default=dict, help_text="The core scenario as solved.")
    result = models.JSONField(null=True, blank=True)
    error = models.TextField(blank=True)
    problems = models.JSONField(default=list, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.scenario} run {self.pk} ({self.status})"

    def get_absolute_url(self):
        return reverse("logistics:run", args=[self.pk])

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)
