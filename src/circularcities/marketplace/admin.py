"""Marketplace in the secretariat's admin: listings change through
:func:`~circularcities.marketplace.services.save_listing` (quantity conversion, bounds,
the taken-quantity rule, status), as on the listing pages and the API; exchanges are
recorded only by ``record_exchange`` and the catalogue by its import, so both are
read-only here."""

from __future__ import annotations

from django.contrib import admin

from circularcities.marketplace import models as m
from circularcities.marketplace.services import save_listing
from circularcities.web.admin_base import ReadOnlyAdmin, ServiceAdmin

LISTING_FIELDS = ("title_en", "title_zh", "description", "quantity", "unit", "mass_per_piece_kg",
                  "density_t_per_m3", "frequency", "route", "lat", "lon", "is_free", "price", "currency",
                  "avoided_cost_per_t", "available_from", "available_until")


@admin.register(m.Listing)
class ListingAdmin(ServiceAdmin):
    list_display = ("__str__", "kind", "organisation", "status", "remaining_t")
    list_filter = ("kind", "status")
    list_select_related = ("organisation",)
    search_fields = ("title_en", "title_zh")
    fields = LISTING_FIELDS

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
