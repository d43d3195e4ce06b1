"""The coalition: cities, partners, thematic areas, working groups, events."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModel, TranslatedFields

from circularcities.web.content import TranslatedContent

MAX_FOCAL_AREAS = 3


class ThematicArea(TranslatedContent, TranslatableModel):
    slug = models.SlugField(unique=True)
    legacy_fields = ('name', 'description')
    translations = TranslatedFields(
        name=models.CharField(max_length=120),
        description=models.TextField(blank=True),
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.slug


class RStrategy(TranslatedContent, TranslatableModel):
    """One of the coalition's 6R: redesign, reuse, repair, remanufacture, recycle, recover."""

    slug = models.SlugField(unique=True)
    legacy_fields = ('name', 'description')
    translations = TranslatedFields(
        name=models.CharField(max_length=60),
        description=models.TextField(blank=True),
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]
        verbose_name_plural = "R-strategies"

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.slug


class City(TranslatedContent, TranslatableModel):
    class Status(models.TextChoices):
        ENDORSING = "endorsing", _("Endorsing city")
        MEMBER = "member", _("Member city")
        CASE_CITY = "case-city", _("Case city")
        FORMER = "former", _("Former member")

    slug = models.SlugField(unique=True)
    legacy_fields = ('name', 'country_name', 'profile', 'data_notes')
    translations = TranslatedFields(
        name=models.CharField(max_length=120),
        country_name=models.CharField(max_length=80, blank=True),
        profile=models.TextField(blank=True),
        data_notes=models.TextField(blank=True),
    )
    country = models.CharField(max_length=2, help_text="ISO 3166-1 alpha-2")
    region = models.CharField(max_length=40, blank=True)
    population = models.PositiveBigIntegerField(null=True, blank=True)
    population_year = models.PositiveSmallIntegerField(null=True, blank=True)
    gdp = models.DecimalField(max_digits=20, decimal_places=2, null=True, blank=True)
    gdp_currency = models.CharField(max_length=3, blank=True, help_text="ISO 4217")
    gdp_year = models.PositiveSmallIntegerField(null=True, blank=True)
    area_km2 = models.FloatField(null=True, blank=True)
    lat = models.FloatField(null=True, blank=True)
    lon = models.FloatField(null=True, blank=True)
    member_since = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.MEMBER)
    density_reported = models.FloatField(
        null=True, blank=True, help_text="Inhabitants per km² as the source states it, kept beside "
        "the density computed from population and area, since the two do not always agree.")
    sources = models.JSONField(default=list, blank=True)
    estimated_fields = models.JSONField(default=list, blank=True)
    contact_name = models.CharField(max_length=200, blank=True)
    contact_email = models.EmailField(blank=True)
    archived_at = models.DateTimeField(null=True, blank=True, help_text=(
        "Set when the city left the coalition: its history stays, it is no longer a member."))
    is_demo = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["slug"]
        verbose_name_plural = "cities"
        constraints = [
            models.CheckConstraint(condition=Q(lat__gte=-90, lat__lte=90) | Q(lat__isnull=True),
                                   name="city_lat_range"),
            models.CheckConstraint(condition=Q(lon__gte=-180, lon__lte=180) | Q(lon__isnull=True),
                                   name="city_lon_range"),
        ]

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.slug

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("coalition:city_detail", args=[self.slug])

    @property
    def density(self) -> float | None:
        """Inhabitants per km²."""
        if self.population and self.area_km2:
            return self.population / self.area_km2
        return None

    @property
    def is_member(self) -> bool:
        return self.status in (self.Status.ENDORSING, self.Status.MEMBER)

    def is_estimated(self, field: str) -> bool:
        return field in (self.estimated_fields or [])


class FocalArea(models.Model):
    """A thematic area a city has chosen.

    A city holds at most three: ``slot`` takes 1, 2 or 3 and is unique per
    city, so the database itself refuses a fourth.
    """

    city = models.ForeignKey(City, on_delete=models.CASCADE, related_name="focal_areas")
    area = models.ForeignKey(ThematicArea, on_delete=models.PROTECT, related_name="focal_cities")
    slot = models.PositiveSmallIntegerField()
    chosen_at = models.DateTimeField(auto_now_add=True)
    chosen_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["slot"]
        constraints = [
            models.UniqueConstraint(fields=["city", "area"], name="focal_area_once_per_city"),
            models.UniqueConstraint(fields=["city", "slot"], name="focal_area_slot_unique"),
            models.CheckConstraint(condition=Q(slot__gte=1, slot__lte=MAX_FOCAL_AREAS),
                                   name="focal_area_at_most_three"),
        ]

    def __str__(self):
        return f"{self.city} – {self.area}"

    def clean(self):
        others = FocalArea.objects.filter(city_id=self.city_id).exclude(pk=self.pk)
        if others.count() >= MAX_FOCAL_AREAS:
            raise ValidationError(_("A city can choose at most three focal areas."))


class Partner(TranslatedContent, TranslatableModel):
    class Kind(models.TextChoices):
        SECRETARIAT = "secretariat", _("Secretariat")
        KNOWLEDGE = "knowledge", _("Knowledge partner")
        SOLUTION = "solution-provider", _("Solution provider")
        BUSINESS = "business", _("Business")
        FUNDER = "funder", _("Funder")

    slug = models.SlugField(unique=True)
    legacy_fields = ('name', 'description')
    translations = TranslatedFields(
        name=models.CharField(max_length=200),
        description=models.TextField(blank=True),
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    country = models.CharField(max_length=2, blank=True)
    areas = models.ManyToManyField(ThematicArea, blank=True, related_name="partners")
    city = models.ForeignKey(City, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="organisations")
    lat = models.FloatField(null=True, blank=True)
    lon = models.FloatField(null=True, blank=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["slug"]

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.slug


# The stubs cannot resolve reverse managers from parler models (events, publications).
class WorkingGroup(models.Model):  # type: ignore[django-manager-missing]
    """One group per thematic area: the secretariat, the cities that chose it, partners."""

    area = models.OneToOneField(ThematicArea, on_delete=models.CASCADE, related_name="working_group")
    partners = models.ManyToManyField(Partner, blank=True, related_name="working_groups")
    coordinators = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True,
                                          related_name="coordinated_groups")

    class Meta:
        ordering = ["area__order"]

    def __str__(self):
        return f"Working group: {self.area}"

    def cities(self):
        return City.objects.filter(focal_areas__area=self.area).order_by("slug")


class Event(TranslatedContent, TranslatableModel):
    class Kind(models.TextChoices):
        WORKSHOP = "workshop", _("Workshop")
        FORUM = "annual-forum", _("Annual forum")
        STUDY_TOUR = "study-tour", _("Study tour")
        TRAINING = "training", _("Deep-dive training")
        WEBINAR = "webinar", _("Webinar")

    slug = models.SlugField(unique=True)
    legacy_fields = ('title', 'place', 'agenda', 'outcomes')
    translations = TranslatedFields(
        title=models.CharField(max_length=200),
        place=models.CharField(max_length=200, blank=True),
        agenda=models.TextField(blank=True),
        outcomes=models.TextField(blank=True),
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    date = models.DateField()
    starts_at = models.TimeField(null=True, blank=True, help_text="Local start time, if known.")
    end_date = models.DateField(null=True, blank=True)
    online_url = models.URLField(blank=True, help_text="For a webinar: where to join.")
    capacity = models.PositiveIntegerField(null=True, blank=True, help_text="Empty: no limit.")
    registration_open = models.BooleanField(default=False)
    working_group = models.ForeignKey(WorkingGroup, null=True, blank=True, on_delete=models.SET_NULL,
                                      related_name="events")
    cities = models.ManyToManyField(City, blank=True, related_name="events")
    partners = models.ManyToManyField(Partner, blank=True, related_name="events")
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["-date"]

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or self.slug

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("coalition:event_detail", args=[self.slug])


class Publication(TranslatedContent, TranslatableModel):
    """A result a working group publishes (guidance, diagnosis summary, toolkit)."""

    slug = models.SlugField(unique=True)
    legacy_fields = ('title', 'summary')
    translations = TranslatedFields(
        title=models.CharField(max_length=200),
        summary=models.TextField(blank=True),
    )
    working_group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE,
                                      related_name="publications")
    year = models.PositiveSmallIntegerField()
    url = models.URLField(blank=True)
    file = models.FileField(upload_to="results/%Y/", blank=True)
    cities = models.ManyToManyField(City, blank=True, related_name="results",
                                    help_text="The cities the result concerns.")
    stage = models.ForeignKey("Stage", null=True, blank=True, on_delete=models.SET_NULL, related_name="results")
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["-year", "slug"]

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or self.slug


class Stage(TranslatedContent, TranslatableModel):
    """One stage of a working group's cycle: diagnosis -> policies and action plans ->
    capacity building (the coalition's working-group cycle), with dates, status and owner."""

    class Kind(models.TextChoices):
        DIAGNOSIS = "diagnosis", _("Diagnosis")
        POLICIES = "policies", _("Policies and action plans")
        CAPACITY = "capacity", _("Capacity building")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ONGOING = "ongoing", _("Ongoing")
        DONE = "done", _("Done")

    legacy_fields = ("title", "description")
    translations = TranslatedFields(
        title=models.CharField(max_length=200, blank=True),
        description=models.TextField(blank=True),
    )
    working_group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="stages")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    start = models.DateField(null=True, blank=True)
    end = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.PLANNED)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+")

    class Meta:
        ordering = ["working_group", "start", "id"]


class Deliverable(models.Model):
    """What a stage produces for a city: a diagnosis report, a policy or action plan, a training.

    Linked to the city's diagnosis or action plan already in the platform (by kind and city).
    """

    class Kind(models.TextChoices):
        DIAGNOSIS = "diagnosis-report", _("Diagnosis report")
        PLAN = "plan", _("Policy or action plan")
        TRAINING = "training", _("Training")

    stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="deliverables")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    city = models.ForeignKey(City, null=True, blank=True, on_delete=models.CASCADE, related_name="deliverables")
    due = models.DateField(null=True, blank=True)
    done = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["stage", "due", "id"]

    def link(self) -> str:
        """The city's diagnosis or plan page, where the deliverable lives in the platform."""
        from django.urls import NoReverseMatch, reverse

        if self.city is None:
            return ""
        name = {"diagnosis-report": "diagnosis:dashboard", "plan": "planning:city_plan"}.get(self.kind)
        if not name:
            return ""
        try:
            return reverse(name, args=[self.city.slug])
        except NoReverseMatch:
            return ""


class Registration(models.Model):
    """A person registered for an event: a seat while there is room, else the waiting list."""

    class Status(models.TextChoices):
        REGISTERED = "registered", _("Registered")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="registrations")
    status = models.CharField(max_length=10, choices=Status.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    attended = models.BooleanField(null=True, blank=True, help_text="Recorded after the event.")
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["event", "created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["event", "user"], name="one_registration_per_person")]


class EventMaterial(models.Model):
    """Slides, recordings, reports shared after an event."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="materials")
    title = models.CharField(max_length=200)
    file = models.FileField(upload_to="events/%Y/", blank=True)
    url = models.URLField(blank=True)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["event", "added_at"]


class Follow(models.Model):
    """Someone follows a thematic area (and its working group) or a city, for the weekly digest."""

    class Kind(models.TextChoices):
        AREA = "area", _("Thematic area")
        GROUP = "group", _("Working group")
        CITY = "city", _("City")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows")
    kind = models.CharField(max_length=5, choices=Kind.choices)
    area = models.ForeignKey(ThematicArea, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    city = models.ForeignKey(City, null=True, blank=True, on_delete=models.CASCADE, related_name="followers")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "area", "city"], name="follow_once"),
            models.CheckConstraint(condition=Q(kind="city", city__isnull=False, area__isnull=True)
                                   | Q(kind__in=["area", "group"], area__isnull=False, city__isnull=True),
                                   name="follow_one_thing"),
        ]


class HelpRequest(models.Model):
    """City-to-city learning: a city asks for help on one of its focal areas."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        PAIRED = "paired", _("Paired")
        CLOSED = "closed", _("Closed")

    city = models.ForeignKey(City, on_delete=models.CASCADE, related_name="help_requests")
    area = models.ForeignKey(ThematicArea, on_delete=models.PROTECT, related_name="+")
    question = models.TextField()
    asked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    asked_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=6, choices=Status.choices, default=Status.OPEN)

    class Meta:
        ordering = ["-asked_at"]


class Pairing(models.Model):
    """The secretariat pairs the asking city with a peer; what came of it is recorded."""

    request = models.ForeignKey(HelpRequest, on_delete=models.CASCADE, related_name="pairings")
    peer = models.ForeignKey(City, on_delete=models.CASCADE, related_name="+")
    paired_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    paired_at = models.DateTimeField(auto_now_add=True)
    outcome = models.TextField(blank=True)
    outcome_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["paired_at"]
        constraints = [models.UniqueConstraint(fields=["request", "peer"], name="pair_once")]
