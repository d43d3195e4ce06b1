"""The exact matcher: candidate arcs, independent components, one exact solve per component.

Algorithm
---------
1. Keep listings with a quantity above :data:`QUANTITY_TOLERANCE_T`.
2. Candidate arcs: for every pair of materials the compatibility table allows,
   a k-d tree on 3-D unit vectors finds the offer/want pairs within
   ``max_km / provider.min_ratio_to_great_circle`` great-circle km; the
   provider's distance then decides (``<= max_km``).
3. Connected components of the bipartite candidate graph
   (:func:`scipy.sparse.csgraph.connected_components`) are independent
   transportation problems: no flow can cross between them, so the sum of
   their lexicographic optima is the global lexicographic optimum.
4. Each component is solved exactly (:func:`solve_component`, from plain
   data, so a worker can take one): a star in closed form
   (:class:`StarSolver`), anything else by the component solver
   (:class:`NetworkSimplex` by default: the weighted problem with a provably
   safe weight, real-valued, accepted only with its dual certificate).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from numpy.typing import ArrayLike, NDArray
from scipy.sparse.csgraph import connected_components

from circularcities.core.errors import ValidationError
from circularcities.core.matching.candidates import candidate_arcs
from circularcities.core.matching.compatibility import Compatibility
from circularcities.core.matching.distance import DistanceProvider, GreatCircle
from circularcities.core.matching.model import (
    QUANTITY_TOLERANCE_T,
    Listing,
    Match,
    MatchPlan,
    check_unique_ids,
)

__all__ = ["Components", "candidate_arcs", "check_inputs", "greedy_nearest_partner", "match",
           "plan_from_flows", "solve_component", "split_components"]
from circularcities.core.matching.solvers import (
    ComponentSolver,
    GreedyNearest,
    NetworkSimplex,
    StarSolver,
)

ProgressCallback = Callable[[int, int], None]
"""Called as ``progress(done, total)`` while components are solved."""


def check_inputs(offers: Sequence[Listing], wants: Sequence[Listing],
                 max_km: float | None) -> None:
    """Validate before solving: listing types, unique ids per side, ``max_km >= 0``."""
    check_unique_ids(offers, "offers")
    check_unique_ids(wants, "wants")
    if max_km is not None and (isinstance(max_km, bool) or not isinstance(max_km, int | float)
                               or math.isnan(max_km) or max_km < 0):
        raise ValidationError(f"Expected max_km >= 0 km or None, got {max_km!r}.")


@dataclass(frozen=True)
class Components:
    """Arcs grouped by independent component, with local listing numbers.

    Component ``c`` owns arcs ``arc_bounds[c]:arc_bounds[c+1]`` (in the order
    of ``arc_order``), offers ``offers[offer_bounds[c]:offer_bounds[c+1]]``
    and wants ``wants[want_bounds[c]:want_bounds[c+1]]`` (global indices);
    ``arc_offer``/``arc_want`` number each arc's ends within its component.
    """

    n: int
    arc_order: NDArray[np.intp]
    arc_bounds: NDArray[np.intp]
    arc_offer: NDArray[np.int32]
    arc_want: NDArray[np.int32]
    offers: NDArray[np.intp]
    offer_bounds: NDArray[np.intp]
    wants: NDArray[np.intp]
    want_bounds: NDArray[np.intp]


def _group_by(label: NDArray, n: int) -> tuple[NDArray[np.intp], NDArray[np.intp]]:
    """Stable order of ``label`` (values in ``[0, n)``) and each value's bounds."""
    order = stable_order(label)
    bounds = np.zeros(n + 1, dtype=np.intp)
    np.cumsum(np.bincount(label, minlength=n), out=bounds[1:])
    return order, bounds


def stable_order(key: NDArray) -> NDArray[np.intp]:
    """Stable sorting order of non-negative integer keys below 2**32, in linear time.

    NumPy sorts 16-bit keys by radix; two such passes (low half, then high
    half) are a least-significant-digit radix sort of 32-bit keys.
    """
    key = np.asarray(key)
    if key.size == 0 or int(key.max()) < 65536:
        return np.argsort(key.astype(np.uint16), kind="stable")
    order = np.argsort((key & 0xFFFF).astype(np.uint16), kind="stable")
    return order[np.argsort((key[order] >> 16).astype(np.uint16), kind="stable")]


def _labels(n_nodes: int, tail: NDArray, head: NDArray) -> NDArray[np.intp]:
    """Connected-component label of every node of the graph with these arcs."""
    # A CSR matrix built from arcs already ordered by tail skips SciPy's
    # sorting and de-duplication of 8 million entries per 100,000 listings.
    order = stable_order(tail)
    indptr = np.zeros(n_nodes + 1, dtype=np.int64)
    np.cumsum(np.bincount(tail, minlength=n_nodes), out=indptr[1:])
    graph = sp.csr_matrix((np.ones(tail.size, dtype=np.int8), head[order], indptr),
                          shape=(n_nodes, n_nodes))
    del order
    return connected_components(graph, directed=True, connection="weak")[1].astype(np.intp)


def split_components(n_offers: int, n_wants: int, oi: NDArray, wj: NDArray) -> Components:
    """The connected components of the bipartite candidate graph.

    No flow can cross between components, so each is an independent
    transportation problem and the sum of their lexicographic optima is the
    global one.
    """
    if oi.size == 0:
        empty = np.empty(0, np.intp)
        return Components(0, empty, np.zeros(1, np.intp), np.empty(0, np.int32),
                          np.empty(0, np.int32), empty, np.zeros(1, np.intp), empty,
                          np.zeros(1, np.intp))
    n_nodes = n_offers + n_wants
    labels = _labels(n_nodes, oi, n_offers + wj)
    # Dense component numbers for components that have arcs (isolated listings have none).
    has = np.zeros(n_nodes, dtype=bool)
    has[labels[oi]] = True
    dense = np.cumsum(has) - 1
    n_comp = int(has.sum())
    arc_comp = dense[labels[oi]].astype(np.int32)
    arc_order, arc_bounds = _group_by(arc_comp, n_comp)
    del arc_comp
    local = []
    sides = []
    for idx, count, offset in ((oi, n_offers, 0), (wj, n_wants, n_offers)):
        used = np.zeros(count, dtype=bool)
        used[idx] = True
        members = np.flatnonzero(used)
        comp = dense[labels[offset + members]]
        order, bounds = _group_by(comp, n_comp)
        members = members[order]
        pos = np.zeros(count, dtype=np.int32)
        pos[members] = np.arange(members.size) - bounds[comp[order]]
        local.append(pos)
        sides.append((members, bounds))
    return Components(n_comp, arc_order, arc_bounds, local[0][oi[arc_order]],
                      local[1][wj[arc_order]], sides[0][0], sides[0][1], sides[1][0],
                      sides[1][1])


def solve_component(supply: ArrayLike, demand: ArrayLike, arc_offer: ArrayLike,
                    arc_want: ArrayLike, arc_km: ArrayLike,
                    solver: ComponentSolver | None = None) -> NDArray[np.float64]:
    """Exact flows (tonnes) of one component, from plain data.

    Components are independent, so a job (or any worker) can solve one from
    lists: tonnes per offer and per want, each arc's local offer and want
    number and its km. Stars use the closed form of :class:`StarSolver`;
    anything else ``solver`` (default :class:`NetworkSimplex`).
    """
    sup = np.asarray(supply, dtype=float)
    dem = np.asarray(demand, dtype=float)
    ao = np.asarray(arc_offer, dtype=np.intp)
    aw = np.asarray(arc_want, dtype=np.intp)
    km = np.asarray(arc_km, dtype=float)
    use = solver if solver is not None else NetworkSimplex()
    if StarSolver.applies(sup.size, dem.size) and not isinstance(use, GreedyNearest):
        use = StarSolver()
    return use.solve(sup, dem, ao, aw, km)


def _solve_all(offers: Sequence[Listing], wants: Sequence[Listing], max_km: float | None,
               compatibility: Compatibility | None, distance: DistanceProvider | None,
               solver: ComponentSolver, method: str,
               progress: ProgressCallback | None, workers: int = 1) -> MatchPlan:
    check_inputs(offers, wants, max_km)
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise ValidationError(f"Expected workers >= 1, got {workers!r}.")
    comp = compatibility if compatibility is not None else Compatibility()
    provider: DistanceProvider = distance if distance is not None else GreatCircle()
    oi, wj, km = candidate_arcs(offers, wants, max_km, comp, provider)
    q_o = np.fromiter((x.quantity_t for x in offers), float, len(offers))
    q_w = np.fromiter((x.quantity_t for x in wants), float, len(wants))
    parts = split_components(len(offers), len(wants), oi, wj)
    # Arcs in component order from here on; the originals are freed.
    oi, wj, km = oi[parts.arc_order], wj[parts.arc_order], km[parts.arc_order]
    flow = np.zeros(km.size)
    ab, ob, wb = parts.arc_bounds, parts.offer_bounds, parts.want_bounds

    def run(c: int) -> NDArray[np.float64]:
        s, e = int(ab[c]), int(ab[c + 1])
        return solve_component(q_o[parts.offers[ob[c]:ob[c + 1]]],
                               q_w[parts.wants[wb[c]:wb[c + 1]]],
                               parts.arc_offer[s:e], parts.arc_want[s:e], km[s:e], solver)

    n_comp = parts.n
    if workers > 1 and n_comp > 1:
        from concurrent.futures import ThreadPoolExecutor

        # Threads, not processes: the network simplex releases the GIL, and
        # threads need no start-up, no copies and are safe in a web worker.
        # Big components first so the workers finish together.
        todo = [int(c) for c in np.argsort(-np.diff(ab), kind="stable")]
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="cc-match") as pool:
            for done, (c, f) in enumerate(zip(todo, pool.map(run, todo), strict=True), start=1):
                flow[int(ab[c]):int(ab[c + 1])] = f
                if progress is not None:
                    progress(done, n_comp)
    else:
        for c in range(n_comp):
            flow[int(ab[c]):int(ab[c + 1])] = run(c)
            if progress is not None:
                progress(c + 1, n_comp)
    return _plan(offers, wants, oi, wj, km, flow, method, max_km, n_comp)


def _plan(offers: Sequence[Listing], wants: Sequence[Listing], oi: NDArray, wj: NDArray,
          km: NDArray, flow: NDArray, method: str, max_km: float | None,
          n_comp: int) -> MatchPlan:
    keep = np.flatnonzero(flow >= QUANTITY_TOLERANCE_T)
    oi, wj, km, flow = oi[keep], wj[keep], km[keep], flow[keep]
    # Sort by offer id then want id through integer ranks of the ids (no
    # Python sort of Match objects).
    rank_o = np.empty(len(offers), np.intp)
    rank_o[sorted(range(len(offers)), key=lambda i: offers[i].id)] = np.arange(len(offers))
    rank_w = np.empty(len(wants), np.intp)
    rank_w[sorted(range(len(wants)), key=lambda j: wants[j].id)] = np.arange(len(wants))
    order = np.lexsort((rank_w[wj], rank_o[oi]))
    matches = [Match(offer=offers[i].id, want=wants[j].id, quantity_t=f, distance_km=d,
                     offer_material=offers[i].material, want_material=wants[j].material)
               for i, j, f, d in zip(oi[order].tolist(), wj[order].tolist(),
                                     flow[order].tolist(), km[order].tolist(), strict=True)]
    return MatchPlan(matches=matches, method=method, max_km=max_km, n_components=n_comp)


def plan_from_flows(offers: Sequence[Listing], wants: Sequence[Listing], oi: NDArray,
                    wj: NDArray, km: NDArray, flow: NDArray, max_km: float | None,
                    n_components: int) -> MatchPlan:
    """The plan :func:`match` returns, from each arc's flow (arcs as global offer and
    want indices); for callers that solve the components elsewhere (job workers)."""
    return _plan(offers, wants, oi, wj, km, flow, "exact", max_km, n_components)


def match(offers: Sequence[Listing], wants: Sequence[Listing], max_km: float | None = None,
          compatibility: Compatibility | None = None, distance: DistanceProvider | None = None,
          *, solver: ComponentSolver | None = None,
          progress: ProgressCallback | None = None, workers: int = 1) -> MatchPlan:
    """Exact exchange plan: first the most tonnes, then the fewest tonne-km.

    Parameters
    ----------
    offers, wants
        Listings; ids unique within each side. Quantities may be split across
        several partners.
    max_km
        Largest distance an exchange may travel, km (>= 0), measured by
        ``distance``; ``None`` for no limit (fine up to a few thousand
        listings per material; large problems need a limit).
    compatibility
        Extra allowed ``offer_material -> want_material`` pairs; ``None``
        allows identical materials only. See
        :func:`~circularcities.core.matching.default_compatibility`.
    distance
        Distance provider; default :class:`GreatCircle`.
    solver
        Solver for non-trivial components; default :class:`NetworkSimplex`
        (exact; :class:`ColumnGenerationLP`, :class:`TwoPhaseLP` and
        :class:`WeightedLP` are exact LPs, slower).
    progress
        Optional ``progress(done, total)`` callback, called once per component.
    workers
        Threads solving components in parallel (>= 1). The network simplex
        releases the GIL, so 2 workers roughly halve the solve time on 2 idle
        cores; threads start instantly and are safe inside a worker.

    Returns
    -------
    MatchPlan
        ``matched_t`` (t), ``tonne_km`` (t·km) and the matches.

    Raises
    ------
    ValidationError
        For repeated ids or a negative ``max_km`` (listings validate themselves),
        or when the candidate pairs would not fit in memory (the message says
        how much they need).
    """
    return _solve_all(offers, wants, max_km, compatibility, distance,
                      solver if solver is not None else NetworkSimplex(), "exact", progress,
                      workers)


def greedy_nearest_partner(offers: Sequence[Listing], wants: Sequence[Listing],
                           max_km: float | None = None,
                           compatibility: Compatibility | None = None,
                           distance: DistanceProvider | None = None) -> MatchPlan:
    """BASELINE FOR BENCHMARKS ONLY: closest pairs first, not optimal.

    Same candidate pairs and limits as :func:`match`; see :class:`GreedyNearest`.
    """
    return _solve_all(offers, wants, max_km, compatibility, distance, GreedyNearest(),
                      "greedy_nearest", None)
