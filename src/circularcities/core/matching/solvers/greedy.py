"""The greedy nearest-partner baseline (benchmarks only: NOT optimal)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray


@dataclass(frozen=True)
class GreedyNearest:
    """Greedy nearest partner: take candidate pairs from shortest to longest and
    send as much as both sides still allow.

    This is what staff matching by hand, or a simple "closest first" rule, does.
    It neither maximises tonnes nor minimises tonne-km; it exists so the
    benchmark can show what the exact matcher gains.
    """

    name: str = "greedy_nearest"

    def solve(self, supply: NDArray[np.float64], demand: NDArray[np.float64],
              arc_offer: NDArray[np.intp], arc_want: NDArray[np.intp],
              arc_km: NDArray[np.float64]) -> NDArray[np.float64]:
        """Flows, tonnes."""
        left_s = supply.astype(float).tolist()
        left_d = demand.astype(float).tolist()
        order = np.argsort(arc_km, kind="stable")
        flow = np.zeros(arc_km.size)
        oi = arc_offer.tolist()
        wj = arc_want.tolist()
        for a in order.tolist():
            i, j = oi[a], wj[a]
            q = min(left_s[i], left_d[j])
            if q > 0:
                flow[a] = q
                left_s[i] -= q
                left_d[j] -= q
        return flow
