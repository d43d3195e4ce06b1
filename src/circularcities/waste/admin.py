"""Waste streams in the secretariat's admin: changes go through ``services.stream_write``
(every rule, the balance rule included); adoptions are read-only."""

from __future__ import annotations

from django.contrib import admin

from circularcities.waste import models as m
from circularcities.waste.services import EDITABLE, stream_write
from circularcities.web.admin_base import ReadOnlyAdmin, ServiceAdmin


@admin.register(m.WasteStream)
class WasteStreamAdmin(ServiceAdmin):
    list_display = ("__str__", "city", "area", "year", "month", "generated_t", "quality")
    list_filter = ("area", "quality", "city")
    list_select_related = ("city",)
    search_fields = ("name",)
    fields = EDITABLE

    def write(self, request, obj, changes: dict):
        return stream_write(city=obj.city, user=request.user, fields=changes, instance=obj)[0]


admin.site.register(m.CatalogueAdoption, ReadOnlyAdmin)
