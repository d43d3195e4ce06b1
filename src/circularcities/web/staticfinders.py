"""Serve front-end libraries that Python packages ship, without copying them.

Plotly's Python package carries ``plotly.min.js``; this finder exposes it as
``vendor/plotly.min.js`` so chart pages work offline.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

from django.contrib.staticfiles.finders import BaseFinder
from django.core.files.storage import FileSystemStorage


def _package_file(package: str, *parts: str) -> Path | None:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations)), *parts)
    return path if path.exists() else None


ASSETS = {
    "vendor/plotly.min.js": ("plotly", "package_data", "plotly.min.js"),
}


class PackageAssetFinder(BaseFinder):
    def _resolve(self) -> dict[str, Path]:
        found = {}
        for name, (package, *parts) in ASSETS.items():
            path = _package_file(package, *parts)
            if path is not None:
                found[name] = path
        return found

    def check(self, **kwargs):
        return []

    def find(self, path, find_all=False, **kwargs):
        match = self._resolve().get(path)
        if match is None:
            return [] if find_all else None
        return [str(match)] if find_all else str(match)

    def list(self, ignore_patterns):
        for name, path in self._resolve().items():
            storage = FileSystemStorage(location=str(path.parent))
            storage.prefix = os.path.dirname(name)
            yield path.name, storage
