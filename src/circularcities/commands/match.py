"""``circularcities match OFFERS.csv WANTS.csv [--max-km K] [--json]``.

Reads offers and wants (columns ``id,material,quantity_t,lat,lon``), computes
the exact exchange plan (most tonnes, then fewest tonne-km) and prints it as a
table or as JSON. Bad rows in either file are all reported, by file, line and
column, and nothing is computed.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from circularcities.core.errors import DataImportError, Problem

PROGRESS_MIN_COMPONENTS = 50
"""Show a progress bar only when there are at least this many components."""

LARGE_RUN_LISTINGS = 100_000
"""From this many listings, say on stderr what the long steps before the bar are."""

LOCAL_MAX_ROWS = 5_000_000
"""Default of ``--max-rows``: files on the user's own disk are not uploads."""


def register(subparsers: Any) -> None:
    """Add the ``match`` sub-command."""
    p = subparsers.add_parser(
        "match", help="match offers with wants (most tonnes, then fewest tonne-km)",
        description="Exact materials-marketplace matching: first maximise the tonnes "
        "exchanged, then minimise tonne-kilometres. CSV columns: id,material,quantity_t,"
        "lat,lon (tonnes, WGS84 degrees).")
    p.add_argument("offers", metavar="OFFERS.csv")
    p.add_argument("wants", metavar="WANTS.csv")
    p.add_argument("--max-km", type=float, default=None,
                   help="largest great-circle distance of an exchange, km (default: no limit)")
    p.add_argument("--compatibility", metavar="CSV", default=None,
                   help="table of extra allowed pairs offer_material,want_material; "
                   "'default' for the packaged table (default: identical materials only)")
    p.add_argument("--workers", type=int, default=1,
                   help="threads solving independent components in parallel (default 1)")
    p.add_argument("--distributed", action="store_true",
                   help="hand the independent components to the job workers "
                   "(`circularcities worker`, on any machine sharing the database) and "
                   "gather the plan; the same plan")
    p.add_argument("--batches", type=int, default=None,
                   help="with --distributed: at least this many jobs (default 8)")
    p.add_argument("--max-rows", type=int, default=LOCAL_MAX_ROWS,
                   help=f"most listings read from each file (default {LOCAL_MAX_ROWS:,}); "
                   "the memory guard still refuses a problem that does not fit")
    p.add_argument("--json", action="store_true", help="print the plan as JSON")
    p.set_defaults(func=run)


def _progress_bar():
    state: dict[str, Any] = {}

    def update(done: int, total: int) -> None:
        if total < PROGRESS_MIN_COMPONENTS:
            return
        if "bar" not in state:
            from tqdm import tqdm

            state["bar"] = tqdm(total=total, unit="component", file=sys.stderr,
                                desc="matching", leave=False)
        state["bar"].update(1)
        if done == total:
            state["bar"].close()

    return update


def run(args: argparse.Namespace) -> int:
    """Run the command; returns the exit code (errors are raised for ``cli.main``)."""
    from circularcities.core.matching import match, read_compatibility_csv, read_listings_csv
    from circularcities.core.matching.csv_io import local_file_limits

    if args.max_km is not None and not args.max_km >= 0:
        raise DataImportError([Problem(f"Expected --max-km >= 0 km, got {args.max_km}.")])
    if not 1 <= args.max_rows <= 100_000_000:
        raise DataImportError([Problem(f"Expected --max-rows between 1 and 100,000,000, got {args.max_rows}.")])
    limits = local_file_limits(args.max_rows)
    problems: list[Problem] = []
    sides = []
    for path in (args.offers, args.wants):
        try:
            sides.append(read_listings_csv(path, limits))
        except DataImportError as exc:
            problems.extend(exc.problems)
        except OSError as exc:
            problems.append(Problem(f"Expected a readable CSV file: {exc.strerror}.",
                                    sheet=str(path)))
    if problems:
        raise DataImportError(problems)
    compatibility = None
    if args.compatibility is not None:
        compatibility = read_compatibility_csv(
            None if args.compatibility == "default" else args.compatibility)
    offers, wants = sides
    if len(offers) + len(wants) >= LARGE_RUN_LISTINGS:
        print(f"{len(offers):,} offers and {len(wants):,} wants read; finding candidate pairs "
              "and independent components...", file=sys.stderr, flush=True)
    if args.distributed:
        plan = _distributed(args, offers, wants, compatibility)
    else:
        plan = match(offers, wants, max_km=args.max_km, compatibility=compatibility,
                     progress=_progress_bar(), workers=max(1, args.workers))
    if args.json:
        out = {"matched_t": plan.matched_t, "tonne_km": plan.tonne_km,
               "matches": [{"offer": m.offer, "want": m.want, "quantity_t": m.quantity_t,
                            "distance_km": m.distance_km} for m in plan.matches]}
        print(json.dumps(out, ensure_ascii=False))
        return 0
    limit = "no limit" if args.max_km is None else f"max {args.max_km:g} km"
    print(f"{len(offers)} offers, {len(wants)} wants, {limit}: "
          f"{plan.matched_t:,.3f} t matched, {plan.tonne_km:,.1f} t·km, "
          f"{len(plan.matches)} exchanges")
    if plan.matches:
        wo = max(5, *(len(m.offer) for m in plan.matches))
        ww = max(4, *(len(m.want) for m in plan.matches))
        print(f"{'offer':<{wo}}  {'want':<{ww}}  {'tonnes':>12}  {'km':>9}  {'t·km':>12}")
        for m in plan.matches:
            print(f"{m.offer:<{wo}}  {m.want:<{ww}}  {m.quantity_t:>12.3f}  "
                  f"{m.distance_km:>9.2f}  {m.tonne_km:>12.1f}")
    return 0


def _distributed(args: argparse.Namespace, offers, wants, compatibility):
    """The plan with its components solved by the job workers on the platform's database."""
    from circularcities.site import bootstrap

    bootstrap.setup_django()
    if bootstrap.pending_migrations()[0]:
        raise DataImportError([Problem("The database needs migrating; run `circularcities "
                                       "setup` first.")])
    from circularcities.marketplace.distributed import DEFAULT_BATCHES, distributed_match

    batches = DEFAULT_BATCHES if args.batches is None else args.batches
    if not 1 <= batches <= 10_000:
        raise DataImportError([Problem(f"Expected --batches from 1 to 10,000, got {batches}.")])
    return distributed_match(offers, wants, max_km=args.max_km, compatibility=compatibility,
                             batches=batches)
