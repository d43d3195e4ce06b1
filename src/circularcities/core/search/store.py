"""Saving an index to disk and opening it again, so a new process need not rebuild it.

An index is a directory of ``.npy`` arrays plus ``meta.json``, opened with
memory mapping: opening costs the same at any size, a query reads only the
postings of its terms, and processes on one machine share the pages. A save
writes a new directory and then atomically repoints the ``current`` symbolic
link, so a reader never sees half an index.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from pathlib import Path

import numpy as np

from circularcities.core.search.index import BM25Params, SearchIndex
from circularcities.core.search.tokenize import Analyzer

# Bump when tokenisation or the stored layout changes: older saves are ignored.
FORMAT = 2
# Older saves are deleted after this long (a reader may still be opening one).
KEEP_OLD_SECONDS = 120


def save(index: SearchIndex, path: Path, meta: dict) -> None:
    """Save ``index`` and ``meta`` (JSON-serialisable) under the directory ``path``."""
    arrays = index.to_arrays()
    path.mkdir(parents=True, exist_ok=True)
    target = Path(tempfile.mkdtemp(prefix="index-", dir=path))
    for name, arr in arrays.items():
        np.save(target / f"{name}.npy", arr, allow_pickle=False)
    (target / "meta.json").write_text(json.dumps({"format": FORMAT, **meta}))
    link = path / f"current-{os.getpid()}.tmp"
    link.unlink(missing_ok=True)
    link.symlink_to(target.name)
    os.replace(link, path / "current")
    now = time.time()
    for old in path.glob("index-*"):
        if old != target and now - old.stat().st_mtime > KEEP_OLD_SECONDS:
            shutil.rmtree(old, ignore_errors=True)


def load(path: Path, params: BM25Params | None = None,
         analyzer: Analyzer | None = None) -> tuple[SearchIndex, dict] | None:
    """The index and meta last saved under ``path``, or None if missing, unreadable or of another format."""
    try:
        target = (path / "current").resolve(strict=True)
        meta = json.loads((target / "meta.json").read_text())
        if meta.get("format") != FORMAT:
            return None
        arrays = {f.stem: np.load(f, mmap_mode="r", allow_pickle=False) for f in target.glob("*.npy")}
        return SearchIndex.from_arrays(arrays, params=params, analyzer=analyzer), meta
    except (OSError, ValueError, KeyError, json.JSONDecodeError):
        return None
