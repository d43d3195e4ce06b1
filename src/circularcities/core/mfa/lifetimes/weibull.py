"""Weibull distributed lifetime."""

from __future__ import annotations

from dataclasses import dataclass

from circularcities.core.mfa.lifetimes.base import positive


@dataclass(frozen=True)
class WeibullLifetime:
    """Weibull lifetime with ``scale`` (years, > 0) and ``shape`` (> 0, dimensionless).

    Standard parametrisation: survival S(a) = exp(-(a/scale)^shape).
    """

    scale: float
    shape: float

    def __post_init__(self):
        object.__setattr__(self, "scale", positive("scale", self.scale))
        object.__setattr__(self, "shape", positive("shape", self.shape))

    def to_flodym(self, dims):
        from flodym.lifetime_models import WeibullLifetime as Model

        return Model(dims=dims, weibull_scale=self.scale, weibull_shape=self.shape)

    def as_dict(self) -> dict:
        return {"distribution": "weibull", "scale": self.scale, "shape": self.shape}
