from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import get_object_or_404

from circularcities.coalition.models import City
from circularcities.core.reports import to_pdf, to_xlsx
from circularcities.diagnosis.report import build_report
from circularcities.diagnosis.views.edits import XLSX


def _download(content: bytes, content_type: str, name: str) -> HttpResponse:
    resp = HttpResponse(content, content_type=content_type)
    resp["Content-Disposition"] = f'attachment; filename="{name}"'
    return resp


def report_pdf(request, slug):
    city = get_object_or_404(City, slug=slug)
    return _download(to_pdf(build_report(city)), "application/pdf", f"diagnosis-{city.slug}.pdf")


def report_xlsx(request, slug):
    city = get_object_or_404(City, slug=slug)
    return _download(to_xlsx(build_report(city)), XLSX, f"diagnosis-{city.slug}.xlsx")
