"""Benchmark of the exact matcher against Google OR-Tools' min-cost flow (per
component and over the whole graph), the greedy nearest-partner baseline and
the dense exact LP reference, all measured in the same run.

Usage::

    .venv/bin/python bench/bench_matching.py [--sizes 1000 10000 100000] [--max-km 50]
        [--repeat 3] [--no-whole]

Instances (fixed seed): half offers, half wants; 20 materials; coordinates
clustered around metropolitan regions (6 towns each, towns ~30 km apart,
listings ~10 km around their town); quantities log-normal (median 10 t, to the
kilogram). 8 regions up to 100,000 listings; above that one more region per
12,500 listings, so each region keeps the density of the 100,000 instance.

The platform (``match``: candidate search, components, exact solve, plan) is
timed end to end, and its solver alone on the baselines' footing. OR-Tools gets the same candidate arcs and components for
free (not timed) and solves ``SimpleMinCostFlow.solve_max_flow_with_min_cost``
on integers: quantities in kg, distances in units of 10 m. Timings of the
methods are interleaved round by round; ratios are platform / best baseline.
"""

from __future__ import annotations

import argparse
import math
import statistics
import time

import numpy as np

from circularcities.core.matching import (
    Compatibility,
    GreatCircle,
    Listing,
    candidate_arcs,
    exact_lp_reference,
    greedy_nearest_partner,
    match,
    solve_component,
    split_components,
)

REGIONS = [(51.5, -0.1), (52.4, 4.9), (50.85, 4.35), (55.7, 12.6), (44.4, 8.9),
           (39.9, 116.4), (34.2, 131.5), (43.65, -79.4)]
LISTINGS_PER_REGION = 12_500
"""Density of the 100,000-listing instance (8 regions), kept for larger sizes."""


def regions_for(n_listings: int) -> list[tuple[float, float]]:
    """The 8 regions, plus grid regions ~330 km apart for large instances."""
    need = max(len(REGIONS), math.ceil(n_listings / LISTINGS_PER_REGION))
    out = list(REGIONS)
    lat = -45.0
    while len(out) < need:
        for lon in np.arange(-170.0, 170.0, 3.0 / max(math.cos(math.radians(lat)), 0.2)):
            if len(out) == need:
                break
            if all(abs(lat - a) > 4.0 or abs(lon - b) > 6.0 for a, b in REGIONS):
                out.append((lat, float(lon)))
        lat += 3.0
    return out


def make_instance(n_listings: int, seed: int = 20261122, n_materials: int = 20
                  ) -> tuple[list[Listing], list[Listing]]:
    """Offers and wants (n_listings // 2 each), reproducible from ``seed``."""
    rng = np.random.default_rng(seed)
    towns_per_region = 6
    town_centres = []
    for lat, lon in regions_for(n_listings):
        for _ in range(towns_per_region):
            dy, dx = rng.normal(0.0, 30.0, 2)  # km
            town_centres.append((lat + dy / 111.2, lon + dx / (111.2 * np.cos(np.radians(lat)))))
    centres = np.array(town_centres)

    def side(n: int, prefix: str) -> list[Listing]:
        town = rng.integers(0, len(centres), n)
        dkm = rng.normal(0.0, 10.0, (n, 2))
        lat = centres[town, 0] + dkm[:, 0] / 111.2
        lon = centres[town, 1] + dkm[:, 1] / (111.2 * np.cos(np.radians(centres[town, 0])))
        lon = (lon + 180.0) % 360.0 - 180.0
        mat = rng.integers(0, n_materials, n)
        q = np.round(rng.lognormal(np.log(10.0), 1.0, n), 3)
        return [Listing(f"{prefix}{k}", f"M{m:02d}", float(qq), float(a), float(b))
                for k, (m, qq, a, b) in enumerate(zip(mat, q, lat, lon, strict=True))]

    return side(n_listings // 2, "o"), side(n_listings - n_listings // 2, "w")


def _mcf(supply, demand, ao, aw, km):
    """OR-Tools on integers (kg, 10 m units): flows in tonnes."""
    from ortools.graph.python import min_cost_flow

    n_o, n_w = supply.size, demand.size
    s, t = n_o + n_w, n_o + n_w + 1
    sup = np.round(supply * 1000).astype(np.int64)
    dem = np.round(demand * 1000).astype(np.int64)
    total = int(min(sup.sum(), dem.sum()))
    net = min_cost_flow.SimpleMinCostFlow()
    net.add_arcs_with_capacity_and_unit_cost(
        np.concatenate((ao, np.full(n_o, s), np.arange(n_o, n_o + n_w))).astype(np.int64),
        np.concatenate((n_o + aw, np.arange(n_o), np.full(n_w, t))).astype(np.int64),
        np.concatenate((np.full(ao.size, total), sup, dem)).astype(np.int64),
        np.concatenate((np.round(km * 100).astype(np.int64), np.zeros(n_o + n_w, np.int64))))
    net.set_node_supply(s, total)
    net.set_node_supply(t, -total)
    assert net.solve_max_flow_with_min_cost() == net.OPTIMAL
    return np.asarray(net.flows(np.arange(ao.size)), dtype=float) / 1000.0


def prepare(offers, wants, max_km):
    """Candidate arcs and components, as the baselines receive them."""
    oi, wj, km = candidate_arcs(offers, wants, max_km, Compatibility(), GreatCircle())
    parts = split_components(len(offers), len(wants), oi, wj)
    q_o = np.array([x.quantity_t for x in offers])
    q_w = np.array([x.quantity_t for x in wants])
    return oi, wj, km, parts, q_o, q_w


def ortools_per_component(prep) -> tuple[float, float]:
    """Tonnes and t·km, one OR-Tools solve per component."""
    oi, wj, km, parts, q_o, q_w = prep
    kms = km[parts.arc_order]
    tonnes = tkm = 0.0
    ab, ob, wb = parts.arc_bounds, parts.offer_bounds, parts.want_bounds
    for c in range(parts.n):
        s, e = int(ab[c]), int(ab[c + 1])
        f = _mcf(q_o[parts.offers[ob[c]:ob[c + 1]]], q_w[parts.wants[wb[c]:wb[c + 1]]],
                 parts.arc_offer[s:e].astype(np.int64), parts.arc_want[s:e].astype(np.int64),
                 kms[s:e])
        tonnes += float(f.sum())
        tkm += float(f @ kms[s:e])
    return tonnes, tkm


def platform_per_component(prep) -> tuple[float, float]:
    """Tonnes and t·km of the platform's solver alone, on the baselines' footing:
    the same prepared components, one ``solve_component`` each (no plan built)."""
    oi, wj, km, parts, q_o, q_w = prep
    kms = km[parts.arc_order]
    tonnes = tkm = 0.0
    ab, ob, wb = parts.arc_bounds, parts.offer_bounds, parts.want_bounds
    for c in range(parts.n):
        s, e = int(ab[c]), int(ab[c + 1])
        f = solve_component(q_o[parts.offers[ob[c]:ob[c + 1]]], q_w[parts.wants[wb[c]:wb[c + 1]]],
                            parts.arc_offer[s:e], parts.arc_want[s:e], kms[s:e])
        tonnes += float(f.sum())
        tkm += float(f @ kms[s:e])
    return tonnes, tkm


def ortools_whole(prep) -> tuple[float, float]:
    """Tonnes and t·km, one OR-Tools solve over the whole graph."""
    oi, wj, km, parts, q_o, q_w = prep
    f = _mcf(q_o, q_w, oi.astype(np.int64), wj.astype(np.int64), km)
    return float(f.sum()), float(f @ km)


def timed(fn, *args, **kwargs):
    t0 = time.perf_counter()
    out = fn(*args, **kwargs)
    return out, time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--max-km", type=float, default=50.0)
    parser.add_argument("--repeat", type=int, default=3,
                        help="interleaved rounds per size (medians reported; default 3)")
    parser.add_argument("--no-whole", action="store_true",
                        help="skip OR-Tools over the whole graph (113 s at 100,000 listings)")
    parser.add_argument("--reference-limit", type=int, default=2000,
                        help="largest size for the dense LP reference (default 2000)")
    args = parser.parse_args()
    # Imports and first calls outside the timings (POT's import takes ~2 s once per process).
    warm_o, warm_w = make_instance(200, seed=1)
    match(warm_o, warm_w, max_km=args.max_km)
    ortools_per_component(prepare(warm_o, warm_w, args.max_km))
    print(f"max_km={args.max_km:g}; times in seconds (median of {args.repeat} interleaved "
          "rounds); t = tonnes, t·km = tonne-kilometres")
    for n in args.sizes:
        offers, wants = make_instance(n)
        times: dict[str, list[float]] = {}
        results: dict[str, tuple[float, float]] = {}

        def record(name, out, t, times=times, results=results):
            times.setdefault(name, []).append(t)
            results[name] = out

        for _ in range(args.repeat):
            plan, t = timed(match, offers, wants, max_km=args.max_km)
            record("platform: match", (plan.matched_t, plan.tonne_km), t)
            n_comp = plan.n_components
            plan2, t = timed(match, offers, wants, max_km=args.max_km, workers=2)
            record("platform: match, workers=2", (plan2.matched_t, plan2.tonne_km), t)
            prep, t_prep = timed(prepare, offers, wants, args.max_km)
            record("shared prep (arcs+components)", (math.nan, math.nan), t_prep)
            out, t = timed(platform_per_component, prep)
            record("platform solver per component", out, t)
            out, t = timed(ortools_per_component, prep)
            record("OR-Tools per component", out, t)
            if not args.no_whole:
                out, t = timed(ortools_whole, prep)
                record("OR-Tools whole graph", out, t)
            del prep
        greedy, t = timed(greedy_nearest_partner, offers, wants, max_km=args.max_km)
        record("greedy_nearest", (greedy.matched_t, greedy.tonne_km), t)
        if n <= args.reference_limit:
            ref, t = timed(exact_lp_reference, offers, wants, max_km=args.max_km)
            record("exact_lp_reference", (ref.matched_t, ref.tonne_km), t)
        med = {k: statistics.median(v) for k, v in times.items()}
        print()
        print(f"{n:,} listings, {n_comp} components")
        print(f"  {'method':<32} {'time_s':>8} {'matched_t':>14} {'tonne_km':>16}  rounds (s)")
        for name, t in med.items():
            tonnes, tkm = results[name]
            rounds = " ".join(f"{x:.2f}" for x in times[name])
            print(f"  {name:<32} {t:>8.2f} {tonnes:>14.3f} {tkm:>16.3f}  {rounds}")
        best_t, best_tkm = results["platform: match"]
        for name in ("OR-Tools per component", "OR-Tools whole graph"):
            if name not in results:
                continue
            tonnes, tkm = results[name]
            # Integer costs in 10 m units: OR-Tools' plan is optimal for distances
            # rounded to 5 m either way, so its t·km is within tonnes x 0.01 km.
            bound = tonnes * 0.01
            assert abs(tonnes - best_t) <= 1e-9 * best_t, (name, tonnes, best_t)
            assert best_tkm <= tkm + 1e-9 * tkm and tkm - best_tkm <= bound, (name, tkm, best_tkm)
            print(f"  same optimum as {name}: Δ tonnes {tonnes - best_t:+.2e} t, "
                  f"Δ t·km {tkm - best_tkm:+.3f} (rounding bound {bound:.1f})")
        baselines = {k: med[k] for k in ("OR-Tools per component", "OR-Tools whole graph")
                     if k in med}
        best = min(baselines, key=baselines.__getitem__)
        base_t = baselines[best]
        prep_t = med["shared prep (arcs+components)"]
        for name in ("platform: match", "platform: match, workers=2"):
            print(f"  {name} / {best}: {med[name] / base_t:.2f} "
                  f"(baseline with the shared prep added: {med[name] / (base_t + prep_t):.2f})")
        print(f"  platform solver per component / {best} (same footing): "
              f"{med['platform solver per component'] / base_t:.2f}")
        g_t, g_tkm = results["greedy_nearest"]
        print(f"  greedy/optimal tonnes = {g_t / best_t:.4f}; greedy/optimal t·km = "
              f"{g_tkm / best_tkm:.4f}")
        if "exact_lp_reference" in results:
            r_t, r_tkm = results["exact_lp_reference"]
            print(f"  reference check: |Δ tonnes| = {abs(r_t - best_t):.2e} t, "
                  f"|Δ t·km| = {abs(r_tkm - best_tkm):.2e}")


if __name__ == "__main__":
    main()
