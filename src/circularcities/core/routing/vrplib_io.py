"""Standard VRPLIB / CVRPLIB instances.

Conventions (TSPLIB, Reinelt 1995; CVRPLIB, Uchoa et al. 2017):
``EUC_2D`` distances are the Euclidean distance rounded to the nearest
integer, ``nint(x) = floor(x + 0.5)``. ``vrplib.read_instance`` returns the
*unrounded* Euclidean distances for ``EUC_2D`` (it rounds only
``EXACT_2D``, ``FLOOR_2D`` and ``CEIL_2D``), so the rounding is applied
here; best-known costs of the X instances are only reproduced with it.

Node numbering: routes use the node ids of the file (the depot is usually
node 1 and is left out of routes; customers keep their file numbers).
CVRPLIB ``.sol`` files number customers from 1 with the depot as 0, i.e.
file id - 1; :func:`read_vrplib_solution` converts them.
"""

from __future__ import annotations

import os
from collections.abc import Callable

import numpy as np
import pyvrp
import vrplib
from pyvrp import solve as pyvrp_solve

from circularcities.core.errors import DataImportError, ValidationError

from .result import Progress
from .solver import ProgressStop


def nint(values: np.ndarray) -> np.ndarray:
    """TSPLIB nearest-integer rounding, ``floor(x + 0.5)``, as int64."""
    return np.floor(np.asarray(values, dtype=float) + 0.5).astype(np.int64)


def _round_func(edge_weight_type: str) -> Callable[[np.ndarray], np.ndarray]:
    if edge_weight_type in ("EUC_2D", "EXPLICIT", "EXACT_2D", "FLOOR_2D", "CEIL_2D"):
        return nint  # already integral for all but EUC_2D, where this is the convention
    raise ValidationError(f"Expected EDGE_WEIGHT_TYPE EUC_2D or EXPLICIT, got {edge_weight_type!r}.")


def read_vrplib(path: str | os.PathLike) -> dict:
    """Read a VRPLIB file with ``vrplib`` and add an integer ``distance``
    matrix following the file's convention (see module docstring)."""
    try:
        inst = vrplib.read_instance(str(path))
    except (OSError, ValueError, IndexError, KeyError, RuntimeError) as exc:
        raise DataImportError([f"Could not read VRPLIB file {os.fspath(path)!r}: {exc}"]) from exc
    if "edge_weight" not in inst:
        raise DataImportError([f"VRPLIB file {os.fspath(path)!r}: expected coordinates or "
                               "an explicit edge weight section."])
    inst["distance"] = _round_func(str(inst.get("edge_weight_type", "EUC_2D")))(
        inst["edge_weight"])
    return inst


def vrplib_cost(path_or_instance: str | os.PathLike | dict, routes: list[list[int]]) -> int:
    """Cost of ``routes`` (file node ids, depot left out) under the file's
    distance convention; the depot is the file's first DEPOT_SECTION node."""
    inst = path_or_instance if isinstance(path_or_instance, dict) else read_vrplib(path_or_instance)
    dist = inst["distance"]
    depot = int(np.asarray(inst.get("depot", [0])).ravel()[0])
    total = 0
    for route in routes:
        idx = [depot] + [int(node) - 1 for node in route] + [depot]
        total += int(sum(dist[a, b] for a, b in zip(idx, idx[1:], strict=False)))
    return total


def read_vrplib_solution(path: str | os.PathLike) -> dict:
    """Read a CVRPLIB ``.sol`` file: ``{"cost": ..., "routes": [[file ids]]}``
    (the file's 0-based customer numbers shifted to file node ids)."""
    sol = vrplib.read_solution(str(path))
    return {"cost": sol.get("cost"), "routes": [[int(n) + 1 for n in r] for r in sol["routes"]]}


def solve_vrplib(path: str | os.PathLike, seconds: float = 10.0, seed: int = 0,
                 progress: Callable[[Progress], object] | None = None) -> dict:
    """Solve a VRPLIB instance with PyVRP.

    Parameters
    ----------
    path
        Instance file (VRPLIB format; CVRP with EUC_2D or EXPLICIT weights,
        and whatever else PyVRP's reader supports).
    seconds
        Time limit, seconds, ``> 0``.
    seed
        Search seed.
    progress
        Optional callback, see :data:`~.solver.ProgressCallback`.

    Returns
    -------
    dict
        ``{"cost": int, "routes": [[node, ...], ...], "feasible": bool}``,
        nodes numbered as in the file, depot left out.
    """
    inst = read_vrplib(path)
    rf = _round_func(str(inst.get("edge_weight_type", "EUC_2D")))
    try:
        data = pyvrp.read(str(path), round_func=rf)
    except (ValueError, KeyError, IndexError) as exc:
        raise DataImportError([f"PyVRP cannot model {os.fspath(path)!r}: {exc}"]) from exc
    stop = ProgressStop(seconds, progress, label=os.path.basename(os.fspath(path)))
    result = pyvrp_solve(data, stop, seed=seed, collect_stats=False, display=False)
    routes = []
    for r in result.best.routes():
        # pyvrp.read keeps the file's node order, so location index = file id - 1.
        routes.append([data.client(a.idx).location + 1 for a in r.schedule() if a.is_client()])
    return {"cost": int(result.cost()) if result.best.is_feasible() else None,
            "routes": routes, "feasible": bool(result.best.is_feasible())}
