"""The one import summary (issue #13): every import ends on the same sentence — rows
read, written, skipped — or on the list of problems with sheet, row and column
(``web/import_summary.html``, which prints the same sentence for a page rendered
with ``summary``). Views that redirect after an import say it with :func:`report`."""

from __future__ import annotations

from django.contrib import messages
from django.utils.translation import gettext as _


def summary(read: int, written: int, skipped: int | None = None) -> dict:
    """``{"read", "written", "skipped"}``; skipped defaults to the rows that changed nothing."""
    return {"read": read, "written": written, "skipped": max(read - written, 0) if skipped is None else skipped}


def text(read: int, written: int, skipped: int | None = None, details: str = "") -> str:
    s = summary(read, written, skipped)
    line = _("Import finished.") + " " + _(
        "Rows read: %(read)s · written: %(written)s · skipped (already as in the file): %(skipped)s · errors: 0") % s
    return line + (" — " + details if details else "")


def report(request, read: int, written: int, skipped: int | None = None, details: str = "") -> None:
    """The summary as the one message shown on the next page (``details`` after it)."""
    messages.success(request, text(read, written, skipped, details), extra_tags="import-summary")
