"""Repair, reuse and lending in the secretariat's admin: shown and searchable, written
only through the services (the pages and the API), so every rule applies."""

from __future__ import annotations

from django.contrib import admin

from circularcities.reuse import models as m
from circularcities.web.admin_base import ReadOnlyAdmin


@admin.register(m.Place)
class PlaceAdmin(ReadOnlyAdmin):
    list_display = ("slug", "kind", "city", "organisation")
    list_filter = ("kind",)
    search_fields = ("slug", "translations__name")


@admin.register(m.Repair)
class RepairAdmin(ReadOnlyAdmin):
    list_display = ("ords_id", "place", "product_category", "repair_status", "event_date")
    list_filter = ("repair_status",)
    search_fields = ("ords_id", "product_category", "brand")


@admin.register(m.CentreItem)
class CentreItemAdmin(ReadOnlyAdmin):
    list_display = ("reference", "centre", "category", "mass_kg", "state")
    list_filter = ("state",)


@admin.register(m.Loan)
class LoanAdmin(ReadOnlyAdmin):
    list_display = ("item", "borrower_name", "start", "due", "returned_on")
