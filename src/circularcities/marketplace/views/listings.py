"""Listing pages: search with a map, my listings, create/edit/withdraw, detail
with suggested partners."""

from __future__ import annotations

import math

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from circularcities.accounts.permissions import is_secretariat, organisation_of
from circularcities.coalition.models import Partner
from circularcities.core.errors import ValidationError
from circularcities.core.geo import haversine_km
from circularcities.core.matching import material_key
from circularcities.core.rules import FieldError
from circularcities.marketplace.forms import ExchangeForm, ListingForm
from circularcities.marketplace.matching import DEFAULT_MAX_KM, suggest
from circularcities.marketplace.models import Listing, ProductCategory, WasteCode
from circularcities.marketplace.permissions import (
    can_edit_listing,
    can_record_exchange,
    require_edit_listing,
)
from circularcities.marketplace.services import OPEN, save_listing, withdraw_listing
from circularcities.marketplace.views.deals import deal_form, deals_on
from circularcities.web.fielderrors import add_to_form, full_message


def _float(value):
    try:
        f = float(value)
    except (TypeError, ValueError):
        return None
    return f if math.isfinite(f) else None


def chapters():
    from django.utils.translation import get_language

    from circularcities.core.waste import ewc

    rows = WasteCode.objects.values_list("chapter", "chapter_title").distinct().order_by("chapter")
    return [(c, ewc.text("chapter", c, t, get_language()).text) for c, t in rows]


def filter_listings(params, qs=None):
    """Apply the search filters in ``params`` (a QueryDict or dict); returns
    (queryset or list, dict of filters in effect, error sentences)."""
    qs = qs if qs is not None else Listing.objects.all()
    qs = qs.select_related("organisation", "waste_code", "category").prefetch_related(
        "translations", "category__translations")
    errors = []
    f = {k: (params.get(k) or "").strip() for k in ("kind", "material", "chapter", "hazardous",
                                                    "organisation", "status", "q", "lat", "lon", "km", "near")}
    if f["kind"] in Listing.Kind.values:
        qs = qs.filter(kind=f["kind"])
    if f["status"] == "all":
        pass
    elif f["status"] in Listing.Status.values:
        qs = qs.filter(status=f["status"])
    else:
        qs = qs.filter(status__in=OPEN)
    if f["material"]:
        key = material_key(f["material"])
        qs = qs.filter(Q(waste_code_id=key) | Q(category_id=key))
    if f["chapter"]:
        qs = qs.filter(waste_code__chapter=f["chapter"])
    if f["hazardous"] == "yes":
        qs = qs.filter(waste_code__hazardous=True)
    elif f["hazardous"] == "no":
        qs = qs.exclude(waste_code__hazardous=True)
    if f["organisation"]:
        qs = qs.filter(organisation__slug=f["organisation"])
    if f["q"]:
        titled = Listing._parler_meta.root_model.objects.filter(title__icontains=f["q"])
        qs = qs.filter(Q(pk__in=titled.values("master_id")) | Q(description__icontains=f["q"])
                       | Q(waste_code__description__icontains=f["q"]))
    if f["lat"] or f["lon"] or f["km"]:
        lat, lon, km = _float(f["lat"]), _float(f["lon"]), _float(f["km"])
        if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
            errors.append(_("Distance filter: choose a place from the list, or give a latitude (-90..90) and a longitude (-180..180)."))
        elif km is None or km < 0:
            errors.append(_("Distance filter: give a distance in km of zero or more."))
        else:
            rows = []
            # A bounding box first, then the exact great-circle distance.
            dlat = km / 111.0 + 0.01
            dlon = km / max(1e-6, 111.0 * math.cos(math.radians(lat))) + 0.01
            for x in qs.filter(lat__gte=lat - dlat, lat__lte=lat + dlat):
                if abs(((x.lon - lon + 180) % 360) - 180) > dlon and dlon < 180:
                    continue
                d = float(haversine_km(lat, lon, x.lat, x.lon))
                if d <= km:
                    x.distance_km = d
                    rows.append(x)
            rows.sort(key=lambda x: x.distance_km)
            return rows, f, errors
    return qs, f, errors


def _points(listings):
    return [{"id": x.pk, "lat": x.lat, "lon": x.lon, "kind": x.kind, "url": x.get_absolute_url(),
             "label": f"#{x.pk} {x.t('title')}"[:80], "t": float(x.remaining_t)} for x in listings]


def index(request):
    results, f, errors = filter_listings(request.GET)
    page = Paginator(results, 50).get_page(request.GET.get("page"))
    return render(request, "marketplace/index.html", {
        "page": page, "f": f, "errors": errors, "kinds": Listing.Kind.choices,
        "statuses": Listing.Status.choices, "chapters": chapters(),
        "organisations": Partner.objects.filter(listings__isnull=False).distinct(),
        "points": _points(page.object_list), "n": page.paginator.count,
        "home_point": home_point(request.user, organisation_of(request.user) if request.user.is_authenticated
                                 else None),
    })


@login_required
def my_listings(request):
    org = organisation_of(request.user)
    if request.GET.get("all") and is_secretariat(request.user):
        qs = Listing.objects.all()
    elif org is not None:
        qs = Listing.objects.filter(organisation=org)
    else:
        qs = Listing.objects.filter(created_by=request.user, organisation__isnull=True)
    return render(request, "marketplace/my_listings.html", {
        "listings": qs.select_related("waste_code", "category", "organisation").prefetch_related(
            "translations", "category__translations"),
        "organisation": org, "secretariat": is_secretariat(request.user)})


def _form_page(request, form, listing, status=200):
    org = listing.organisation if listing else organisation_of(request.user)
    return render(request, "marketplace/listing_form.html", {
        "form": form, "listing": listing, "organisation": org,
        "secretariat": is_secretariat(request.user),
        "categories": ProductCategory.objects.by_name(),
        "home_point": home_point(request.user, org),
    }, status=status)


def home_point(user, org) -> dict | None:
    """Where the location map opens: the organisation's address, else its city, else the
    first city the user works for; None (the whole map) for nobody in particular."""
    from circularcities.accounts.models import CityMembership

    if org is not None and org.lat is not None:
        return {"lat": org.lat, "lon": org.lon, "zoom": 12}
    city = org.city if org is not None and org.city_id else None
    if city is None and user.is_authenticated:
        m = CityMembership.objects.filter(user=user, city__lat__isnull=False).select_related("city").first()
        city = m.city if m is not None else None
    if city is not None and city.lat is not None:
        return {"lat": city.lat, "lon": city.lon, "zoom": 10}
    return None


def _save(request, listing):
    form = ListingForm(request.POST)
    if listing is not None:  # kind and organisation are fixed once listed: not on the edit page
        form.fields["kind"].required = False
    if form.is_valid():
        data = dict(form.cleaned_data)
        if listing is not None:
            data["kind"] = listing.kind
        try:
            saved = save_listing(request.user, data, listing)
        except FieldError as exc:
            if listing is not None and exc.field in ("kind", "organisation"):  # not on the edit page
                form.add_error(None, full_message(exc))
            else:
                add_to_form(form, exc)
        except ValidationError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Listing #%(id)s saved.") % {"id": saved.pk})
            return redirect(saved.get_absolute_url())
    return _form_page(request, form, listing, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def create_listing(request):
    if request.method == "POST":
        return _save(request, None)
    org = organisation_of(request.user)
    initial = {"kind": request.GET.get("kind") or "offer", "unit": "t", "frequency": "once",
               "route": "reuse", "use_organisation_location": bool(org and org.lat is not None)}
    return _form_page(request, ListingForm(initial=initial), None)


@login_required
@require_http_methods(["GET", "POST"])
def edit_listing(request, pk):
    listing = get_object_or_404(Listing, pk=pk)
    require_edit_listing(request.user, listing)
    if request.method == "POST":
        return _save(request, listing)
    return _form_page(request, ListingForm(initial=ListingForm.initial_for(listing)), listing)


@login_required
@require_POST
def withdraw(request, pk):
    listing = get_object_or_404(Listing, pk=pk)
    withdraw_listing(request.user, listing)
    messages.success(request, _("Listing #%(id)s withdrawn.") % {"id": listing.pk})
    return redirect(listing.get_absolute_url())


def listing_detail(request, pk):
    listing = get_object_or_404(Listing.objects.select_related("organisation", "waste_code", "category",
                                                               "city"), pk=pk)
    raw_km = request.GET.get("max_km", "")
    max_km = DEFAULT_MAX_KM
    if raw_km == "none":
        max_km = None
    elif raw_km:
        max_km = _float(raw_km)
        if max_km is None or max_km < 0:
            messages.error(request, _("Maximum distance: expected km of zero or more; %(km)s km used.")
                           % {"km": DEFAULT_MAX_KM})
            max_km = DEFAULT_MAX_KM
    sugg = suggest(listing, max_km)
    may_record = can_record_exchange(request.user, listing) and listing.is_open
    form = ExchangeForm(initial={"quantity_t": listing.remaining_t, "currency": listing.currency}) \
        if may_record else None
    proposal_form, proposal_side = deal_form(request.user, listing, sugg)
    points = _points([listing]) + [dict(_points([s.partner])[0], partner=True) for s in sugg.suggestions]
    return render(request, "marketplace/listing_detail.html", {
        "listing": listing, "sugg": sugg, "max_km": max_km, "form": form,
        "can_edit": can_edit_listing(request.user, listing), "may_record": may_record,
        "proposal_form": proposal_form, "proposal_side": proposal_side,
        "proposals": deals_on(request.user, listing),
        "points": points, "exchanges": listing.exchanges_out.select_related("receiver")[:20]
        if listing.kind != "want" else listing.exchanges_in.select_related("giver")[:20],
    })
