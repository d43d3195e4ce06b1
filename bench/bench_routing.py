"""Routing benchmark: PyVRP (through circularcities) vs Google OR-Tools on CVRPLIB X.

For each instance in ``bench/instances/`` (Uchoa et al. 2017, set X), both
solvers get the same wall-clock limit, one after the other (the machine has
2 cores). Distances follow the CVRPLIB convention (Euclidean rounded to the
nearest integer) for both; each returned solution is re-costed from the
file's coordinates and checked for capacity and coverage, and the gap to
the best-known solution (``bench/instances/bks.csv``) is printed.

Usage::

    .venv/bin/python bench/bench_routing.py                 # all 8 instances, 10 s each
    .venv/bin/python bench/bench_routing.py --seconds 5 --instances X-n106-k14 X-n139-k10
    .venv/bin/python bench/bench_routing.py --solvers pyvrp

OR-Tools is a bench-only dependency (``pip install ortools``, extra ``bench``).
"""

from __future__ import annotations

import argparse
import csv
import math
import sys
from pathlib import Path

import numpy as np

from circularcities.core.routing import read_vrplib, solve_vrplib, vrplib_cost

HERE = Path(__file__).resolve().parent
INSTANCES = HERE / "instances"


def load_bks() -> dict[str, dict]:
    with open(INSTANCES / "bks.csv", encoding="utf-8") as fh:
        return {row["instance"]: row for row in csv.DictReader(fh)}


def check(inst: dict, routes: list[list[int]]) -> None:
    """Raise if ``routes`` (file ids) miss/duplicate a customer or overload a vehicle."""
    n = int(inst["dimension"])
    seen = sorted(c for r in routes for c in r)
    if seen != list(range(2, n + 1)):
        raise AssertionError("every customer must be visited exactly once")
    demand = inst["demand"]
    cap = inst["capacity"]
    if any(sum(demand[c - 1] for c in r) > cap for r in routes):
        raise AssertionError("a route exceeds the vehicle capacity")


def run_pyvrp(path: Path, seconds: float, seed: int) -> tuple[int, list[list[int]]]:
    result = solve_vrplib(path, seconds=seconds, seed=seed)
    return result["cost"], result["routes"]


def run_ortools(path: Path, seconds: float, seed: int) -> tuple[int, list[list[int]]]:
    from ortools.constraint_solver import pywrapcp, routing_enums_pb2

    inst = read_vrplib(path)
    dist = np.asarray(inst["distance"], dtype=np.int64)
    demand = [int(d) for d in inst["demand"]]
    cap = int(inst["capacity"])
    n = len(demand)
    # Enough vehicles: the lower bound ceil(demand / capacity) plus slack
    # (unused vehicles cost nothing).
    k = math.ceil(sum(demand) / cap)
    vehicles = k + max(2, k // 5)
    manager = pywrapcp.RoutingIndexManager(n, vehicles, 0)
    routing = pywrapcp.RoutingModel(manager)
    matrix = dist.tolist()

    def distance(i: int, j: int) -> int:
        return matrix[manager.IndexToNode(i)][manager.IndexToNode(j)]

    transit = routing.RegisterTransitCallback(distance)
    routing.SetArcCostEvaluatorOfAllVehicles(transit)

    def load(i: int) -> int:
        return demand[manager.IndexToNode(i)]

    load_cb = routing.RegisterUnaryTransitCallback(load)
    routing.AddDimensionWithVehicleCapacity(load_cb, 0, [cap] * vehicles, True, "load")
    params = pywrapcp.DefaultRoutingSearchParameters()
    params.first_solution_strategy = routing_enums_pb2.FirstSolutionStrategy.PATH_CHEAPEST_ARC
    params.local_search_metaheuristic = (
        routing_enums_pb2.LocalSearchMetaheuristic.GUIDED_LOCAL_SEARCH)
    params.time_limit.FromMilliseconds(int(seconds * 1000))
    del seed  # OR-Tools' routing search is deterministic for a given time limit
    solution = routing.SolveWithParameters(params)
    if solution is None:
        raise RuntimeError("OR-Tools found no solution")
    routes = []
    for v in range(vehicles):
        idx = routing.Start(v)
        route = []
        while not routing.IsEnd(idx):
            node = manager.IndexToNode(idx)
            if node != 0:
                route.append(node + 1)  # file ids
            idx = solution.Value(routing.NextVar(idx))
        if route:
            routes.append(route)
    return int(solution.ObjectiveValue()), routes


SOLVERS = {"pyvrp": run_pyvrp, "ortools": run_ortools}


def main(argv: list[str] | None = None) -> int:
    bks = load_bks()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--instances", nargs="*", default=sorted(bks),
                        help="instance names (default: all in bench/instances/bks.csv)")
    parser.add_argument("--seconds", type=float, default=10.0, help="time per solver per instance")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--solvers", nargs="*", default=list(SOLVERS), choices=list(SOLVERS))
    args = parser.parse_args(argv)

    header = f"{'instance':<12} {'n':>4} {'BKS':>7}"
    for s in args.solvers:
        header += f" {s + ' cost':>13} {'gap %':>6}"
    print(f"CVRPLIB X, {args.seconds:g} s per solver per instance, seed {args.seed}")
    print(header)
    gaps: dict[str, list[float]] = {s: [] for s in args.solvers}
    for name in args.instances:
        path = INSTANCES / f"{name}.vrp"
        inst = read_vrplib(path)
        best = int(bks[name]["bks"])
        line = f"{name:<12} {int(inst['dimension']) - 1:>4} {best:>7}"
        for s in args.solvers:
            cost, routes = SOLVERS[s](path, args.seconds, args.seed)
            check(inst, routes)
            recomputed = vrplib_cost(inst, routes)
            if recomputed != cost:
                raise AssertionError(f"{s} on {name}: reported {cost}, recomputed {recomputed}")
            gap = 100.0 * (cost - best) / best
            gaps[s].append(gap)
            line += f" {cost:>13} {gap:>6.2f}"
        print(line, flush=True)
    mean = f"{'mean gap %':<25}"
    for s in args.solvers:
        mean += f" {'':>13} {sum(gaps[s]) / len(gaps[s]):>6.2f}"
    print(mean)
    return 0


if __name__ == "__main__":
    sys.exit(main())
