"""The job that imports a large streams file off the request (same importer: all or nothing)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from circularcities.web import import_summary
from circularcities.web.uploads import job_files


def import_streams_job(params: dict, report) -> dict:
    """Job: import a stored streams file into ``params['city']``."""
    from circularcities.coalition.models import City
    from circularcities.waste.permissions import require_edit_streams
    from circularcities.waste.services import import_streams

    with job_files(params) as (user, files):
        city = City.objects.get(slug=params["city"])
        require_edit_streams(user, city)
        report(0.05, _("Reading and checking every row."))
        name, data = files[0]
        result = import_streams(city, data, name, user, report=report)
        return {**result, "url": reverse("waste:city", args=[city.slug]),
                "summary": import_summary.summary(result["rows"], result["changed"])}
