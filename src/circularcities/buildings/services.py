"""The one write path for buildings and components: forms, the API, imports, the
admin, the demo and the material bank all call these functions.

Every function checks the permission first, then every field (``core.rules``,
raising :class:`FieldError` naming the field), then writes in one transaction.
A figure left out is stored as missing, never guessed.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from circularcities.buildings.models import Building, Component, ComponentMaterial
from circularcities.buildings.permissions import require_create_building, require_edit_building
from circularcities.core import rules
from circularcities.core.passport import ACCESSIBILITY_CLASSES, CONNECTION_TYPES, FIGURES, QUALITIES
from circularcities.core.rules import FieldError
from circularcities.web.translated import reader_language

MAX_FLOOR_AREA_M2 = 10_000_000.0
"""10 km² of floor: more than the largest building."""
MAX_COMPONENT_KG = 1e10
"""10 million tonnes in one component line."""
MAX_LIFETIME_YEARS = 1000.0
MAX_DESIGN_LIFE = 1000
MAX_MATERIALS = 50
"""Materials of one component."""
MAX_VALUE = Decimal(str(int(rules.MAX_PRICE)))

BUILDING_FIELDS = ("name", "description", "address", "lat", "lon", "use", "floor_area_m2",
                   "year_built", "design_life_years", "planned_end_of_use", "published", "source")


def _clean_building(data: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if "name" in data:
        out["name"] = rules.name("name", data["name"], required=True)
    if "description" in data:
        out["description"] = rules.text("description", data["description"])
    if "address" in data:
        out["address"] = rules.name("address", data["address"], max_length=300)
    if "lat" in data:
        out["lat"] = rules.latitude("lat", data["lat"], required=False)
    if "lon" in data:
        out["lon"] = rules.longitude("lon", data["lon"], required=False)
    if "use" in data:
        out["use"] = rules.choice("use", data["use"] or Building.Use.OTHER, Building.Use.values)
    if "floor_area_m2" in data:
        out["floor_area_m2"] = rules.positive("floor_area_m2", data["floor_area_m2"],
                                              maximum=MAX_FLOOR_AREA_M2, required=False)
    if "year_built" in data:
        out["year_built"] = rules.year("year_built", data["year_built"], required=False)
    if "design_life_years" in data:
        out["design_life_years"] = rules.positive("design_life_years", data["design_life_years"],
                                                  maximum=MAX_DESIGN_LIFE, integer=True,
                                                  required=False)
    if "planned_end_of_use" in data:
        out["planned_end_of_use"] = rules.date("planned_end_of_use", data["planned_end_of_use"],
                                               required=False)
    if "published" in data:
        out["published"] = bool(data["published"])
    if "source" in data:
        out["source"] = rules.name("source", data["source"], max_length=400)
    return out


@transaction.atomic
def save_building(user, *, data: dict[str, Any], building: Building | None = None,
                  city=None, language: str | None = None) -> Building:
    """Create (``city`` given) or update a building from plain ``data``.

    Only the keys present in ``data`` change (a partial update never clears a
    field it was not sent). ``name`` and ``description`` are stored in
    ``language`` (the active language by default).
    """
    if building is None:
        require_create_building(user, city)
        if "name" not in data:
            raise FieldError("name", rules.REQUIRED)
        building = Building(city=city, created_by=user if getattr(user, "pk", None) else None)
    else:
        require_edit_building(user, building)
    clean = _clean_building(data)
    lat = clean.get("lat", building.lat)
    lon = clean.get("lon", building.lon)
    if (lat is None) != (lon is None):
        raise FieldError("lon" if lon is None else "lat",
                         _("Give both latitude and longitude, or neither."))
    building.set_current_language(reader_language(language))
    for key, value in clean.items():
        setattr(building, key, value)
    building.save()
    return building


def set_published(user, building: Building, published: bool) -> Building:
    return save_building(user, data={"published": published}, building=building)


# --- components --------------------------------------------------------------

def _fraction(data, key):
    return rules.fraction(key, data.get(key), required=False) if key in data else None


def clean_component(data: dict[str, Any]) -> dict[str, Any]:
    """Check every field of one component; returns the cleaned values.

    Keys: reference (required), name, classification, count, connection,
    accessibility, reusable_share, recyclable_share, composted_share, energy_share, origin, lifetime_years,
    reference_lifetime_years, eff_collection, eff_feedstock, take_back_supplier,
    take_back_terms, take_back_until, residual_value, currency, residual_value_date,
    end_of_use, quality ({figure: measured|estimated|missing}), materials
    ([{material, mass_kg, waste_code}]).
    """
    out: dict[str, Any] = {"reference": rules.name("reference", data.get("reference"),
                                                   max_length=100, required=True)}
    out["name"] = rules.name("name", data.get("name"), max_length=200)
    out["classification"] = rules.name("classification", data.get("classification"), max_length=100)
    count = data.get("count")
    out["count"] = 1 if count in (None, "") else rules.positive("count", count,
                                                                 maximum=rules.MAX_ITEMS, integer=True)
    for key, allowed in (("connection", CONNECTION_TYPES), ("accessibility", ACCESSIBILITY_CLASSES),
                         ("origin", tuple(Component.Origin.values))):
        value = (data.get(key) or "").strip() if isinstance(data.get(key), str | type(None)) else data[key]
        out[key] = rules.choice(key, value, allowed) if value else ""
    for key in ("reusable_share", "recyclable_share"):
        out[key] = rules.fraction(key, data.get(key), required=False)
    for key in ("composted_share", "energy_share"):
        v = rules.fraction(key, data.get(key), required=False)
        out[key] = 0.0 if v is None else v
    routes = [out[k] or 0.0 for k in ("reusable_share", "recyclable_share", "composted_share",
                                      "energy_share")]
    if sum(routes) > 1 + 1e-9:
        raise FieldError("recyclable_share", _("The reusable, recyclable, composted and energy "
                                               "recovery shares add up to more than 1; a kilogram "
                                               "goes to one route."))
    for key in ("lifetime_years", "reference_lifetime_years"):
        out[key] = rules.positive(key, data.get(key), maximum=MAX_LIFETIME_YEARS, required=False)
    for key in ("eff_collection", "eff_feedstock"):
        v = rules.fraction(key, data.get(key), required=False)
        out[key] = 1.0 if v is None else v
    if out["origin"] == "recycled" and out["eff_feedstock"] == 0:
        raise FieldError("eff_feedstock", _("A recycled feedstock cannot be made with zero "
                                            "efficiency."))
    out["take_back_supplier"] = rules.name("take_back_supplier", data.get("take_back_supplier"))
    out["take_back_terms"] = rules.name("take_back_terms", data.get("take_back_terms"), max_length=400)
    out["take_back_until"] = rules.date("take_back_until", data.get("take_back_until"), required=False)
    if out["take_back_until"] and not out["take_back_supplier"]:
        raise FieldError("take_back_supplier", _("Name the supplier that takes the component back."))
    value = rules.non_negative("residual_value", data.get("residual_value"),
                               maximum=float(MAX_VALUE), required=False)
    out["residual_value"] = None if value is None else Decimal(str(value)).quantize(Decimal("0.01"))
    out["currency"] = rules.money_currency("currency", data.get("currency"), value)
    out["residual_value_date"] = rules.date("residual_value_date", data.get("residual_value_date"),
                                            required=False)
    out["end_of_use"] = rules.date("end_of_use", data.get("end_of_use"), required=False)
    quality = data.get("quality") or {}
    if not isinstance(quality, dict):
        raise FieldError("quality", _("Expected the data quality per figure."))
    out["quality"] = {}
    for figure, q in quality.items():
        rules.choice("quality", figure, FIGURES)
        if q not in (None, ""):
            out["quality"][figure] = rules.choice(f"quality_{figure}", q, QUALITIES)
    materials = data.get("materials") or []
    if not isinstance(materials, list) or len(materials) > MAX_MATERIALS:
        raise FieldError("materials", _("Expected a list of at most %(n)d materials.")
                         % {"n": MAX_MATERIALS})
    out["materials"] = []
    for i, m in enumerate(materials):
        if not isinstance(m, dict):
            raise FieldError("materials", _("Expected each material with its name and mass."))
        code = rules.name("waste_code", m.get("waste_code"), max_length=12).replace(" ", "").rstrip("*")
        if code and not (code.isdigit() and len(code) == 6):
            raise FieldError("waste_code", _("Expected a 6-digit EU List of Waste code such as 17 02 01."))
        out["materials"].append({
            "material": rules.name("material", m.get("material"), max_length=120, required=True),
            "mass_kg": rules.positive("mass_kg", m.get("mass_kg"), maximum=MAX_COMPONENT_KG,
                                      required=False),
            "waste_code": code, "position": i})
    return out


def _write_component(building: Building, clean: dict[str, Any], language: str,
                     component: Component | None = None) -> Component:
    clean = dict(clean)
    materials = clean.pop("materials")
    name = clean.pop("name")
    if component is None:
        component = Component.objects.filter(building=building, reference=clean["reference"]).first()
    component = component or Component(building=building)
    for key, value in clean.items():
        setattr(component, key, value)
    component.set_current_language(language)
    component.name = name
    component.save()
    component.materials.all().delete()
    ComponentMaterial.objects.bulk_create(ComponentMaterial(component=component, **m) for m in materials)
    return component


@transaction.atomic
def save_component(user, building: Building, *, data: dict[str, Any],
                   component: Component | None = None, language: str | None = None) -> Component:
    """Create or update one component (by ``reference`` within the building)."""
    require_edit_building(user, building)
    clean = clean_component(data)
    if component is not None and component.building_id != building.pk:
        raise FieldError("reference", _("This component belongs to another building."))
    clash = Component.objects.filter(building=building, reference=clean["reference"])
    if component is not None and clash.exclude(pk=component.pk).exists():
        raise FieldError("reference", _("Another component of this building has this reference."))
    out = _write_component(building, clean, reader_language(language), component)
    Building.objects.filter(pk=building.pk).update(updated_at=timezone.now())
    return out


def delete_component(user, component: Component) -> None:
    require_edit_building(user, component.building)
    component.delete()


@transaction.atomic
def import_components(user, building: Building, cleaned: list[dict[str, Any]],
                      language: str | None = None) -> dict[str, int]:
    """Write already-checked components (from :func:`clean_component`) all or nothing;
    a component with a reference already in the building is updated."""
    require_edit_building(user, building)
    lang = reader_language(language)
    existing = set(building.components.values_list("reference", flat=True))
    created = 0
    for clean in cleaned:
        _write_component(building, clean, lang)
        created += clean["reference"] not in existing
    Building.objects.filter(pk=building.pk).update(updated_at=timezone.now())
    return {"rows": len(cleaned), "created": created, "updated": len(cleaned) - created}


def today() -> dt.date:
    return timezone.localdate()
