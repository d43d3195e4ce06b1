"""The material bank: components that come free become marketplace offers, and a
city sees where and when reusable material becomes available.

Offers are made through the marketplace's own listing service
(:func:`circularcities.marketplace.services.save_listing`), which checks who may
list and every field; this module only decides what to offer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from circularcities.buildings.models import Building, ComponentOffer
from circularcities.buildings.permissions import require_edit_building, visible_buildings
from circularcities.buildings.reads import components_of, part_of
from circularcities.core import rules
from circularcities.core.passport import coming_free
from circularcities.web.translated import translated

MAX_HORIZON_YEARS = 50


@dataclass
class OfferResult:
    created: list[Any] = field(default_factory=list)
    """the new marketplace listings"""
    already: list[Any] = field(default_factory=list)
    """listings made before for the same material"""
    skipped: list[tuple[str, str]] = field(default_factory=list)
    """(component reference, why)"""


def _horizon_end(start: dt.date, years: int) -> dt.date:
    return dt.date(start.year + years, start.month, min(start.day, 28))


@transaction.atomic
def offer_components(user, building: Building, *, horizon_years, today: dt.date,
                     organisation=None) -> OfferResult:
    """Offer on the marketplace the reusable part of every component whose end of
    use falls within ``horizon_years`` from ``today``: one offer per material with
    an EU List of Waste code, its reusable mass, the building's location and the
    end-of-use date as the availability date. All or nothing."""
    from circularcities.marketplace.services import save_listing

    require_edit_building(user, building)
    years = rules.positive("horizon_years", horizon_years, maximum=MAX_HORIZON_YEARS, integer=True)
    end = _horizon_end(today, years)
    if building.lat is None or building.lon is None:
        raise rules.FieldError("horizon_years", _("The building has no location; give its "
                                                  "coordinates before offering its components."))
    out = OfferResult()
    name = translated(building, "name").text
    for c in components_of(building):
        when = c.end_of_use or building.planned_end_of_use
        if when is None:
            out.skipped.append((c.reference, _("no planned end of use")))
            continue
        if not today <= when <= end:
            continue
        if c.reusable_share is None:
            out.skipped.append((c.reference, _("reusable share missing")))
            continue
        if not c.reusable_share:
            out.skipped.append((c.reference, _("nothing reusable")))
            continue
        for m in c.materials.all():
            offered = next((o for o in c.offers.all() if o.material_id == m.pk), None)
            if offered is not None:
                out.already.append(offered.listing)
                continue
            if m.mass_kg is None:
                out.skipped.append((c.reference, _("mass of %(m)s missing") % {"m": m.material}))
                continue
            if not m.waste_code:
                out.skipped.append((c.reference, _("no EU List of Waste code for %(m)s")
                                    % {"m": m.material}))
                continue
            tonnes = m.mass_kg * c.reusable_share / 1000.0
            if tonnes < 0.001:
                out.skipped.append((c.reference, _("less than 1 kg reusable")))
                continue
            title = f"{translated(c, 'name').text or c.reference}: {m.material}"[:200]
            data = {
                "kind": "offer", "title_en": title, "material": m.waste_code,
                "quantity": f"{tonnes:.3f}", "unit": "t", "route": "reuse",
                "lat": building.lat, "lon": building.lon, "available_from": when,
                "description": _("From the materials passport of %(b)s (component %(ref)s); "
                                 "available when the building's use ends on %(date)s.")
                % {"b": name, "ref": c.reference, "date": when.isoformat()},
                "reference": f"bldg-{building.pk}-{m.pk}",
            }
            if organisation is not None:
                data["organisation"] = organisation
            listing = save_listing(user, data)
            ComponentOffer.objects.create(component=c, material=m, listing=listing,
                                          created_by=user if getattr(user, "pk", None) else None)
            out.created.append(listing)
    return out


def city_availability(user, city, *, today: dt.date, horizon_years: int) -> list[dict[str, Any]]:
    """Per visible building of ``city`` with a location: reusable tonnes by year
    and material coming free within the horizon (for the map)."""
    out = []
    for b in visible_buildings(user).filter(city=city, lat__isnull=False, lon__isnull=False):
        parts = [part_of(c, b) for c in components_of(b)]
        rows = coming_free(parts, start=today, horizon_years=horizon_years)
        if not rows:
            continue
        out.append({"id": b.pk, "name": translated(b, "name").text, "lat": b.lat, "lon": b.lon,
                    "url": b.get_absolute_url(),
                    "rows": [{"year": r.year, "material": r.material, "tonnes": round(r.tonnes, 3)}
                             for r in rows]})
    return out
