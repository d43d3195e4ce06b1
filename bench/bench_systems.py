"""Benchmark of user-defined systems: a system of P processes x L layers x Y years is
balanced and its Sankey drawn; the system page is timed as a ratio to a trivial page
(/healthz) measured in the same run.

Usage::

    .venv/bin/python bench/bench_systems.py [--processes 200] [--layers 5] [--years 30] [--repeat 7]

The synthetic system (fixed structure, no randomness): in every layer, the boundary feeds
the first tenth of the processes with amounts given per year; every process passes 55 % of
what it receives to the next process, 25 % to the one seven further on (wrapping round, so
there are loops the solver must close) and 15 % back to the boundary, and keeps 5 % in an
accumulating stock; one process per layer holds an inflow-driven stock with a normal
lifetime (flodym) whose outflow goes back into the system; one flow per layer is given as
an amount that leaves a deliberate imbalance. Runs in a throwaway data directory (temporary
SQLite database) with the demo data loaded.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time

os.environ["CIRCULARCITIES_HOME"] = tempfile.mkdtemp(prefix="cc-bench-systems-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "circularcities.site.settings")
os.environ["ALLOWED_HOSTS"] = "testserver,127.0.0.1"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from viewbench import measure  # noqa: E402

LAYERS = ["materials", "water", "energy", "phosphorus", "nitrogen", "carbon"]


def synthetic(n_proc: int, n_layers: int, n_years: int):
    from circularcities.core.mfa.system import (
        BOUNDARY,
        LAYER_UNITS,
        FlowSpec,
        Layer,
        Process,
        StockSpec,
        SystemDefinition,
    )

    years = tuple(range(2000, 2000 + n_years))
    codes = [f"p{i:03d}" for i in range(n_proc)]
    layers = [Layer(code, LAYER_UNITS[code]) for code in LAYERS[:n_layers]]
    flows, stocks = [], []
    for k, layer in enumerate(layers):
        for i in range(max(1, n_proc // 10)):
            flows.append(FlowSpec(BOUNDARY, codes[i], layer.code,
                                  {y: 1000.0 + 10 * i + (y - years[0]) * (k + 1) for y in years}))
        dsm = codes[n_proc // 2]
        for i, code in enumerate(codes):
            nxt, jump = codes[(i + 1) % n_proc], codes[(i + 7) % n_proc]
            if code == dsm:
                stocks.append(StockSpec(code, layer.code, "inflow_driven",
                                        lifetime={"distribution": "normal", "mean": 12, "std": 4}, outflow_to=nxt))
                continue
            flows.append(FlowSpec(code, nxt, layer.code, share=0.55))
            if jump != nxt:
                flows.append(FlowSpec(code, jump, layer.code, share=0.25))
            flows.append(FlowSpec(code, BOUNDARY, layer.code, share=0.15))
            stocks.append(StockSpec(code, layer.code, "accumulation"))
        # an amount that does not fit: the last process gets 5 % more than it passes on
        flows.append(FlowSpec(BOUNDARY, codes[-1] if codes[-1] != dsm else codes[-2], layer.code,
                              {y: 50.0 for y in years}))
    # accumulation stocks keep whatever is left, so the deliberate imbalance must sit at a process
    # without one: drop the stock of one process per layer
    stocks = [s for s in stocks if not (s.process == codes[1] and s.kind == "accumulation")]
    return SystemDefinition(name=f"Bench {n_proc}x{n_layers}x{n_years}", years=years, layers=tuple(layers),
                            processes=(Process(BOUNDARY),) + tuple(Process(c, f"Process {c}") for c in codes),
                            flows=tuple(flows), stocks=tuple(stocks))


def timed(fn, repeat: int):
    times, out = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, default=200)
    parser.add_argument("--layers", type=int, default=5)
    parser.add_argument("--years", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)

    from circularcities.core.mfa import system as core

    defn = synthetic(args.processes, args.layers, args.years)
    print(f"system: {args.processes} processes x {args.layers} layers x {args.years} years: "
          f"{len(defn.flows):,} flows, {len(defn.stocks):,} stocks")
    t_compute, result = timed(lambda: core.compute(defn), args.repeat)
    open_issues = {(i.process, i.layer) for i in result.issues}
    print(f"core: balance (shares solved, stocks run, every process x layer x year checked): "
          f"{t_compute * 1000:.0f} ms; {len(result.issues)} imbalances at {sorted(open_issues)[:3]} ...")
    t_sankey, data = timed(lambda: [core.sankey(result, lay.code, defn.years[-1]) for lay in defn.layers],
                           args.repeat)
    print(f"core: Sankey data of every layer: {t_sankey * 1000:.1f} ms "
          f"({sum(len(d['links']['value']) for d in data):,} links)")

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    from circularcities.coalition.models import City
    from circularcities.site.demo import load_demo
    from circularcities.systems import services

    load_demo(log=lambda *a, **k: None)
    city = City.objects.get(slug="amsterdam")
    t0 = time.perf_counter()
    system = services.import_system(city, defn, None, language="en")
    t_import = time.perf_counter() - t0
    services.update_system(system, None, published=True)
    print(f"import through the service (all rows, balance recomputed in the same transaction): "
          f"{t_import:.2f} s")

    from circularcities.core.reports import to_pdf
    from circularcities.systems.report import build_report

    t_pdf, pdf = timed(lambda: to_pdf(build_report(system, services.result_of(system, "en"), defn.years[-1])), 1)
    print(f"PDF report with one Sankey per layer: {t_pdf:.2f} s, {len(pdf) / 1024:.0f} KiB")

    client = Client()
    url = f"/systems/{system.pk}/?layer={defn.layers[0].code}&year={defn.years[-1]}"
    base_t, base_q = measure(client, "/healthz", args.repeat * 2)
    page_t, page_q = measure(client, url, args.repeat)
    cold = []
    for _ in range(3):  # as after a change: the result is computed again
        services._RESULTS.clear()
        t0 = time.perf_counter()
        client.get(url)
        cold.append(time.perf_counter() - t0)
    cold_t = statistics.median(cold)
    print(f"{'page':>10} {'ms':>9} {'queries':>8}")
    print(f"{'/healthz':>10} {base_t * 1000:>9.2f} {base_q:>8}")
    print(f"{'system':>10} {page_t * 1000:>9.0f} {page_q:>8}  (result kept for the version)")
    print(f"{'  cold':>10} {cold_t * 1000:>9.0f} {'':>8}  (computed again, as after a change)")
    print(f"ratio system / healthz: {page_t / base_t:,.0f}; cold: {cold_t / base_t:,.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
