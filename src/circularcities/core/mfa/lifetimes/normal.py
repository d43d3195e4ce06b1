"""Normally distributed lifetime."""

from __future__ import annotations

from dataclasses import dataclass

from circularcities.core.mfa.lifetimes.base import positive


@dataclass(frozen=True)
class NormalLifetime:
    """Normal lifetime with ``mean`` and ``std`` in years (mean > 0, std > 0).

    flodym does not truncate negative ages; keep ``std`` well below ``mean``.
    """

    mean: float
    std: float

    def __post_init__(self):
        object.__setattr__(self, "mean", positive("mean", self.mean))
        object.__setattr__(self, "std", positive("std", self.std))

    def to_flodym(self, dims):
        from flodym.lifetime_models import NormalLifetime as Model

        return Model(dims=dims, mean=self.mean, std=self.std)

    def as_dict(self) -> dict:
        return {"distribution": "normal", "mean": self.mean, "std": self.std}
