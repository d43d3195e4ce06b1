"""Exact closed-form solution when one side of a component has a single listing."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray


@dataclass(frozen=True)
class StarSolver:
    """Exact for a star: one offer with several wants, or one want with several offers.

    The centre sends (or receives) ``min(its quantity, sum of the others)``
    tonnes, and the cheapest way is to fill the nearest partners first (an
    exchange argument: moving a tonne from a farther to a nearer partner never
    adds tonne-km). Falls back to nothing: :meth:`applies` says when it is exact.
    """

    name: str = "star"

    @staticmethod
    def applies(n_offers: int, n_wants: int) -> bool:
        """True when the component is a star (one side has exactly one listing)."""
        return n_offers == 1 or n_wants == 1

    def solve(self, supply: NDArray[np.float64], demand: NDArray[np.float64],
              arc_offer: NDArray[np.intp], arc_want: NDArray[np.intp],
              arc_km: NDArray[np.float64]) -> NDArray[np.float64]:
        """Flows, tonnes; raises ``ValueError`` if the component is not a star."""
        if supply.size == 1:
            centre, leaves, leaf_idx = supply[0], demand, arc_want
        elif demand.size == 1:
            centre, leaves, leaf_idx = demand[0], supply, arc_offer
        else:
            raise ValueError("Expected a star: one offer or one want.")
        order = np.argsort(arc_km, kind="stable")
        caps = leaves[leaf_idx[order]]
        # Arcs of a star are one per leaf, so cumulative fill is exact.
        before = np.concatenate(([0.0], np.cumsum(caps)[:-1]))
        sent = np.clip(centre - before, 0.0, caps)
        flow = np.empty_like(sent)
        flow[order] = sent
        return flow
