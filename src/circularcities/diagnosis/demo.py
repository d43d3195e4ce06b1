"""Demo diagnoses: the three workbooks in data/diagnosis_demo, imported through the
same service as uploads (so the demo exercises the real path), plus the population
series the per-capita indicators divide by (estimated, with its source)."""

from __future__ import annotations

import json
from pathlib import Path

from circularcities.coalition.models import City
from circularcities.core.indicators.catalogue import DATA_DIR, Indicator
from circularcities.diagnosis.imports import import_file, read_files, recompute_indicators
from circularcities.diagnosis.models import CityPopulation, Quality
from circularcities.diagnosis.services import (
    recompute_formula,
    register_indicators,
    set_value,
    sync_catalogue,
)

DEMO_DIR = Path(__file__).resolve().parent.parent / "data" / "diagnosis_demo"
DEMO_CITIES = ("amsterdam", "yokohama", "beijing")
CITY_INDICATORS = DATA_DIR / "indicators_city_demo.json"


def load(log=print) -> None:
    sync_catalogue()
    facts = json.loads((DEMO_DIR / "cities.json").read_text("utf-8"))
    for slug in DEMO_CITIES:
        city = City.objects.filter(slug=slug).first()
        if city is None:
            log(f"diagnosis demo: city {slug} missing, skipped")
            continue
        info = facts[slug]
        quality = info.get("population_quality", Quality.ESTIMATED)
        for year, pop in info["population"].items():
            CityPopulation.objects.update_or_create(city=city, year=int(year), defaults={
                "population": int(pop), "source": f"demo: {info['population_source']}", "quality": quality})
        path = DEMO_DIR / f"{slug}.xlsx"
        result = import_file(city, read_files([(path.name, path.read_bytes())]), via="demo")
        if result.already is not None:
            recompute_indicators(city)  # population or code may have changed since
        log(f"diagnosis demo: {city.name_en} {'imported' if result.changed else 'unchanged'}")
    load_city_indicators(log)


def load_city_indicators(log=print) -> None:
    """Glasgow's quarterly KPIs, Peterborough's ISO 37120-derived KPIs and Shenzhen's electric
    buses as city-defined indicators (``data/indicators_city_demo.json``), with their values."""
    doc = json.loads(CITY_INDICATORS.read_text("utf-8"))
    by_city: dict[str, list[Indicator]] = {}
    for row in doc["indicators"]:
        row = dict(row)
        by_city.setdefault(row.pop("city"), []).append(Indicator.from_row(row))
    for slug, indicators in by_city.items():
        city = City.objects.filter(slug=slug).first()
        if city is None:
            log(f"diagnosis demo: city {slug} missing, its indicators skipped")
            continue
        register_indicators(indicators, city=city)
        n = 0
        for v in (v for v in doc["values"] if v["city"] == slug):
            n += set_value(city, v["code"], v["year"], float(v["value"]), period=v["period"], source=v["source"],
                           quality=v["quality"], via="demo")[1]
        from circularcities.diagnosis.models import Indicator as IndicatorRow

        for ind in IndicatorRow.objects.filter(city=city, computation="formula"):
            recompute_formula(city, ind)
        log(f"diagnosis demo: {len(indicators)} indicators of {slug}, {n} values changed")
