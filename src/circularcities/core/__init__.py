"""Pure computation for the Circular Cities Platform.

Nothing in this package imports Django: analysts can use it from a notebook,
and the web apps call it. Subpackages: ``mfa`` (urban metabolism and dynamic
stocks), ``indicators``, ``maturity``, ``matching``, ``routing``, ``search``,
``lca``, ``planning``.
"""

from circularcities.core.errors import (
    CircularCitiesError,
    DataImportError,
    InfeasibleError,
    MassBalanceError,
    Problem,
    ValidationError,
)

__all__ = [
    "CircularCitiesError",
    "DataImportError",
    "InfeasibleError",
    "MassBalanceError",
    "Problem",
    "ValidationError",
]
