"""Great-circle distance times a circuity factor: a cheap road-distance proxy."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from circularcities.core.errors import ValidationError
from circularcities.core.geo import haversine_km


@dataclass(frozen=True)
class CircuityDistance:
    """Road distance estimated as ``factor x`` great-circle distance.

    Parameters
    ----------
    factor
        Circuity factor, dimensionless, expected in [1, 5]. Studies of road
        networks find about 1.2 to 1.4 in most countries (e.g. Ballou et al.
        2002, "Selected country circuity factors for road travel distance
        estimation", Transportation Research A 36). Use a value fitted to the
        region where it matters.
    """

    factor: float = 1.3

    def __post_init__(self) -> None:
        f = self.factor
        if isinstance(f, bool) or not isinstance(f, int | float) or not math.isfinite(f) \
                or not 1.0 <= f <= 5.0:
            raise ValidationError(f"Expected circuity factor in [1, 5], got {f!r}.")

    @property
    def min_ratio_to_great_circle(self) -> float:
        """Every distance is exactly ``factor x`` the great-circle distance."""
        return float(self.factor)

    def distances_km(self, lat1: NDArray[np.float64], lon1: NDArray[np.float64],
                     lat2: NDArray[np.float64], lon2: NDArray[np.float64]
                     ) -> NDArray[np.float64]:
        """Estimated road distance, km, element-wise."""
        return self.factor * haversine_km(lat1, lon1, lat2, lon2)
