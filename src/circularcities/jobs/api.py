"""Jobs API: a job's state, and cancelling or retrying it."""

from __future__ import annotations

from uuid import UUID

from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from pydantic import Field

from circularcities.accounts.auth import TokenAuth, write_auth
from circularcities.web.api_support import responses

from . import runner
from .models import Job
from .permissions import require_change_job, require_see_job

router = Router(tags=["jobs"])


def _session_or_anonymous(request):
    """Reads also take a personal token; without one, the browser session (or nobody)."""
    return True


read_auth = [TokenAuth(), _session_or_anonymous]


class JobOut(Schema):
    id: UUID
    kind: str
    title: str
    status: str = Field(description="queued, running, done, failed or cancelled")
    progress: float = Field(description="0..1")
    message: str
    error: str
    attempt: int = Field(description="attempts started so far")
    max_attempts: int
    cancel_requested: bool
    created_at: str
    finished_at: str | None
    result: dict | None = Field(description="the job's result once it is done")


def _out(job: Job) -> dict:
    return {"id": job.pk, "kind": job.kind, "title": job.title, "status": job.status,
            "progress": job.progress, "message": job.message, "error": job.error,
            "attempt": job.attempt, "max_attempts": job.max_attempts,
            "cancel_requested": job.cancel_requested, "created_at": job.created_at.isoformat(),
            "finished_at": job.finished_at.isoformat() if job.finished_at else None,
            "result": job.result if job.status == Job.Status.DONE else None}


def _job(request, pk: UUID, change: bool = False) -> Job:
    job = get_object_or_404(Job, pk=pk)
    (require_change_job if change else require_see_job)(request.user, job)
    return job


@router.get("/{pk}", response=responses(JobOut, 401, 403, 404), auth=read_auth)
def job_detail(request, pk: UUID):
    """A job you started (or one without an owner): status, progress, result."""
    return _out(_job(request, pk))


@router.post("/{pk}/cancel", response=responses(JobOut, 404, write=True), auth=write_auth)
def job_cancel(request, pk: UUID):
    """Cancel: a queued job stops at once, a running one at its next progress report."""
    return _out(runner.cancel(_job(request, pk, change=True)))


@router.post("/{pk}/retry", response=responses(JobOut, 404, write=True), auth=write_auth)
def job_retry(request, pk: UUID):
    """Run a failed or cancelled job again (any other job is returned unchanged)."""
    return _out(runner.retry(_job(request, pk, change=True)))
