"""Great-circle distances and spatial helpers (WGS84 coordinates, kilometres).

Distances use a spherical Earth of mean radius :data:`EARTH_RADIUS_KM`
(IUGG mean radius R1 = 6371.0088 km). The error against the WGS84 ellipsoid is
below 0.5 %, far smaller than the difference between a straight line and a road.

Neighbour search works on 3-D unit vectors: two points are within ``d`` km of
each other on the sphere exactly when the straight-line (chord) distance between
their unit vectors is within ``chord_for_km(d)``, so an ordinary k-d tree
(:class:`scipy.spatial.cKDTree`) answers great-circle radius queries exactly.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike, NDArray

from circularcities.core.errors import ValidationError

EARTH_RADIUS_KM = 6371.0088
"""Mean Earth radius (IUGG R1), km."""

HALF_CIRCUMFERENCE_KM = math.pi * EARTH_RADIUS_KM
"""Largest possible great-circle distance, km (about 20,015 km)."""


def check_coordinates(lat: float, lon: float, what: str = "point") -> None:
    """Raise :class:`ValidationError` unless ``lat``/``lon`` are valid WGS84 degrees.

    Parameters
    ----------
    lat
        Latitude, degrees, expected in [-90, 90].
    lon
        Longitude, degrees, expected in [-180, 180].
    what
        Name of the point, used in the message.
    """
    if not (isinstance(lat, int | float) and math.isfinite(lat) and -90.0 <= lat <= 90.0):
        raise ValidationError(f"Expected lat of {what} in [-90, 90] degrees, got {lat!r}.")
    if not (isinstance(lon, int | float) and math.isfinite(lon) and -180.0 <= lon <= 180.0):
        raise ValidationError(f"Expected lon of {what} in [-180, 180] degrees, got {lon!r}.")


def haversine_km(lat1: ArrayLike, lon1: ArrayLike, lat2: ArrayLike,
                 lon2: ArrayLike) -> NDArray[np.float64]:
    """Great-circle distance by the haversine formula, element-wise.

    Parameters
    ----------
    lat1, lon1, lat2, lon2
        Coordinates in degrees (WGS84); arrays broadcast against each other.

    Returns
    -------
    numpy.ndarray
        Distance in km, in [0, :data:`HALF_CIRCUMFERENCE_KM`].
    """
    p1 = np.radians(np.asarray(lat1, dtype=float))
    p2 = np.radians(np.asarray(lat2, dtype=float))
    dphi = p2 - p1
    dlmb = np.radians(np.asarray(lon2, dtype=float) - np.asarray(lon1, dtype=float))
    h = np.sin(dphi / 2.0) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dlmb / 2.0) ** 2
    # Rounding can push h a hair above 1 for antipodal points.
    return 2.0 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))


def unit_vectors(lat: ArrayLike, lon: ArrayLike) -> NDArray[np.float64]:
    """Points on the unit sphere, shape ``(n, 3)``, from degrees latitude/longitude."""
    phi = np.radians(np.asarray(lat, dtype=float))
    lmb = np.radians(np.asarray(lon, dtype=float))
    cphi = np.cos(phi)
    return np.column_stack((cphi * np.cos(lmb), cphi * np.sin(lmb), np.sin(phi)))


def chord_for_km(distance_km: float) -> float:
    """Chord length on the unit sphere for a great-circle distance in km.

    Distances beyond half the circumference map to the diameter (2.0).
    """
    if distance_km < 0:
        raise ValidationError(f"Expected distance_km >= 0, got {distance_km!r}.")
    angle = min(distance_km / EARTH_RADIUS_KM, math.pi)
    return 2.0 * math.sin(angle / 2.0)


def km_for_chord(chord: ArrayLike) -> NDArray[np.float64]:
    """Great-circle distance in km for chord lengths on the unit sphere."""
    c = np.clip(np.asarray(chord, dtype=float) / 2.0, 0.0, 1.0)
    return 2.0 * EARTH_RADIUS_KM * np.arcsin(c)


def pairs_within(lat_a: ArrayLike, lon_a: ArrayLike, lat_b: ArrayLike, lon_b: ArrayLike,
                 max_km: float | None) -> tuple[NDArray[np.intp], NDArray[np.intp]]:
    """Index pairs ``(i, j)`` with great-circle distance(a_i, b_j) <= ``max_km``.

    Uses a k-d tree on unit vectors; the candidate radius is padded slightly and
    the result filtered with :func:`haversine_km`, so the answer agrees exactly
    with the haversine distance. ``max_km=None`` returns every pair.

    Returns
    -------
    (numpy.ndarray, numpy.ndarray)
        Indices into ``a`` and into ``b``, sorted by ``i`` then ``j``.
    """
    from scipy.spatial import cKDTree

    lat_a = np.asarray(lat_a, dtype=float)
    lat_b = np.asarray(lat_b, dtype=float)
    na, nb = lat_a.size, lat_b.size
    if na == 0 or nb == 0:
        empty = np.empty(0, dtype=np.intp)
        return empty, empty.copy()
    if max_km is None or max_km >= HALF_CIRCUMFERENCE_KM:
        ii, jj = np.meshgrid(np.arange(na), np.arange(nb), indexing="ij")
        return ii.ravel(), jj.ravel()
    ta = cKDTree(unit_vectors(lat_a, lon_a))
    tb = cKDTree(unit_vectors(lat_b, lon_b))
    radius = chord_for_km(max_km) * (1.0 + 1e-9) + 1e-12
    found = ta.sparse_distance_matrix(tb, radius, output_type="ndarray")
    ii = found["i"].astype(np.intp)
    jj = found["j"].astype(np.intp)
    lon_a = np.asarray(lon_a, dtype=float)
    lon_b = np.asarray(lon_b, dtype=float)
    keep = haversine_km(lat_a[ii], lon_a[ii], lat_b[jj], lon_b[jj]) <= max_km
    ii, jj = ii[keep], jj[keep]
    order = np.lexsort((jj, ii))
    return ii[order], jj[order]
