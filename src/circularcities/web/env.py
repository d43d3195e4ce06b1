"""Typed helpers that read settings from environment variables.

Settings come only from the environment (healthchecks style): a wrong value
stops start-up with a message naming the variable.
"""

from __future__ import annotations

import os
import re
import secrets
from pathlib import Path
from urllib.parse import urlsplit

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ValueError(f"Expected {name} to be one of 1/0, true/false, yes/no, on/off; got {raw!r}.")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ValueError(f"Expected {name} to be an integer; got {raw!r}.") from None


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def data_dir() -> Path:
    """The platform's data directory (embedded database, secret key, uploads).

    ``CIRCULARCITIES_HOME`` moves it; the default lives under the user's home,
    never in the source tree.
    """
    raw = os.environ.get("CIRCULARCITIES_HOME")
    if raw:
        path = Path(raw).expanduser()
    else:
        base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        path = Path(base) / "circularcities"
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    private_dir(path)
    return path


def private_dir(path: Path) -> None:
    """Only the owner may enter: the directory holds the database, keys and backups."""
    try:
        if path.stat().st_mode & 0o077:
            path.chmod(0o700)
    except PermissionError:  # a directory someone else owns: leave it as they set it
        pass


def private_file(path: Path) -> Path:
    """Create ``path`` (if missing) readable by its owner only, and tighten it if it exists."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    os.close(fd)
    path.chmod(0o600)
    return path


def write_private(path: Path, text: str) -> None:
    """Write ``text`` to a file that is never readable by others, not even for a moment."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)


def sqlite_private(db_path: Path) -> None:
    """The SQLite database and its -wal/-shm/-journal files, owner-only (they hold password hashes).

    SQLite gives the files it creates next to the database the database's own mode,
    so the database is created 0600 before the first connection.
    """
    if not db_path.parent.is_dir():
        return  # Django reports the missing directory when it connects
    try:
        private_file(db_path)
        for suffix in ("-wal", "-shm", "-journal"):
            extra = db_path.with_name(db_path.name + suffix)
            if extra.exists():
                extra.chmod(0o600)
    except PermissionError:  # another user's database: leave its mode as they set it
        pass


def secret_key() -> str:
    """``SECRET_KEY`` from the environment, else a random key kept in the data dir.

    A self-hosted install then needs no configuration, and no key is ever
    shared between installs.
    """
    raw = os.environ.get("SECRET_KEY")
    if raw:
        return raw
    path = data_dir() / "secret_key"
    if not path.exists():
        write_private(path, secrets.token_urlsafe(64))
    return path.read_text().strip()


def tile_origin(url: str) -> str | None:
    """The origin a configured map tile URL loads from, as a CSP source (``{s}`` becomes ``*``)."""
    parts = urlsplit(re.sub(r"\{[^}]*\}", "*", url))
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}"
