"""Distances and times read from precomputed matrices (e.g. a road router)."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from circularcities.core.errors import ValidationError


@dataclass(frozen=True)
class MatrixDistances:
    """A provider backed by precomputed matrices for a fixed list of places.

    Use it to plug in a road-network router: compute its distance (km) and
    time (h, at ``reference_speed_kmh``) matrices once for ``places`` and
    hand them over. Times for other speeds are scaled by
    ``reference_speed_kmh / speed_kmh``.

    Parameters
    ----------
    places
        ``(n, 2)`` WGS84 ``(lat, lon)`` of the places, decimal degrees.
    distances_km
        ``(n, n)`` road distances, km, ``>= 0``.
    durations_h
        ``(n, n)`` driving times at ``reference_speed_kmh``, hours, ``>= 0``;
        ``None``: distance / speed.
    reference_speed_kmh
        Speed the ``durations_h`` were computed for, km/h, ``> 0``.
    """

    places: np.ndarray
    distances_km: np.ndarray
    durations_h: np.ndarray | None = None
    reference_speed_kmh: float = 50.0
    _index: dict = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        places = np.asarray(self.places, dtype=float).reshape(-1, 2)
        n = len(places)
        dist = np.asarray(self.distances_km, dtype=float)
        if dist.shape != (n, n) or (dist < 0).any():
            raise ValidationError(f"Expected a ({n}, {n}) matrix of distances >= 0 km.")
        if self.durations_h is not None:
            dur = np.asarray(self.durations_h, dtype=float)
            if dur.shape != (n, n) or (dur < 0).any():
                raise ValidationError(f"Expected a ({n}, {n}) matrix of durations >= 0 h.")
        if not self.reference_speed_kmh > 0:
            raise ValidationError("Expected reference_speed_kmh > 0.")
        object.__setattr__(self, "_index", {(round(a, 7), round(b, 7)): i
                                            for i, (a, b) in enumerate(places)})

    def _rows(self, places: np.ndarray) -> np.ndarray:
        try:
            return np.array([self._index[(round(a, 7), round(b, 7))]
                             for a, b in np.asarray(places, dtype=float).reshape(-1, 2)], dtype=int)
        except KeyError as exc:
            raise ValidationError(f"Expected every place to be in the matrix, {exc} is not.") from None

    def distance_km(self, places: np.ndarray) -> np.ndarray:
        """The stored distances between ``places``, km."""
        idx = self._rows(places)
        return np.asarray(self.distances_km, dtype=float)[np.ix_(idx, idx)]

    def duration_h(self, places: np.ndarray, speed_kmh: float) -> np.ndarray:
        """The stored times scaled to ``speed_kmh``, hours."""
        if not speed_kmh > 0:
            raise ValidationError(f"Expected speed_kmh > 0, got {speed_kmh!r}.")
        idx = self._rows(places)
        if self.durations_h is None:
            return self.distance_km(places) / speed_kmh
        base = np.asarray(self.durations_h, dtype=float)[np.ix_(idx, idx)]
        return base * (self.reference_speed_kmh / speed_kmh)
