"""Benchmark of the marketplace web layer against the core matcher it wraps,
both measured in the same run on the same data (ratios, not absolute times).

Usage::

    .venv/bin/python bench/bench_marketplace.py [--sizes 1000 10000] [--max-km 50]

For each size N (half offers, half wants, 6 materials, fixed seed, clustered
around Amsterdam, Brussels and Copenhagen) in a throwaway SQLite database:

- suggested partners for one listing (database bounding box + matcher +
  impacts) vs ``core.match`` on the same candidates already in memory;
- programme-wide matching job (every open listing) vs ``core.match`` on the
  same listings already in memory;
- recording an exchange (row lock, conditional decrement, emission factors,
  insert) vs a bare ``UPDATE`` of the same row.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from decimal import Decimal

os.environ["CIRCULARCITIES_HOME"] = tempfile.mkdtemp(prefix="cc-bench-marketplace-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "circularcities.site.settings")
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))

import django  # noqa: E402

django.setup()

import numpy as np  # noqa: E402
from django.core.management import call_command  # noqa: E402

from circularcities.coalition.models import Partner  # noqa: E402
from circularcities.core import matching as core  # noqa: E402
from circularcities.marketplace.catalogue import ensure_catalogue  # noqa: E402
from circularcities.marketplace.matching import (  # noqa: E402
    compatibility,
    run_programme_matching,
    suggest,
)
from circularcities.marketplace.models import Exchange, Listing  # noqa: E402
from circularcities.marketplace.services import _record  # noqa: E402

CENTRES = [(52.37, 4.90), (50.85, 4.35), (55.68, 12.57)]
MATERIALS = ["170101", "170107", "150101", "200101", "170201", "200138"]


def populate(n: int, seed: int = 7) -> tuple[list[Listing], list[Listing]]:
    Exchange.objects.all().delete()
    Listing.objects.all().delete()
    rng = np.random.default_rng(seed)
    orgs = [Partner.objects.get_or_create(slug=f"bench-{i}", defaults={"name_en": f"Bench {i}",
                                                                       "kind": "business"})[0]
            for i in range(50)]
    rows = []
    for i in range(n):
        c = CENTRES[i % len(CENTRES)]
        q = Decimal(str(round(float(rng.lognormal(2.3, 0.8)), 3)))
        material = MATERIALS[int(rng.integers(len(MATERIALS)))]
        rows.append(Listing(kind="offer" if i % 2 == 0 else "want",
                            waste_code_id=material, quantity=q, unit="t", quantity_t=q, remaining_t=q,
                            route="recycling", lat=c[0] + float(rng.normal(0, 0.25)),
                            lon=c[1] + float(rng.normal(0, 0.35)), organisation=orgs[i % 50]))
    Listing.objects.bulk_create(rows, batch_size=2000)
    title = Listing._parler_meta.root_model  # the titles: one English translation row each
    title.objects.bulk_create([title(master_id=x.pk, language_code="en", title=f"bench {i}")
                               for i, x in enumerate(rows)], batch_size=2000)
    offers = list(Listing.objects.filter(kind="offer"))
    wants = list(Listing.objects.filter(kind="want"))
    return offers, wants


def to_core(x: Listing) -> core.Listing:
    return core.Listing(str(x.pk), x.waste_code_id, float(x.remaining_t), x.lat, x.lon)


def timed(fn, repeat: int = 1) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--max-km", type=float, default=50.0)
    args = ap.parse_args()
    call_command("migrate", verbosity=0)
    ensure_catalogue()
    comp = compatibility()
    print(f"{'N':>7} {'suggest s':>10} {'core s':>8} {'ratio':>6} | {'programme s':>11} {'core s':>8} "
          f"{'ratio':>6} | {'exchange ms':>11} {'UPDATE ms':>9} {'ratio':>6}")
    for n in args.sizes:
        print(run_size(n, args.max_km, comp))


def run_size(n: int, max_km: float, comp) -> str:
    offers, wants = populate(n)
    probe = offers[:5]
    c_wants = [to_core(w) for w in wants]

    def web_suggest():
        for o in probe:
            suggest(o, max_km)

    def core_suggest():
        for o in probe:
            core.match([to_core(o)], c_wants, max_km=max_km, compatibility=comp)

    t_web = timed(web_suggest, 3) / len(probe)
    t_core = timed(core_suggest, 3) / len(probe)
    c_offers = [to_core(o) for o in offers]
    t_prog = timed(lambda: run_programme_matching({"max_km": max_km}, lambda *a: None))
    t_prog_core = timed(lambda: core.match(c_offers, c_wants, max_km=max_km, compatibility=comp))
    target = offers[0]
    t_ex = timed(lambda: _record(Listing.objects.get(pk=target.pk), Decimal("0.001"),
                                 receiver_name="bench"), 20)
    t_up = timed(lambda: Listing.objects.filter(pk=target.pk).update(remaining_t=target.remaining_t), 20)
    return (f"{n:>7} {t_web:>10.3f} {t_core:>8.3f} {t_web / t_core:>6.1f} | {t_prog:>11.2f} "
            f"{t_prog_core:>8.2f} {t_prog / t_prog_core:>6.1f} | {t_ex * 1000:>11.1f} "
            f"{t_up * 1000:>9.2f} {t_ex / t_up:>6.1f}")


if __name__ == "__main__":
    main()
