"""Jobs that import a large planning file (targets, measures, progress) off the request.

The importers are the same as for a small file: every row is read and checked
before anything is written, and the writing is all or nothing.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from circularcities.web import import_summary
from circularcities.web.uploads import job_files


def import_plan_job(params: dict, report) -> dict:
    """Job: import a stored targets or measures file into ``params['city']``."""
    from circularcities.coalition.models import City
    from circularcities.planning.plan_import import import_measures, import_targets

    with job_files(params) as (user, files):
        city = City.objects.get(slug=params["city"])
        run = import_targets if params["kind"] == "targets" else import_measures
        report(0.05, _("Reading and checking every row."))
        name, data = files[0]
        result = run(city, data, name, user)
        return {**result, "url": reverse("planning:import_plan", args=[city.slug]),
                "summary": import_summary.summary(result["rows"], result["changed"])}


def import_progress_job(params: dict, report) -> dict:
    """Job: import a stored progress file for ``params['user']``."""
    from circularcities.planning.plan_import import import_progress

    with job_files(params) as (user, files):
        report(0.05, _("Reading and checking every row."))
        name, data = files[0]
        result = import_progress(data, name, user, report=report)
        return {**result, "url": reverse("planning:import_progress"),
                "summary": import_summary.summary(result["rows"], result["changed"])}
