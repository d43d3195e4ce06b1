"""The exact matcher: candidate arcs, independent components, one LP per component.

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
4. Each component is solved exactly: a star in closed form
   (:class:`StarSolver`), anything else by the component solver
   (:class:`ColumnGenerationLP` by default: the weighted LP with a provably
   safe weight, priced over all arcs so the optimum is certified).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray
from scipy.sparse.csgraph import connected_components

from circularcities.core.errors import ValidationError
from circularcities.core.geo import pairs_within
from circularcities.core.matching.compatibility import Compatibility, material_key
from circularcities.core.matching.distance import DistanceProvider, GreatCircle
from circularcities.core.matching.model import (
    QUANTITY_TOLERANCE_T,
    Listing,
    Match,
    MatchPlan,
    check_unique_ids,
)
from circularcities.core.matching.solvers import (
    ColumnGenerationLP,
    ComponentSolver,
    GreedyNearest,
    StarSolver,
)

MAX_CANDIDATE_ARCS = 30_000_000
"""Refuse (with a clear error) problems whose candidate pairs would not fit in memory."""

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


def _arrays(listings: Sequence[Listing]) -> tuple[NDArray, NDArray, NDArray]:
    q = np.fromiter((x.quantity_t for x in listings), float, len(listings))
    lat = np.fromiter((x.lat for x in listings), float, len(listings))
    lon = np.fromiter((x.lon for x in listings), float, len(listings))
    return q, lat, lon


def candidate_arcs(offers: Sequence[Listing], wants: Sequence[Listing], max_km: float | None,
                   compatibility: Compatibility, distance: DistanceProvider
                   ) -> tuple[NDArray[np.intp], NDArray[np.intp], NDArray[np.float64]]:
    """Offer index, want index and distance (km) of every allowed pair.

    A pair is allowed when the compatibility table lets the offer's material
    serve the want's material, the provider's distance is ``<= max_km`` and
    the two listings do not have the same ``owner``. Listings with zero
    quantity get no arcs.
    """
    q_o, lat_o, lon_o = _arrays(offers)
    q_w, lat_w, lon_w = _arrays(wants)
    by_o: dict[str, list[int]] = {}
    by_w: dict[str, list[int]] = {}
    for i, x in enumerate(offers):
        if q_o[i] > QUANTITY_TOLERANCE_T:
            by_o.setdefault(material_key(x.material), []).append(i)
    for j, x in enumerate(wants):
        if q_w[j] > QUANTITY_TOLERANCE_T:
            by_w.setdefault(material_key(x.material), []).append(j)
    groups = [(np.asarray(io), np.asarray(by_w[mw]))
              for mo, io in by_o.items()
              for mw in compatibility.want_materials_for(mo, by_w)]
    if max_km is None:
        total = sum(a.size * b.size for a, b in groups)
        if total > MAX_CANDIDATE_ARCS:
            raise ValidationError(
                f"Expected a distance limit (max_km) for a problem this large: without one, "
                f"{total:,} candidate pairs exceed the {MAX_CANDIDATE_ARCS:,} this matcher "
                "holds in memory.")
    ratio = float(distance.min_ratio_to_great_circle)
    search_km = None if max_km is None else max_km / ratio
    parts_o, parts_w, parts_d = [], [], []
    for io, iw in groups:
        a, b = pairs_within(lat_o[io], lon_o[io], lat_w[iw], lon_w[iw], search_km)
        oi, wj = io[a], iw[b]
        d = np.asarray(distance.distances_km(lat_o[oi], lon_o[oi], lat_w[wj], lon_w[wj]),
                       dtype=float)
        if max_km is not None:
            keep = d <= max_km
            oi, wj, d = oi[keep], wj[keep], d[keep]
        parts_o.append(oi)
        parts_w.append(wj)
        parts_d.append(d)
    if not parts_o:
        return np.empty(0, np.intp), np.empty(0, np.intp), np.empty(0)
    oi_all = np.concatenate(parts_o).astype(np.intp)
    wj_all = np.concatenate(parts_w).astype(np.intp)
    d_all = np.concatenate(parts_d)
    if any(x.owner for x in offers) and any(x.owner for x in wants):
        code_o, code_w = _owner_codes(offers, wants)
        keep = (code_o[oi_all] < 0) | (code_o[oi_all] != code_w[wj_all])
        oi_all, wj_all, d_all = oi_all[keep], wj_all[keep], d_all[keep]
    return oi_all, wj_all, d_all


def _owner_codes(offers: Sequence[Listing], wants: Sequence[Listing]
                 ) -> tuple[NDArray[np.intp], NDArray[np.intp]]:
    """Owners as integers shared by both sides; -1 (offers) and -2 (wants) for none."""
    codes: dict[str, int] = {}
    o = np.fromiter((codes.setdefault(x.owner, len(codes)) if x.owner else -1 for x in offers),
                    np.intp, len(offers))
    w = np.fromiter((codes.setdefault(x.owner, len(codes)) if x.owner else -2 for x in wants),
                    np.intp, len(wants))
    return o, w


def _components(n_o: int, n_w: int, oi: NDArray[np.intp], wj: NDArray[np.intp]
                ) -> tuple[int, NDArray[np.intp]]:
    """Number of components with arcs, and each arc's component label (0-based, dense)."""
    if oi.size == 0:
        return 0, np.empty(0, np.intp)
    graph = sp.coo_matrix((np.ones(oi.size), (oi, n_o + wj)), shape=(n_o + n_w, n_o + n_w))
    _, labels = connected_components(graph, directed=False)
    arc_label = labels[oi]
    uniq, dense = np.unique(arc_label, return_inverse=True)
    return int(uniq.size), dense.astype(np.intp)


def _run_task(args: tuple) -> NDArray[np.float64]:
    solver, *data = args
    return solver.solve(*data)


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
    n_comp, label = _components(len(offers), len(wants), oi, wj)
    order = np.argsort(label, kind="stable")
    oi, wj, km, label = oi[order], wj[order], km[order], label[order]
    bounds = np.concatenate(([0], np.flatnonzero(np.diff(label)) + 1, [label.size]))
    flow = np.zeros(km.size)
    star = StarSolver()

    def task(c: int) -> tuple:
        s, e = int(bounds[c]), int(bounds[c + 1])
        uo, lo = np.unique(oi[s:e], return_inverse=True)
        uw, lw = np.unique(wj[s:e], return_inverse=True)
        use = star if (star.applies(uo.size, uw.size) and not isinstance(solver, GreedyNearest)) \
            else solver
        return use, q_o[uo], q_w[uw], lo.astype(np.intp), lw.astype(np.intp), km[s:e]

    if workers > 1 and n_comp > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # Big components first so the two ends of the queue finish together.
        sizes = np.diff(bounds)
        todo = [int(c) for c in np.argsort(-sizes, kind="stable")]
        with ProcessPoolExecutor(max_workers=workers,
                                 mp_context=multiprocessing.get_context("spawn")) as pool:
            for done, (c, f) in enumerate(zip(todo, pool.map(_run_task, map(task, todo)),
                                              strict=True), start=1):
                flow[int(bounds[c]):int(bounds[c + 1])] = f
                if progress is not None:
                    progress(done, n_comp)
    else:
        for c in range(n_comp):
            flow[int(bounds[c]):int(bounds[c + 1])] = _run_task(task(c))
            if progress is not None:
                progress(c + 1, n_comp)
    keep = flow >= QUANTITY_TOLERANCE_T
    matches = [Match(offer=offers[i].id, want=wants[j].id, quantity_t=float(f),
                     distance_km=float(d), offer_material=offers[i].material,
                     want_material=wants[j].material)
               for i, j, f, d in zip(oi[keep].tolist(), wj[keep].tolist(), flow[keep].tolist(),
                                     km[keep].tolist(), strict=True)]
    matches.sort(key=lambda m: (m.offer, m.want))
    return MatchPlan(matches=matches, method=method, max_km=max_km, n_components=n_comp)


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
        Solver for non-trivial components; default :class:`ColumnGenerationLP`
        (exact; :class:`TwoPhaseLP` and :class:`WeightedLP` are exact too, slower
        on dense components).
    progress
        Optional ``progress(done, total)`` callback, called once per component.
    workers
        Processes solving components in parallel (>= 1). Default 1: no
        subprocess, safe inside a web request or a worker thread. Components
        are independent, so 2 workers roughly halve the solve time on 2 cores.

    Returns
    -------
    MatchPlan
        ``matched_t`` (t), ``tonne_km`` (t·km) and the matches.

    Raises
    ------
    ValidationError
        For repeated ids or a negative ``max_km`` (listings validate themselves).
    """
    return _solve_all(offers, wants, max_km, compatibility, distance,
                      solver if solver is not None else ColumnGenerationLP(), "exact", progress,
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
