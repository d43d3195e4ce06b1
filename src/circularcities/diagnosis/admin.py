"""Diagnosis in the secretariat's admin. Indicator values are written by
:func:`~circularcities.diagnosis.services.set_value` (with its change history and the
computed-indicator recompute) from the data pages, uploads and the API, and shown
read-only here; an indicator's unit, direction, frequency, source and framework
references can be changed here through
:func:`~circularcities.diagnosis.services.save_indicator`, the pages' write path."""

from __future__ import annotations

from django.contrib import admin

from circularcities.diagnosis import models as m
from circularcities.diagnosis.services import save_indicator
from circularcities.web.admin_base import ReadOnlyAdmin, ServiceAdmin


@admin.register(m.Indicator)
class IndicatorAdmin(ServiceAdmin):
    list_display = ("code", "city", "unit", "frequency", "computation")
    list_filter = ("frequency", "computation")
    list_select_related = ("city",)
    search_fields = ("code", "translations__name")
    fields = ("code", "city", "computation", "expression", "unit", "direction", "frequency", "source", "frameworks")
    readonly_fields = ("code", "city", "computation", "expression")

    def write(self, request, obj, changes: dict):
        rows = list(obj.translations.all())
        return save_indicator(
            user=request.user, indicator=obj, names={r.language_code: r.name for r in rows},
            definitions={r.language_code: r.definition for r in rows},
            unit=changes.get("unit", obj.unit), direction=changes.get("direction", obj.direction),
            frequency=changes.get("frequency", obj.frequency), computation=obj.computation,
            expression=obj.expression, system=obj.system, source=changes.get("source", obj.source),
            frameworks=changes.get("frameworks", obj.frameworks), theme=obj.theme, formula=obj.formula)


@admin.register(m.IndicatorValue)
class IndicatorValueAdmin(ReadOnlyAdmin):
    list_display = ("city", "indicator", "year", "value")
    list_filter = ("city",)
    list_select_related = ("city", "indicator")


for _model in (m.IndicatorValueChange, m.DataUpload, m.MaturityAssessment, m.CityPopulation):
    admin.site.register(_model, ReadOnlyAdmin)
