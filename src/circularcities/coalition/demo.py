"""Load the coalition's demo data (data/coalition.json), idempotently by slug."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from circularcities.coalition.models import (
    City,
    Event,
    FocalArea,
    Partner,
    Publication,
    RStrategy,
    ThematicArea,
    WorkingGroup,
)
from circularcities.data import load_json


def _pick(d: dict, *keys):
    return {k: d.get(k) if d.get(k) is not None else "" for k in keys}


@transaction.atomic
def load(log=print) -> None:
    data = load_json("coalition.json")
    areas = {}
    for a in data["areas"]:
        areas[a["slug"]], _ = ThematicArea.objects.update_or_create(
            slug=a["slug"], defaults={**_pick(a, "name_en", "name_zh", "description_en", "description_zh"),
                                      "order": a.get("order", 0)})
        WorkingGroup.objects.get_or_create(area=areas[a["slug"]])
    for i, r in enumerate(data["r_strategies"]):
        RStrategy.objects.update_or_create(
            slug=r["slug"], defaults={**_pick(r, "name_en", "name_zh", "description_en", "description_zh"),
                                      "order": i + 1})
    cities = {}
    for c in data["cities"]:
        defaults = _pick(c, "name_en", "name_zh", "country", "country_name_en", "country_name_zh",
                         "region", "gdp_currency", "profile_en", "profile_zh", "data_notes_en",
                         "data_notes_zh")
        defaults["density_reported"] = c.get("density_per_km2")
        defaults.update({k: c.get(k) for k in ("population", "population_year", "gdp", "gdp_year",
                                               "area_km2", "lat", "lon")})
        defaults["member_since"] = date.fromisoformat(c["member_since"]) if c.get("member_since") else None
        defaults["status"] = c.get("status") or City.Status.MEMBER
        defaults["sources"] = c.get("sources", [])
        defaults["estimated_fields"] = c.get("estimated_fields", [])
        defaults["is_demo"] = True
        city, _ = City.objects.update_or_create(slug=c["slug"], defaults=defaults)
        cities[c["slug"]] = city
        if not city.focal_areas.exists():
            for slot, slug in enumerate(c.get("focal_areas", [])[:3], start=1):
                FocalArea.objects.create(city=city, area=areas[slug], slot=slot)
    partners = {}
    for p in data["partners"]:
        partner, _ = Partner.objects.update_or_create(
            slug=p["slug"], defaults={**_pick(p, "name_en", "name_zh", "kind", "country",
                                               "description_en", "description_zh"), "is_demo": True})
        partner.areas.set([areas[s] for s in p.get("areas", []) if s in areas])
        partners[p["slug"]] = partner
        for s in p.get("areas", []):
            if s in areas:
                areas[s].working_group.partners.add(partner)
    for e in data.get("events", []):
        wg = areas[e["area"]].working_group if e.get("area") in areas else None
        event, _ = Event.objects.update_or_create(
            slug=e["slug"], defaults={**_pick(e, "kind", "title_en", "title_zh", "place_en", "place_zh",
                                               "agenda_en", "agenda_zh", "outcomes_en", "outcomes_zh"),
                                      "date": date.fromisoformat(e["date"]), "working_group": wg,
                                      "is_demo": True})
        event.cities.set([cities[s] for s in e.get("participants", []) if s in cities])
        event.partners.set([partners[s] for s in e.get("participants", []) if s in partners])
    for p in data.get("publications", []):
        if p.get("area") not in areas:
            continue
        Publication.objects.update_or_create(
            slug=p["slug"], defaults={**_pick(p, "title_en", "title_zh", "summary_en", "summary_zh"),
                                      "year": p["year"], "working_group": areas[p["area"]].working_group,
                                      "is_demo": True})
    log(f"coalition: {len(areas)} areas, {len(cities)} cities, {len(partners)} partners, "
        f"{len(data.get('events', []))} events")
