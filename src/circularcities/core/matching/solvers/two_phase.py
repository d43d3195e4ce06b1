"""Exact lexicographic solver: two LPs solved with HiGHS."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray
from scipy.optimize import linprog

from circularcities.core.errors import InfeasibleError
from circularcities.core.matching.solvers.protocol import capacity_matrix, repair


def _highs(c, a_ub, b_ub) -> NDArray[np.float64]:
    res = linprog(c, A_ub=a_ub, b_ub=b_ub, bounds=(0, None), method="highs")
    if res.status != 0:
        raise InfeasibleError(f"Expected the matching LP to solve; HiGHS says: {res.message}")
    return np.asarray(res.x, dtype=float)


@dataclass(frozen=True)
class TwoPhaseLP:
    """Lexicographic optimum in two LPs (HiGHS dual simplex via SciPy).

    Phase 1 maximises the tonnes matched ``F*``. Phase 2 minimises tonne-km
    subject to the same capacities plus ``sum of flows >= F* - slack``.

    Parameters
    ----------
    relative_slack
        ``slack = relative_slack x max(1, F*)`` tonnes, expected in [0, 1e-4].
        Absorbs HiGHS's primal feasibility tolerance (1e-7) so phase 2 cannot
        be declared infeasible by rounding; the tonnes lost are at most this.
    """

    relative_slack: float = 1e-9
    name: str = "two_phase_lp"

    def __post_init__(self) -> None:
        if not 0.0 <= self.relative_slack <= 1e-4:
            raise ValueError("Expected relative_slack in [0, 1e-4].")

    def solve(self, supply: NDArray[np.float64], demand: NDArray[np.float64],
              arc_offer: NDArray[np.intp], arc_want: NDArray[np.intp],
              arc_km: NDArray[np.float64]) -> NDArray[np.float64]:
        """Flows, tonnes (see :class:`ComponentSolver`)."""
        n_arcs = arc_km.size
        if n_arcs == 0:
            return np.zeros(0)
        a_cap = capacity_matrix(supply.size, demand.size, arc_offer, arc_want)
        b_cap = np.concatenate((supply, demand))
        x1 = _highs(-np.ones(n_arcs), a_cap, b_cap)
        best = float(x1.sum())
        a2 = sp.vstack((a_cap, sp.csr_matrix(-np.ones((1, n_arcs)))), format="csr")
        for slack in (self.relative_slack, 1e-7, 1e-6):
            need = best - slack * max(1.0, best)
            try:
                x2 = _highs(np.asarray(arc_km, dtype=float), a2, np.append(b_cap, -need))
            except InfeasibleError:
                continue
            return repair(x2, supply, demand, arc_offer, arc_want)
        # Phase 2 failing at every slack means numerical trouble, not a modelling
        # error: keep the phase-1 plan (maximal tonnes) rather than fail.
        return repair(x1, supply, demand, arc_offer, arc_want)
