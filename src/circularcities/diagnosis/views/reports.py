from __future__ import annotations

from django.shortcuts import get_object_or_404

from circularcities.coalition.models import City
from circularcities.core.reports import to_pdf, to_xlsx
from circularcities.diagnosis.report import build_report
from circularcities.diagnosis.views.edits import XLSX
from circularcities.web.downloads import attachment


def report_pdf(request, slug):
    city = get_object_or_404(City, slug=slug)
    return attachment(to_pdf(build_report(city)), f"diagnosis-{city.slug}.pdf", "application/pdf")


def report_xlsx(request, slug):
    city = get_object_or_404(City, slug=slug)
    return attachment(to_xlsx(build_report(city)), f"diagnosis-{city.slug}.xlsx", XLSX)
