"""Normally distributed lifetime."""

from __future__ import annotations

from dataclasses import dataclass

from circularcities.core.mfa.lifetimes.base import MeanStdLifetime


@dataclass(frozen=True)
class NormalLifetime(MeanStdLifetime):
    """Normal lifetime with ``mean`` and ``std`` in years (mean > 0, std > 0).

    flodym does not truncate negative ages; keep ``std`` well below ``mean``.
    """

    distribution = "normal"
    flodym_model = "NormalLifetime"
