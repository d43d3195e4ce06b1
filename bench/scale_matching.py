"""Scale test of the exact matcher through the command line: one instance of the
benchmark generator (same density per region), written as CSV, matched by
``circularcities match`` in a child process whose wall time and peak memory
(maximum resident set size) are measured.

Usage::

    .venv/bin/python bench/scale_matching.py [--listings 1000000] [--max-km 50] [--workers 1]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_matching import make_instance, regions_for  # noqa: E402


def write_csv(path: Path, listings) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "material", "quantity_t", "lat", "lon"])
        for x in listings:
            w.writerow([x.id, x.material, repr(x.quantity_t), repr(x.lat), repr(x.lon)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--listings", type=int, default=1_000_000)
    parser.add_argument("--max-km", type=float, default=50.0)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        offers, wants = make_instance(args.listings)
        write_csv(d / "offers.csv", offers)
        write_csv(d / "wants.csv", wants)
        del offers, wants
        print(f"{args.listings:,} listings in {len(regions_for(args.listings))} regions; "
              f"max_km={args.max_km:g}; workers={args.workers}", flush=True)
        cmd = [sys.executable, "-m", "circularcities.cli", "match", str(d / "offers.csv"),
               str(d / "wants.csv"), "--max-km", str(args.max_km), "--json",
               "--workers", str(args.workers)]
        t0 = time.perf_counter()
        with (d / "plan.json").open("w") as out:
            code = subprocess.run(cmd, stdout=out, env=os.environ.copy(), check=False).returncode
        wall = time.perf_counter() - t0
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        peak = usage.ru_maxrss * 1024
        cpu = usage.ru_utime + usage.ru_stime
        if code != 0:
            raise SystemExit(f"circularcities match failed with exit code {code}")
        with (d / "plan.json").open() as fh:
            plan = json.load(fh)
        # On a shared machine the wall time depends on the load; CPU time much less.
        print(f"wall time {wall:.1f} s, CPU time {cpu:.1f} s (CSV reading and JSON writing "
              f"included); peak RSS {peak / 2**30:.2f} GiB; "
              f"{plan['matched_t']:,.3f} t matched, {plan['tonne_km']:,.1f} t·km, "
              f"{len(plan['matches']):,} exchanges")


if __name__ == "__main__":
    main()
