"""Load the coalition's demo data (data/coalition.json and, when present,
data/content_ja.json / content_ko.json), idempotently by slug."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from django.db import transaction

from circularcities.coalition.content_files import language_contents, texts
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


def _two(d: dict, *fields) -> dict:
    """``name`` -> ``name_en``, ``name_zh`` from a record of coalition.json."""
    return _pick(d, *(f"{f}_{s}" for f in fields for s in ("en", "zh")))


def apply_texts(obj, contents: dict, section: str, fields) -> None:
    """Set the further languages' text of ``obj`` from the content files, and save."""
    found = texts(contents, section, obj.slug)
    for language, values in found.items():
        obj.set_text(language, **{f: values.get(f) or "" for f in fields if f in values})
    if found:
        obj.save()


@transaction.atomic
def load(log=print, content_dir: Path | None = None) -> None:
    data = load_json("coalition.json")
    contents = language_contents(content_dir)
    areas = {}
    for a in data["areas"]:
        areas[a["slug"]], _ = ThematicArea.objects.update_or_create(
            slug=a["slug"], defaults={**_two(a, "name", "description"), "order": a.get("order", 0)})
        apply_texts(areas[a["slug"]], contents, "areas", ("name", "description"))
        WorkingGroup.objects.get_or_create(area=areas[a["slug"]])
    for i, r in enumerate(data["r_strategies"]):
        strategy, _ = RStrategy.objects.update_or_create(
            slug=r["slug"], defaults={**_two(r, "name", "description"), "order": i + 1})
        apply_texts(strategy, contents, "r_strategies", ("name", "description"))
    cities = {}
    for c in data["cities"]:
        defaults = {**_pick(c, "country", "region", "gdp_currency"),
                    **_two(c, "name", "country_name", "profile", "data_notes")}
        defaults["density_reported"] = c.get("density_per_km2")
        defaults.update({k: c.get(k) for k in ("population", "population_year", "gdp", "gdp_year",
                                               "area_km2", "lat", "lon")})
        defaults["member_since"] = date.fromisoformat(c["member_since"]) if c.get("member_since") else None
        defaults["status"] = c.get("status") or City.Status.MEMBER
        defaults["sources"] = c.get("sources", [])
        defaults["estimated_fields"] = c.get("estimated_fields", [])
        defaults["is_demo"] = True
        city, _ = City.objects.update_or_create(slug=c["slug"], defaults=defaults)
        apply_texts(city, contents, "cities", ("name", "country_name", "profile", "data_notes"))
        cities[c["slug"]] = city
        if not city.focal_areas.exists():
            for slot, slug in enumerate(c.get("focal_areas", [])[:3], start=1):
                FocalArea.objects.create(city=city, area=areas[slug], slot=slot)
    partners = {}
    for p in data["partners"]:
        partner, _ = Partner.objects.update_or_create(
            slug=p["slug"], defaults={**_pick(p, "kind", "country"), **_two(p, "name", "description"),
                                      "is_demo": True})
        apply_texts(partner, contents, "partners", ("name", "description"))
        partner.areas.set([areas[s] for s in p.get("areas", []) if s in areas])
        partners[p["slug"]] = partner
        for s in p.get("areas", []):
            if s in areas:
                areas[s].working_group.partners.add(partner)
    for e in data.get("events", []):
        wg = areas[e["area"]].working_group if e.get("area") in areas else None
        event, _ = Event.objects.update_or_create(
            slug=e["slug"], defaults={**_pick(e, "kind"), **_two(e, "title", "place", "agenda", "outcomes"),
                                      "date": date.fromisoformat(e["date"]), "working_group": wg,
                                      "is_demo": True})
        apply_texts(event, contents, "events", ("title", "place", "agenda", "outcomes"))
        event.cities.set([cities[s] for s in e.get("participants", []) if s in cities])
        event.partners.set([partners[s] for s in e.get("participants", []) if s in partners])
    for p in data.get("publications", []):
        if p.get("area") not in areas:
            continue
        publication, _ = Publication.objects.update_or_create(
            slug=p["slug"], defaults={**_two(p, "title", "summary"),
                                      "year": p["year"], "working_group": areas[p["area"]].working_group,
                                      "is_demo": True})
        apply_texts(publication, contents, "publications", ("title", "summary"))
    log(f"coalition: {len(areas)} areas, {len(cities)} cities, {len(partners)} partners, "
        f"{len(data.get('events', []))} events" + (f"; text in {', '.join(sorted(contents))}" if contents else ""))
