"""Detachability of a building component: how easily it comes apart undamaged.

Method (see ``circularcities/data/passport/METHOD.md`` for the provenance): the two
disassembly factors that Durmisevic (2006) identified as deciding whether a
connection can be undone — the *type of connection* and the *accessibility* of
the connection — scored 0.1..1 with the factor values used in the Building
Circularity Indicator (Verberne 2016; van Vliet 2018) that Madaster-style
passports adopt, and combined as their harmonic mean, so that one poor factor
pulls the score down more than a good one lifts it:

``DI = 2 / (1 / F_connection + 1 / F_accessibility)``
"""

from __future__ import annotations

from dataclasses import dataclass

from circularcities.core.errors import ValidationError

CONNECTION_FACTORS: dict[str, float] = {
    "dry": 1.0,                 # click, Velcro, magnetic, loose laid
    "added_elements": 0.8,      # bolts, screws, nails with separate fixings
    "direct_integral": 0.6,     # pinned or nailed into each other, integral profiles
    "soft_chemical": 0.2,       # sealants, soft kit, foam
    "hard_chemical": 0.1,       # glue, mortar, cast-in, welded
}
"""Factor per connection type (``F_connection``)."""

ACCESSIBILITY_FACTORS: dict[str, float] = {
    "free": 1.0,                # freely accessible
    "no_damage": 0.8,           # extra actions needed, nothing damaged
    "repairable_damage": 0.6,   # extra actions cause damage that can be repaired
    "irreparable_damage": 0.4,  # not accessible without irreparable damage to other parts
}
"""Factor per accessibility class (``F_accessibility``)."""

CONNECTION_TYPES = tuple(CONNECTION_FACTORS)
ACCESSIBILITY_CLASSES = tuple(ACCESSIBILITY_FACTORS)


@dataclass(frozen=True)
class Detachability:
    """The score of one component and the two factors it comes from (each 0..1)."""

    connection: str
    accessibility: str
    connection_factor: float
    accessibility_factor: float
    score: float


def detachability(connection: str, accessibility: str) -> Detachability:
    """Score a component from its connection type and accessibility.

    Parameters
    ----------
    connection
        One of :data:`CONNECTION_TYPES`.
    accessibility
        One of :data:`ACCESSIBILITY_CLASSES`.
    """
    if connection not in CONNECTION_FACTORS:
        raise ValidationError(f"Expected a connection type among {', '.join(CONNECTION_TYPES)}; "
                              f"got {connection!r}.")
    if accessibility not in ACCESSIBILITY_FACTORS:
        raise ValidationError(f"Expected an accessibility among {', '.join(ACCESSIBILITY_CLASSES)}; "
                              f"got {accessibility!r}.")
    fc, fa = CONNECTION_FACTORS[connection], ACCESSIBILITY_FACTORS[accessibility]
    return Detachability(connection, accessibility, fc, fa, 2 / (1 / fc + 1 / fa))
