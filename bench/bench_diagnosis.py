"""Benchmark of the city diagnosis dashboard: render time and query count, as a
ratio to a trivial view (/healthz) measured in the same run, at two data sizes.

Usage::

    .venv/bin/python bench/bench_diagnosis.py [--repeat 15] [--sizes 2x5 20x50]

A size ``YxM`` is Y years x M materials of flows for one city (Amsterdam), eight
balanced flows and one stock change per year and material (20x50 = 8,000 flows,
1,000 stock changes), plus the indicators computed from them and two 7R
assessments; the other demo cities stay as peers. Runs in a throwaway data
directory (temporary SQLite database), demo data loaded first.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile

os.environ["CIRCULARCITIES_HOME"] = tempfile.mkdtemp(prefix="cc-bench-diagnosis-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "circularcities.site.settings")
os.environ["ALLOWED_HOSTS"] = "testserver,127.0.0.1"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from viewbench import measure  # noqa: E402

FLOWS = [("environment", "imports", 100), ("imports", "consumption", 100), ("consumption", "collection", 60),
         ("consumption", "exports", 40), ("collection", "recycling", 30), ("collection", "landfill", 30),
         ("recycling", "exports", 30), ("exports", "environment", 70)]


def fill(city, years: int, materials: int) -> int:
    """Replace the city's diagnosis with synthetic balanced data; returns the number of flows."""
    from circularcities.diagnosis.imports import recompute_indicators
    from circularcities.diagnosis.models import (
        IndicatorValue,
        IndicatorValueChange,
        MetabolismFlow,
        MetabolismStock,
    )

    MetabolismFlow.objects.filter(city=city).delete()
    MetabolismStock.objects.filter(city=city).delete()
    IndicatorValueChange.objects.filter(city=city).delete()
    IndicatorValue.objects.filter(city=city).delete()
    flows, stocks = [], []
    for y in range(2004, 2004 + years):
        for m in range(materials):
            k = 1 + (m % 7) / 10 + (y - 2004) / 100
            for o, d, v in FLOWS:
                flows.append(MetabolismFlow(city=city, origin=o, destination=d, year=y, layer="material",
                                            material=f"material {m:02d}", value=v * k, unit="t",
                                            source="bench", quality="estimated"))
            stocks.append(MetabolismStock(city=city, process="landfill", year=y, layer="material",
                                          material=f"material {m:02d}", value=30 * k, unit="t",
                                          source="bench", quality="estimated"))
    MetabolismFlow.objects.bulk_create(flows, batch_size=2000)
    MetabolismStock.objects.bulk_create(stocks, batch_size=2000)
    recompute_indicators(city)
    return len(flows)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--sizes", nargs="+", default=["2x5", "20x50"])
    args = parser.parse_args(argv)

    call_command("migrate", verbosity=0)
    from circularcities.coalition.models import City
    from circularcities.site.demo import load_demo

    load_demo(log=lambda *a, **k: None)
    city = City.objects.get(slug="amsterdam")
    client = Client()
    url = f"/diagnosis/{city.slug}/"
    print(f"{'size':>8} {'flows':>7} {'healthz ms':>11} {'dashboard ms':>13} {'ratio':>7} "
          f"{'queries':>8} {'healthz q':>9}")
    counts = []
    for size in args.sizes:
        years, materials = (int(x) for x in size.split("x"))
        n = fill(city, years, materials)
        base_t, base_q = measure(client, "/healthz", args.repeat)
        dash_t, dash_q = measure(client, url, args.repeat)
        counts.append(dash_q)
        print(f"{size:>8} {n:>7,} {base_t * 1000:>11.2f} {dash_t * 1000:>13.1f} {dash_t / base_t:>7.0f} "
              f"{dash_q:>8} {base_q:>9}")
    same = len(set(counts)) == 1
    print(f"query count {'constant' if same else 'GROWS'} across sizes: {counts}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
