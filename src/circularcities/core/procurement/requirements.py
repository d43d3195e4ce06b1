"""Certified-product requirements (the San Francisco carpet case) and the supplier finder.

A requirement set bans substances (by name, substance class or CAS number),
asks for a minimum recycled content, a certification scheme at a minimum level
and a take-back obligation. :func:`check_product` lists every requirement a
product fails, so the finder can say why a product is left out.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from circularcities.core.errors import ValidationError

CERTIFICATION_LEVELS: dict[str, tuple[str, ...]] = {
    "Cradle to Cradle Certified": ("Basic", "Bronze", "Silver", "Gold", "Platinum"),
}
"""Levels of schemes with an order, lowest first. A scheme not listed needs its exact level."""

_CAS = re.compile(r"^(\d{2,7})-(\d{2})-(\d)$")


def cas_number(value: str) -> str:
    """``value`` checked as a CAS Registry Number (format and check digit), or ValidationError."""
    value = (value or "").strip()
    m = _CAS.match(value)
    if not m:
        raise ValidationError(f"Expected a CAS number such as 7732-18-5; got {value!r}.")
    digits = (m.group(1) + m.group(2))[::-1]
    check = sum((i + 1) * int(d) for i, d in enumerate(digits)) % 10
    if check != int(m.group(3)):
        raise ValidationError(f"CAS number {value} has a wrong check digit (expected {check}).")
    return value


@dataclass(frozen=True)
class Substance:
    """A substance or substance class (e.g. ``"PFAS"``), with its CAS number when it has one."""

    name: str
    cas: str = ""
    group: str = ""
    """The class it belongs to (antimicrobial, fluorinated, flame retardant...)."""

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValidationError("Expected the substance's name.")
        if self.cas:
            object.__setattr__(self, "cas", cas_number(self.cas))

    def matches(self, other: Substance) -> bool:
        """Same CAS number, or ``other``'s name is this one's name or class (case-insensitive)."""
        if self.cas and other.cas:
            return self.cas == other.cas
        names = {self.name.casefold(), self.group.casefold()} - {""}
        return other.name.casefold() in names


@dataclass(frozen=True)
class Certificate:
    """A product's certificate."""

    scheme: str
    level: str
    issuer: str
    valid_until: dt.date | None = None

    def valid_on(self, day: dt.date) -> bool:
        return self.valid_until is None or self.valid_until >= day


@dataclass(frozen=True)
class RequirementSet:
    """What a product must meet.

    Parameters
    ----------
    banned
        Substances or classes that must not be in the product.
    min_recycled_content_pct
        Minimum recycled content, % of mass (``None``: no minimum).
    certification_scheme, certification_level
        Required scheme and minimum level (empty: none required).
    take_back
        The maker must take the product back at end of life.
    """

    name: str
    banned: tuple[Substance, ...] = ()
    min_recycled_content_pct: float | None = None
    certification_scheme: str = ""
    certification_level: str = ""
    take_back: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "banned", tuple(self.banned))
        p = self.min_recycled_content_pct
        if p is not None and not (isinstance(p, int | float) and math.isfinite(p) and 0 <= p <= 100):
            raise ValidationError(f"Expected a minimum recycled content from 0 to 100 %; got {p!r}.")
        if bool(self.certification_scheme) != bool(self.certification_level):
            raise ValidationError("Expected both a certification scheme and its level, or neither.")
        levels = CERTIFICATION_LEVELS.get(self.certification_scheme)
        if levels and self.certification_level not in levels:
            raise ValidationError(f"Expected a {self.certification_scheme} level among "
                                  f"{', '.join(levels)}; got {self.certification_level!r}.")


@dataclass(frozen=True)
class Product:
    """A product with what its supplier declares about it."""

    name: str
    supplier: str = ""
    contains: tuple[Substance, ...] = ()
    recycled_content_pct: float | None = None
    certificates: tuple[Certificate, ...] = ()
    take_back: bool = False


@dataclass(frozen=True)
class Failure:
    """One requirement a product fails: ``code`` for programs, ``message`` for people."""

    code: str
    requirement: str
    message: str


def level_meets(scheme: str, level: str, required: str) -> bool:
    """``level`` is at least ``required`` in ``scheme``."""
    levels = CERTIFICATION_LEVELS.get(scheme)
    if levels and level in levels and required in levels:
        return levels.index(level) >= levels.index(required)
    return level.casefold() == required.casefold()


def check_product(product: Product, req: RequirementSet, on: dt.date) -> list[Failure]:
    """Every requirement of ``req`` that ``product`` fails on day ``on`` (empty: it complies)."""
    out: list[Failure] = []
    for banned in req.banned:
        hits = [s for s in product.contains if banned.matches(s) or s.matches(banned)
                or (s.group and s.group.casefold() == banned.name.casefold())]
        if hits:
            what = ", ".join(f"{s.name}" + (f" (CAS {s.cas})" if s.cas else "") for s in hits)
            out.append(Failure("banned_substance", f"no {banned.name}",
                               f"Contains {what}, banned as {banned.name}"
                               + (f" (CAS {banned.cas})" if banned.cas else "") + "."))
    if req.min_recycled_content_pct is not None:
        have = product.recycled_content_pct
        if have is None:
            out.append(Failure("recycled_content", f"recycled content ≥ {req.min_recycled_content_pct:g} %",
                               "Recycled content is not declared."))
        elif have < req.min_recycled_content_pct:
            out.append(Failure("recycled_content", f"recycled content ≥ {req.min_recycled_content_pct:g} %",
                               f"Recycled content is {have:g} %, below the minimum "
                               f"{req.min_recycled_content_pct:g} %."))
    if req.certification_scheme:
        want = f"{req.certification_scheme} {req.certification_level} or higher"
        same = [c for c in product.certificates if c.scheme.casefold() == req.certification_scheme.casefold()]
        good = [c for c in same if level_meets(req.certification_scheme, c.level, req.certification_level)]
        valid = [c for c in good if c.valid_on(on)]
        if not same:
            out.append(Failure("certification", want, f"No {req.certification_scheme} certificate."))
        elif not good:
            out.append(Failure("certification", want, "Certified "
                               + ", ".join(c.level for c in same) + f", below {req.certification_level}."))
        elif not valid:
            last = max(c.valid_until for c in good if c.valid_until)
            out.append(Failure("certificate_expired", want,
                               f"The {req.certification_scheme} certificate expired on {last.isoformat()}."))
    if req.take_back and not product.take_back:
        out.append(Failure("take_back", "take-back at end of life", "No take-back offered."))
    return out


@dataclass(frozen=True)
class FinderResult:
    """The supplier finder's answer: complying products, and the others with their failures."""

    complying: list[Product] = field(default_factory=list)
    failing: list[tuple[Product, list[Failure]]] = field(default_factory=list)


def find_products(products: Sequence[Product], req: RequirementSet, on: dt.date) -> FinderResult:
    """Split ``products`` into those meeting ``req`` and those failing (with why)."""
    result = FinderResult()
    for p in products:
        failures = check_product(p, req, on)
        if failures:
            result.failing.append((p, failures))
        else:
            result.complying.append(p)
    return result
