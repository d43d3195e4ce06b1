"""Uploads: the table reader's limits from settings, a cap on request bodies,
and a place to keep an uploaded file while a job imports it.

Settings (environment variables, see ``settings.py``):

``IMPORT_MAX_UPLOAD_MB``   largest request body, file included (default 20); a bigger
                           upload gets 413 before its body is read.
``IMPORT_MAX_ROWS``        rows per sheet or CSV file (default 100,000).
``IMPORT_MAX_COLUMNS``     columns per row (default 200).
``IMPORT_MAX_CELLS``       cells per workbook (default 2,000,000).
``IMPORT_MAX_EXPANDED_MB`` size a workbook may unzip to (default 200).
``IMPORT_JOB_ROWS``        an import of more data rows than this runs as a job (default 2,000).
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import gettext as _

from circularcities.core import tables
from circularcities.core.errors import DataImportError
from circularcities.core.tables import MB, Limits, count_rows


def table_limits() -> Limits:
    """The reader's limits as this deployment sets them."""
    return Limits(max_bytes=settings.IMPORT_MAX_UPLOAD_MB * MB,
                  max_expanded_bytes=settings.IMPORT_MAX_EXPANDED_MB * MB,
                  max_rows=settings.IMPORT_MAX_ROWS, max_columns=settings.IMPORT_MAX_COLUMNS,
                  max_cells=settings.IMPORT_MAX_CELLS)


def configure() -> None:
    """Make the settings' limits the default of every read (called when Django starts)."""
    tables.configure(table_limits())


def job_rows() -> int:
    """Above this many data rows an import runs as a job, off the request."""
    return int(settings.IMPORT_JOB_ROWS)


def needs_job(data: bytes, filename: str, sheet: str) -> bool:
    """Whether an upload has more data rows in ``sheet`` (else its first sheet, or the
    CSV file) than an import runs in the request. Counting is cheap (no cell is built);
    an unreadable table needs no job: the importer says why, in the reader's language."""
    try:
        rows = count_rows(data, filename, (sheet,), first_sheet_fallback=True)
    except DataImportError:
        rows = 0
    return rows > job_rows()


class UploadSizeMiddleware:
    """Refuse a request body larger than ``IMPORT_MAX_UPLOAD_MB`` with 413, unread.

    Django caps form fields (DATA_UPLOAD_MAX_MEMORY_SIZE) but not files; without
    this a client could make the server store gigabytes before any view runs.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        limit = settings.IMPORT_MAX_UPLOAD_MB * MB
        if length > limit:
            return HttpResponse(
                _("The upload is larger than %(mb)s MB, the most this platform accepts. Split the file "
                  "into smaller ones and upload them one by one.") % {"mb": settings.IMPORT_MAX_UPLOAD_MB},
                status=413, content_type="text/plain; charset=utf-8")
        return self.get_response(request)


def _folder() -> Path:
    folder = Path(settings.MEDIA_ROOT) / "imports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def keep(data: bytes, suffix: str = "") -> str:
    """Store an upload for a job; returns the name to pass in the job's parameters."""
    name = f"{uuid.uuid4().hex}{suffix if suffix in ('.csv', '.xlsx') else ''}"
    path = _folder() / name
    with open(path, "wb") as fh:
        fh.write(data)
    return name


def kept(name: str) -> bytes:
    """The bytes of an upload stored by :func:`keep` (names only, never paths)."""
    if os.path.basename(name) != name or not name:
        raise ValueError("Expected the name of a stored upload.")
    return (_folder() / name).read_bytes()


def discard(name: str) -> None:
    if os.path.basename(name) == name and name:
        (_folder() / name).unlink(missing_ok=True)


class job_files:  # noqa: N801  (used as a context manager, like open())
    """In an import job: ``with job_files(params) as (user, files):`` gives the
    requester and ``[(name, bytes), ...]`` in the requester's language, and
    deletes the stored files afterwards, whatever happens."""

    def __init__(self, params: dict):
        self.params = params

    def __enter__(self):
        from django.contrib.auth import get_user_model
        from django.utils import translation

        self._lang = translation.override(self.params.get("lang") or None)
        self._lang.__enter__()
        user = get_user_model().objects.get(pk=self.params["user"])
        return user, [(name, kept(stored)) for name, stored in self.params["files"]]

    def __exit__(self, *exc):
        for _name, stored in self.params.get("files", []):
            discard(stored)
        self._lang.__exit__(*exc)
        return False


def write_in_batches(items: list, write, *, batch: int = 50, report=None, start: float = 0.0,
                     end: float = 1.0, message: str = "") -> list:
    """Write ``items`` a batch per short transaction, all or nothing overall.

    Each transaction holds the database's write lock only for one batch (SQLite
    lets sign-ins and other writes in between). ``write(item)`` writes one item
    (already checked) and returns ``(result, undo)``, ``undo`` being a callable
    that puts back what was there before, or ``None`` when nothing changed. If a
    batch fails, its transaction is rolled back and the batches already written
    are undone, newest first, then the error is raised. Returns the results.
    """
    from django.db import transaction

    results: list = []
    undos: list = []
    for i in range(0, len(items), batch):
        try:
            with transaction.atomic():
                done = [write(item) for item in items[i:i + batch]]
        except Exception:
            with transaction.atomic():
                for undo in reversed(undos):
                    undo()
            raise
        results += [r for r, _u in done]
        undos += [u for _r, u in done if u is not None]
        if report:
            n = min(i + batch, len(items))
            report(start + (end - start) * n / max(1, len(items)), message % {"n": n, "total": len(items)}
                   if message else "")
    return results
