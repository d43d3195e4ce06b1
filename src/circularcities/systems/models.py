"""A city's own systems (processes, flows, stocks in layers), scenarios of them, and
dynamic stock models.

The definition lives in rows people edit one by one; :func:`services.definition`
turns them into a core :class:`~circularcities.core.mfa.system.SystemDefinition`.
``System.result`` holds what is derived from them (balance status and imbalances),
recomputed by the services in the same transaction as every change.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModel, TranslatedFields


class Scope(models.TextChoices):
    CITY = "city", _("city")
    DISTRICT = "district", _("district")
    PARK = "park", _("industrial park")
    SECTOR = "sector", _("sector")


class System(TranslatableModel):
    """A system of a city (or of one of its districts, parks or sectors).

    A scenario is a system with ``base`` set: a copy whose parameters or flows changed.
    """

    city = models.ForeignKey("coalition.City", on_delete=models.CASCADE, related_name="+")
    scope = models.CharField(max_length=10, choices=Scope.choices, default=Scope.CITY)
    area = models.CharField(max_length=200, blank=True, help_text="the district, park or sector, when not the city")
    translations = TranslatedFields(
        name=models.CharField(max_length=200),
        description=models.TextField(blank=True),
    )
    base = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="scenarios")
    first_year = models.PositiveSmallIntegerField()
    last_year = models.PositiveSmallIntegerField()
    second_dimension = models.JSONField(null=True, blank=True,
                                        help_text='{"name": "Material", "letter": "m", "items": [...]}')
    indicators = models.JSONField(default=list, blank=True)
    rtol = models.FloatField(default=1e-6)
    atol = models.FloatField(default=1e-6)
    blocking = models.BooleanField(default=False, help_text="imbalances not accepted block publishing")
    published = models.BooleanField(default=False)
    sources = models.TextField(blank=True)
    result = models.JSONField(default=dict, blank=True)
    version = models.PositiveIntegerField(default=1)
    demo_key = models.CharField(max_length=60, blank=True, db_index=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["city_id", "id"]

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or f"system {self.pk}"

    def get_absolute_url(self):
        return reverse("systems:detail", args=[self.pk])

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(range(self.first_year, self.last_year + 1))

    @property
    def status(self) -> str:
        return (self.result or {}).get("status", "")


class Layer(models.Model):
    objects: ClassVar[models.Manager[Layer]] = models.Manager()

    system = models.ForeignKey(System, on_delete=models.CASCADE, related_name="layers")
    code = models.CharField(max_length=60)
    unit = models.CharField(max_length=10)
    name = models.CharField(max_length=100, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        constraints = [models.UniqueConstraint(fields=["system", "code"], name="systems_layer_code_once")]

    def __str__(self):
        return f"{self.code} ({self.unit})"


class Process(TranslatableModel):
    system = models.ForeignKey(System, on_delete=models.CASCADE, related_name="processes")
    code = models.CharField(max_length=60)
    translations = TranslatedFields(name=models.CharField(max_length=200, blank=True))
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        constraints = [models.UniqueConstraint(fields=["system", "code"], name="systems_process_code_once")]

    def __str__(self):
        return self.code


class Flow(models.Model):
    """A flow: amounts per year (``values``: {"2020": 1.0} or {"2020": {"item": 1.0}}) or a share."""

    objects: ClassVar[models.Manager[Flow]] = models.Manager()

    system = models.ForeignKey(System, on_delete=models.CASCADE, related_name="flows")
    origin = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="+")
    destination = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="+")
    layer = models.ForeignKey(Layer, on_delete=models.CASCADE, related_name="flows")
    values = models.JSONField(default=dict, blank=True)
    share = models.FloatField(null=True, blank=True)
    share_parameter = models.CharField(max_length=60, blank=True)
    source = models.CharField(max_length=300, blank=True)
    estimate = models.BooleanField(default=False)

    class Meta:
        ordering = ["layer__position", "id"]
        constraints = [models.UniqueConstraint(fields=["system", "origin", "destination", "layer"],
                                               name="systems_flow_once_per_layer")]


class StockKind(models.TextChoices):
    ACCUMULATION = "accumulation", _("keeps what is not passed on")
    GIVEN = "given", _("change given per year")
    INFLOW_DRIVEN = "inflow_driven", _("inflow-driven with a lifetime")


class Stock(models.Model):
    objects: ClassVar[models.Manager[Stock]] = models.Manager()

    system = models.ForeignKey(System, on_delete=models.CASCADE, related_name="stocks")
    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="+")
    layer = models.ForeignKey(Layer, on_delete=models.CASCADE, related_name="stocks")
    kind = models.CharField(max_length=20, choices=StockKind.choices, default=StockKind.ACCUMULATION)
    lifetime = models.JSONField(null=True, blank=True)
    outflow_to = models.ForeignKey(Process, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    values = models.JSONField(default=dict, blank=True)
    initial = models.FloatField(default=0.0)
    name = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["system", "process", "layer"], name="systems_stock_once")]


class Parameter(models.Model):
    objects: ClassVar[models.Manager[Parameter]] = models.Manager()

    system = models.ForeignKey(System, on_delete=models.CASCADE, related_name="parameters")
    name = models.CharField(max_length=60)
    value = models.FloatField(null=True, blank=True)
    values = models.JSONField(default=dict, blank=True, help_text="per year, when not constant")

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["system", "name"], name="systems_parameter_once")]


class Acceptance(models.Model):
    """An imbalance the owner accepts (``year`` empty: every year), with the reason."""

    objects: ClassVar[models.Manager[Acceptance]] = models.Manager()

    system = models.ForeignKey(System, on_delete=models.CASCADE, related_name="acceptances")
    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="+")
    layer = models.ForeignKey(Layer, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    reason = models.TextField()
    accepted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    accepted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]


class Conversion(models.Model):
    """Where one layer becomes another at a process (core.mfa.system.Conversion): the share
    ``consumed`` of what the process receives in ``from_layer`` is used up and yields
    ``factor`` units of ``to_layer`` per unit (each a number or a parameter's name)."""

    objects: ClassVar[models.Manager[Conversion]] = models.Manager()

    system = models.ForeignKey(System, on_delete=models.CASCADE, related_name="conversions")
    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="+")
    from_layer = models.ForeignKey(Layer, on_delete=models.CASCADE, related_name="+")
    to_layer = models.ForeignKey(Layer, on_delete=models.CASCADE, related_name="+")
    factor = models.FloatField(null=True, blank=True)
    factor_parameter = models.CharField(max_length=60, blank=True)
    consumed = models.FloatField(null=True, blank=True, default=1.0)
    consumed_parameter = models.CharField(max_length=60, blank=True)
    source = models.CharField(max_length=300, blank=True)
    estimate = models.BooleanField(default=False)

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["system", "process", "from_layer", "to_layer"],
                                               name="systems_conversion_once")]


class Subject(models.TextChoices):
    BUILDINGS = "buildings", _("building stock")
    VEHICLES = "vehicles", _("vehicles")
    EQUIPMENT = "equipment", _("equipment")
    OTHER = "other", _("other")


class StockModel(TranslatableModel):
    """A dynamic stock model of a city (flodym): inflow- or stock-driven, with a lifetime."""

    class Driver(models.TextChoices):
        INFLOW = "inflow", _("inflow-driven")
        STOCK = "stock", _("stock-driven")

    city = models.ForeignKey("coalition.City", on_delete=models.CASCADE, related_name="+")
    translations = TranslatedFields(name=models.CharField(max_length=200))
    subject = models.CharField(max_length=12, choices=Subject.choices, default=Subject.BUILDINGS)
    unit = models.CharField(max_length=20, default="t")
    driver = models.CharField(max_length=6, choices=Driver.choices, default=Driver.INFLOW)
    first_year = models.PositiveSmallIntegerField()
    values = models.JSONField(default=list, help_text="inflow or stock per year from first_year")
    lifetime = models.JSONField(default=dict)
    source = models.CharField(max_length=300, blank=True)
    estimate = models.BooleanField(default=False)
    result = models.JSONField(null=True, blank=True)
    job = models.ForeignKey("jobs.Job", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    published = models.BooleanField(default=False)
    demo_key = models.CharField(max_length=60, blank=True, db_index=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["city_id", "id"]

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or f"stock model {self.pk}"

    def get_absolute_url(self):
        return reverse("systems:stock_detail", args=[self.pk])

    @property
    def years(self) -> list[int]:
        return list(range(self.first_year, self.first_year + len(self.values or [])))
