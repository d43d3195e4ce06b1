"""Exact lexicographic solver in one LP with a provably safe weight."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy.optimize import linprog

from circularcities.core.errors import InfeasibleError
from circularcities.core.matching.solvers.protocol import capacity_matrix, repair


@dataclass(frozen=True)
class WeightedLP:
    """Minimise ``sum (km_a - M) x_a`` in one LP.

    Why ``M = min(n_offers, n_wants) x max_km + 1`` is safe: suppose an optimum
    ``x`` of the weighted LP moved fewer tonnes than the maximum flow ``x'``.
    The difference ``x' - x`` decomposes into cycles and augmenting paths of
    the residual network of ``x``; at least one is an augmenting path (it raises
    the flow). A simple augmenting path alternates offer -> want arcs (forward,
    at most ``min(n_offers, n_wants)`` of them, each costing <= max_km per
    tonne) and cancelled arcs (backward, each *saving* >= 0). Pushing ``d``
    tonnes along it changes the objective by at most
    ``d (min(n_o, n_w) max_km - M) = -d < 0``, contradicting optimality. So
    every optimum is a maximum flow, and among maximum flows (where ``M x
    flow`` is constant) it minimises tonne-km.

    The price: costs of size ``M`` make the tonne-km part of the objective
    numerically smaller, so :class:`TwoPhaseLP` is the default and this one is
    kept for comparison in the benchmark.
    """

    name: str = "weighted_lp"

    def solve(self, supply: NDArray[np.float64], demand: NDArray[np.float64],
              arc_offer: NDArray[np.intp], arc_want: NDArray[np.intp],
              arc_km: NDArray[np.float64]) -> NDArray[np.float64]:
        """Flows, tonnes (see :class:`ComponentSolver`)."""
        n_arcs = arc_km.size
        if n_arcs == 0:
            return np.zeros(0)
        big_m = min(supply.size, demand.size) * float(np.max(arc_km)) + 1.0
        a_cap = capacity_matrix(supply.size, demand.size, arc_offer, arc_want)
        res = linprog(np.asarray(arc_km, dtype=float) - big_m, A_ub=a_cap,
                      b_ub=np.concatenate((supply, demand)), bounds=(0, None),
                      method="highs")
        if res.status != 0:
            raise InfeasibleError(f"Expected the matching LP to solve; HiGHS says: {res.message}")
        return repair(np.asarray(res.x, dtype=float), supply, demand, arc_offer, arc_want)
