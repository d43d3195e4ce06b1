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
    path.mkdir(parents=True, exist_ok=True)
    return path


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
        path.write_text(secrets.token_urlsafe(64))
        path.chmod(0o600)
    return path.read_text().strip()


def tile_origin(url: str) -> str | None:
    """The origin a configured map tile URL loads from, as a CSP source (``{s}`` becomes ``*``)."""
    parts = urlsplit(re.sub(r"\{[^}]*\}", "*", url))
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}"
