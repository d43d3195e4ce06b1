"""A business's circularity self-assessment on the coalition's R-strategies."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q


class CircularityAssessment(models.Model):
    """One self-assessment of a business; each new one is kept, so the programme sees
    its businesses over time. ``score`` is computed by core/circularity.py when saved."""

    organisation = models.ForeignKey("coalition.Partner", on_delete=models.CASCADE,
                                     related_name="circularity_assessments")
    assessed_on = models.DateField()
    score = models.FloatField(help_text="0..100, core/circularity.py")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["organisation", "-assessed_on", "-pk"]
        constraints = [models.CheckConstraint(condition=Q(score__gte=0, score__lte=100),
                                              name="circularity_score_0_100")]

    def __str__(self):
        return f"{self.organisation} {self.assessed_on}: {self.score}"


class CircularityAnswer(models.Model):
    class Level(models.IntegerChoices):
        NOT_STARTED = 0, "not started"
        PLANNED = 1, "planned"
        PART = 2, "in practice in part of the business"
        STANDARD = 3, "standard practice across the business"

    assessment = models.ForeignKey(CircularityAssessment, on_delete=models.CASCADE, related_name="answers")
    strategy = models.ForeignKey("coalition.RStrategy", on_delete=models.PROTECT, related_name="+")
    level = models.PositiveSmallIntegerField(choices=Level.choices)
    evidence = models.TextField(blank=True)

    class Meta:
        ordering = ["assessment", "strategy__order"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "strategy"], name="one_answer_per_strategy"),
            models.CheckConstraint(condition=Q(level__lte=3), name="circularity_level_0_3"),
        ]
