"""Demo diagnoses: the three workbooks in data/diagnosis_demo, imported through the
same service as uploads (so the demo exercises the real path), plus the population
series the per-capita indicators divide by (estimated, with its source)."""

from __future__ import annotations

import json
from pathlib import Path

from circularcities.coalition.models import City
from circularcities.diagnosis.imports import import_file, read_files, recompute_indicators
from circularcities.diagnosis.models import CityPopulation, Quality
from circularcities.diagnosis.services import sync_catalogue

DEMO_DIR = Path(__file__).resolve().parent.parent / "data" / "diagnosis_demo"
DEMO_CITIES = ("amsterdam", "yokohama", "beijing")


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
