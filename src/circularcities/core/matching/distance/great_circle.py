"""Great-circle distance (the default provider)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from circularcities.core.geo import haversine_km


@dataclass(frozen=True)
class GreatCircle:
    """Great-circle (haversine) distance on a sphere of radius 6371.0088 km.

    A lower bound of any road distance; use :class:`CircuityDistance` to
    approximate the road.
    """

    min_ratio_to_great_circle: float = 1.0

    def distances_km(self, lat1: NDArray[np.float64], lon1: NDArray[np.float64],
                     lat2: NDArray[np.float64], lon2: NDArray[np.float64]
                     ) -> NDArray[np.float64]:
        """Great-circle distance, km, element-wise."""
        return haversine_km(lat1, lon1, lat2, lon2)
