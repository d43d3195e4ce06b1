"""Waste streams in the secretariat's admin: changes go through ``services.stream_write``
(every rule, the balance rule included); adoptions are read-only."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import admin

from circularcities.coalition.forms import fill_text_initial, language_text_fields
from circularcities.waste import models as m
from circularcities.waste.services import EDITABLE, NAMES, stream_write
from circularcities.web.admin_base import ReadOnlyAdmin, ServiceAdmin

FIELDS = (*NAMES, *(f for f in EDITABLE if f != "name" and f not in NAMES))


def _form():
    """The stream's name in every platform language (English required by the service), then its figures."""
    declared = language_text_fields({"name": ("Name", False)}, languages=list(settings.PLATFORM_LANGUAGES.items()))
    for field in declared.values():
        field.required = False  # a name not changed is not sent; the service refuses an empty English one

    def __init__(self, *args, **kwargs):
        forms.ModelForm.__init__(self, *args, **kwargs)
        fill_text_initial(self, self.instance)

    meta = type("Meta", (), {"model": m.WasteStream, "fields": [f for f in FIELDS if f not in NAMES]})
    return type("WasteStreamAdminForm", (forms.ModelForm,), {**declared, "Meta": meta, "__init__": __init__})


@admin.register(m.WasteStream)
class WasteStreamAdmin(ServiceAdmin):
    list_display = ("__str__", "city", "area", "year", "month", "generated_t", "quality")
    list_filter = ("area", "quality", "city")
    list_select_related = ("city",)
    search_fields = ("translations__name",)
    form = _form()
    fields = FIELDS

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations")

    def write(self, request, obj, changes: dict):
        return stream_write(city=obj.city, user=request.user, fields=changes, instance=obj)[0]


admin.site.register(m.CatalogueAdoption, ReadOnlyAdmin)
