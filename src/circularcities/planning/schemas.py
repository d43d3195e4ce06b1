"""The plans API's router and what it answers with, shared by the read
(``api``) and the edit (``api_edit``) endpoints."""

from __future__ import annotations

from datetime import date

from ninja import Router, Schema
from pydantic import Field

from circularcities.planning.models import Measure, Target

router = Router(tags=["plans"])

TRANSLATIONS_IN = Field(None, description=(
    "Text in any platform language: {language: {field: text}}, e.g. {\"ja\": {\"title\": \"...\"}, "
    "\"ko\": {\"title\": \"...\"}} (languages: en, zh-hans, ja, ko; fields: this object's title or name and "
    "description). The per-language fields (title_en, title_zh, ...) are kept for existing clients and "
    "mean the same; languages not sent are kept."))
TRANSLATIONS_OUT = Field(description=(
    "The text as written in each language: {language: {field: text}}. A language missing here is "
    "not yet translated; pages show the English text, marked."))


def translations_out(obj) -> dict[str, dict[str, str]]:
    """``{language: {field: text}}`` of a parler object (prefetched translations cost no query)."""
    fields = type(obj).legacy_fields
    return {row.language_code: {f: getattr(row, f, "") or "" for f in fields} for row in obj.translations.all()}


class Translated(Schema):
    translations: dict[str, dict[str, str]] = TRANSLATIONS_OUT

    @staticmethod
    def resolve_translations(obj):
        return translations_out(obj)


class TargetOut(Schema):
    translations: dict[str, dict[str, str]] = TRANSLATIONS_OUT
    id: int
    city: str
    area: str | None
    title_en: str
    title_zh: str
    indicator: str | None
    programme: str | None
    programme_indicator: str | None
    unit: str
    higher_is_better: bool
    baseline_year: int
    baseline_value: float
    target_year: int
    target_value: float
    trajectory_points: list[list[float]]
    status: str
    status_reason: str
    latest_value: float | None
    latest_label: str | None
    latest_quarters: int | None
    expected_value: float | None


def target_out(t: Target, a) -> dict:
    o = a.observation
    return {"id": t.pk, "city": t.city.slug, "area": t.area.slug if t.area is not None else None, "title_en": t.title_en,
            "title_zh": t.title_zh, "translations": translations_out(t), "indicator": t.indicator_id, "programme": t.programme.slug if t.programme is not None else None,
            "programme_indicator": t.programme_indicator or None, "unit": t.unit,
            "higher_is_better": t.higher_is_better, "baseline_year": t.baseline_year,
            "baseline_value": t.baseline_value, "target_year": t.target_year, "target_value": t.target_value,
            "trajectory_points": t.trajectory_points or [], "status": a.status.value, "status_reason": a.reason,
            "latest_value": o.value if o else None, "latest_label": o.label if o else None,
            "latest_quarters": o.quarters if o else None,
            "expected_value": a.expected}


class MeasureOut(Translated):
    id: int
    city: str
    code: str
    title_en: str
    title_zh: str
    description_en: str
    description_zh: str
    area: str | None
    r_strategies: list[str]
    lead: str | None
    lead_name: str
    partners: list[str]
    budget: float | None
    currency: str
    start: date | None
    end: date | None
    status: str
    targets: list[int]
    milestones: list[dict]
    is_summary_record: bool

    @staticmethod
    def resolve_city(obj):
        return obj.city.slug

    @staticmethod
    def resolve_area(obj):
        return obj.area.slug if obj.area_id else None

    @staticmethod
    def resolve_r_strategies(obj):
        return [r.slug for r in obj.r_strategies.all()]

    @staticmethod
    def resolve_lead(obj):
        return obj.lead.slug if obj.lead_id else None

    @staticmethod
    def resolve_partners(obj):
        return [p.slug for p in obj.partners.all()]

    @staticmethod
    def resolve_budget(obj):
        return float(obj.budget) if obj.budget is not None else None

    @staticmethod
    def resolve_targets(obj):
        return [t.pk for t in obj.targets.all()]

    @staticmethod
    def resolve_milestones(obj):
        return [{"title_en": m.title_en, "title_zh": m.title_zh, "translations": translations_out(m),
                 "due": m.due.isoformat(),
                 "done": m.done.isoformat() if m.done else None} for m in obj.milestones.all()]


def targets_queryset():
    return Target.objects.select_related("city", "area", "indicator", "programme").prefetch_related("translations")


def measures_queryset():
    return Measure.objects.select_related("city", "area", "lead").prefetch_related(
        "translations", "r_strategies", "partners", "targets", "milestones__translations")


class ProjectOut(Translated):
    code: str
    programme: str
    city: str | None = Field(description="Null for a project of a coalition-wide programme.")
    title_en: str
    title_zh: str
    organisation: str | None

    @staticmethod
    def resolve_programme(obj):
        return obj.programme.slug

    @staticmethod
    def resolve_city(obj):
        return obj.programme.city.slug if obj.programme.city_id else None

    @staticmethod
    def resolve_organisation(obj):
        return obj.organisation.slug if obj.organisation_id else None
