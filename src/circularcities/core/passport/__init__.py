"""Buildings as material banks: the Material Circularity Indicator, detachability,
passport figures and when reusable material comes free. Pure Python, no Django."""

from circularcities.core.passport.detachability import (
    ACCESSIBILITY_CLASSES,
    ACCESSIBILITY_FACTORS,
    CONNECTION_FACTORS,
    CONNECTION_TYPES,
    Detachability,
    detachability,
)
from circularcities.core.passport.mci import (
    METHODS,
    BuildingResult,
    Flows,
    Result,
    building,
    compute,
    flow_problems,
)
from circularcities.core.passport.summary import (
    FIGURES,
    ORIGINS,
    QUALITIES,
    Availability,
    Part,
    Passport,
    coming_free,
    summarise,
)

__all__ = [
    "ACCESSIBILITY_CLASSES", "ACCESSIBILITY_FACTORS", "CONNECTION_FACTORS", "CONNECTION_TYPES",
    "FIGURES", "METHODS", "ORIGINS", "QUALITIES", "Availability", "BuildingResult",
    "Detachability", "Flows", "Part", "Passport", "Result", "building", "coming_free",
    "compute", "detachability", "flow_problems", "summarise",
]
