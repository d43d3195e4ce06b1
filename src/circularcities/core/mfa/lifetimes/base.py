"""The lifetime protocol shared by every lifetime kind."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import ClassVar, Protocol, runtime_checkable

from circularcities.core.errors import ValidationError
from circularcities.core.i18n import Message


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
        raise ValidationError(Message("Expected %(name)s to be a finite number, got %(value)s.", name=name,
                                      value=repr(value)))
    if value < 0 or (value == 0 and not allow_zero):
        raise ValidationError(Message("Expected %(name)s >= 0, got %(value)s.", name=name, value=value) if allow_zero
                              else Message("Expected %(name)s > 0, got %(value)s.", name=name, value=value))
    return float(value)


@dataclass(frozen=True)
class MeanStdLifetime:
    """A lifetime given by its ``mean`` and ``std`` in years (both > 0); subclasses name the
    distribution and the flodym model that takes these two numbers."""

    mean: float
    std: float

    distribution: ClassVar[str] = ""
    flodym_model: ClassVar[str] = ""

    def __post_init__(self):
        object.__setattr__(self, "mean", positive("mean", self.mean))
        object.__setattr__(self, "std", positive("std", self.std))

    def to_flodym(self, dims):
        from flodym import lifetime_models

        return getattr(lifetime_models, self.flodym_model)(dims=dims, mean=self.mean, std=self.std)

    def as_dict(self) -> dict:
        return {"distribution": self.distribution, "mean": self.mean, "std": self.std}
