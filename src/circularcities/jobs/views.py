from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from circularcities.accounts.permissions import is_secretariat
from circularcities.jobs import runner
from circularcities.jobs.models import Job


def may_read(user, job: Job) -> bool:
    return not job.owner_id or job.owner_id == getattr(user, "pk", None) or is_secretariat(user)


def may_change(user, job: Job) -> bool:
    """Cancel or retry: the job's owner or the secretariat (jobs without an owner,
    such as scheduled ones, only the secretariat)."""
    if not getattr(user, "is_authenticated", False):
        return False
    return job.owner_id == user.pk or is_secretariat(user)


def _get(request, pk):
    job = get_object_or_404(Job, pk=pk)
    if not may_read(request.user, job):
        raise PermissionDenied("This job belongs to someone else.")
    return job


def job_status(request, pk):
    """HTML fragment polled by htmx every second until the job has finished."""
    job = _get(request, pk)
    return render(request, "jobs/_status.html", {"job": job, "may_cancel": may_change(request.user, job)})


@require_POST
def job_cancel(request, pk):
    """Cancel button of the status fragment: a queued job stops at once, a running
    one at its next progress report."""
    job = _get(request, pk)
    if not may_change(request.user, job):
        raise PermissionDenied("Only the person who started this job or the secretariat may cancel it.")
    job = runner.cancel(job)
    if request.htmx:
        return render(request, "jobs/_status.html", {"job": job, "may_cancel": True})
    back = request.headers.get("Referer", "")
    if back and url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()},
                                                require_https=request.is_secure()):
        return redirect(back)
    return redirect("jobs:status", job.pk)


def job_json(request, pk):
    job = _get(request, pk)
    return JsonResponse({"id": str(job.pk), "status": job.status, "progress": job.progress,
                         "message": job.message, "error": job.error,
                         "attempt": job.attempt, "max_attempts": job.max_attempts,
                         "cancel_requested": job.cancel_requested,
                         "result": job.result if job.finished else None})
