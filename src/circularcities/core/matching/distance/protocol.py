"""The distance-provider protocol."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

import numpy as np
from numpy.typing import NDArray


@runtime_checkable
class DistanceProvider(Protocol):
    """Gives the travel distance between pairs of points.

    Attributes
    ----------
    min_ratio_to_great_circle
        A number ``r > 0`` such that every distance this provider returns is
        ``>= r x`` the great-circle distance. The matcher searches candidates
        within ``max_km / r`` great-circle km and then keeps those whose provider
        distance is ``<= max_km``, so a wrong (too large) ``r`` would silently
        lose candidates. A road network always satisfies ``r = 1``.

    Notes
    -----
    A road-network service (OSRM, Valhalla, a city's own routing table)
    implements :meth:`distances_km` by batching the pairs into table requests;
    the matcher only calls it for the candidate pairs, never for all pairs.
    """

    @property
    def min_ratio_to_great_circle(self) -> float:
        """See the class docstring."""
        ...

    def distances_km(self, lat1: NDArray[np.float64], lon1: NDArray[np.float64],
                     lat2: NDArray[np.float64], lon2: NDArray[np.float64]
                     ) -> NDArray[np.float64]:
        """Distance from point 1 to point 2, km, element-wise over equal-length arrays."""
        ...
