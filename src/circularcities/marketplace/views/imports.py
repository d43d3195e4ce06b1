"""Upload listings as CSV (all or nothing), and the example file.

A file of more rows than ``IMPORT_JOB_ROWS`` is stored and imported by a job
with progress, so that the request, and the database, are never held for long.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from circularcities.core.errors import DataImportError
from circularcities.jobs.imports import start_import
from circularcities.marketplace.imports import (
    COLUMNS,
    example_csv,
    import_listings_csv,
    read_listings,
)
from circularcities.marketplace.permissions import require_import_listings
from circularcities.web import import_summary
from circularcities.web.uploads import job_rows


@login_required
@require_http_methods(["GET", "POST"])
def import_listings(request):
    require_import_listings(request.user)
    problems, status, job = [], 200, None
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None:
            problems, status = [_("Choose a CSV file to upload.")], 400
        else:
            content = upload.read()
            try:
                rows = len(read_listings(content).rows)
                if rows > job_rows():
                    job = start_import(request, kind="marketplace-import",
                                       func="circularcities.marketplace.imports.import_listings_job",
                                       files=[(upload.name, content)], params={},
                                       title=_("Importing %(n)s listings") % {"n": rows})
                    status = 202
                else:
                    saved = import_listings_csv(request.user, content)
            except DataImportError as exc:
                problems, status = [str(p) for p in exc.problems], 400
            else:
                if job is None:
                    import_summary.report(request, len(saved), len(saved))
                    return redirect("marketplace:my_listings")
    return render(request, "marketplace/import.html", {"problems": problems, "columns": COLUMNS, "job": job},
                  status=status)


def import_example(request):
    resp = HttpResponse(example_csv(), content_type="text/csv; charset=utf-8")
    resp["Content-Disposition"] = 'attachment; filename="listings-example.csv"'
    return resp
