"""Demo content in further languages: ``data/content_<lang>.json``.

English and Chinese text sits beside each record in ``coalition.json`` and
``cases.json`` (``name_en`` / ``name_zh``). Other languages come in one file per
language, keyed by section and slug::

    {"cases": {SLUG: {"title", "summary", "keywords": [...],
                      "figures": [{"label", "note"}, ... in the order of cases.json]}},
     "areas": {SLUG: {"name", "description"}}, "r_strategies": {SLUG: {...}},
     "cities": {SLUG: {"name", "country_name", "profile", "data_notes"}},
     "partners": {SLUG: {"name", "description"}},
     "events": {SLUG: {"title", "place", "agenda", "outcomes"}},
     "publications": {SLUG: {"title", "summary"}}}

A missing file, section or slug is simply not translated yet (pages then show English,
marked so). Unknown fields are refused, so a typo cannot vanish silently.
"""

from __future__ import annotations

import json
from pathlib import Path

from circularcities.data import data_path

FIELDS = {
    "cases": {"title", "summary", "keywords", "figures"},
    "areas": {"name", "description"},
    "r_strategies": {"name", "description"},
    "cities": {"name", "country_name", "profile", "data_notes"},
    "partners": {"name", "description"},
    "events": {"title", "place", "agenda", "outcomes"},
    "publications": {"title", "summary"},
}
FILE_LANGUAGES = {"ja": "content_ja.json", "ko": "content_ko.json"}


class ContentFileError(ValueError):
    pass


def read_content(path: Path) -> dict:
    """One language's content file, checked against :data:`FIELDS`."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ContentFileError(f"{path.name}: expected an object of sections.")
    for section, records in data.items():
        if section not in FIELDS:
            raise ContentFileError(f"{path.name}: unknown section {section!r}.")
        if not isinstance(records, dict):
            raise ContentFileError(f"{path.name}: section {section!r} must map slugs to fields.")
        for slug, fields in records.items():
            unknown = set(fields) - FIELDS[section]
            if unknown:
                raise ContentFileError(f"{path.name}: {section}.{slug}: unknown field {sorted(unknown)[0]!r}.")
    return data


def language_contents(directory: Path | None = None, languages=None) -> dict[str, dict]:
    """{language code: content} for each content file present (platform languages only)."""
    from django.conf import settings

    wanted = set(languages) if languages is not None else {c for c, _n in settings.LANGUAGES}
    out = {}
    for code, name in FILE_LANGUAGES.items():
        path = (Path(directory) / name) if directory is not None else data_path(name)
        if code in wanted and path.is_file():
            out[code] = read_content(path)
    return out


def texts(contents: dict[str, dict], section: str, slug: str) -> dict[str, dict]:
    """{language: fields} of one record across the content files."""
    out = {}
    for code, content in contents.items():
        fields = content.get(section, {}).get(slug)
        if fields:
            out[code] = fields
    return out
