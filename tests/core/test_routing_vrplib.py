"""VRPLIB reading, rounding convention, node numbering and solving."""

from __future__ import annotations

import numpy as np
import pytest

from circularcities.core.errors import DataImportError
from circularcities.core.routing import (
    nint,
    read_vrplib,
    read_vrplib_solution,
    solve_vrplib,
    vrplib_cost,
)
from tests.core.test_routing_support import (  # noqa: F401
    DATA,
    REPO,
    brute_force_cvrp,
)

TINY = DATA / "routing_tiny6.vrp"
EXPLICIT = DATA / "routing_explicit4.vrp"


def test_nint_is_tsplib_rounding():
    assert nint(np.array([0.4, 0.5, 1.5, 2.5, 3.6])).tolist() == [0, 1, 2, 3, 4]


def test_euc_2d_distances_are_rounded_to_nearest_integer():
    inst = read_vrplib(TINY)
    d = inst["distance"]
    assert d.dtype == np.int64
    assert d[0, 2] == 1   # sqrt(2) = 1.414
    assert d[0, 3] == 4   # sqrt(13) = 3.606
    assert d[1, 5] == 10  # exact
    assert (d == d.T).all() and (np.diag(d) == 0).all()


@pytest.mark.parametrize(("path", "optimum"), [(TINY, 39), (EXPLICIT, 26)])
def test_solver_finds_brute_force_optimum(path, optimum):
    inst = read_vrplib(path)
    assert brute_force_cvrp(inst["distance"], list(inst["demand"]), inst["capacity"]) == optimum
    result = solve_vrplib(path, seconds=0.3, seed=0)
    assert result["cost"] == optimum
    # Recomputed from the file with the convention: same cost.
    assert vrplib_cost(path, result["routes"]) == result["cost"]
    # File node ids, depot (node 1) left out, every customer exactly once.
    n = inst["dimension"]
    assert sorted(c for r in result["routes"] for c in r) == list(range(2, n + 1))
    for r in result["routes"]:
        assert sum(inst["demand"][c - 1] for c in r) <= inst["capacity"]


def test_sol_file_numbering_and_cost():
    sol = read_vrplib_solution(DATA / "routing_tiny6.sol")
    assert sol["routes"] == [[3, 2], [4, 6], [5, 7]]
    assert vrplib_cost(TINY, sol["routes"]) == sol["cost"] == 41


@pytest.mark.parametrize("name", ["X-n106-k14", "X-n139-k10"])
def test_best_known_solutions_reproduce_their_cost(name):
    folder = REPO / "bench" / "instances"
    if not (folder / f"{name}.sol").exists():
        pytest.skip("benchmark instances not present")
    sol = read_vrplib_solution(folder / f"{name}.sol")
    assert vrplib_cost(folder / f"{name}.vrp", sol["routes"]) == sol["cost"]
    # Unrounded distances would give a fractional, different cost.
    inst = read_vrplib(folder / f"{name}.vrp")
    raw = inst["edge_weight"]
    unrounded = sum(raw[0, r[0] - 1] + raw[r[-1] - 1, 0]
                    + sum(raw[a - 1, b - 1] for a, b in zip(r, r[1:], strict=False))
                    for r in sol["routes"])
    assert abs(unrounded - sol["cost"]) > 1e-3


def test_unreadable_file_is_a_data_import_error(tmp_path):
    bad = tmp_path / "bad.vrp"
    bad.write_text("NAME : bad\nDIMENSION : 3\nEDGE_WEIGHT_TYPE : EUC_2D\nEOF\n")
    with pytest.raises(DataImportError, match="bad.vrp"):
        solve_vrplib(bad, seconds=0.1)
    with pytest.raises(DataImportError):
        read_vrplib(tmp_path / "missing.vrp")
