"""Industrial parks: facilities, flows as a Sankey, matches near the park, the pages
a park's managers edit it with, and the registry of parks against China's targets."""

from __future__ import annotations

from typing import Any

from django import forms as djforms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from circularcities.accounts.permissions import editable_city_ids, is_secretariat
from circularcities.coalition.models import City
from circularcities.core.errors import ValidationError
from circularcities.core.geo import haversine_km
from circularcities.core.parks import sankey_widths
from circularcities.core.rules import FieldError
from circularcities.core.sankey import readout
from circularcities.marketplace.forms import FacilityForm, FlowForm, ManagerForm, ParkForm
from circularcities.marketplace.matching import GIVING, solve
from circularcities.marketplace.models import Facility, Flow, Listing, Park
from circularcities.marketplace.parks_registry import registry
from circularcities.marketplace.permissions import (
    can_manage_park,
    can_name_park_managers,
    require_create_park,
    require_manage_park,
)
from circularcities.marketplace.services import (
    add_park_manager,
    delete_facility,
    delete_flow,
    open_listings,
    remove_park_manager,
    save_facility,
    save_flow,
    save_park,
)
from circularcities.web.fielderrors import add_to_form, message
from circularcities.web.translated import translated


def park_list(request):
    user = request.user
    may_add = is_secretariat(user) or bool(editable_city_ids(user))
    return render(request, "marketplace/park_list.html",
                  {"parks": Park.objects.select_related("city").prefetch_related("facilities", "flows",
                                                                                 "translations"),
                   "may_add": may_add})


def _quantity_label(fl) -> str:
    if fl.annual_quantity is None:
        return _("not reported")
    q = fl.annual_quantity
    shown = f"{q:,.0f}" if q >= 100 else f"{q:,.3g}"
    return _("%(quantity)s %(unit)s a year") % {"quantity": shown, "unit": fl.unit}


def sankey(park) -> dict:
    facilities = list(park.facilities.prefetch_related("translations"))
    index = {f.pk: i for i, f in enumerate(facilities)}
    flows = list(park.flows.select_related("source", "target").prefetch_related("translations"))
    widths = sankey_widths([(fl.annual_quantity, fl.unit) for fl in flows])
    links: dict[str, list[Any]] = {"source": [], "target": [], "value": [], "label": [], "kind": []}
    for fl, w in zip(flows, widths.widths, strict=True):
        links["source"].append(index[fl.source_id])
        links["target"].append(index[fl.target_id])
        links["value"].append(round(w, 3))
        links["label"].append(f"{fl.t('name')} · {_quantity_label(fl)}")
        links["kind"].append(fl.kind)
    notes = {
        "none": _("Band widths are equal: no annual quantity is reported for these flows."),
        "proportional": _("Band widths are proportional to the annual quantities, with a floor of 3 % of the "
                          "largest flow so that small flows stay visible; labels give the quantities."),
        "per_unit": _("Band widths compare flows of the same unit only (largest flow of each unit = full width); "
                      "flows without a reported quantity are drawn thin and labelled \"not reported\"."),
    }
    node_labels = [translated(f, "name").text for f in facilities]
    names = [fl.t("name") for fl in flows]
    values = readout(node_labels, links["source"], links["target"], [fl.annual_quantity for fl in flows],
                     [fl.unit for fl in flows], names, missing=_("not reported"))
    return {"node_labels": node_labels, "links": links, "link_what": names, **values,
            "mode": widths.mode, "note": notes[widths.mode]}


def park_max_km(park) -> float:
    """Any two listings within the park's radius are at most a diameter apart."""
    return 2 * park.radius_km


def near_park(park):
    """Open listings within the park's radius, and the matcher's plan among them."""
    listings = []
    for x in open_listings().select_related("organisation", "waste_code", "category").prefetch_related(
            "translations", "category__translations"):
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
    flows = park.flows.select_related("source", "target").prefetch_related(
        "translations", "source__translations", "target__translations", "values", "values__translations")
    facilities = park.facilities.prefetch_related("translations")
    listings, matches = near_park(park)
    points = [{"lat": f.lat, "lon": f.lon, "label": translated(f, "name").text, "kind": "facility"}
              for f in facilities if f.lat is not None]
    points += [{"lat": x.lat, "lon": x.lon, "label": f"#{x.pk} {x.t('title')}", "kind": x.kind,
                "url": x.get_absolute_url()} for x in listings]
    return render(request, "marketplace/park_detail.html", {
        "park": park, "facilities": facilities, "flows": flows, "sankey": sankey(park),
        "listings": listings, "matches": matches, "points": points,
        "can_manage": can_manage_park(request.user, park),
        "can_name_managers": can_name_park_managers(request.user, park),
        "managers": park.managers.order_by("username") if can_manage_park(request.user, park) else [],
        "manager_form": ManagerForm(),
        "center": {"lat": park.lat, "lon": park.lon, "radius_km": park.radius_km}})


def _form_error(form, exc) -> None:
    if isinstance(exc, FieldError):
        add_to_form(form, exc)
    else:
        form.add_error(None, str(exc))


def _creatable_cities(user):
    ids = editable_city_ids(user)
    return City.objects.all() if ids is None else City.objects.filter(pk__in=ids)


@login_required
@require_http_methods(["GET", "POST"])
def park_new(request):
    cities = _creatable_cities(request.user)
    if not cities.exists() and not is_secretariat(request.user):
        require_create_park(request.user, None)
    form = ParkForm(request.POST or None, initial={"language": settings.LANGUAGE_CODE, "level": "not_stated",
                                                   "radius_km": 10})
    form.fields["city"] = djforms.ModelChoiceField(label=_("City"), queryset=cities,
                                                   required=not is_secretariat(request.user))
    if request.method == "POST" and form.is_valid():
        data = form.data_for_service()
        try:
            park = save_park(request.user, data)
        except (FieldError, ValidationError) as exc:
            _form_error(form, exc)
        else:
            messages.success(request, _("Park saved."))
            return redirect(park.get_absolute_url())
    return render(request, "marketplace/park_form.html", {"form": form, "park": None},
                  status=400 if request.method == "POST" else 200)


@login_required
@require_http_methods(["GET", "POST"])
def park_edit(request, slug):
    park = get_object_or_404(Park, slug=slug)
    require_manage_park(request.user, park)
    language = request.POST.get("language") or request.GET.get("language") or settings.LANGUAGE_CODE
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    form = ParkForm(request.POST or None, initial=ParkForm.initial_for(park, language))
    if request.method == "POST" and form.is_valid():
        try:
            save_park(request.user, form.data_for_service(), park)
        except (FieldError, ValidationError) as exc:
            _form_error(form, exc)
        else:
            messages.success(request, _("Park saved."))
            return redirect(park.get_absolute_url())
    return render(request, "marketplace/park_form.html",
                  {"form": form, "park": park, "languages": settings.LANGUAGES, "language": language},
                  status=400 if request.method == "POST" else 200)


@login_required
@require_http_methods(["GET", "POST"])
def facility_form(request, slug, facility_slug=None):
    park = get_object_or_404(Park, slug=slug)
    require_manage_park(request.user, park)
    facility = get_object_or_404(Facility, park=park, slug=facility_slug) if facility_slug else None
    language = request.POST.get("language") or request.GET.get("language") or settings.LANGUAGE_CODE
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    initial: dict[str, Any] = {"language": language, "kind": "plant", "inside_park": True,
                               "lat": park.lat, "lon": park.lon}
    if facility is not None:
        t = facility.translations.filter(language_code=language).first()
        initial.update({"name": getattr(t, "name", ""), "kind": facility.kind, "lat": facility.lat,
                        "lon": facility.lon, "inside_park": facility.inside_park})
    form = FacilityForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            save_facility(request.user, park, dict(form.cleaned_data), facility)
        except (FieldError, ValidationError) as exc:
            _form_error(form, exc)
        else:
            messages.success(request, _("Facility saved."))
            return redirect(park.get_absolute_url())
    return render(request, "marketplace/park_part_form.html",
                  {"form": form, "park": park, "item": facility, "what": "facility",
                   "languages": settings.LANGUAGES, "language": language},
                  status=400 if request.method == "POST" else 200)


@login_required
@require_http_methods(["GET", "POST"])
def flow_form(request, slug, flow_id=None):
    park = get_object_or_404(Park, slug=slug)
    require_manage_park(request.user, park)
    flow = get_object_or_404(Flow, park=park, pk=flow_id) if flow_id else None
    initial = FlowForm.initial_for(flow) if flow else {"kind": "material", "unit": "t", "currency": "CNY"}
    form = FlowForm(request.POST or None, initial=initial, park=park)
    if request.method == "POST" and form.is_valid():
        try:
            save_flow(request.user, park, form.data_for_service(), flow)
        except (FieldError, ValidationError) as exc:
            _form_error(form, exc)
        else:
            messages.success(request, _("Exchange saved."))
            return redirect(park.get_absolute_url())
    return render(request, "marketplace/park_part_form.html",
                  {"form": form, "park": park, "item": flow, "what": "flow"},
                  status=400 if request.method == "POST" else 200)


@login_required
@require_POST
def facility_delete(request, slug, facility_slug):
    facility = get_object_or_404(Facility, park__slug=slug, slug=facility_slug)
    delete_facility(request.user, facility)
    messages.success(request, _("Facility removed, with its exchanges."))
    return redirect("marketplace:park_detail", slug=slug)


@login_required
@require_POST
def flow_delete(request, slug, flow_id):
    flow = get_object_or_404(Flow, park__slug=slug, pk=flow_id)
    delete_flow(request.user, flow)
    messages.success(request, _("Exchange removed."))
    return redirect("marketplace:park_detail", slug=slug)


@login_required
@require_POST
def park_managers(request, slug):
    park = get_object_or_404(Park, slug=slug)
    form = ManagerForm(request.POST)
    if form.is_valid():
        try:
            if request.POST.get("remove"):
                remove_park_manager(request.user, park, form.cleaned_data["username"])
                messages.success(request, _("Manager removed."))
            else:
                add_park_manager(request.user, park, form.cleaned_data["username"])
                messages.success(request, _("Manager added."))
        except FieldError as exc:
            messages.error(request, message(exc))
    return redirect(park.get_absolute_url())


def park_registry(request):
    return render(request, "marketplace/park_registry.html", {"registry": registry()})

