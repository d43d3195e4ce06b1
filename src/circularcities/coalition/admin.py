"""Coalition in the secretariat's admin: city profiles change through
:func:`~circularcities.coalition.services.city_update` (same rules, same per-capita
recompute as the edit page); the rest is read-only until it has a service."""

from __future__ import annotations

from django.contrib import admin

from circularcities.coalition import models as m
from circularcities.coalition.services import CITY_EDITABLE, CITY_NUMBERS, city_update
from circularcities.web.admin_base import ReadOnlyAdmin, ServiceAdmin


def _city_admin_form():
    from django import forms
    from django.conf import settings

    from circularcities.coalition.forms import fill_text_initial, language_text_fields
    from circularcities.coalition.services import CITY_TEXT_FIELDS

    languages = list(settings.PLATFORM_LANGUAGES.items())
    declared = language_text_fields({f: (f.replace("_", " ").capitalize(), f == "profile")
                                     for f in CITY_TEXT_FIELDS}, languages=languages)
    for field in declared.values():
        field.required = False  # the service requires the English name

    def __init__(self, *args, **kwargs):
        forms.ModelForm.__init__(self, *args, **kwargs)
        fill_text_initial(self, self.instance)

    meta = type("Meta", (), {"model": m.City, "fields": list(CITY_NUMBERS)})
    return type("CityAdminForm", (forms.ModelForm,), {**declared, "Meta": meta, "__init__": __init__})


@admin.register(m.City)
class CityAdmin(ServiceAdmin):
    list_display = ("slug", "__str__", "country", "population", "population_year")
    search_fields = ("slug", "translations__name")
    fields = CITY_EDITABLE
    form = _city_admin_form()

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations")

    def write(self, request, obj, changes: dict):
        return city_update(city=obj, user=request.user, **changes)


@admin.register(m.ThematicArea)
class ThematicAreaAdmin(ReadOnlyAdmin):
    list_display = ("slug", "__str__")


@admin.register(m.RStrategy)
class RStrategyAdmin(ReadOnlyAdmin):
    list_display = ("slug", "__str__")


@admin.register(m.FocalArea)
class FocalAreaAdmin(ReadOnlyAdmin):
    list_display = ("city", "area", "slot")
    list_select_related = ("city", "area")


@admin.register(m.Partner)
class PartnerAdmin(ReadOnlyAdmin):
    list_display = ("slug", "__str__", "kind", "city")
    search_fields = ("slug", "translations__name")


@admin.register(m.WorkingGroup)
class WorkingGroupAdmin(ReadOnlyAdmin):
    pass


@admin.register(m.Event)
class EventAdmin(ReadOnlyAdmin):
    search_fields = ("slug", "translations__title")


@admin.register(m.Publication)
class PublicationAdmin(ReadOnlyAdmin):
    search_fields = ("slug", "translations__title")
