"""Diagnosis in the secretariat's admin, read-only: indicator values are written by
:func:`~circularcities.diagnosis.services.set_value` (with its change history and the
computed-indicator recompute) from the data pages, uploads and the API, and the
catalogue by ``sync_catalogue``; the admin only shows them."""

from __future__ import annotations

from django.contrib import admin

from circularcities.diagnosis import models as m
from circularcities.web.admin_base import ReadOnlyAdmin


@admin.register(m.IndicatorValue)
class IndicatorValueAdmin(ReadOnlyAdmin):
    list_display = ("city", "indicator", "year", "value")
    list_filter = ("city",)
    list_select_related = ("city", "indicator")


for _model in (m.Indicator, m.IndicatorValueChange, m.DataUpload, m.MaturityAssessment, m.CityPopulation):
    admin.site.register(_model, ReadOnlyAdmin)
