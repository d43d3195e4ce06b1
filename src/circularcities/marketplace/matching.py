"""Suggested partners: the core matcher run on listings from the database.

For one listing, the candidates are the open listings of the other side
(wants for an offer or a share item, offers and share items for a want) of
other owners; the matcher's optimal plan says who gets how much, and each
suggestion carries distance, tonnes, avoided CO2e (with its factors) and
money saved, plus a sentence that explains it. A whole programme runs as a
background job with progress.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from circularcities.core import matching as core
from circularcities.marketplace.models import CompatibilityRule, Listing
from circularcities.marketplace.services import FACTOR_SET, open_listings

DEFAULT_MAX_KM = 50.0
GIVING = (Listing.Kind.OFFER, Listing.Kind.SHARE)


def compatibility() -> core.Compatibility:
    """The secretariat's table as the core matcher wants it."""
    return core.Compatibility.from_pairs(
        CompatibilityRule.objects.values_list("offer_material", "want_material"))


def owner_key(listing: Listing) -> str | None:
    """Who a listing belongs to, for the rule that nobody trades with themselves."""
    if listing.organisation_id:
        return f"org:{listing.organisation_id}"
    if listing.created_by_id:
        return f"user:{listing.created_by_id}"
    return None


def _to_core(listing: Listing, currency: str | None) -> core.Listing:
    cost = listing.avoided_cost_per_t
    use_cost = cost is not None and listing.currency and (currency is None or listing.currency == currency)
    return core.Listing(id=str(listing.pk), material=listing.material_code,
                        quantity_t=float(listing.remaining_t), lat=listing.lat, lon=listing.lon,
                        avoided_cost_per_t=float(cost) if use_cost and cost is not None else None,
                        currency=listing.currency if use_cost else None,
                        owner=owner_key(listing))


def solve(offers: list[Listing], wants: list[Listing], max_km: float | None,
          progress=None, distributed: bool = False) -> core.MatchPlan:
    """The one plan for these listings: every page that shows matches calls this.

    The same-owner rule is part of the problem given to the matcher (not a
    filter on its answer), so the plan is optimal among the allowed pairs.
    ``distributed``: the components are solved by the job workers (same plan).
    """
    args = ([_to_core(o, None) for o in offers], [_to_core(w, None) for w in wants])
    if distributed:
        from circularcities.marketplace.distributed import distributed_match

        return distributed_match(*args, max_km=max_km, compatibility=compatibility(),
                                 progress=progress)
    return core.match(*args, max_km=max_km, compatibility=compatibility(), progress=progress)


@dataclass
class Suggestion:
    offer: Listing
    want: Listing
    partner: Listing
    quantity_t: float
    distance_km: float
    kg_co2e_avoided: float | None
    co2e_status: str
    factors: list[dict]
    money_saved: float | None
    currency: str | None
    same_material: bool
    explain: str

    @property
    def tonne_km(self) -> float:
        return self.quantity_t * self.distance_km


@dataclass
class Suggestions:
    listing: Listing
    max_km: float | None
    suggestions: list[Suggestion] = field(default_factory=list)
    in_range: list[tuple[Listing, float]] = field(default_factory=list)
    n_candidates: int = 0


def _candidates(listing: Listing, max_km: float | None = None):
    if listing.kind in GIVING:
        qs = open_listings(Listing.Kind.WANT)
    else:
        qs = open_listings().filter(kind__in=GIVING)
    if max_km is not None:
        # A bounding box in the database keeps the matcher's input small; the
        # matcher then applies the exact great-circle limit.
        dlat = max_km / 110.5 + 0.01
        qs = qs.filter(lat__gte=listing.lat - dlat, lat__lte=listing.lat + dlat)
        top = abs(listing.lat) + dlat
        if top < 89:
            dlon = max_km / (111.0 * math.cos(math.radians(top))) + 0.01
            if -180 <= listing.lon - dlon and listing.lon + dlon <= 180:
                qs = qs.filter(lon__gte=listing.lon - dlon, lon__lte=listing.lon + dlon)
    if listing.organisation_id:
        qs = qs.exclude(organisation_id=listing.organisation_id)
    elif listing.created_by_id:
        qs = qs.exclude(created_by_id=listing.created_by_id, organisation__isnull=True)
    return qs.exclude(pk=listing.pk).select_related("organisation", "waste_code", "category").prefetch_related(
        "translations", "category__translations")


def explain(s: Suggestion) -> str:
    parts = [_("%(q)s t of %(material)s from offer #%(offer)s to want #%(want)s, %(km)s km apart "
               "(%(tkm)s t·km).") % {"q": f"{s.quantity_t:,.3f}", "material": s.offer.material_code,
                                     "offer": s.offer.pk, "want": s.want.pk,
                                     "km": f"{s.distance_km:,.1f}", "tkm": f"{s.tonne_km:,.1f}"}]
    if s.same_material:
        parts.append(_("Same material on both sides."))
    else:
        parts.append(_("Different codes (%(a)s → %(b)s): the compatibility table allows it.")
                     % {"a": s.offer.material_code, "b": s.want.material_code})
    if s.kg_co2e_avoided is not None:
        terms = " ".join(f"{'+' if f['sign'] > 0 else '−'} {f['value']:,.1f}" for f in s.factors)
        src = f"{s.factors[0]['source']}, {s.factors[0]['year']}" if s.factors else ""
        parts.append(_("Avoids %(kg)s kg CO2e by %(route)s instead of landfill: %(q)s t × (%(terms)s) "
                       "kg CO2e/t (%(source)s).")
                     % {"kg": f"{s.kg_co2e_avoided:,.0f}", "route": s.offer.get_route_display(),
                        "q": f"{s.quantity_t:,.3f}", "terms": terms.lstrip("+ "), "source": src})
    else:
        parts.append(_("CO2e avoided not computed: the factor tables lack this material (%(status)s).")
                     % {"status": s.co2e_status})
    if s.money_saved is not None:
        parts.append(_("Saves about %(money)s %(cur)s in disposal and purchase costs.")
                     % {"money": f"{s.money_saved:,.0f}", "cur": s.currency})
    return " ".join(parts)


def suggest(listing: Listing, max_km: float | None = DEFAULT_MAX_KM) -> Suggestions:
    """Suggested partners for ``listing`` within ``max_km`` (None: no limit)."""
    out = Suggestions(listing=listing, max_km=max_km)
    if not listing.is_open or listing.remaining_t <= 0:
        return out
    cands = list(_candidates(listing, max_km))
    out.n_candidates = len(cands)
    currency = listing.currency or None
    me = _to_core(listing, currency)
    others = [_to_core(c, currency or c.currency or None) for c in cands]
    giving = listing.kind in GIVING
    offers, wants = ([me], others) if giving else (others, [me])
    comp = compatibility()
    plan = core.match(offers, wants, max_km=max_km, compatibility=comp)
    plan = core.annotate_plan(plan, offers, wants, factor_set=FACTOR_SET,
                              route=listing.route if giving else "reuse")
    by_id = {str(c.pk): c for c in cands}
    for m in plan.matches:
        if giving:
            offer, want = listing, by_id[m.want]
            partner = want
        else:
            offer, want = by_id[m.offer], listing
            partner = offer
        if not giving and offer.route != "reuse":
            # The route is the offer's: recompute for it rather than assume reuse.
            from circularcities.core.lca import avoided_emissions

            em = avoided_emissions(offer.material_code, m.quantity_t, route=offer.route,
                                   factor_set=FACTOR_SET)
        else:
            em = m.impact.emissions
        s = Suggestion(offer=offer, want=want, partner=partner, quantity_t=m.quantity_t,
                       distance_km=m.distance_km, kg_co2e_avoided=em.kg_co2e_avoided,
                       co2e_status=em.status, factors=[f.as_dict() for f in em.factors],
                       money_saved=m.impact.money_saved, currency=m.impact.currency,
                       same_material=core.material_key(m.offer_material) == core.material_key(m.want_material),
                       explain="")
        s.explain = explain(s)
        out.suggestions.append(s)
    out.suggestions.sort(key=lambda s: (-s.quantity_t, s.distance_km))
    chosen = {s.partner.pk for s in out.suggestions}
    oi, wj, km = core.candidate_arcs(offers, wants, max_km, comp, core.GreatCircle())
    idx = wj if giving else oi
    seen = {}
    for i, d in zip(idx.tolist(), km.tolist(), strict=True):
        c = cands[i]
        if c.pk not in chosen:
            seen[c.pk] = (c, d)
    out.in_range = sorted(seen.values(), key=lambda t: t[1])[:20]
    return out


# --- the whole programme, as a background job -------------------------------

def programme_listings(city_slug: str | None):
    offers = open_listings().filter(kind__in=GIVING)
    wants = open_listings(Listing.Kind.WANT)
    if city_slug:
        offers, wants = offers.filter(city__slug=city_slug), wants.filter(city__slug=city_slug)
    rel = ("organisation", "waste_code", "category")
    return list(offers.select_related(*rel)), list(wants.select_related(*rel))


def run_programme_matching(params: dict[str, Any], report) -> dict[str, Any]:
    """Job: match every open offer with every open want of a programme (a city, or all).

    ``params["distributed"]``: hand the independent components to the job workers
    (several processes or machines on the shared queue) and gather the plan."""
    city = params.get("city") or None
    max_km = params.get("max_km")
    report(0.02, "reading listings")
    offers, wants = programme_listings(city)
    # Money needs one currency per pair; drop costs in currencies other than the offer's.
    cur_o = {str(o.pk): o.currency if o.avoided_cost_per_t is not None and o.currency else None
             for o in offers}
    report(0.1, f"{len(offers)} offers, {len(wants)} wants")

    def progress(done: int, total: int) -> None:
        report(0.1 + 0.8 * done / max(total, 1), f"component {done} of {total}")

    plan = solve(offers, wants, max_km, progress=progress, distributed=bool(params.get("distributed")))
    by_o = {str(o.pk): o for o in offers}
    by_w = {str(w.pk): w for w in wants}
    rows = []
    from circularcities.core.lca import avoided_emissions

    total_kg, incomplete = 0.0, 0
    for m in plan.matches:
        o, w = by_o[m.offer], by_w[m.want]
        em = avoided_emissions(o.material_code, m.quantity_t, route=o.route, factor_set=FACTOR_SET)
        if em.kg_co2e_avoided is None:
            incomplete += 1
        else:
            total_kg += em.kg_co2e_avoided
        money, cur = None, cur_o.get(m.offer)
        per_t = 0.0
        if o.avoided_cost_per_t is not None and o.currency:
            per_t += float(o.avoided_cost_per_t)
        if w.avoided_cost_per_t is not None and w.currency == (o.currency or w.currency):
            per_t += float(w.avoided_cost_per_t)
            cur = cur or w.currency
        if per_t:
            money = m.quantity_t * per_t
        rows.append({"offer": o.pk, "want": w.pk, "offer_org": o.organisation.t("name") if o.organisation else "",
                     "want_org": w.organisation.t("name") if w.organisation else "",
                     "material": o.material_code, "quantity_t": m.quantity_t,
                     "distance_km": m.distance_km, "kg_co2e_avoided": em.kg_co2e_avoided,
                     "money_saved": money, "currency": cur})
    report(1.0, "done")
    return {"city": city, "max_km": max_km, "n_offers": len(offers), "n_wants": len(wants),
            "matched_t": plan.matched_t, "tonne_km": plan.tonne_km, "n_matches": len(rows),
            "n_components": plan.n_components, "kg_co2e_avoided": total_kg,
            "n_incomplete_co2e": incomplete, "matches": rows[:500],
            "url": reverse("marketplace:matching_result", args=[params["run_id"]])
            if params.get("run_id") else ""}
