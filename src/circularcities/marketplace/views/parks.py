"""Industrial parks: facilities, flows as a Sankey, and matches near the park."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from circularcities.core.geo import haversine_km
from circularcities.marketplace.matching import GIVING, solve
from circularcities.marketplace.models import Listing, Park
from circularcities.marketplace.services import open_listings


def park_list(request):
    return render(request, "marketplace/park_list.html",
                  {"parks": Park.objects.select_related("city").prefetch_related("facilities", "flows")})


def sankey(park) -> dict:
    facilities = list(park.facilities.all())
    index = {f.pk: i for i, f in enumerate(facilities)}
    flows = list(park.flows.select_related("source", "target").prefetch_related("values"))
    links: dict[str, list[Any]] = {"source": [], "target": [], "value": [], "label": [], "kind": []}
    for fl in flows:
        links["source"].append(index[fl.source_id])
        links["target"].append(index[fl.target_id])
        # Quantities the source does not report are drawn at unit width.
        links["value"].append(1)
        links["label"].append(fl.t("name"))
        links["kind"].append(fl.kind)
    return {"node_labels": [f.t("name") for f in facilities], "links": links,
            "note": _("Band widths are equal: the source reports no annual quantities for these flows.")}


def park_max_km(park) -> float:
    """Any two listings within the park's radius are at most a diameter apart."""
    return 2 * park.radius_km


def near_park(park):
    """Open listings within the park's radius, and the matcher's plan among them."""
    listings = []
    for x in open_listings().select_related("organisation", "waste_code", "category"):
        d = float(haversine_km(park.lat, park.lon, x.lat, x.lon))
        if d <= park.radius_km:
            x.distance_km = d
            listings.append(x)
    offers = [x for x in listings if x.kind in GIVING]
    wants = [x for x in listings if x.kind == Listing.Kind.WANT]
    plan = solve(offers, wants, max_km=park_max_km(park))
    by = {str(x.pk): x for x in listings}
    matches = []
    for m in plan.matches:
        o, w = by[m.offer], by[m.want]
        matches.append({"offer": o, "want": w, "quantity_t": m.quantity_t, "distance_km": m.distance_km})
    return sorted(listings, key=lambda x: x.distance_km), matches


def park_detail(request, slug):
    park = get_object_or_404(Park.objects.select_related("city"), slug=slug)
    flows = park.flows.select_related("source", "target").prefetch_related("values")
    listings, matches = near_park(park)
    points = [{"lat": f.lat, "lon": f.lon, "label": f.t("name"), "kind": "facility"}
              for f in park.facilities.all() if f.lat is not None]
    points += [{"lat": x.lat, "lon": x.lon, "label": f"#{x.pk} {x.title}", "kind": x.kind,
                "url": x.get_absolute_url()} for x in listings]
    return render(request, "marketplace/park_detail.html", {
        "park": park, "facilities": park.facilities.all(), "flows": flows, "sankey": sankey(park),
        "listings": listings, "matches": matches, "points": points,
        "center": {"lat": park.lat, "lon": park.lon, "radius_km": park.radius_km}})
