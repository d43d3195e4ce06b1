"""Long jobs (route solving, large matching, report rendering) with progress.

A :class:`Job` is what people see (status, progress, message, result, error);
the queue entry that a worker claims is a ``django_tasks_db`` task result whose
id is kept in :attr:`Job.task_id`. Each attempt has a number: a worker writes
only while the job still carries its attempt number, so a worker that was
given up for dead cannot overwrite the attempt that replaced it.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Job(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")
        CANCELLED = "cancelled", _("Cancelled")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(max_length=60)
    title = models.CharField(max_length=200, blank=True)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    params = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.FloatField(default=0.0, help_text="0..1")
    message = models.CharField(max_length=300, blank=True)
    result = models.JSONField(null=True, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # Queue state (see the module docstring).
    attempt = models.PositiveIntegerField(default=0, help_text="attempts started so far")
    max_attempts = models.PositiveSmallIntegerField(default=1)
    run_after = models.DateTimeField(null=True, blank=True, help_text="next attempt not before")
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    worker = models.CharField(max_length=64, blank=True)
    cancel_requested = models.BooleanField(default=False)
    task_id = models.UUIDField(null=True, blank=True, help_text="queue entry of the current attempt")

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "heartbeat_at"], name="jobs_status_heartbeat")]

    def __str__(self):
        return f"{self.kind} {self.id} ({self.status})"

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED, self.Status.CANCELLED)

    @property
    def percent(self) -> int:
        return int(round(100 * max(0.0, min(1.0, self.progress))))


class ScheduledRun(models.Model):
    """One occurrence of a scheduled job. The unique pair (name, occurrence) is the
    guard that lets any number of workers look at the schedule while only one of
    them starts each occurrence."""

    name = models.CharField(max_length=60)
    occurrence = models.DateTimeField()
    job = models.ForeignKey(Job, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    worker = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-occurrence"]
        constraints = [models.UniqueConstraint(fields=["name", "occurrence"], name="jobs_one_run_per_occurrence")]

    def __str__(self):
        return f"{self.name} @ {self.occurrence:%Y-%m-%d %H:%M}"
