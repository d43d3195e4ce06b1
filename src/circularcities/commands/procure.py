"""``circularcities procure compare ITEMS.csv [--json]``.

Compares the alternatives of each item by life-cycle carbon (EN 15804 /
EN 15978 modules). ``ITEMS.csv`` (or .xlsx) has columns
``item,alternative,module,quantity,unit,kgco2e_per_unit``; the first
alternative of each item is the reference; the chosen one has the lowest A-C
total; module D is shown apart and never added. Every bad row is reported by
line, and nothing is computed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from circularcities.core.errors import DataImportError, Problem


def register(subparsers: Any) -> None:
    """Add the ``procure`` sub-command."""
    p = subparsers.add_parser("procure", help="circular procurement: compare alternatives by "
                              "life-cycle carbon", description="Circular procurement tools.")
    sub = p.add_subparsers(dest="procure_command", metavar="ACTION")
    c = sub.add_parser("compare", help="compare the alternatives of each item (EN 15804 modules)",
                       description="Columns: item,alternative,module,quantity,unit,kgco2e_per_unit "
                       "(optional source,generic). The first alternative of each item is the "
                       "reference; the chosen one has the lowest A-C total (kg CO2e); module D "
                       "is shown apart, never in the total.")
    c.add_argument("items", metavar="ITEMS.csv")
    c.add_argument("--json", action="store_true", help="print the comparison as JSON")
    c.set_defaults(func=run_compare)
    p.set_defaults(func=lambda args: (p.print_help(), 2)[1])


def run_compare(args: argparse.Namespace) -> int:
    """Run ``procure compare``; errors are raised for ``cli.main``."""
    from circularcities.core.procurement import compare_items, read_items, total_saving_kgco2e

    path = Path(args.items)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DataImportError([Problem(f"Cannot read {path}: {exc.strerror or exc}.")]) from None
    results = compare_items(read_items(data, path.name))
    if args.json:
        json.dump({"items": [r.as_dict() for r in results]}, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    for r in results:
        print(f"{r.item.name}: chosen {r.chosen.alternative.name} "
              f"(reference {r.reference.alternative.name}, saving {r.saving_kgco2e:,.1f} kg CO2e)")
        for a in r.results:
            d = "not declared" if a.module_d_kgco2e is None else f"{a.module_d_kgco2e:,.1f} kg CO2e"
            mark = "*" if a is r.chosen else " "
            print(f"  {mark} {a.alternative.name}: A-C {a.total_a_c_kgco2e:,.1f} kg CO2e; "
                  f"module D (apart) {d}")
    print(f"Total saving against the references: {total_saving_kgco2e(results):,.1f} kg CO2e")
    return 0
