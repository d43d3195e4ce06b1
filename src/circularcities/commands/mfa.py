"""``circularcities mfa``: dynamic stocks and mass-balance checks from the command line.

- ``circularcities mfa stock MODEL.json [--json]``: MODEL.json is
  ``{"years": [...], "inflow": [...], "lifetime": {...}}`` (or ``"stock"`` instead
  of ``"inflow"``); prints years, stock, inflow and outflow.
- ``circularcities mfa check FLOWS.csv [--rtol R] [--atol A]``: lists every
  imbalance (exit 1) or says the system balances (exit 0).
- ``circularcities mfa system SYSTEM.json|SYSTEM.xlsx [--json]``: a user-defined system
  (flodym-style JSON or the Excel template): balance status and every imbalance with its
  process, layer, year, amount and share; exit 1 while one is not accepted.
"""

from __future__ import annotations

import argparse
import json

from circularcities.commands.files import read_bytes
from circularcities.core.errors import DataImportError, Problem, ValidationError


def register(subparsers) -> None:
    """Add the ``mfa`` command and its sub-commands."""
    parser = subparsers.add_parser("mfa", help="Urban metabolism: dynamic stocks, mass balance.")
    sub = parser.add_subparsers(dest="mfa_command", metavar="SUBCOMMAND")
    parser.set_defaults(func=lambda args: (parser.print_help(), 2)[1])

    stock = sub.add_parser("stock", help="Run a dynamic stock model from a JSON file.")
    stock.add_argument("model", help='JSON: {"years": [...], "inflow"|"stock": [...], "lifetime": {...}}')
    stock.add_argument("--json", action="store_true", help="Print JSON instead of a table.")
    stock.set_defaults(func=run_stock)

    check = sub.add_parser("check", help="Check the mass balance of a flows CSV.")
    check.add_argument("flows", help="CSV with origin,destination,year,layer,material,value,unit.")
    check.add_argument("--rtol", type=float, default=1e-6, help="Relative tolerance (default 1e-6).")
    check.add_argument("--atol", type=float, default=1e-6, help="Absolute tolerance (default 1e-6).")
    check.set_defaults(func=run_check)

    system = sub.add_parser("system", help="Balance a user-defined system (flodym-style JSON or Excel).")
    system.add_argument("definition", help="SYSTEM.json (as the platform exports it) or SYSTEM.xlsx (template).")
    system.add_argument("--json", action="store_true", help="Print JSON instead of text.")
    system.set_defaults(func=run_system)


def _load_model(path: str) -> dict:
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except OSError as exc:
        raise DataImportError([f"Expected a readable file at {path}: {exc.strerror}."]) from exc
    except json.JSONDecodeError as exc:
        raise DataImportError([Problem(f"Expected valid JSON: {exc.msg}.", row=exc.lineno)]) from exc
    if not isinstance(data, dict):
        raise DataImportError(["Expected a JSON object with years, inflow or stock, and lifetime."])
    unknown = sorted(set(data) - {"years", "inflow", "stock", "lifetime"})
    if unknown:
        raise DataImportError([Problem(f"Expected only years, inflow, stock and lifetime; "
                                       f"got {', '.join(unknown)}.", column=unknown[0])])
    return data


def run_stock(args: argparse.Namespace) -> int:
    from circularcities.core.mfa.stock import compute_stock

    data = _load_model(args.model)
    try:
        result = compute_stock(data.get("years", []), inflow=data.get("inflow"),
                               stock=data.get("stock"), lifetime=data.get("lifetime"))
    except ValidationError as exc:
        raise DataImportError([Problem(str(exc), sheet=args.model)]) from exc
    if args.json:
        print(json.dumps(result.as_dict()))
        return 0
    print(f"{'year':>6} {'inflow':>14} {'outflow':>14} {'stock':>14}")
    for y, i, o, s in zip(result.years, result.inflow, result.outflow, result.stock, strict=True):
        print(f"{y:>6} {i:>14.3f} {o:>14.3f} {s:>14.3f}")
    return 0


def run_check(args: argparse.Namespace) -> int:
    from circularcities.core.mfa.io import read_flows_csv

    try:
        model = read_flows_csv(args.flows)
    except OSError as exc:
        raise DataImportError([f"Expected a readable file at {args.flows}: {exc.strerror}."]) from exc
    found = model.imbalances(rtol=args.rtol, atol=args.atol)
    if not found:
        print(f"The system balances: {len(model.flows)} flows, {len(model.stock_changes)} stock "
              f"changes, years {', '.join(map(str, model.years)) or 'none'}.")
        return 0
    print(f"{len(found)} imbalance(s) (inflow - outflow - stock change):")
    for imb in found:
        print(f"  {imb.process} {imb.year} {imb.layer}: {imb.imbalance:+.6g} {imb.unit} "
              f"(in {imb.inflow:.6g}, out {imb.outflow:.6g}, stock change {imb.stock_change:.6g})")
    return 1


def run_system(args: argparse.Namespace) -> int:
    from circularcities.core.mfa.system import compute
    from circularcities.core.mfa.system_io import from_json, read_xlsx

    path = args.definition
    data = read_bytes(path)
    if path.lower().endswith(".json"):
        try:
            doc = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise DataImportError([Problem(f"Expected JSON in UTF-8: {exc}.", sheet=path)]) from exc
        defn = from_json(doc)
    else:
        defn = read_xlsx(data, path)
    try:
        result = compute(defn)
    except ValidationError as exc:
        raise DataImportError([Problem(str(exc), sheet=path)]) from exc
    if args.json:
        print(json.dumps({"status": result.status, "issues": [i.as_dict() for i in result.issues]}))
    else:
        print(f"{defn.name}: {len(defn.processes) - 1} processes, {len(defn.layers)} layers, "
              f"{defn.years[0]}-{defn.years[-1]}: {result.status}")
        for i in result.issues:
            print(f"  {i.process} {i.layer} {i.year}: {i.amount:+.6g} {i.imbalance.unit} "
                  f"({100 * i.share:.1f} %){' accepted: ' + i.reason if i.accepted else ''}")
    return 1 if result.status in ("warning", "blocked") else 0
