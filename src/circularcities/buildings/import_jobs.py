"""Jobs that import a large components file or IFC model off the request; the
importers are the same as for a small file (checked first, written all or nothing)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from circularcities.web import import_summary
from circularcities.web.uploads import job_files


def import_components_job(params: dict, report) -> dict:
    from circularcities.buildings.imports import import_ifc, import_spreadsheet
    from circularcities.buildings.models import Building

    with job_files(params) as (user, files):
        building = Building.objects.get(pk=params["building"])
        report(0.05, _("Reading and checking every component."))
        name, data = files[0]
        run = import_ifc if name.lower().endswith(".ifc") else import_spreadsheet
        result = run(user, building, data, name)
        return {**result, "url": building.get_absolute_url(),
                "summary": import_summary.summary(result["rows"], result["created"] + result["updated"])}
