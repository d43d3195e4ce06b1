"""The component-solver protocol and the sparse LP helpers the LP solvers share."""

from __future__ import annotations

from typing import Protocol

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray


class ComponentSolver(Protocol):
    """Solves one transportation problem on candidate arcs.

    The problem: maximise the tonnes sent, then minimise tonne-kilometres, subject
    to ``sum of flows out of offer i <= supply[i]`` and ``sum of flows into want
    j <= demand[j]``, flows >= 0, only on the given arcs.
    """

    @property
    def name(self) -> str:
        """Short name of the strategy, shown in benchmarks."""
        ...

    def solve(self, supply: NDArray[np.float64], demand: NDArray[np.float64],
              arc_offer: NDArray[np.intp], arc_want: NDArray[np.intp],
              arc_km: NDArray[np.float64]) -> NDArray[np.float64]:
        """Flow on each arc, tonnes.

        Parameters
        ----------
        supply
            Tonnes on offer per offer, shape ``(n_offers,)``, > 0.
        demand
            Tonnes wanted per want, shape ``(n_wants,)``, > 0.
        arc_offer, arc_want
            Local offer and want index of each arc, shape ``(n_arcs,)``.
        arc_km
            Distance of each arc, km, >= 0.
        """
        ...


def capacity_matrix(n_offers: int, n_wants: int, arc_offer: NDArray[np.intp],
                    arc_want: NDArray[np.intp]) -> sp.csr_matrix:
    """Sparse ``(n_offers + n_wants) x n_arcs`` incidence matrix of the capacity rows."""
    n_arcs = arc_offer.size
    cols = np.arange(n_arcs)
    rows = np.concatenate((arc_offer, n_offers + arc_want))
    data = np.ones(2 * n_arcs)
    return sp.csr_matrix((data, (rows, np.concatenate((cols, cols)))),
                         shape=(n_offers + n_wants, n_arcs))


def repair(flow: NDArray[np.float64], supply: NDArray[np.float64],
           demand: NDArray[np.float64], arc_offer: NDArray[np.intp],
           arc_want: NDArray[np.intp], tol: float = 1e-9) -> NDArray[np.float64]:
    """Clean solver output: drop flows < ``tol`` t and scale down any listing that
    the solver's feasibility tolerance let exceed its quantity (by ~1e-7 t)."""
    flow = np.where(flow < tol, 0.0, flow)
    for idx, cap in ((arc_offer, supply), (arc_want, demand)):
        used = np.bincount(idx, weights=flow, minlength=cap.size)
        over = used > cap
        if over.any():
            scale = np.ones(cap.size)
            scale[over] = cap[over] / used[over]
            flow = flow * scale[idx]
    return flow
