from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render

from circularcities.accounts.permissions import is_secretariat
from circularcities.jobs.models import Job


def _get(request, pk):
    job = get_object_or_404(Job, pk=pk)
    if job.owner_id and job.owner_id != getattr(request.user, "pk", None) and not is_secretariat(request.user):
        raise PermissionDenied("This job belongs to someone else.")
    return job


def job_status(request, pk):
    """HTML fragment polled by htmx every second until the job has finished."""
    job = _get(request, pk)
    return render(request, "jobs/_status.html", {"job": job})


def job_json(request, pk):
    job = _get(request, pk)
    return JsonResponse({"id": str(job.pk), "status": job.status, "progress": job.progress,
                         "message": job.message, "error": job.error,
                         "result": job.result if job.finished else None})
