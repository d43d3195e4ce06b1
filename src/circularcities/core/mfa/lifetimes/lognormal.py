"""Lognormally distributed lifetime."""

from __future__ import annotations

from dataclasses import dataclass

from circularcities.core.mfa.lifetimes.base import positive


@dataclass(frozen=True)
class LogNormalLifetime:
    """Lognormal lifetime, ``mean`` and ``std`` of the lifetime itself (years, > 0).

    These are NOT the parameters of the underlying normal distribution:
    flodym's ``LogNormalLifetime`` takes the lifetime's own mean and standard
    deviation and converts them (mu = ln(m^2/sqrt(m^2+s^2)), sigma^2 = ln(1+s^2/m^2)),
    so they are passed on unchanged.
    """

    mean: float
    std: float

    def __post_init__(self):
        object.__setattr__(self, "mean", positive("mean", self.mean))
        object.__setattr__(self, "std", positive("std", self.std))

    def to_flodym(self, dims):
        from flodym.lifetime_models import LogNormalLifetime as Model

        return Model(dims=dims, mean=self.mean, std=self.std)

    def as_dict(self) -> dict:
        return {"distribution": "lognormal", "mean": self.mean, "std": self.std}
