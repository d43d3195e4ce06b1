"""``circularcities repair import FILE.csv [--json] [--skip-invalid] [--place SLUG]``.

Reads a repair log in the Open Repair Data Standard (ORDS 0.3) and prints what
it holds: ``{"records": N, "by_status": {...}, "by_category": {...},
"refused": [{"line": n, "reason": "..."}]}`` (line 1 is the header).

What "imported" means here:

* without ``--place`` the file is checked and counted, nothing is stored
  (``records`` is what an import would store);
* with ``--place SLUG`` the records are stored in the repair log of that place
  of the reuse directory (a repair café, say), in one transaction, through the
  same service the web import uses.

A row with an unknown repair status, an impossible date, no id or an id seen
earlier in the file is refused. With refused rows nothing is imported
(``records`` is 0, exit code 1) unless ``--skip-invalid`` is given; then the
valid rows are.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from circularcities.core.errors import DataImportError, Problem


def register(sub: Any) -> None:
    p = sub.add_parser("repair", help="repair logs in the Open Repair Data Standard (ORDS 0.3)")
    cmds = p.add_subparsers(dest="repair_command", metavar="SUBCOMMAND", required=True)
    imp = cmds.add_parser(
        "import", help="check an ORDS CSV file, count it by status and category, optionally store it",
        description="Check an ORDS 0.3 CSV file (as the Open Repair Alliance publishes it) and count "
        "its records by repair status and product category. With --place, store them in that "
        "place's repair log. Refused rows are listed by line; with any, nothing is imported "
        "unless --skip-invalid is given.")
    imp.add_argument("file", metavar="FILE.csv")
    imp.add_argument("--json", action="store_true", help="print the result as JSON")
    imp.add_argument("--skip-invalid", action="store_true",
                     help="import the valid rows even when some are refused")
    imp.add_argument("--place", metavar="SLUG", default=None,
                     help="store the records in this directory place's repair log (a repair café)")
    imp.set_defaults(func=cmd_import)


def cmd_import(args: argparse.Namespace) -> int:
    from circularcities.core.repair import import_report, parse_ords

    path = Path(args.file)
    if not path.is_file():
        raise DataImportError([Problem(f"No file at {path}.")])
    result = parse_ords(path.read_bytes(), path.name, today=date.today())
    report = import_report(result, skip_invalid=args.skip_invalid)
    imported = bool(report["records"])
    if args.place and imported:
        from circularcities.site.bootstrap import ensure_database

        ensure_database(load_demo_if_new=False)
        from circularcities.reuse.services import store_repair_records

        store_repair_records(None, args.place, result.records)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        where = f" into {args.place}" if args.place else " (checked; add --place SLUG to store them)"
        print(f"{report['records']} record(s) imported{where}.")
        for status, n in report["by_status"].items():
            print(f"  {status:<12} {n:>7}")
        for refusal in report["refused"][:50]:
            print(f"line {refusal['line']}: {refusal['reason']}", file=sys.stderr)
        if len(report["refused"]) > 50:
            print(f"... and {len(report['refused']) - 50} more refused line(s).", file=sys.stderr)
    return 1 if result.refused and not args.skip_invalid else 0
