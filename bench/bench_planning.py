"""Benchmark of the coalition roll-up (/plans/rollup/): time and query count, as a
ratio to a trivial view (/healthz) measured in the same run, at two data sizes.

Usage::

    .venv/bin/python bench/bench_planning.py [--repeat 7] [--sizes 10x20x12 100x20x12]

A size ``CxTxQ`` is C synthetic cities x T targets x Q quarters of values: each
target follows a programme indicator of its own one-project programme, whose
project logs Q consecutive quarterly entries (so statuses come from annualised
quarterly progress); each city also has 10 measures with mixed statuses. The
demo data (with its own targets and measures) stays in. Runs in a throwaway
data directory (temporary SQLite database).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile

os.environ["CIRCULARCITIES_HOME"] = tempfile.mkdtemp(prefix="cc-bench-planning-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "circularcities.site.settings")
os.environ["ALLOWED_HOSTS"] = "testserver,127.0.0.1"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402
from django.test import Client  # noqa: E402
from viewbench import measure  # noqa: E402

INDICATORS = ["companies_supported", "people_trained", "support_hours", "new_products", "items_refurbished",
              "jobs_created", "tonnes_diverted"]


@transaction.atomic
def fill(n_cities: int, n_targets: int, n_quarters: int, seed: int = 20261122) -> dict:
    """Replace the synthetic data with the given size; returns counts."""
    from circularcities.coalition.models import City, ThematicArea
    from circularcities.core.planning import Quarter
    from circularcities.planning.models import Measure, Programme, ProgressEntry, Project, Target

    rng = random.Random(seed)
    City.objects.filter(slug__startswith="bench-").delete()
    areas = list(ThematicArea.objects.all())
    cities = City.objects.bulk_create([City(slug=f"bench-{i:03d}", name_en=f"Bench city {i:03d}",
                                            name_zh=f"测试城市{i:03d}", country="NL", is_demo=True)
                                       for i in range(n_cities)])
    programmes = Programme.objects.bulk_create([
        Programme(slug=f"bench-{c.pk}-{t}", city=c, name_en=f"Programme {t}") for c in cities for t in range(n_targets)])
    projects = Project.objects.bulk_create([Project(programme=p, code=p.slug, title_en=p.name_en) for p in programmes])
    first = Quarter(2022, 1)
    targets, entries = [], []
    for k, (prog, proj) in enumerate(zip(programmes, projects, strict=True)):
        ind = INDICATORS[k % len(INDICATORS)]
        targets.append(Target(city=prog.city, area=areas[k % len(areas)], programme=prog, programme_indicator=ind,
                              baseline_year=2021, baseline_value=400, target_year=2026, target_value=800))
        for i in range(n_quarters):
            q = first.shift(i)
            entries.append(ProgressEntry(project=proj, year=q.year, quarter=q.q, indicator=ind,
                                         value=rng.uniform(80, 200)))
    Target.objects.bulk_create(targets, batch_size=2000)
    ProgressEntry.objects.bulk_create(entries, batch_size=5000)
    statuses = ["not_started", "started", "completed"]
    Measure.objects.bulk_create([Measure(city=c, title_en=f"Measure {j}", area=areas[j % len(areas)],
                                         status=statuses[rng.randrange(3)]) for c in cities for j in range(10)],
                                batch_size=2000)
    return {"targets": len(targets), "entries": len(entries)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--sizes", nargs="+", default=["10x20x12", "100x20x12"])
    args = parser.parse_args(argv)

    call_command("migrate", verbosity=0)
    from django.contrib.auth import get_user_model

    from circularcities.site.demo import load_demo

    load_demo(log=lambda *a, **k: None)
    user = get_user_model().objects.create_user("bench-sec", "bench@example.org", "x")
    user.profile.role = "secretariat"
    user.profile.save()
    client = Client()
    client.force_login(user)
    print(f"{'size':>10} {'targets':>8} {'entries':>8} {'healthz ms':>11} {'roll-up ms':>11} {'ratio':>7} "
          f"{'queries':>8} {'healthz q':>9}")
    counts = []
    for size in args.sizes:
        c, t, q = (int(x) for x in size.split("x"))
        n = fill(c, t, q)
        base_t, base_q = measure(client, "/healthz", args.repeat)
        page_t, page_q = measure(client, "/plans/rollup/", args.repeat)
        counts.append(page_q)
        print(f"{size:>10} {n['targets']:>8,} {n['entries']:>8,} {base_t * 1000:>11.2f} {page_t * 1000:>11.1f} "
              f"{page_t / base_t:>7.0f} {page_q:>8} {base_q:>9}")
    same = len(set(counts)) == 1
    print(f"query count {'constant' if same else 'GROWS'} across sizes: {counts}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
