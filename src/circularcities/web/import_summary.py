"""The one import summary (issue #13): every import ends on the same sentence — rows
read, written, skipped — or on the list of problems with sheet, row and column
(``web/import_summary.html``, which prints the same sentence for a page rendered
with ``summary``). Views that redirect after an import say it with :func:`report`."""

from __future__ import annotations

from django.contrib import messages
from django.utils.translation import gettext as _


def summary(read: int, written: int, skipped: int | None = None, left_out: int = 0) -> dict:
    """``{"read", "written", "skipped", "left_out"}``; skipped defaults to the rows that changed
    nothing (the rows read that were neither written nor left out); ``left_out`` counts rows
    with a problem that the user chose to leave out while importing the rest."""
    if skipped is None:
        skipped = max(read - written - left_out, 0)
    return {"read": read, "written": written, "skipped": skipped, "left_out": left_out}


def text(read: int, written: int, skipped: int | None = None, details: str = "", left_out: int = 0) -> str:
    s = summary(read, written, skipped, left_out)
    if left_out:
        counts = _("Rows read: %(read)s · written: %(written)s · skipped (already as in the file): %(skipped)s · "
                   "left out with a problem: %(left_out)s") % s
    else:
        counts = _("Rows read: %(read)s · written: %(written)s · skipped (already as in the file): %(skipped)s · "
                   "errors: 0") % s
    line = _("Import finished.") + " " + counts
    return line + (" — " + details if details else "")


def report(request, read: int, written: int, skipped: int | None = None, details: str = "") -> None:
    """The summary as the one message shown on the next page (``details`` after it)."""
    messages.success(request, text(read, written, skipped, details), extra_tags="import-summary")
