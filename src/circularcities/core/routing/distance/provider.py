"""The protocol every distance provider implements."""

from __future__ import annotations

from typing import Protocol

import numpy as np


class DistanceProvider(Protocol):  # pragma: no cover - a protocol
    """Road distances and driving times between places.

    Places are given as an ``(n, 2)`` array of WGS84 ``(lat, lon)`` in
    decimal degrees; results are ``(n, n)`` arrays indexed ``[from, to]``.
    """

    def distance_km(self, places: np.ndarray) -> np.ndarray:
        """Road distance between every pair of places, km, ``>= 0``, zero diagonal."""

    def duration_h(self, places: np.ndarray, speed_kmh: float) -> np.ndarray:
        """Driving time between every pair of places for a vehicle whose
        average speed is ``speed_kmh``, hours, ``>= 0``, zero diagonal."""
