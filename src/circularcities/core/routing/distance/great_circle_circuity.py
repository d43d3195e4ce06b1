"""Great-circle distance times a circuity factor: the default provider."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from circularcities.core.errors import ValidationError

EARTH_RADIUS_KM = 6371.0088
"""Mean Earth radius (IUGG R1 = (2a + b) / 3 of WGS84), km."""


def haversine_km(places: np.ndarray) -> np.ndarray:
    """Great-circle distance between every pair of ``(lat, lon)`` places, km.

    Parameters
    ----------
    places
        ``(n, 2)`` array of WGS84 latitude and longitude, decimal degrees.

    Returns
    -------
    numpy.ndarray
        ``(n, n)`` symmetric matrix, km, on a sphere of radius
        :data:`EARTH_RADIUS_KM` (error against the ellipsoid below 0.5 %).
    """
    rad = np.radians(np.asarray(places, dtype=float).reshape(-1, 2))
    lat, lon = rad[:, 0][:, None], rad[:, 1][:, None]
    dlat, dlon = lat - lat.T, lon - lon.T
    a = np.sin(dlat / 2) ** 2 + np.cos(lat) * np.cos(lat.T) * np.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))


@dataclass(frozen=True)
class GreatCircleCircuity:
    """Road distance estimated as great-circle distance times ``circuity``.

    Driving time is that distance divided by the vehicle's average speed.

    Parameters
    ----------
    circuity
        Ratio of road distance to straight-line distance, ``>= 1``. The
        default 1.3 is the middle of the 1.2-1.4 range usually quoted for
        road networks: Ballou, Rahardja & Sakai (2002), "Selected country
        circuity factors for road travel distance estimation",
        *Transportation Research Part A* 36(9): 843-848, give country-level
        factors mostly in that range; Boscoe, Henry & Zdeb (2012), "A
        nationwide comparison of driving distance versus straight-line
        distance to hospitals", *The Professional Geographer* 64(2), find a
        US mean near 1.4, short trips being more circuitous than long ones.
        Figures quoted from the literature, not re-measured for Japan:
        pass a measured factor, or a road-network provider, when you have one.
    """

    circuity: float = 1.3

    def __post_init__(self):
        if not np.isfinite(self.circuity) or self.circuity < 1:
            raise ValidationError(f"Expected circuity >= 1, got {self.circuity!r}.")

    def distance_km(self, places: np.ndarray) -> np.ndarray:
        """Great-circle distance times :attr:`circuity`, km."""
        return haversine_km(places) * self.circuity

    def duration_h(self, places: np.ndarray, speed_kmh: float) -> np.ndarray:
        """:meth:`distance_km` divided by ``speed_kmh``, hours."""
        if not speed_kmh > 0:
            raise ValidationError(f"Expected speed_kmh > 0, got {speed_kmh!r}.")
        return self.distance_km(places) / speed_kmh
