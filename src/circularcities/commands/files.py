"""Files the user names on the command line."""

from __future__ import annotations

from circularcities.core.errors import DataImportError


def read_bytes(path: str) -> bytes:
    """The bytes of the file at ``path``, or a DataImportError saying why it cannot be read."""
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise DataImportError([f"Expected a readable file at {path}: {exc.strerror}."]) from exc
