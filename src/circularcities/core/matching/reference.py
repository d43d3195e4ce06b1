"""A deliberately simple dense LP of the whole problem, to check :func:`match`.

It shares no candidate search, component splitting or closed forms with the
matcher: every offer x want pair is a variable (forbidden pairs are fixed at
zero), distances come straight from the provider, and one two-phase LP is
solved. Use it on small cases only (up to about 2,000 listings).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp
from scipy.optimize import linprog

from circularcities.core.errors import InfeasibleError
from circularcities.core.matching.compatibility import Compatibility
from circularcities.core.matching.distance import DistanceProvider, GreatCircle
from circularcities.core.matching.matcher import check_inputs
from circularcities.core.matching.model import QUANTITY_TOLERANCE_T, Listing, Match, MatchPlan


def exact_lp_reference(offers: Sequence[Listing], wants: Sequence[Listing],
                       max_km: float | None = None, compatibility: Compatibility | None = None,
                       distance: DistanceProvider | None = None) -> MatchPlan:
    """Lexicographic optimum (max tonnes, then min t·km) from one dense LP pair.

    Same parameters and result as :func:`~circularcities.core.matching.match`.
    """
    check_inputs(offers, wants, max_km)
    comp = compatibility if compatibility is not None else Compatibility()
    provider: DistanceProvider = distance if distance is not None else GreatCircle()
    n_o, n_w = len(offers), len(wants)
    if n_o == 0 or n_w == 0:
        return MatchPlan(matches=[], method="exact_lp_reference", max_km=max_km)
    grid_i, grid_j = np.meshgrid(np.arange(n_o), np.arange(n_w), indexing="ij")
    ii, jj = grid_i.ravel(), grid_j.ravel()
    lat_o = np.array([x.lat for x in offers])
    lon_o = np.array([x.lon for x in offers])
    lat_w = np.array([x.lat for x in wants])
    lon_w = np.array([x.lon for x in wants])
    km = np.asarray(provider.distances_km(lat_o[ii], lon_o[ii], lat_w[jj], lon_w[jj]), float)
    allowed = np.array([[comp.allows(o.material, w.material) for w in wants]
                        for o in offers]).ravel()
    if max_km is not None:
        allowed &= km <= max_km
    n = ii.size
    cols = np.arange(n)
    a = sp.csr_matrix((np.ones(2 * n), (np.concatenate((ii, n_o + jj)),
                                        np.concatenate((cols, cols)))), shape=(n_o + n_w, n))
    b = np.array([x.quantity_t for x in offers] + [x.quantity_t for x in wants])
    bounds = np.column_stack((np.zeros(n), np.where(allowed, np.inf, 0.0)))
    r1 = linprog(-np.ones(n), A_ub=a, b_ub=b, bounds=bounds, method="highs")
    if r1.status != 0:
        raise InfeasibleError(f"Expected the reference LP to solve; HiGHS says: {r1.message}")
    best = float(-r1.fun)
    a2 = sp.vstack((a, sp.csr_matrix(-np.ones((1, n)))), format="csr")
    x = r1.x
    for slack in (1e-9, 1e-7):
        r2 = linprog(km, A_ub=a2, b_ub=np.append(b, -(best - slack * max(1.0, best))),
                     bounds=bounds, method="highs")
        if r2.status == 0:
            x = r2.x
            break
    matches = [Match(offer=offers[i].id, want=wants[j].id, quantity_t=float(f),
                     distance_km=float(d), offer_material=offers[i].material,
                     want_material=wants[j].material)
               for i, j, f, d in zip(ii.tolist(), jj.tolist(), x.tolist(), km.tolist(),
                                     strict=True) if f >= QUANTITY_TOLERANCE_T]
    matches.sort(key=lambda m: (m.offer, m.want))
    return MatchPlan(matches=matches, method="exact_lp_reference", max_km=max_km,
                     n_components=1)
