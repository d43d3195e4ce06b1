"""The ``circularcities`` command.

Sub-commands live in :mod:`circularcities.commands`; each module registers
its own parser so the capabilities stay apart.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from circularcities.commands import COMMAND_MODULES
from circularcities.core.errors import CircularCitiesError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="circularcities",
        description="Circular Cities Platform: run the coalition, diagnose cities, "
        "match by-products, plan collection routes.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"circularcities.commands.{name}")
        except ModuleNotFoundError as exc:  # a capability not built yet
            if exc.name == f"circularcities.commands.{name}":
                continue
            raise
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except CircularCitiesError as exc:
        print(f"error: {exc}", file=sys.stderr)
        for problem in getattr(exc, "problems", [])[5:]:
            print(f"  {problem}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
