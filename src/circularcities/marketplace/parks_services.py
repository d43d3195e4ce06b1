"""Industrial parks: the one write path for a park, its managers, its facilities and
their exchanges (flows with an annual quantity and an economic value). Forms, the API,
the demo loader and the admin all call these. Every value is checked with the
platform's rules (core/rules.py) and raises FieldError naming the field.

Text (a park's name, description, coordinates note and notes; a facility's name) is
stored per language with django-parler: ``data["language"]`` (default English) says
which language the text fields are written in.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from circularcities.core import rules
from circularcities.core.rules import FieldError
from circularcities.marketplace.models import Facility, Flow, FlowValue, Park
from circularcities.marketplace.permissions import (
    require_create_park,
    require_manage_park,
    require_name_park_managers,
)
from circularcities.web.content import LEGACY_SUFFIXES

PARK_TEXT = {"name": 200, "description": 4000, "coordinates_note": 300, "notes": 4000}
MAX_RADIUS_KM = 200.0
MAX_ANNUAL_QUANTITY = 1e12
MAX_VALUE = Decimal("1e13")
FLOW_UNITS = ("t", "kg", "m3", "MWh", "kWh", "GJ", "t CO2e")
MANAGER_SOURCE = "Reported by the park's manager"


def _language(data: dict[str, Any]) -> str:
    lang = (data.get("language") or settings.LANGUAGE_CODE).lower()
    return rules.choice("language", lang, [c for c, _n in settings.LANGUAGES])


def set_text(obj, language: str, values: dict[str, str]) -> None:
    """Write ``values`` in ``language`` on a parler object (saved by the caller)."""
    obj.set_current_language(language)
    for field, value in values.items():
        setattr(obj, field, value)


def _unique_slug(model, base: str, **scope) -> str:
    base = (slugify(base) or "park")[:40]
    slug, n = base, 1
    while model.objects.filter(slug=slug, **scope).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def save_park(user, data: dict[str, Any], park: Park | None = None) -> Park:
    """Create (``park`` None) or change a park. Only the keys in ``data`` change
    (a partial update never clears a field that was not sent).

    Keys: language, name, description, coordinates_note, notes, city (City or None;
    on creation), lat, lon, radius_km, level, applies_symbiosis (True, False or None),
    level_source, sources (list of strings), is_demo, slug (on creation).
    """
    creating = park is None
    lang = _language(data)
    if park is None:
        city = data.get("city")
        require_create_park(user, city)
        if lang != settings.LANGUAGE_CODE:
            raise FieldError("language", _("Create the park in English first; add other languages when "
                                           "you edit it."))
        park = Park(city=city)
    else:
        require_manage_park(user, park)
    texts = {}
    for field, limit in PARK_TEXT.items():
        if field in data or creating:
            rule = rules.name if limit <= 300 else rules.text
            texts[field] = rule(field, data.get(field), max_length=limit, required=(field == "name"))
    if creating or "lat" in data:
        park.lat = rules.latitude("lat", data.get("lat"))
    if creating or "lon" in data:
        park.lon = rules.longitude("lon", data.get("lon"))
    if "radius_km" in data or creating:
        radius = data.get("radius_km")
        park.radius_km = rules.positive("radius_km", 10.0 if radius in (None, "") and creating else radius,
                                        maximum=MAX_RADIUS_KM)
    if "level" in data or creating:
        park.level = rules.choice("level", data.get("level") or Park.Level.NOT_STATED, Park.Level.values)
    if "applies_symbiosis" in data:
        v = data.get("applies_symbiosis")
        if v not in (None, True, False):
            raise FieldError("applies_symbiosis", _("Expected yes, no or not known."))
        park.applies_symbiosis = v
    if "level_source" in data:
        park.level_source = rules.name("level_source", data.get("level_source"), max_length=300)
    if "sources" in data:
        park.sources = [rules.name("sources", s, max_length=300, required=True) for s in data["sources"] or []]
    if "is_demo" in data:
        park.is_demo = bool(data["is_demo"])
    if creating:
        park.slug = _unique_slug(Park, data.get("slug") or texts["name"])
    set_text(park, lang, texts)
    park.save()
    return park


def _user_by_username(username: str):
    User = get_user_model()
    found = User.objects.filter(username=(username or "").strip()).first()
    if found is None:
        raise FieldError("username", _("No account with this user name."))
    return found


@transaction.atomic
def add_park_manager(user, park: Park, username: str):
    """Name the account ``username`` a manager of ``park``."""
    require_name_park_managers(user, park)
    manager = _user_by_username(username)
    park.managers.add(manager)
    return manager


@transaction.atomic
def remove_park_manager(user, park: Park, username: str) -> None:
    require_name_park_managers(user, park)
    park.managers.remove(_user_by_username(username))


@transaction.atomic
def save_facility(user, park: Park, data: dict[str, Any], facility: Facility | None = None) -> Facility:
    """Create or change a facility of ``park``. Keys: language, name, kind, lat, lon
    (required on creation), inside_park, organisation (Partner or None), slug."""
    require_manage_park(user, park)
    creating = facility is None
    lang = _language(data)
    if facility is None:
        facility = Facility(park=park)
    elif facility.park_id != park.pk:
        raise FieldError("facility", _("This facility belongs to another park."))
    name = None
    if creating or "name" in data:
        name = rules.name("name", data.get("name"), max_length=200, required=True)
    if creating or "kind" in data:
        facility.kind = rules.choice("kind", data.get("kind") or Facility.Kind.PLANT, Facility.Kind.values)
    if creating or "lat" in data:
        facility.lat = rules.latitude("lat", data.get("lat"))
    if creating or "lon" in data:
        facility.lon = rules.longitude("lon", data.get("lon"))
    if "inside_park" in data:
        facility.inside_park = bool(data["inside_park"])
    if "organisation" in data:
        facility.organisation = data["organisation"]
    if creating:
        if lang != settings.LANGUAGE_CODE:
            raise FieldError("language", _("Add the facility in English first; add other languages when "
                                           "you edit it."))
        facility.slug = _unique_slug(Facility, data.get("slug") or name or "facility", park=park)
    if name is not None:
        set_text(facility, lang, {"name": name})
    facility.save()
    return facility


@transaction.atomic
def delete_facility(user, facility: Facility) -> None:
    """Remove a facility and the exchanges to and from it."""
    require_manage_park(user, facility.park)
    facility.delete()


def _facility(park: Park, field: str, value) -> Facility:
    if isinstance(value, Facility):
        found = value if value.park_id == park.pk else None
    else:
        found = park.facilities.filter(slug=str(value or "")).first()
        if found is None and str(value or "").isdigit():
            found = park.facilities.filter(pk=int(value)).first()
    if found is None:
        raise FieldError(field, _("Choose a facility of this park."))
    return found


@transaction.atomic
def save_flow(user, park: Park, data: dict[str, Any], flow: Flow | None = None) -> Flow:
    """Create or change an exchange between two facilities of ``park``.

    Keys: source, target (facility, its slug or id), kind (material or energy),
    name_en, name_zh, name_ja, name_ko (what flows, one per platform language; English
    required, a language not sent keeps its text), material_code, annual_quantity (empty: not reported) with unit,
    and the economic value: value (amount), currency, value_year. The value is kept
    as one FlowValue reported by the park's manager; values other sources reported
    stay as they are.
    """
    require_manage_park(user, park)
    creating = flow is None
    if flow is None:
        flow = Flow(park=park, source_note=MANAGER_SOURCE)
    elif flow.park_id != park.pk:
        raise FieldError("flow", _("This exchange belongs to another park."))
    if creating or "source" in data:
        flow.source = _facility(park, "source", data.get("source"))
    if creating or "target" in data:
        flow.target = _facility(park, "target", data.get("target"))
    if flow.source_id == flow.target_id:
        raise FieldError("target", _("An exchange goes from one facility to another."))
    if creating or "kind" in data:
        flow.kind = rules.choice("kind", data.get("kind") or "", Flow.Kind.values)
    for sfx in LEGACY_SUFFIXES:
        key = f"name_{sfx}"
        if key in data or (creating and sfx == "en"):
            setattr(flow, key, rules.name(key, data.get(key), max_length=200, required=sfx == "en"))
    if "material_code" in data:
        flow.material_code = rules.name("material_code", data.get("material_code"), max_length=40)
    if creating or "annual_quantity" in data or "unit" in data:
        q = data.get("annual_quantity", flow.annual_quantity)
        q = rules.positive("annual_quantity", q, maximum=MAX_ANNUAL_QUANTITY, required=False)
        unit = data.get("unit", flow.unit) or ""
        if q is not None:
            unit = rules.choice("unit", unit, FLOW_UNITS)
        flow.annual_quantity = float(q) if q is not None else None
        flow.unit = unit if q is not None else ""
    flow.save()  # with its translations
    if creating or {"value", "currency", "value_year"} & set(data):
        mine = flow.values.filter(source=MANAGER_SOURCE).first()
        amount = data.get("value", mine.amount if mine else None)
        amount = rules.positive("value", amount, maximum=float(MAX_VALUE), required=False)
        if amount is None:
            if mine is not None:
                mine.delete()
        else:
            currency = rules.currency("currency", data.get("currency", mine.currency if mine else ""))
            year = rules.year("value_year", data.get("value_year", mine.year if mine else None))
            value = mine or FlowValue(flow=flow, source=MANAGER_SOURCE)
            value.amount = Decimal(str(amount)).quantize(Decimal("0.01"))
            value.currency = currency
            value.year = year
            value.per_year = True
            value.save()
    return flow


@transaction.atomic
def delete_flow(user, flow: Flow) -> None:
    require_manage_park(user, flow.park)
    flow.delete()
