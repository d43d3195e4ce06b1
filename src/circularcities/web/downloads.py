"""Files the browser saves: one way to answer with a download."""

from __future__ import annotations

from django.http import HttpResponse

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
"""The content type of an Excel workbook."""


def attachment(content, filename: str, content_type: str) -> HttpResponse:
    """A response the browser saves as ``filename`` (ASCII, no quotes)."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
