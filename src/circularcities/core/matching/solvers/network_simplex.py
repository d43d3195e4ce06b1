"""Exact lexicographic solver: the network simplex on real-valued data (POT),
checked by its dual certificate."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from circularcities.core.matching.solvers.column_generation import ColumnGenerationLP
from circularcities.core.matching.solvers.protocol import repair

DENSE_CELLS = 4_000_000
"""Components up to this many offer x want cells use a dense cost matrix (32 MB)."""

DENSE_FILL = 8
"""... provided at most this many cells per arc are empty (dense enough to pay)."""

CERTIFICATE_TOLERANCE = 1e-9
"""Relative slack allowed in the optimality certificate (float64 rounding is ~1e-13)."""

_MAX_ITER = 2_000_000_000
_OPTIMAL = 1
"""POT's result code for an optimal solution."""


def balanced_problem(supply: NDArray[np.float64], demand: NDArray[np.float64],
                     arc_km: NDArray[np.float64]) -> tuple[NDArray, NDArray, float]:
    """Margins of the balanced transportation problem and the tonne weight ``M``.

    A dummy offer holding every wanted tonne and a dummy want taking every
    offered tonne balance the problem; each tonne that goes to a dummy costs
    ``M / 2`` at each end, so a real exchange over ``km`` saves ``M - km``.
    Minimising the balanced cost is minimising ``sum (km - M) x`` over the real
    arcs: the weighted LP of :class:`WeightedLP`, whose ``M = min(n_offers,
    n_wants) x longest arc + 1`` makes every optimum move the most tonnes first.
    """
    weight = min(supply.size, demand.size) * float(arc_km.max()) + 1.0
    a = np.append(supply, demand.sum())
    b = np.append(demand, supply.sum())
    return a, b, weight


@dataclass(frozen=True)
class NetworkSimplex:
    """Exact lexicographic optimum with the network simplex (POT's ``ot.emd``).

    The component becomes a balanced transportation problem (see
    :func:`balanced_problem`) solved by the network simplex in double
    precision on the real quantities and distances: no rounding to integers.
    The solver returns dual prices ``u, v``; the plan is accepted only if
    they certify it (every arc's reduced cost ``c - u_i - v_j >= 0`` and the
    primal cost equal to the dual bound, both to :data:`CERTIFICATE_TOLERANCE`
    relative), otherwise :class:`ColumnGenerationLP` solves the component.

    Dense components (the usual case within ``max_km``) use a dense cost matrix
    where forbidden pairs cost ``2 M`` (never worth using: sending both ends to
    the dummies costs ``M``); sparse or very large ones pass only their arcs.
    The solver releases the GIL, so threads solve components in parallel.

    Parameters
    ----------
    dense_cells
        Largest ``(n_offers + 1) x (n_wants + 1)`` solved with a dense matrix;
        0 always passes the arcs only.
    """

    dense_cells: int = DENSE_CELLS
    name: str = "network_simplex"

    def solve(self, supply: NDArray[np.float64], demand: NDArray[np.float64],
              arc_offer: NDArray[np.intp], arc_want: NDArray[np.intp],
              arc_km: NDArray[np.float64]) -> NDArray[np.float64]:
        """Flows, tonnes (see :class:`ComponentSolver`)."""
        if arc_km.size == 0:
            return np.zeros(0)
        km = np.asarray(arc_km, dtype=float)
        cells = (supply.size + 1) * (demand.size + 1)
        if cells <= self.dense_cells and cells <= DENSE_FILL * km.size:
            flow = _dense(supply, demand, arc_offer, arc_want, km)
        else:
            flow = _sparse(supply, demand, arc_offer, arc_want, km)
        if flow is None:
            return ColumnGenerationLP().solve(supply, demand, arc_offer, arc_want, km)
        return repair(flow, supply, demand, arc_offer, arc_want)


def _emd(a: NDArray, b: NDArray, cost: NDArray) -> tuple[NDArray, float, NDArray, NDArray] | None:
    """Network simplex on a dense cost matrix: plan, cost, duals; ``None`` if not optimal.

    Calls POT's compiled solver directly (``ot.emd`` adds ~0.3 ms of checks
    and conversions per call, which is most of the time of a small component);
    the margins are balanced first exactly as ``ot.emd`` does.
    """
    b = b * (a.sum() / b.sum())
    try:
        from ot.lp.emd_wrap import emd_c
    except ImportError:  # pragma: no cover - a future POT without the private module
        import ot

        plan, log = ot.emd(a, b, cost, numItermax=_MAX_ITER, log=True, center_dual=False)
        if log["warning"] is not None:
            return None
        return plan, float(log["cost"]), np.asarray(log["u"]), np.asarray(log["v"])
    plan, total, u, v, code = emd_c(a, b, cost, _MAX_ITER, 1)
    return (plan, float(total), u, v) if code == _OPTIMAL else None


def _certified(primal: float, a: NDArray, b: NDArray, u: NDArray, v: NDArray,
               min_reduced: float, scale: float) -> bool:
    """Dual feasible and no duality gap, relative to the size of the objective."""
    dual = float(a @ u + b @ v)
    return bool(min_reduced >= -CERTIFICATE_TOLERANCE * scale
                and abs(primal - dual) <= CERTIFICATE_TOLERANCE * scale * float(a.sum()))


def _dense(supply: NDArray[np.float64], demand: NDArray[np.float64],
           ao: NDArray[np.intp], aw: NDArray[np.intp], km: NDArray[np.float64]
           ) -> NDArray[np.float64] | None:
    n_o, n_w = supply.size, demand.size
    a, b, weight = balanced_problem(supply, demand, km)
    cost = np.full((n_o + 1, n_w + 1), 2.0 * weight)
    cost[ao, aw] = km
    cost[n_o, :n_w] = weight / 2.0
    cost[:n_o, n_w] = weight / 2.0
    cost[n_o, n_w] = 0.0
    solved = _emd(a, b, cost)
    if solved is None:
        return None
    plan, total, u, v = solved
    reduced = cost - u[:, None] - v[None, :]
    if not _certified(total, a, b, u, v, float(reduced.min()), 2.0 * weight):
        return None
    return np.asarray(plan[ao, aw], dtype=float)


def _sparse(supply: NDArray[np.float64], demand: NDArray[np.float64],
            ao: NDArray[np.intp], aw: NDArray[np.intp], km: NDArray[np.float64]
            ) -> NDArray[np.float64] | None:
    import ot
    import scipy.sparse as sp

    n_o, n_w = supply.size, demand.size
    a, b, weight = balanced_problem(supply, demand, km)
    rows = np.concatenate((ao, np.full(n_w + 1, n_o), np.arange(n_o)))
    cols = np.concatenate((aw, np.arange(n_w + 1), np.full(n_o, n_w)))
    cost = np.concatenate((km, np.full(n_w, weight / 2.0), [0.0], np.full(n_o, weight / 2.0)))
    matrix = sp.coo_matrix((cost, (rows, cols)), shape=(n_o + 1, n_w + 1))
    plan, log = ot.emd(a, b, matrix, numItermax=_MAX_ITER, log=True, center_dual=False)
    if log["warning"] is not None:
        return None
    u, v = np.asarray(log["u"]), np.asarray(log["v"])
    reduced = cost - u[rows] - v[cols]
    if not _certified(float(log["cost"]), a, b, u, v, float(reduced.min()), 2.0 * weight):
        return None
    # The plan lists only the cells with flow; map them back to arc positions.
    key = ao.astype(np.int64) * (n_w + 1) + aw
    order = np.argsort(key, kind="stable")
    r, c, f = np.asarray(plan.row), np.asarray(plan.col), np.asarray(plan.data, dtype=float)
    real = (r < n_o) & (c < n_w) & (f > 0)
    pos = order[np.searchsorted(key, r[real].astype(np.int64) * (n_w + 1) + c[real],
                                sorter=order)]
    flow = np.zeros(km.size)
    np.add.at(flow, pos, f[real])
    return flow
