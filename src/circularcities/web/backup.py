"""Backups: all data in one gzip-compressed JSON file, restored all or nothing.

A backup file is ``{"format": "circularcities-backup", "version": 1, "objects": [...]}``
where ``objects`` is Django's serialised data (``dumpdata``). Files written before the
format had a version (a bare list of objects) are read as version 0.

The file holds password and token hashes, so it is created readable by its owner only.
"""

from __future__ import annotations

import gzip
import json
import os
import tempfile
import zlib
from pathlib import Path

FORMAT = "circularcities-backup"
VERSION = 1
# Sessions and sign-in attempts are short-lived; content types and permissions are rebuilt by migrate.
EXCLUDE = ["contenttypes", "auth.permission", "sessions", "axes"]


class BackupError(Exception):
    """A backup that cannot be read or loaded; the message is one sentence for the operator."""


def _open_private(path: Path):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)  # an existing file keeps its old mode through O_CREAT
    raw = os.fdopen(fd, "wb")
    if path.suffix == ".gz":
        return raw, gzip.GzipFile(fileobj=raw, mode="wb")
    return raw, None


def write_backup(path: Path) -> None:
    """Write every record to ``path`` (gzip-compressed when it ends in .gz), mode 0600."""
    import io

    from django.core.management import call_command

    raw, zipped = _open_private(path)
    try:
        out = io.TextIOWrapper(zipped or raw, encoding="utf-8")
        out.write(json.dumps({"format": FORMAT, "version": VERSION})[:-1] + ', "objects": ')
        # dumpdata streams to the file, so a large database is never held in memory.
        call_command("dumpdata", natural_foreign=True, natural_primary=False, exclude=EXCLUDE,
                     indent=None, stdout=out)
        out.write("}")
        out.flush()
        out.detach()
    finally:
        if zipped is not None:
            zipped.close()
        raw.close()


def read_backup(path: Path) -> list[dict]:
    """The records in a backup file, after checking it is one; raises :class:`BackupError`."""
    if not path.is_file():
        raise BackupError(f"{path} does not exist.")
    try:
        with path.open("rb") as fh:
            magic = fh.read(2)
        opener = gzip.open if magic == b"\x1f\x8b" else open
        with opener(path, "rb") as fh:
            data = json.loads(fh.read().decode("utf-8"))
    except (OSError, EOFError, zlib.error) as exc:
        raise BackupError(f"{path} is damaged: it is not a complete gzip file ({exc}).") from None
    except UnicodeDecodeError:
        raise BackupError(f"{path} is not a backup: it is not text in UTF-8.") from None
    except json.JSONDecodeError as exc:
        raise BackupError(f"{path} is not a backup: it is not valid JSON (line {exc.lineno}).") from None
    version: object
    objects: object
    if isinstance(data, list):
        version, objects = 0, data
    elif isinstance(data, dict) and data.get("format") == FORMAT:
        version, objects = data.get("version"), data.get("objects")
    else:
        raise BackupError(f"{path} is not a backup made by 'circularcities backup'.")
    if not isinstance(version, int) or version > VERSION:
        raise BackupError(f"{path} has backup format version {version!r}; this version of the "
                          f"platform reads versions up to {VERSION}, so upgrade it first.")
    if not isinstance(objects, list) or not all(
            isinstance(o, dict) and isinstance(o.get("model"), str) and isinstance(o.get("fields"), dict)
            for o in objects):
        raise BackupError(f"{path} is not a backup: its records are not in the expected form.")
    return objects


def restore_backup(objects: list[dict], data_dir: Path) -> int:
    """Replace all data with ``objects`` in one transaction; returns the number of records."""
    from django.core.management import call_command
    from django.db import DatabaseError, IntegrityError, transaction

    # loaddata reads files; this one sits in the private data directory and is removed at once.
    fd, name = tempfile.mkstemp(suffix=".json", dir=data_dir)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(objects, fh)
        try:
            with transaction.atomic():
                call_command("flush", interactive=False, verbosity=0)
                call_command("loaddata", name, verbosity=0)
        except (IntegrityError, DatabaseError) as exc:
            raise BackupError(f"The backup does not fit this database ({str(exc).splitlines()[0]}); "
                              "nothing was changed.") from None
        except Exception as exc:  # loaddata wraps bad records in DeserializationError and others
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise BackupError(f"The backup could not be loaded ({first}); nothing was changed.") from None
    finally:
        os.unlink(name)
    return len(objects)
