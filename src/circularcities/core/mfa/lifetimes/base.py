"""The lifetime protocol shared by every lifetime kind."""

from __future__ import annotations

import math
from typing import Protocol, runtime_checkable

from circularcities.core.errors import ValidationError


@runtime_checkable
class Lifetime(Protocol):
    """A lifetime distribution of products in a stock (years).

    Each kind builds the matching :mod:`flodym.lifetime_models` object.
    """

    def to_flodym(self, dims):  # pragma: no cover - protocol
        """A flodym ``LifetimeModel`` over ``dims`` (time first)."""

    def as_dict(self) -> dict:  # pragma: no cover - protocol
        """The dict form accepted by :func:`parse_lifetime`."""


def positive(name: str, value: object, allow_zero: bool = False) -> float:
    """``value`` as a float, raising ValidationError unless it is finite and > 0."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValidationError(f"Expected {name} to be a finite number, got {value!r}.")
    if value < 0 or (value == 0 and not allow_zero):
        raise ValidationError(f"Expected {name} {'>=' if allow_zero else '>'} 0, got {value}.")
    return float(value)
