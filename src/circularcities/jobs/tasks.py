"""The one queue task: run an attempt of a :class:`~circularcities.jobs.models.Job`.

Every job goes through this task so that the queue library (django-tasks with
its database backend) only moves ids; what people see stays on the Job.
"""

from __future__ import annotations

from django_tasks import task


@task()
def run_job(job_id: str) -> str:
    from circularcities.jobs.runner import JobLeaseLost, execute, worker_name

    status = execute(job_id, worker=worker_name())
    if status == "lost":  # the queue entry says so too, instead of "successful"
        raise JobLeaseLost(job_id)
    return status
