"""What each exchange of a plan is worth: avoided emissions (via
:mod:`circularcities.core.lca`) and money saved."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from circularcities.core.errors import ValidationError
from circularcities.core.lca.avoided import AvoidedEmissions, avoided_emissions
from circularcities.core.lca.factors import DEFAULT_FACTOR_SET
from circularcities.core.matching.model import Listing, MatchPlan


@dataclass(frozen=True)
class ExchangeImpact:
    """Avoided emissions and money saved by one match.

    Attributes
    ----------
    emissions
        :class:`~circularcities.core.lca.AvoidedEmissions`, with every factor,
        its source and year. Uses the offer's material (what physically moves).
    money_saved
        ``q x (offer's + want's avoided_cost_per_t) - tonne_km x
        transport_cost_per_tkm`` in ``currency``; ``None`` when neither side
        gave a cost.
    currency
        ISO 4217 code, or ``None``.
    """

    emissions: AvoidedEmissions
    money_saved: float | None
    currency: str | None

    def as_dict(self) -> dict[str, Any]:
        return {"emissions": self.emissions.as_dict(), "money_saved": self.money_saved,
                "currency": self.currency}


def annotate_plan(plan: MatchPlan, offers: Sequence[Listing], wants: Sequence[Listing], *,
                  factor_set: str = DEFAULT_FACTOR_SET, route: str = "recycling",
                  counterfactual: str = "landfill",
                  freight_kg_co2e_per_tkm: float | None = None,
                  transport_cost_per_tkm: float | None = None) -> MatchPlan:
    """A copy of ``plan`` whose matches carry an :class:`ExchangeImpact`.

    Parameters
    ----------
    plan, offers, wants
        The plan and the listings it was computed from.
    factor_set, route, counterfactual, freight_kg_co2e_per_tkm
        Passed to :func:`~circularcities.core.lca.avoided_emissions`.
    transport_cost_per_tkm
        Haulage cost per t·km in the listings' currency, >= 0; ``None`` leaves
        transport cost out.

    Raises
    ------
    ValidationError
        When a match names an unknown id, or the two sides use different currencies.
    """
    if transport_cost_per_tkm is not None and not transport_cost_per_tkm >= 0:
        raise ValidationError("Expected transport_cost_per_tkm >= 0.")
    by_o = {x.id: x for x in offers}
    by_w = {x.id: x for x in wants}
    out = []
    for m in plan.matches:
        if m.offer not in by_o or m.want not in by_w:
            raise ValidationError(f"Expected the listings of the plan; offer {m.offer!r} or "
                                  f"want {m.want!r} is not among them.")
        o, w = by_o[m.offer], by_w[m.want]
        em = avoided_emissions(o.material, m.quantity_t, route=route,
                               counterfactual=counterfactual, factor_set=factor_set,
                               tonne_km=m.tonne_km,
                               freight_kg_co2e_per_tkm=freight_kg_co2e_per_tkm)
        currencies = {x.currency for x in (o, w) if x.avoided_cost_per_t is not None}
        if len(currencies) > 1:
            raise ValidationError(f"Expected one currency for offer {o.id!r} and want "
                                  f"{w.id!r}, got {sorted(str(c) for c in currencies)}.")
        money, cur = None, None
        if currencies:
            cur = currencies.pop()
            per_t = (o.avoided_cost_per_t or 0.0) + (w.avoided_cost_per_t or 0.0)
            money = m.quantity_t * per_t
            if transport_cost_per_tkm is not None:
                money -= m.tonne_km * transport_cost_per_tkm
        out.append(dataclasses.replace(m, impact=ExchangeImpact(emissions=em,
                                                                money_saved=money,
                                                                currency=cur)))
    return dataclasses.replace(plan, matches=out)
