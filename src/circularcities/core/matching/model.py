"""Plain data of the marketplace: listings, matches and the exchange plan."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from circularcities.core.errors import ValidationError

QUANTITY_TOLERANCE_T = 1e-9
"""Flows below this many tonnes are solver noise and are dropped from plans."""


@dataclass(frozen=True)
class Listing:
    """An offer (a by-product or surplus) or a want (a material someone needs).

    Parameters
    ----------
    id
        Identifier, unique among the offers (resp. the wants) of one run.
    material
        Material code: an EWC code (``"15 01 01"`` or ``"150101"``) or a
        product category. See :func:`~circularcities.core.matching.material_key`.
    quantity_t
        Quantity on offer or wanted, tonnes, finite and >= 0.
    lat, lon
        Location, WGS84 degrees: lat in [-90, 90], lon in [-180, 180].
    avoided_cost_per_t
        Optional money saved per tonne exchanged, in ``currency``: for an offer
        the disposal cost it escapes (gate fee, landfill tax), for a want the
        purchase price of the virgin material it no longer buys. >= 0.
    currency
        ISO 4217 code of ``avoided_cost_per_t`` (e.g. ``"EUR"``).
    owner
        Optional owner (an organisation or a person). An offer and a want of the
        same non-empty owner are never paired: an organisation does not trade
        with itself. The rule is applied before solving, so the plan stays
        optimal among the pairs that are allowed.
    """

    id: str
    material: str
    quantity_t: float
    lat: float
    lon: float
    avoided_cost_per_t: float | None = None
    currency: str | None = None
    owner: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.id, str) or not self.id.strip():
            raise ValidationError(f"Expected a non-empty string id, got {self.id!r}.")
        if not isinstance(self.material, str) or not self.material.strip():
            raise ValidationError(f"Expected a non-empty material for listing {self.id!r}.")
        for name, value in (("quantity_t", self.quantity_t), ("lat", self.lat),
                            ("lon", self.lon)):
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ValidationError(
                    f"Expected a number for {name} of listing {self.id!r}, got {value!r}.")
        if not (math.isfinite(self.quantity_t) and self.quantity_t >= 0):
            raise ValidationError(
                f"Expected quantity_t >= 0 tonnes for listing {self.id!r}, got {self.quantity_t!r}.")
        if not (math.isfinite(self.lat) and -90.0 <= self.lat <= 90.0):
            raise ValidationError(
                f"Expected lat in [-90, 90] degrees for listing {self.id!r}, got {self.lat!r}.")
        if not (math.isfinite(self.lon) and -180.0 <= self.lon <= 180.0):
            raise ValidationError(
                f"Expected lon in [-180, 180] degrees for listing {self.id!r}, got {self.lon!r}.")
        if self.avoided_cost_per_t is not None:
            c = self.avoided_cost_per_t
            if not (isinstance(c, int | float) and math.isfinite(c) and c >= 0):
                raise ValidationError(
                    f"Expected avoided_cost_per_t >= 0 for listing {self.id!r}, got {c!r}.")
            if not (isinstance(self.currency, str) and len(self.currency) == 3
                    and self.currency.isalpha() and self.currency.isupper()):
                raise ValidationError(
                    f"Expected an ISO 4217 currency (e.g. 'EUR') for listing {self.id!r}, "
                    f"got {self.currency!r}.")


def check_unique_ids(listings: Sequence[Listing], side: str) -> None:
    """Raise :class:`ValidationError` naming the first repeated id among ``listings``."""
    seen: set[str] = set()
    for item in listings:
        if not isinstance(item, Listing):
            raise ValidationError(f"Expected Listing objects as {side}, got {type(item).__name__}.")
        if item.id in seen:
            raise ValidationError(f"Expected unique ids among {side}; id {item.id!r} repeats.")
        seen.add(item.id)


@dataclass(frozen=True)
class Match:
    """One exchange of the plan: ``quantity_t`` tonnes go from an offer to a want.

    Attributes
    ----------
    offer, want
        Ids of the offer and the want.
    quantity_t
        Tonnes exchanged, > 0.
    distance_km
        Distance between the two, km, as given by the plan's distance provider.
    offer_material, want_material
        Material codes as listed (they differ when the compatibility table allowed it).
    impact
        Filled by :func:`~circularcities.core.matching.annotate_plan`: avoided
        emissions (with every factor used) and money saved; ``None`` until then.
    """

    offer: str
    want: str
    quantity_t: float
    distance_km: float
    offer_material: str = ""
    want_material: str = ""
    impact: Any = None

    @property
    def tonne_km(self) -> float:
        """Transport work of this exchange, t·km."""
        return self.quantity_t * self.distance_km

    def as_dict(self) -> dict[str, Any]:
        """Plain dict for JSON: offer, want, quantity_t, distance_km, tonne_km (+ impact)."""
        out: dict[str, Any] = {"offer": self.offer, "want": self.want,
                               "quantity_t": self.quantity_t, "distance_km": self.distance_km,
                               "tonne_km": self.tonne_km}
        if self.impact is not None:
            out["impact"] = self.impact.as_dict()
        return out


@dataclass(frozen=True)
class MatchPlan:
    """The exchange plan: which offer sends how much to which want.

    Attributes
    ----------
    matches
        The exchanges, sorted by offer id then want id.
    method
        Name of the algorithm that produced the plan (``"exact"``, ``"greedy_nearest"``,
        ``"exact_lp_reference"``).
    max_km
        Distance limit used, km, or ``None`` for no limit.
    n_components
        Number of independent sub-problems solved.
    """

    matches: list[Match] = field(default_factory=list)
    method: str = "exact"
    max_km: float | None = None
    n_components: int = 0

    @property
    def matched_t(self) -> float:
        """Total tonnes exchanged."""
        return float(sum(m.quantity_t for m in self.matches))

    @property
    def tonne_km(self) -> float:
        """Total transport work, t·km."""
        return float(sum(m.tonne_km for m in self.matches))

    def as_dict(self) -> dict[str, Any]:
        """Plain dict for JSON: matched_t, tonne_km and the list of matches."""
        return {"matched_t": self.matched_t, "tonne_km": self.tonne_km,
                "matches": [m.as_dict() for m in self.matches]}
