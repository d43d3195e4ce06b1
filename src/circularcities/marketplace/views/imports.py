"""Upload listings as CSV (all or nothing), and the example file."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from circularcities.core.errors import DataImportError
from circularcities.marketplace.imports import COLUMNS, example_csv, import_listings_csv
from circularcities.marketplace.permissions import require_import_listings


@login_required
@require_http_methods(["GET", "POST"])
def import_listings(request):
    require_import_listings(request.user)
    problems, status = [], 200
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None:
            problems, status = [_("Choose a CSV file to upload.")], 400
        else:
            try:
                saved = import_listings_csv(request.user, upload.read())
            except DataImportError as exc:
                problems, status = [str(p) for p in exc.problems], 400
            else:
                messages.success(request, _("%(n)s listings imported or updated.") % {"n": len(saved)})
                return redirect("marketplace:my_listings")
    return render(request, "marketplace/import.html", {"problems": problems, "columns": COLUMNS},
                  status=status)


def import_example(request):
    resp = HttpResponse(example_csv(), content_type="text/csv; charset=utf-8")
    resp["Content-Disposition"] = 'attachment; filename="listings-example.csv"'
    return resp
