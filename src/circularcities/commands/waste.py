"""``circularcities waste``: waste-stream rates from the command line.

- ``circularcities waste rates STREAMS.csv [--json]``: STREAMS.csv has the columns
  ``stream,year,generated_t,reuse_t,recycling_t,composting_t,energy_recovery_t,incineration_t,landfill_t,other_t``
  (tonnes). Prints each row's recycling, energy-recovery, incineration, landfill and other
  rates (fractions of generated) and its untreated tonnes. A row whose routes add up to more
  than generated (beyond 0.001 t) or with a negative figure is reported by line (line 1 is the
  header) and nothing is computed (exit 1).
"""

from __future__ import annotations

import argparse
import json
import sys

from circularcities.commands.files import read_bytes
from circularcities.core.errors import DataImportError

OUTPUT_KEYS = ("recycling_rate", "energy_recovery_rate", "incineration_rate", "landfill_rate", "other_rate")


def register(subparsers) -> None:
    """Add the ``waste`` command and its sub-commands."""
    parser = subparsers.add_parser("waste", help="Waste streams: recycling, recovery and landfill rates.")
    sub = parser.add_subparsers(dest="waste_command", metavar="SUBCOMMAND")
    parser.set_defaults(func=lambda args: (parser.print_help(), 2)[1])
    rates = sub.add_parser("rates", help="Rates of each stream of a CSV file.")
    rates.add_argument("streams", help="CSV with stream,year,generated_t,reuse_t,recycling_t,composting_t,"
                                       "energy_recovery_t,incineration_t,landfill_t,other_t (tonnes).")
    rates.add_argument("--json", action="store_true", help="Print JSON instead of a table.")
    rates.set_defaults(func=run_rates)


def _round(x: float | None, digits: int) -> float | None:
    return None if x is None else round(x, digits)


def compute(data: bytes, filename: str) -> list[dict]:
    """The output rows for the bytes of a rates CSV (raises DataImportError for any bad row)."""
    from circularcities.core.waste import rates
    from circularcities.core.waste.io import read_rates_file

    out = []
    for row in read_rates_file(data, filename):
        r = rates(row.stream)
        item: dict = {"stream": row.stream.stream, "year": row.stream.year}
        for key in OUTPUT_KEYS:
            item[key] = _round(getattr(r, key), 6)
        item["untreated_t"] = round(r.untreated_t, 3)
        out.append(item)
    return out


def run_rates(args: argparse.Namespace) -> int:
    data = read_bytes(args.streams)
    try:
        rows = compute(data, args.streams)
    except DataImportError as exc:
        if not args.json:
            raise
        errors = [{"line": p.row, "column": p.column, "reason": p.message} for p in exc.problems]
        print(json.dumps({"errors": errors}, ensure_ascii=False))
        for p in exc.problems:
            print(f"error: {p}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps({"rows": rows}, ensure_ascii=False))
        return 0

    def pct(x):
        return "-" if x is None else f"{100 * x:.1f}%"

    print(f"{'stream':<30} {'year':>4} {'recycling':>9} {'energy':>7} {'incin.':>7} {'landfill':>8} "
          f"{'other':>7} {'untreated t':>14}")
    for r in rows:
        print(f"{r['stream'][:30]:<30} {r['year']:>4} {pct(r['recycling_rate']):>9} "
              f"{pct(r['energy_recovery_rate']):>7} {pct(r['incineration_rate']):>7} "
              f"{pct(r['landfill_rate']):>8} {pct(r['other_rate']):>7} {r['untreated_t']:>14,.3f}")
    return 0
