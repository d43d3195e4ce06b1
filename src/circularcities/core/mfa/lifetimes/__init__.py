"""Lifetime distributions for dynamic stock models, one class per kind.

Parse the dict form with :func:`parse_lifetime`::

    {"distribution": "normal", "mean": 50, "std": 15}
    {"distribution": "lognormal", "mean": 50, "std": 15}   # of the lifetime itself
    {"distribution": "weibull", "scale": 55, "shape": 2.5}
    {"distribution": "fixed", "mean": 40}
"""

from __future__ import annotations

from circularcities.core.errors import ValidationError
from circularcities.core.i18n import Message
from circularcities.core.mfa.lifetimes.base import Lifetime
from circularcities.core.mfa.lifetimes.fixed import FixedLifetime
from circularcities.core.mfa.lifetimes.lognormal import LogNormalLifetime
from circularcities.core.mfa.lifetimes.normal import NormalLifetime
from circularcities.core.mfa.lifetimes.weibull import WeibullLifetime

LIFETIME_KINDS: dict[str, tuple[type, tuple[str, ...]]] = {
    "normal": (NormalLifetime, ("mean", "std")),
    "lognormal": (LogNormalLifetime, ("mean", "std")),
    "weibull": (WeibullLifetime, ("scale", "shape")),
    "fixed": (FixedLifetime, ("mean",)),
}


def parse_lifetime(spec: dict | Lifetime) -> Lifetime:
    """Build a lifetime from its dict form (or return a lifetime object unchanged).

    Raises
    ------
    ValidationError
        Unknown distribution, missing or unexpected keys, or invalid values.
    """
    if isinstance(spec, tuple(cls for cls, _ in LIFETIME_KINDS.values())):
        return spec  # type: ignore[return-value]
    if not isinstance(spec, dict):
        raise ValidationError(Message("Expected a lifetime dict with a 'distribution' key, got %(value)s.",
                                      value=repr(spec)))
    kind = spec.get("distribution")
    if kind not in LIFETIME_KINDS:
        raise ValidationError(Message("Expected distribution one of %(kinds)s, got %(value)s.",
                                      kinds=", ".join(LIFETIME_KINDS), value=repr(kind)))
    cls, keys = LIFETIME_KINDS[kind]
    missing = [k for k in keys if k not in spec]
    extra = sorted(set(spec) - set(keys) - {"distribution"})
    if missing or extra:
        raise ValidationError(Message(
            "Expected keys %(keys)s for a %(kind)s lifetime%(missing)s%(extra)s.", keys=", ".join(keys), kind=kind,
            missing=Message("; missing %(keys)s", keys=", ".join(missing)) if missing else "",
            extra=Message("; unexpected %(keys)s", keys=", ".join(extra)) if extra else ""))
    return cls(**{k: spec[k] for k in keys})


__all__ = ["FixedLifetime", "LIFETIME_KINDS", "Lifetime", "LogNormalLifetime", "NormalLifetime",
           "WeibullLifetime", "parse_lifetime"]
