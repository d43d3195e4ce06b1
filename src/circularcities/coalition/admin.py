"""Coalition in the secretariat's admin: city profiles change through
:func:`~circularcities.coalition.services.city_update` (same rules, same per-capita
recompute as the edit page); the rest is read-only until it has a service."""

from __future__ import annotations

from django.contrib import admin

from circularcities.coalition import models as m
from circularcities.coalition.services import CITY_EDITABLE, city_update
from circularcities.web.admin_base import ReadOnlyAdmin, ServiceAdmin


@admin.register(m.City)
class CityAdmin(ServiceAdmin):
    list_display = ("name_en", "name_zh", "country", "population", "population_year")
    search_fields = ("name_en", "name_zh", "slug")
    fields = CITY_EDITABLE

    def write(self, request, obj, changes: dict):
        return city_update(city=obj, user=request.user, **changes)


@admin.register(m.ThematicArea)
class ThematicAreaAdmin(ReadOnlyAdmin):
    list_display = ("slug", "name_en", "name_zh")


@admin.register(m.RStrategy)
class RStrategyAdmin(ReadOnlyAdmin):
    list_display = ("slug", "name_en", "name_zh")


@admin.register(m.FocalArea)
class FocalAreaAdmin(ReadOnlyAdmin):
    list_display = ("city", "area", "slot")
    list_select_related = ("city", "area")


@admin.register(m.Partner)
class PartnerAdmin(ReadOnlyAdmin):
    list_display = ("name_en", "name_zh", "kind", "city")
    search_fields = ("name_en", "name_zh")


@admin.register(m.WorkingGroup)
class WorkingGroupAdmin(ReadOnlyAdmin):
    pass


@admin.register(m.Event)
class EventAdmin(ReadOnlyAdmin):
    search_fields = ("title_en", "title_zh")


@admin.register(m.Publication)
class PublicationAdmin(ReadOnlyAdmin):
    search_fields = ("title_en", "title_zh")
