from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from circularcities.jobs import runner
from circularcities.jobs.models import Job
from circularcities.jobs.permissions import can_change_job, require_change_job, require_see_job


def _get(request, pk):
    job = get_object_or_404(Job, pk=pk)
    require_see_job(request.user, job)
    return job


def job_status(request, pk):
    """HTML fragment polled by htmx every second until the job has finished."""
    job = _get(request, pk)
    return render(request, "jobs/_status.html", {"job": job, "may_cancel": can_change_job(request.user, job)})


@require_POST
def job_cancel(request, pk):
    """Cancel button of the status fragment: a queued job stops at once, a running
    one at its next progress report."""
    job = get_object_or_404(Job, pk=pk)
    require_change_job(request.user, job)
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
