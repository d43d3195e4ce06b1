"""Lognormally distributed lifetime."""

from __future__ import annotations

from dataclasses import dataclass

from circularcities.core.mfa.lifetimes.base import MeanStdLifetime


@dataclass(frozen=True)
class LogNormalLifetime(MeanStdLifetime):
    """Lognormal lifetime, ``mean`` and ``std`` of the lifetime itself (years, > 0).

    These are NOT the parameters of the underlying normal distribution:
    flodym's ``LogNormalLifetime`` takes the lifetime's own mean and standard
    deviation and converts them (mu = ln(m^2/sqrt(m^2+s^2)), sigma^2 = ln(1+s^2/m^2)),
    so they are passed on unchanged.
    """

    distribution = "lognormal"
    flodym_model = "LogNormalLifetime"
