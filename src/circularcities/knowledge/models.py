"""The bilingual library of best-practice cases."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModel, TranslatedFields

from circularcities.coalition.models import City, RStrategy, ThematicArea
from circularcities.web.content import TranslatedContent


class Case(TranslatedContent, TranslatableModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("In review")
        PUBLISHED = "published", _("Published")

    slug = models.SlugField(unique=True, max_length=120)
    legacy_fields = ('title', 'summary', 'keywords')
    legacy_lists = ("keywords",)
    translations = TranslatedFields(
        title=models.CharField(max_length=200),
        summary=models.TextField(blank=True),
        keywords=models.JSONField(default=list, blank=True),
    )
    city = models.ForeignKey(City, on_delete=models.PROTECT, related_name="cases")
    country = models.CharField(max_length=2)
    areas = models.ManyToManyField(ThematicArea, related_name="cases")
    r_strategies = models.ManyToManyField(RStrategy, blank=True, related_name="cases")
    source_document = models.CharField(max_length=120, blank=True)
    related = models.ManyToManyField("self", blank=True, symmetrical=True)
    published = models.BooleanField(default=True, help_text="Shown to readers and search: status is published.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PUBLISHED)
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+", help_text="Who published it after review.")
    reviewed_at = models.DateTimeField(null=True, blank=True)
    sources = models.JSONField(default=list, blank=True, help_text="Further sources beside source_document.")
    is_demo = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["slug"]

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or self.slug

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("knowledge:case_detail", args=[self.slug])



class KeyFigure(TranslatedContent, TranslatableModel):
    legacy_fields = ('label', 'note')
    translations = TranslatedFields(
        label=models.CharField(max_length=200),
        note=models.CharField(max_length=400, blank=True),
    )
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="figures")
    order = models.PositiveSmallIntegerField(default=0)
    value = models.FloatField()
    unit = models.CharField(max_length=40)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    source = models.CharField(max_length=120, blank=True)

    class Meta:
        ordering = ["case", "order"]


class CaseImage(models.Model):
    """An image of a case with its alternative text (required: readers without sight get the text)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="images")
    order = models.PositiveSmallIntegerField(default=0)
    image = models.ImageField(upload_to="cases/%Y/")
    alt_text = models.CharField(max_length=300)
    credit = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["case", "order"]


class CaseTerms(models.Model):
    """A case's weighted search terms, for the ``updated_at`` they were computed from.

    Rebuilding an index from these skips segmentation. A table of its own, so
    loading cases never decodes them.
    """

    case = models.OneToOneField(Case, on_delete=models.CASCADE, primary_key=True, related_name="+")
    computed_for = models.DateTimeField()
    version = models.PositiveSmallIntegerField()
    terms = models.JSONField()


class SearchState(models.Model):
    """One row: the version of the searchable case content.

    Every write that changes what search sees (a case, its figures, areas,
    R-strategies or city names) bumps ``version`` in its own transaction and
    logs the cases it touched in :class:`SearchChange`. Each process compares
    its index's version with this row before a query (one indexed read), so
    an edit made through one web process or machine is seen by the next query
    of every other. ``token`` is new at every bump: a stored index from a
    database that was since reset cannot be mistaken for the current one.
    """

    version = models.BigIntegerField(default=0)
    token = models.CharField(max_length=32, blank=True)


class SearchChange(models.Model):
    """A case changed at a version; ``case_id`` null means any case may have changed."""

    version = models.BigIntegerField(db_index=True)
    token = models.CharField(max_length=32)
    case_id = models.BigIntegerField(null=True)
