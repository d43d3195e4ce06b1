"""Procurement in the secretariat's admin: shown and searchable, never written here.
Every change goes through ``procurement.services`` (pages, API), where the rules live."""

from __future__ import annotations

from django.contrib import admin

from circularcities.procurement import models as m
from circularcities.web.admin_base import ReadOnlyAdmin


@admin.register(m.ComparisonProject)
class ComparisonProjectAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "slug", "city", "published", "is_demo")
    list_filter = ("published",)
    search_fields = ("slug",)


@admin.register(m.Tender)
class TenderAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "slug", "city", "status", "year")
    list_filter = ("status",)
    search_fields = ("slug",)


@admin.register(m.RequirementSet)
class RequirementSetAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "slug", "city", "certification_scheme", "certification_level")
    search_fields = ("slug",)


@admin.register(m.Product)
class ProductAdmin(ReadOnlyAdmin):
    list_display = ("name", "supplier", "category", "recycled_content_pct", "take_back")
    list_select_related = ("supplier",)
    search_fields = ("name",)


@admin.register(m.Pilot)
class PilotAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "slug", "city", "start", "end")
    search_fields = ("slug",)
