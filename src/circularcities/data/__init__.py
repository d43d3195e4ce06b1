"""Packaged reference and demo data; each file's source is in a PROVENANCE or README file here."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path


def data_path(name: str) -> Path:
    return Path(str(files("circularcities.data").joinpath(name)))


def load_json(name: str):
    return json.loads(data_path(name).read_text(encoding="utf-8"))
