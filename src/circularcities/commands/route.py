"""``circularcities route``: collection routes and plan comparison.

Sub-commands:

``solve INSTANCE.vrp``   solve a VRPLIB/CVRPLIB instance with PyVRP;
``plan SCENARIO.xlsx``   solve a planner's scenario and compare its plans;
``template OUT.xlsx``    write an empty scenario workbook.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from contextlib import contextmanager

from circularcities.core.errors import ValidationError


@contextmanager
def _progress_bar(enabled: bool, desc: str):
    """Yield a progress callback drawing a tqdm bar on stderr (or None)."""
    if not enabled:
        yield None
        return
    from tqdm import tqdm

    bar = tqdm(total=100, desc=desc, file=sys.stderr, unit="%", leave=False, mininterval=0.5,
               bar_format="{desc} {percentage:3.0f}%|{bar}| {elapsed}<{remaining} {postfix}")

    def update(p) -> None:
        done = int(round(p.fraction * 100))
        if done > bar.n:
            bar.update(done - bar.n)
        bar.set_postfix_str(("best " + f"{p.best_cost:,.0f}" if p.best_cost is not None
                             else "searching") + (f" [{p.label}]" if p.label else ""),
                            refresh=False)

    try:
        yield update
    finally:
        bar.close()


def _positive_seconds(text: str) -> float:
    value = float(text)
    if not value > 0 or not math.isfinite(value):
        raise argparse.ArgumentTypeError("expected a number of seconds > 0")
    return value


def _solve(args: argparse.Namespace) -> int:
    from circularcities.core.routing import solve_vrplib

    with _progress_bar(not args.quiet, "solving") as progress:
        result = solve_vrplib(args.instance, seconds=args.seconds, seed=args.seed,
                              progress=progress)
    if args.json:
        print(json.dumps({"cost": result["cost"], "routes": result["routes"]}))
        return 0 if result["feasible"] else 1
    if not result["feasible"]:
        print("No feasible solution found in the time given.")
        return 1
    print(f"Instance: {args.instance}")
    print(f"Cost: {result['cost']}  ({len(result['routes'])} routes, "
          f"{sum(len(r) for r in result['routes'])} customers)")
    for n, route in enumerate(result["routes"], start=1):
        print(f"Route #{n}: {' '.join(map(str, route))}")
    return 0


def _plan(args: argparse.Namespace) -> int:
    from circularcities.core.routing import (
        compare_all_partitions,
        compare_partitions,
        read_scenario_workbook,
        write_result,
    )

    scenario, settings = read_scenario_workbook(args.scenario)
    seconds = args.seconds or settings.get("seconds") or 5.0
    seed = args.seed if args.seed is not None else int(settings.get("seed", 0))
    if not seconds > 0:
        raise ValidationError(f"Expected seconds > 0, got {seconds!r}.")
    with _progress_bar(not args.quiet, "planning") as progress:
        if args.all_partitions:
            comparison = compare_all_partitions(scenario, seconds, seed=seed,
                                                allow_large=args.allow_large, progress=progress)
        else:
            comparison = compare_partitions(scenario, None, seconds, seed=seed,
                                            progress=progress)
    if args.out:
        write_result(args.out, scenario, comparison)
    if args.json:
        print(json.dumps({"currency": comparison.currency, "cheapest": comparison.cheapest.name,
                          "saving": comparison.saving, "saving_pct": comparison.saving_pct,
                          "table": comparison.table()}, default=str))
        return 0
    cur = comparison.currency
    print(f"Scenario: {scenario.name or args.scenario} ({len(scenario.points)} points, "
          f"{scenario.total_quantity_t:,.2f} t/day, {seconds:g} s per group)")
    print(f"{'plan / group':<44} {'km':>8} {'drive h':>8} {'veh':>4} "
          f"{'cost ' + cur:>12} {cur + '/t':>9} {'kg CO2e':>9}")
    for row in comparison.table():
        name = f"{row['plan']}" if row["group"] == "TOTAL" else f"  {row['group']}"
        print(f"{name[:44]:<44} {row['distance_km']:>8.1f} {row['driving_h']:>8.2f} "
              f"{row['vehicles']:>4d} {row['cost']:>12,.0f} {row['cost_per_t']:>9,.0f} "
              f"{row['co2e_kg']:>9.1f}")
    print(comparison.summary())
    if args.out:
        print(f"Wrote {args.out} (sheets: comparison, routes, stops).")
    return 0


def _template(args: argparse.Namespace) -> int:
    from circularcities.core.routing import write_template

    write_template(args.out)
    print(f"Wrote the empty scenario template {args.out}.")
    return 0


def register(subparsers) -> None:
    """Add the ``route`` command and its sub-commands."""
    route = subparsers.add_parser(
        "route", help="plan collection routes (PyVRP) and compare joint plans",
        description="Plan waste collection routes and compare plans in which municipalities "
                    "collect alone or together.")
    route.set_defaults(func=lambda args: (route.print_help(), 2)[1])
    sub = route.add_subparsers(dest="route_command", metavar="SUBCOMMAND")

    solve = sub.add_parser("solve", help="solve a VRPLIB/CVRPLIB instance",
                           description="Solve a VRPLIB instance with PyVRP. Routes list the "
                                       "file's node ids, depot left out.")
    solve.add_argument("instance", help="instance file (.vrp)")
    solve.add_argument("--seconds", type=_positive_seconds, default=10.0,
                       help="time limit in seconds (default 10)")
    solve.add_argument("--seed", type=int, default=0, help="search seed (default 0)")
    solve.add_argument("--json", action="store_true",
                       help='print {"cost": ..., "routes": [[...], ...]}')
    solve.add_argument("--quiet", action="store_true", help="no progress bar")
    solve.set_defaults(func=_solve)

    plan = sub.add_parser("plan", help="solve a scenario workbook and compare its plans",
                          description="Solve each plan of a scenario workbook (see 'route "
                                      "template') and rank the plans by daily cost.")
    plan.add_argument("scenario", help="scenario workbook (.xlsx)")
    plan.add_argument("--seconds", type=_positive_seconds, default=None,
                      help="search time per plan group (default: settings sheet, else 5)")
    plan.add_argument("--seed", type=int, default=None, help="search seed")
    plan.add_argument("--out", help="write the result workbook here (.xlsx)")
    plan.add_argument("--all-partitions", action="store_true",
                      help="compare every way of grouping the municipalities instead of "
                           "the plans sheet (at most 4 municipalities)")
    plan.add_argument("--allow-large", action="store_true",
                      help="with --all-partitions, accept more than 4 municipalities")
    plan.add_argument("--json", action="store_true", help="print the comparison as JSON")
    plan.add_argument("--quiet", action="store_true", help="no progress bar")
    plan.set_defaults(func=_plan)

    template = sub.add_parser("template", help="write an empty scenario workbook")
    template.add_argument("out", help="where to write it (.xlsx)")
    template.set_defaults(func=_template)
