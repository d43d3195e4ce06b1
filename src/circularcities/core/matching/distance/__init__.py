"""Distance providers: how far apart an offer and a want are, in km.

Interchangeable strategies, one class per file: :class:`GreatCircle` (default)
and :class:`CircuityDistance` (great-circle x a circuity factor). A road-network
service can be plugged in later by implementing :class:`DistanceProvider`.
"""

from circularcities.core.matching.distance.circuity import CircuityDistance
from circularcities.core.matching.distance.great_circle import GreatCircle
from circularcities.core.matching.distance.protocol import DistanceProvider

__all__ = ["CircuityDistance", "DistanceProvider", "GreatCircle"]
