"""Planning in the secretariat's admin: targets, measures, milestones, programmes and
projects change through their services in ``planning.services`` (every rule, as on the plan
pages and in the API), with their text in every platform language. Progress entries
(written by ``log_progress`` from the project pages, the API and imports), goals and the
status history are read-only here."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import admin

from circularcities.coalition.forms import fill_text_initial, language_text_fields
from circularcities.planning import models as m
from circularcities.planning import services as s
from circularcities.web.admin_base import ReadOnlyAdmin, ServiceAdmin


def _admin_form(model, fields: tuple[str, ...]):
    """A model form with one field per platform language for each translated field (the
    service requires the English title or name)."""
    long = {"description"}
    declared = language_text_fields({f: (f.capitalize(), f in long) for f in model.legacy_fields},
                                    languages=list(settings.PLATFORM_LANGUAGES.items()))
    for field in declared.values():
        field.required = False

    def __init__(self, *args, **kwargs):
        forms.ModelForm.__init__(self, *args, **kwargs)
        fill_text_initial(self, self.instance)

    meta = type("Meta", (), {"model": model, "fields": [f for f in fields if not model._is_legacy(f)]})
    return type(f"{model.__name__}AdminForm", (forms.ModelForm,), {**declared, "Meta": meta, "__init__": __init__})


class PlanAdmin(ServiceAdmin):
    """A planning entity in the admin, written by its service's update function."""

    model_class: type = m.Target
    update: Callable[..., Any] = staticmethod(s.target_update)
    keyword = ""
    editable: tuple[str, ...] = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.fields = cls.editable
        cls.form = _admin_form(cls.model_class, cls.editable)  # type: ignore[attr-defined]
        cls.search_fields = (f"translations__{cls.model_class.legacy_fields[0]}",)  # type: ignore[attr-defined]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations")

    def write(self, request, obj, changes: dict):
        return type(self).update(**{self.keyword: obj, "user": request.user, **changes})


@admin.register(m.Target)
class TargetAdmin(PlanAdmin):
    model_class = m.Target
    editable = s.TARGET_EDITABLE
    update, keyword = staticmethod(s.target_update), "target"
    list_display = ("__str__", "city", "baseline_year", "target_year")
    list_filter = ("city",)
    list_select_related = ("city",)


@admin.register(m.Measure)
class MeasureAdmin(PlanAdmin):
    model_class = m.Measure
    editable = tuple(f for f in s.MEASURE_EDITABLE if f not in ("targets",))
    update, keyword = staticmethod(s.measure_update), "measure"
    list_display = ("__str__", "city", "status", "end")

    def write(self, request, obj, changes: dict):
        return s.measure_update(measure=obj, user=request.user, via="admin", **changes)
    list_filter = ("city", "status")
    list_select_related = ("city",)


@admin.register(m.Programme)
class ProgrammeAdmin(PlanAdmin):
    model_class = m.Programme
    editable = tuple(f for f in s.PROGRAMME_EDITABLE if f not in ("goals", "indicators"))
    update, keyword = staticmethod(s.programme_update), "programme"
    list_display = ("slug", "__str__", "city", "start", "end")
    list_select_related = ("city",)


@admin.register(m.Project)
class ProjectAdmin(PlanAdmin):
    model_class = m.Project
    editable = s.PROJECT_EDITABLE
    update, keyword = staticmethod(s.project_update), "project"
    list_display = ("code", "__str__", "programme")
    list_select_related = ("programme",)


@admin.register(m.Milestone)
class MilestoneAdmin(PlanAdmin):
    model_class = m.Milestone
    editable = s.MILESTONE_EDITABLE
    keyword = "milestone"
    list_display = ("__str__", "measure", "due", "done")
    list_select_related = ("measure",)

    def write(self, request, obj, changes: dict):
        return s.milestone_save(measure=obj.measure, milestone=obj, user=request.user, **changes)


for _model in (m.ProgrammeGoal, m.ProgressEntry, m.MeasureStatusChange):
    admin.site.register(_model, ReadOnlyAdmin)
