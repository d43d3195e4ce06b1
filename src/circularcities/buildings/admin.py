"""Buildings in the secretariat's admin: shown and searchable; a passport is
published or withdrawn through :func:`~circularcities.buildings.services.set_published`
(the same rule as the pages); everything else is edited on the building's pages."""

from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from circularcities.buildings import models as m
from circularcities.buildings.services import set_published
from circularcities.web.admin_base import ReadOnlyAdmin


@admin.register(m.Building)
class BuildingAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "city", "use", "year_built", "planned_end_of_use", "published")
    list_filter = ("city", "published", "use")
    list_select_related = ("city",)
    actions = ["publish", "withdraw"]

    @admin.action(description=_("Publish the selected passports"))
    def publish(self, request, queryset):
        for b in queryset:
            set_published(request.user, b, True)

    @admin.action(description=_("Withdraw the selected passports"))
    def withdraw(self, request, queryset):
        for b in queryset:
            set_published(request.user, b, False)

    def has_change_permission(self, request, obj=None) -> bool:
        # The publish actions need change permission; the change form stays read-only.
        return obj is None and self._ok(request)

    def get_actions(self, request):
        return super().get_actions(request) if self._ok(request) else {}


for _model in (m.Component, m.ComponentMaterial, m.ComponentOffer):
    admin.site.register(_model, ReadOnlyAdmin)
