"""Distance providers: how far and how long between two places.

A provider is anything with the :class:`DistanceProvider` methods; the default
is :class:`GreatCircleCircuity`. A road-network router (OSRM, Valhalla, a
precomputed matrix) plugs in by implementing the same two methods, e.g. with
:class:`MatrixDistances`.
"""

from .great_circle_circuity import EARTH_RADIUS_KM as EARTH_RADIUS_KM
from .great_circle_circuity import GreatCircleCircuity as GreatCircleCircuity
from .great_circle_circuity import haversine_km as haversine_km
from .matrix_distances import MatrixDistances as MatrixDistances
from .provider import DistanceProvider as DistanceProvider

__all__ = ["DistanceProvider", "GreatCircleCircuity", "MatrixDistances", "haversine_km",
           "EARTH_RADIUS_KM"]
