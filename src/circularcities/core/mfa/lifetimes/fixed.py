"""Fixed lifetime: every product leaves at the same age."""

from __future__ import annotations

from dataclasses import dataclass

from circularcities.core.mfa.lifetimes.base import positive


@dataclass(frozen=True)
class FixedLifetime:
    """Every product leaves the stock once it reaches ``mean`` years (> 0).

    A stock-driven model needs products to survive their first year, which any
    mean > 0 guarantees under flodym's mid-year inflow convention.
    """

    mean: float

    def __post_init__(self):
        object.__setattr__(self, "mean", positive("mean", self.mean))

    def to_flodym(self, dims):
        from flodym.lifetime_models import FixedLifetime as Model

        return Model(dims=dims, mean=self.mean)

    def as_dict(self) -> dict:
        return {"distribution": "fixed", "mean": self.mean}
