"""Saving an index to one file and loading it back, so a new process need not rebuild it.

The file is an uncompressed ``.npz`` (numpy arrays plus a JSON header); it is
written to a temporary name and renamed, so a reader never sees half a file.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import numpy as np

from circularcities.core.search.index import BM25Params, SearchIndex
from circularcities.core.search.tokenize import Analyzer

# Bump when tokenisation or the stored layout changes: older files are ignored.
FORMAT = 1


def save(index: SearchIndex, path: Path, meta: dict) -> None:
    """Write ``index`` and ``meta`` (JSON-serialisable) to ``path`` atomically."""
    arrays = index.to_arrays()
    header = json.dumps({"format": FORMAT, **meta})
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            np.savez(fh, header=np.array(header), **arrays)  # type: ignore[arg-type]
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load(path: Path, params: BM25Params | None = None,
         analyzer: Analyzer | None = None) -> tuple[SearchIndex, dict] | None:
    """The index and meta saved at ``path``, or None if missing, unreadable or of another format."""
    try:
        with np.load(path, allow_pickle=False) as data:
            meta = json.loads(str(data["header"]))
            if meta.get("format") != FORMAT:
                return None
            arrays = {k: data[k] for k in data.files if k != "header"}
    except (OSError, ValueError, KeyError, json.JSONDecodeError):
        return None
    return SearchIndex.from_arrays(arrays, params=params, analyzer=analyzer), meta
