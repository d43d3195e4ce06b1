"""The secretariat sees systems and stock models; changes go through the pages and the API
(which call services), so the admin is read-only here."""

from django.contrib import admin

from circularcities.systems.models import StockModel, System


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(System)
class SystemAdmin(ReadOnly):
    list_display = ("id", "city", "scope", "first_year", "last_year", "published", "blocking")
    list_filter = ("scope", "published")


@admin.register(StockModel)
class StockModelAdmin(ReadOnly):
    list_display = ("id", "city", "subject", "driver", "first_year", "published")
