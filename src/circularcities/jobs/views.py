from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render

from circularcities.jobs.models import Job
from circularcities.jobs.permissions import require_see_job


def _get(request, pk):
    job = get_object_or_404(Job, pk=pk)
    require_see_job(request.user, job)
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
