"""Planning in the secretariat's admin: targets change through
:func:`~circularcities.planning.services.target_update` (every target rule, as on the
plan pages); programmes, projects, measures and milestones are read-only here until
each has a service to write through."""

from __future__ import annotations

from django.contrib import admin

from circularcities.planning import models as m
from circularcities.planning.services import TARGET_EDITABLE, target_update
from circularcities.web.admin_base import ReadOnlyAdmin, ServiceAdmin


@admin.register(m.Target)
class TargetAdmin(ServiceAdmin):
    list_display = ("__str__", "city", "baseline_year", "target_year")
    list_filter = ("city",)
    list_select_related = ("city",)
    search_fields = ("title_en", "title_zh")
    fields = TARGET_EDITABLE

    def write(self, request, obj, changes: dict):
        return target_update(target=obj, user=request.user, **changes)


for _model in (m.Programme, m.ProgrammeGoal, m.Project, m.ProgressEntry, m.Measure,
               m.MeasureStatusChange, m.Milestone):
    admin.site.register(_model, ReadOnlyAdmin)
