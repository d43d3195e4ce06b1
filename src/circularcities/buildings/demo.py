"""Demo: the town halls of Brummen and Venlo as materials passports.

From the sources (cited by their titles):

- *Green Circular Cities Coalition brochure*: Brummen's town hall stands on a
  historic municipal site; about 90 % of its materials can be reused or cleanly
  dismantled; concrete was kept to a minimum; structure, facade and floors are
  prefabricated timber elements; it was designed for a 20-year life, after which
  the large timber parts go back to their manufacturers; lighting is bought as a
  service from a lighting company; it has the Netherlands' first materials passport.
- *Circular economy in cities case studies* (Venlo): a Cradle to Cradle city hall,
  design from 2009, built 2012 to April 2016, open since August 2016; a green north
  facade of more than 100 plant species; 1,300 m² of solar panels on the roof;
  every material recorded in a digital materials passport; furniture bought under
  "buy and buy back"; paints and glues banned; EUR 53 million budget.

Everything else — every mass, each component's shares, lifetimes, residual
values, the end-of-use dates not given above, and the coordinates (approximate,
at the town halls) — is an ESTIMATE made for the demo, labelled as such on each
figure (data quality "estimated") and in the building's source line.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from circularcities.buildings import services
from circularcities.buildings.models import Building

BROCHURE = "Green Circular Cities Coalition brochure"
CASES = "Circular economy in cities case studies (Venlo)"
EST = "estimated"


def _q(**given):
    """Data quality: every figure estimated unless stated."""
    return {f: given.get(f, EST) for f in ("mass", "origin", "reusable", "recyclable", "lifetime",
                                          "detachability", "residual_value", "take_back")}


BUILDINGS: list[dict[str, Any]] = [
    {
        "key": "brummen-town-hall", "city": "brummen",
        "name": "Brummen town hall", "name_zh": "布鲁门市政厅",
        "name_ja": "ブルメン市庁舎", "name_ko": "브루멘 시청",
        "description": (
            "Designed to be taken apart after a 20-year life: prefabricated timber structure, "
            "facade and floors, little concrete, about 90 % of the materials reusable or "
            "dismantlable, large timber parts returned to the manufacturers, lighting as a service "
            f"(source: {BROCHURE}). Masses, shares and values per component are estimates for the demo."),
        "address": "Brummen, Gelderland, Netherlands", "lat": 52.0905, "lon": 6.1557,
        "use": "civic", "design_life_years": 20, "year_built": 2013,
        "planned_end_of_use": "2033-12-31",
        "source": (f"{BROCHURE} (20-year life, 90 % reusable or dismantlable, timber structure, "
                   "take-back of timber and lighting); year built, coordinates and every mass "
                   "and share per component are estimates"),
        "components": [
            {"reference": "BR-STRUCT", "name": "Prefabricated timber structure",
             "classification": "28 structure", "count": 1, "connection": "added_elements",
             "accessibility": "free", "reusable_share": 0.9, "recyclable_share": 0.08,
             "origin": "sustained_bio", "lifetime_years": 20,
             "take_back_supplier": "Timber element manufacturer",
             "take_back_terms": "large timber parts returned to the manufacturer after 20 years",
             "take_back_until": "2033-12-31", "residual_value": 180000, "currency": "EUR",
             "residual_value_date": "2013-01-01",
             "materials": [{"material": "timber (glulam)", "waste_code": "170201", "mass_kg": 420000},
                           {"material": "steel connectors", "waste_code": "170405", "mass_kg": 12000}],
             "quality": _q(take_back="measured")},
            {"reference": "BR-FACADE", "name": "Prefabricated timber facade elements",
             "classification": "21 outer walls", "count": 1, "connection": "dry",
             "accessibility": "free", "reusable_share": 0.85, "recyclable_share": 0.1,
             "origin": "sustained_bio", "lifetime_years": 20,
             "materials": [{"material": "timber cladding", "waste_code": "170201", "mass_kg": 90000},
                           {"material": "glass", "waste_code": "170202", "mass_kg": 30000}],
             "quality": _q()},
            {"reference": "BR-FLOORS", "name": "Prefabricated timber floor elements",
             "classification": "23 floors", "count": 1, "connection": "added_elements",
             "accessibility": "no_damage", "reusable_share": 0.9, "recyclable_share": 0.08,
             "origin": "sustained_bio", "lifetime_years": 20,
             "take_back_supplier": "Timber element manufacturer",
             "take_back_terms": "returned to the manufacturer after 20 years",
             "take_back_until": "2033-12-31",
             "materials": [{"material": "timber (cross-laminated)", "waste_code": "170201",
                            "mass_kg": 300000}],
             "quality": _q(take_back="measured")},
            {"reference": "BR-FOUND", "name": "Concrete foundation (kept to a minimum)",
             "classification": "16 foundations", "count": 1, "connection": "hard_chemical",
             "accessibility": "irreparable_damage", "reusable_share": 0.0, "recyclable_share": 0.9,
             "origin": "virgin", "lifetime_years": 100,
             "materials": [{"material": "concrete", "waste_code": "170101", "mass_kg": 350000}],
             "quality": _q()},
            {"reference": "BR-LIGHT", "name": "Lighting (bought as a service)",
             "classification": "63 lighting", "count": 1, "connection": "added_elements",
             "accessibility": "free", "reusable_share": 0.8, "recyclable_share": 0.2,
             "origin": "virgin", "lifetime_years": 15,
             "take_back_supplier": "Lighting company (service contract)",
             "take_back_terms": "fittings stay the supplier's property", "take_back_until": "2033-12-31",
             "materials": [{"material": "aluminium fittings", "waste_code": "170402", "mass_kg": 3000}],
             "quality": _q(take_back="measured")},
        ],
    },
    {
        "key": "venlo-city-hall", "city": "venlo",
        "name": "Venlo city hall", "name_zh": "芬洛市政厅",
        "name_ja": "フェンロー市庁舎", "name_ko": "펜로 시청",
        "description": (
            "Cradle to Cradle city hall on the Maas, completed April 2016 and open since August 2016; "
            "green north facade with more than 100 plant species, 1,300 m² of solar panels, furniture "
            f"under buy and buy back, paints and glues banned (source: {CASES}). Masses, shares, "
            "values and end-of-use dates per component are estimates for the demo."),
        "address": "Venlo, Limburg, Netherlands", "lat": 51.3650, "lon": 6.1720,
        "use": "civic", "year_built": 2016,
        "source": (f"{CASES} (C2C design, dates, facade, 1,300 m² solar panels, buy and buy back "
                   "furniture); coordinates and every mass, share and date per component are estimates"),
        "components": [
            {"reference": "VL-GREEN", "name": "Green north facade (planted)",
             "classification": "21 outer walls", "count": 1, "connection": "added_elements",
             "accessibility": "free", "reusable_share": 0.6, "recyclable_share": 0.2,
             "origin": "recycled", "eff_feedstock": 0.9, "lifetime_years": 25,
             "end_of_use": "2041-08-31",
             "materials": [{"material": "steel frame", "waste_code": "170405", "mass_kg": 60000},
                           {"material": "planters and substrate", "mass_kg": 40000}],
             "quality": _q()},
            {"reference": "VL-PV", "name": "Solar panels, 1,300 m²",
             "classification": "64 energy", "count": 1, "connection": "added_elements",
             "accessibility": "free", "reusable_share": 0.5, "recyclable_share": 0.45,
             "origin": "virgin", "lifetime_years": 25, "end_of_use": "2041-08-31",
             "materials": [{"material": "PV modules (glass, aluminium)", "waste_code": "170202",
                            "mass_kg": 15600}],
             "quality": _q()},
            {"reference": "VL-FURN", "name": "Office furniture (buy and buy back)",
             "classification": "73 furniture", "count": 1, "connection": "dry", "accessibility": "free",
             "reusable_share": 0.85, "recyclable_share": 0.15, "origin": "recycled",
             "eff_feedstock": 0.9, "lifetime_years": 15, "end_of_use": "2031-08-31",
             "take_back_supplier": "Furniture supplier (buy back)",
             "take_back_terms": "bought back at the end of use", "take_back_until": "2031-08-31",
             "residual_value": 150000, "currency": "EUR", "residual_value_date": "2016-08-01",
             "materials": [{"material": "timber furniture", "waste_code": "170201", "mass_kg": 45000},
                           {"material": "steel furniture", "waste_code": "170405", "mass_kg": 20000}],
             "quality": _q(take_back="measured")},
            {"reference": "VL-STRUCT", "name": "Concrete structure", "classification": "28 structure",
             "count": 1, "connection": "hard_chemical", "accessibility": "irreparable_damage",
             "reusable_share": 0.0, "recyclable_share": 0.95, "origin": "virgin",
             "lifetime_years": 100,
             "materials": [{"material": "concrete", "waste_code": "170101", "mass_kg": None}],
             "quality": _q(mass="missing")},
        ],
    },
]


@transaction.atomic
def load(log=print) -> None:
    from circularcities.coalition.models import City

    for spec in BUILDINGS:
        city = City.objects.filter(slug=spec["city"]).first()
        if city is None:
            continue
        b = Building.objects.filter(demo_key=spec["key"]).first() or Building(
            city=city, is_demo=True, demo_key=spec["key"])
        b.city = city
        b.set_current_language("en")
        b.name, b.description = spec["name"], spec["description"]
        for k in ("address", "lat", "lon", "use", "year_built", "source"):
            setattr(b, k, spec.get(k))
        b.design_life_years = spec.get("design_life_years")
        b.planned_end_of_use = spec.get("planned_end_of_use")
        b.published = True
        b.save()
        for language, key in (("zh-hans", "name_zh"), ("ja", "name_ja"), ("ko", "name_ko")):
            b.set_current_language(language)
            b.name = spec[key]
            b.save()
        b.set_current_language("en")
        refs = set()
        for c in spec["components"]:
            clean = services.clean_component(c)
            services._write_component(b, clean, "en")
            refs.add(clean["reference"])
        b.components.exclude(reference__in=refs).delete()
    log("buildings: Brummen and Venlo town halls (figures per component are estimates)")
