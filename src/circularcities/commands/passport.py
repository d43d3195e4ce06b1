"""``circularcities passport``: materials passports of buildings from the command line.

- ``circularcities passport mci COMPONENTS.csv [--json] [--method 2015|2019]``: the
  Material Circularity Indicator per component and mass-weighted for the building.
  Columns: ``id,mass_kg,recycled_in,reused_in,sustained_bio_in,recycled_out,reused_out,
  composted_out,energy_out,eff_collection,eff_feedstock,lifetime_ratio,use_ratio``.
  A bad line is reported by its number and nothing is computed (exit 1).
- ``circularcities passport ifc MODEL.ifc [--json]``: the components an IFC model
  gives (elements, materials, mass where the model states it) and what it lacks.
"""

from __future__ import annotations

import argparse
import json

from circularcities.commands.files import read_bytes


def register(subparsers) -> None:
    """Add the ``passport`` command and its sub-commands."""
    parser = subparsers.add_parser("passport", help="Buildings as material banks: circularity scores.")
    sub = parser.add_subparsers(dest="passport_command", metavar="SUBCOMMAND")
    parser.set_defaults(func=lambda args: (parser.print_help(), 2)[1])

    mci = sub.add_parser("mci", help="Material Circularity Indicator of components (CSV/XLSX).")
    mci.add_argument("components", help="CSV with id,mass_kg,recycled_in,reused_in,sustained_bio_in,"
                     "recycled_out,reused_out,composted_out,energy_out,eff_collection,"
                     "eff_feedstock,lifetime_ratio,use_ratio.")
    mci.add_argument("--json", action="store_true", help="Print JSON instead of a table.")
    mci.add_argument("--method", choices=("2015", "2019"), default="2019",
                     help="Ellen MacArthur Foundation methodology version (default 2019).")
    mci.set_defaults(func=run_mci)

    ifc = sub.add_parser("ifc", help="Components and missing figures of an IFC model.")
    ifc.add_argument("model", help="An IFC file (STEP text).")
    ifc.add_argument("--json", action="store_true", help="Print JSON instead of a list.")
    ifc.set_defaults(func=run_ifc)


def run_mci(args: argparse.Namespace) -> int:
    from circularcities.core.passport import building
    from circularcities.core.passport.csv_io import read_flows

    data = read_bytes(args.components)
    flows = read_flows(data, args.components, args.method)
    result = building(flows, args.method)
    if args.json:
        print(json.dumps({
            "components": [{"id": r.id, "mci": r.mci, "lfi": r.lfi, "utility": r.utility,
                            "virgin_kg": r.virgin_kg, "waste_kg": r.waste_kg}
                           for r in result.components],
            "building_mci": result.mci}))
        return 0
    print(f"{'id':<20} {'mass kg':>12} {'V kg':>12} {'W kg':>12} {'LFI':>7} {'X':>7} {'MCI':>6}")
    for r in result.components:
        print(f"{r.id[:20]:<20} {r.mass_kg:>12.1f} {r.virgin_kg:>12.1f} {r.waste_kg:>12.1f} "
              f"{r.lfi:>7.3f} {r.utility:>7.3f} {r.mci:>6.3f}")
    print(f"Building MCI (mass-weighted, method {args.method}): {result.mci:.3f}")
    return 0


def run_ifc(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from circularcities.core.passport.ifc import read_ifc

    data = read_bytes(args.model)
    found = read_ifc(data, args.model)
    if args.json:
        print(json.dumps({"components": [asdict(c) for c in found]}))
        return 0
    for c in found:
        masses = ", ".join(f"{m['material']} {m['mass_kg']:.1f} kg" if m["mass_kg"] is not None
                           else f"{m['material']} (mass missing)" for m in c.materials)
        print(f"{c.reference}  {c.classification}  {c.name}: {masses}")
        for why in c.missing:
            print(f"    missing {why}")
    return 0
