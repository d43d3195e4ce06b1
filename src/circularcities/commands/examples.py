"""``circularcities examples DIR``: write the sample files the README's commands use."""

from __future__ import annotations

import argparse
import shutil
import sys
from importlib.resources import files
from pathlib import Path

# (name written, package holding it, name there, command it is for)
SAMPLES = [
    ("offers.csv", "circularcities.data.examples", "offers.csv", "match"),
    ("wants.csv", "circularcities.data.examples", "wants.csv", "match"),
    ("stock_model.json", "circularcities.data.examples", "stock_model.json", "mfa stock"),
    ("flows.csv", "circularcities.data.examples", "flows.csv", "mfa check"),
    ("collection.vrp", "circularcities.data.examples", "collection.vrp", "route solve"),
    ("scenario.xlsx", "circularcities.data.routing_demo", "scenario.xlsx", "route plan"),
    ("README.md", "circularcities.data.examples", "README.md", "what each file is"),
]


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("examples", help="write sample input files for the commands into DIR",
                       description="Write the sample files used by the README's commands "
                       "(match, mfa stock, mfa check, route solve, route plan) into DIR.")
    p.add_argument("dir", metavar="DIR", help="folder to write into (created if missing)")
    p.add_argument("--force", action="store_true", help="replace files that exist already")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    target = Path(args.dir)
    if target.exists() and not target.is_dir():
        print(f"error: {target} exists and is not a folder.", file=sys.stderr)
        return 1
    existing = [name for name, *_ in SAMPLES if (target / name).exists()]
    if existing and not args.force:
        print(f"error: {target} already has {', '.join(existing)}; add --force to replace them.",
              file=sys.stderr)
        return 1
    target.mkdir(parents=True, exist_ok=True)
    for name, package, source, _purpose in SAMPLES:
        with files(package).joinpath(source).open("rb") as src, (target / name).open("wb") as dst:
            shutil.copyfileobj(src, dst)
    print(f"Wrote {len(SAMPLES)} files to {target}:")
    for name, _package, _source, purpose in SAMPLES:
        print(f"  {name:<18} {purpose}")
    d = str(target)
    print("Try:")
    print(f"  circularcities match {d}/offers.csv {d}/wants.csv --max-km 50")
    print(f"  circularcities mfa stock {d}/stock_model.json")
    print(f"  circularcities mfa check {d}/flows.csv")
    print(f"  circularcities route solve {d}/collection.vrp --seconds 2")
    print(f"  circularcities route plan {d}/scenario.xlsx --seconds 2 --out {d}/plan.xlsx")
    return 0
