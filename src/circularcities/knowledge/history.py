"""A case's kept versions (django-reversion) as readers see them: who, when, what changed."""

from __future__ import annotations

from dataclasses import dataclass

from reversion.models import Version

from circularcities.knowledge.models import Case

CASE_FIELDS = ("status", "city", "source_document", "sources", "areas", "r_strategies", "reviewer")


@dataclass
class Change:
    field: str
    before: str
    after: str


@dataclass
class Entry:
    version_id: int
    when: object
    who: str
    comment: str
    changes: list[Change]


def _snapshot(version: Version) -> dict[str, str]:
    """The case's fields and each language's text (and figures) in this version."""
    out: dict[str, str] = {}
    for k, v in version.field_dict.items():
        if k in CASE_FIELDS:
            out[k] = ", ".join(map(str, v)) if isinstance(v, list) else ("" if v is None else str(v))
    translation = Case._parler_meta.root_model
    figures: list[str] = []
    for other in version.revision.version_set.all():
        model = other._model
        data = other.field_dict
        master = data.get("master_id", data.get("master"))
        if model is translation and str(master) == str(version.object_id):
            lang = data.get("language_code")
            for f in ("title", "summary", "keywords"):
                value = data.get(f)
                out[f"{f} ({lang})"] = ", ".join(value) if isinstance(value, list) else (value or "")
        elif model.__name__ == "KeyFigure":
            figures.append(f"{data.get('value')} {data.get('unit')} ({data.get('year') or '–'})")
    out["figures"] = "; ".join(sorted(figures))
    return out


def case_history(case: Case, limit: int = 100) -> list[Entry]:
    """Newest first; each entry lists the fields that differ from the version before."""
    versions = list(Version.objects.get_for_object(case).select_related("revision__user")
                    .prefetch_related("revision__version_set")[:limit])
    shots = [_snapshot(v) for v in versions]
    out = []
    for i, v in enumerate(versions):
        before = shots[i + 1] if i + 1 < len(shots) else {}
        after = shots[i]
        changes = [Change(k, before.get(k, ""), after.get(k, "")) for k in sorted(set(before) | set(after))
                   if before.get(k, "") != after.get(k, "")]
        user = v.revision.user
        out.append(Entry(v.pk, v.revision.date_created, user.get_username() if user else "", v.revision.comment,
                         changes))
    return out
