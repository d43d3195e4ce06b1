"""Benchmark of the exact matcher against the greedy nearest-partner baseline
and the dense exact LP reference, all measured in the same run.

Usage::

    .venv/bin/python bench/bench_matching.py [--sizes 1000 10000 100000] [--max-km 50]

Instances (fixed seed): half offers, half wants; 20 materials; coordinates
clustered around 8 metropolitan regions (several towns each, towns spread
about 10 km, regions about 60 km across); quantities log-normal (median 10 t).
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from circularcities.core.matching import (
    Listing,
    exact_lp_reference,
    greedy_nearest_partner,
    match,
)

REGIONS = [(51.5, -0.1), (52.4, 4.9), (50.85, 4.35), (55.7, 12.6), (44.4, 8.9),
           (39.9, 116.4), (34.2, 131.5), (43.65, -79.4)]


def make_instance(n_listings: int, seed: int = 20261122, n_materials: int = 20
                  ) -> tuple[list[Listing], list[Listing]]:
    """Offers and wants (n_listings // 2 each), reproducible from ``seed``."""
    rng = np.random.default_rng(seed)
    towns_per_region = 6
    town_centres = []
    for lat, lon in REGIONS:
        for _ in range(towns_per_region):
            dy, dx = rng.normal(0.0, 30.0, 2)  # km
            town_centres.append((lat + dy / 111.2, lon + dx / (111.2 * np.cos(np.radians(lat)))))
    centres = np.array(town_centres)

    def side(n: int, prefix: str) -> list[Listing]:
        town = rng.integers(0, len(centres), n)
        dkm = rng.normal(0.0, 10.0, (n, 2))
        lat = centres[town, 0] + dkm[:, 0] / 111.2
        lon = centres[town, 1] + dkm[:, 1] / (111.2 * np.cos(np.radians(centres[town, 0])))
        mat = rng.integers(0, n_materials, n)
        q = np.round(rng.lognormal(np.log(10.0), 1.0, n), 3)
        return [Listing(f"{prefix}{k}", f"M{m:02d}", float(qq), float(a), float(b))
                for k, (m, qq, a, b) in enumerate(zip(mat, q, lat, lon, strict=True))]

    return side(n_listings // 2, "o"), side(n_listings - n_listings // 2, "w")


def timed(fn, *args, **kwargs):
    t0 = time.perf_counter()
    out = fn(*args, **kwargs)
    return out, time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--max-km", type=float, default=50.0)
    parser.add_argument("--reference-limit", type=int, default=2000,
                        help="largest size for the dense LP reference (default 2000)")
    args = parser.parse_args()
    print(f"max_km={args.max_km:g}; times in seconds; t = tonnes, t·km = tonne-kilometres")
    header = (f"{'listings':>9} {'method':<20} {'time_s':>8} {'matched_t':>14} {'tonne_km':>16}"
              f" {'components':>10}")
    for n in args.sizes:
        offers, wants = make_instance(n)
        print()
        print(header)
        exact, t_exact = timed(match, offers, wants, max_km=args.max_km)
        par, t_par = timed(match, offers, wants, max_km=args.max_km, workers=2)
        greedy, t_greedy = timed(greedy_nearest_partner, offers, wants, max_km=args.max_km)
        rows = [("exact (match)", exact, t_exact), ("exact, workers=2", par, t_par),
                ("greedy_nearest", greedy, t_greedy)]
        ref = None
        if n <= args.reference_limit:
            ref, t_ref = timed(exact_lp_reference, offers, wants, max_km=args.max_km)
            rows.append(("exact_lp_reference", ref, t_ref))
        for name, plan, t in rows:
            print(f"{n:>9} {name:<20} {t:>8.2f} {plan.matched_t:>14.3f} {plan.tonne_km:>16.1f}"
                  f" {plan.n_components:>10}")
        print(f"  greedy/optimal tonnes = {greedy.matched_t / exact.matched_t:.4f}; "
              f"greedy/optimal t·km = {greedy.tonne_km / exact.tonne_km:.4f}; "
              f"greedy/optimal t·km per t = "
              f"{(greedy.tonne_km / greedy.matched_t) / (exact.tonne_km / exact.matched_t):.4f}; "
              f"time greedy/exact = {t_greedy / t_exact:.3f}; "
              f"time exact 2 workers / 1 worker = {t_par / t_exact:.2f}")
        assert abs(par.matched_t - exact.matched_t) <= 1e-9 * (1 + exact.matched_t)
        if ref is not None:
            print(f"  reference check: |Δ tonnes| = {abs(ref.matched_t - exact.matched_t):.2e} t, "
                  f"|Δ t·km| = {abs(ref.tonne_km - exact.tonne_km):.2e}; "
                  f"time reference/exact = {t_ref / t_exact:.2f}")


if __name__ == "__main__":
    main()
