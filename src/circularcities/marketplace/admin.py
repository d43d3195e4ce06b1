"""Marketplace in the secretariat's admin: listings change through
:func:`~circularcities.marketplace.services.save_listing` (quantity conversion, bounds,
the taken-quantity rule, status), as on the listing pages and the API; exchanges are
recorded only by ``record_exchange`` and the catalogue by its import, so both are
read-only here."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import admin

from circularcities.coalition.forms import fill_text_initial, language_text_fields
from circularcities.marketplace import models as m
from circularcities.marketplace.services import save_listing
from circularcities.web.admin_base import ReadOnlyAdmin, ServiceAdmin
from circularcities.web.content import LEGACY_SUFFIXES

LISTING_FIELDS = (*(f"title_{sfx}" for sfx in LEGACY_SUFFIXES), "description", "quantity", "unit", "mass_per_piece_kg",
                  "density_t_per_m3", "frequency", "route", "lat", "lon", "is_free", "price", "currency",
                  "avoided_cost_per_t", "available_from", "available_until")


class ListingAdminForm(forms.ModelForm):
    """The listing's model fields plus one title per platform language (its translations;
    the service requires the English one)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        fill_text_initial(self, self.instance)

    class Meta:
        model = m.Listing
        fields = [f for f in LISTING_FIELDS if not m.Listing._is_legacy(f)]


for _name, _field in language_text_fields({"title": ("Title", False)},
                                           languages=list(settings.PLATFORM_LANGUAGES.items()),
                                           required=()).items():
    ListingAdminForm.base_fields[_name] = _field
    ListingAdminForm.declared_fields[_name] = _field


@admin.register(m.Listing)
class ListingAdmin(ServiceAdmin):
    form = ListingAdminForm
    list_display = ("__str__", "kind", "organisation", "status", "remaining_t")
    list_filter = ("kind", "status")
    list_select_related = ("organisation",)
    search_fields = ("translations__title",)
    fields = LISTING_FIELDS

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations")

    def write(self, request, obj, changes: dict):
        # save_listing takes the whole listing: start from what is stored so a field the
        # form did not change keeps its value.
        data = {name: getattr(obj, name) for name in LISTING_FIELDS}
        data.update(material=obj.material_code, use_organisation_location=obj.location_from_organisation,
                    reference=obj.reference, **changes)
        if "lat" in changes or "lon" in changes:
            data["use_organisation_location"] = False
        return save_listing(request.user, data, obj)


for _model in (m.Exchange, m.WasteCode, m.ProductCategory, m.CompatibilityRule, m.MaterialWeight,
               m.ProgrammeFigure, m.Park, m.Facility, m.Flow, m.FlowValue):
    admin.site.register(_model, ReadOnlyAdmin)
