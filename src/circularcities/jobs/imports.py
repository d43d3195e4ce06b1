"""Start an import as a background job: the upload is kept in storage and the
job reads it back (see :mod:`circularcities.web.uploads`)."""

from __future__ import annotations

import os

from django.utils.translation import get_language

from circularcities.jobs import runner
from circularcities.web.uploads import keep


def start_import(request, *, kind: str, func: str, files: list[tuple[str, bytes]], params: dict,
                 title: str):
    """Store ``files`` and start the import job ``func`` (``func(params, report) -> dict``).

    The job gets ``params`` plus ``files`` (``[[name, stored], ...]``, read with
    :func:`job_files`), ``user`` and ``lang`` (the requester's language, for messages).
    """
    stored = [[name, keep(data, os.path.splitext(name)[1].lower())] for name, data in files]
    return runner.start(kind, func, {**params, "files": stored, "user": request.user.pk, "lang": get_language()},
                        owner=request.user, title=title)
