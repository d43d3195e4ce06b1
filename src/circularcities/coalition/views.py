from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from circularcities.coalition.forms import CityProfileForm, FocalAreasForm
from circularcities.coalition.models import (
    City,
    Event,
    FocalArea,
    Partner,
    RStrategy,
    WorkingGroup,
)
from circularcities.coalition.permissions import can_edit_city, can_run_group, require_edit_city
from circularcities.coalition.services import set_focal_areas
from circularcities.core.errors import ValidationError
from circularcities.core.rules import FieldError
from circularcities.web.fielderrors import add_to_form


def city_points(cities):
    return [
        {"slug": c.slug, "name": c.t("name"), "lat": c.lat, "lon": c.lon, "status": c.status,
         "status_label": c.get_status_display(), "url": c.get_absolute_url()}
        for c in cities if c.lat is not None and c.lon is not None
    ]


def city_list(request):
    cities = City.objects.prefetch_related(
        "translations",
        Prefetch("focal_areas", queryset=FocalArea.objects.select_related("area").prefetch_related(
            "area__translations")))
    status = request.GET.get("status")
    if status:
        cities = cities.filter(status=status)
    return render(request, "coalition/city_list.html", {
        "cities": cities, "status": status, "statuses": City.Status.choices,
        "city_points": city_points(cities),
    })


def city_detail(request, slug):
    city = get_object_or_404(City.objects.prefetch_related("translations"), slug=slug)
    return render(request, "coalition/city_detail.html", {
        "city": city,
        "city_name": city.t("name"),
        "city_notes": city.t("data_notes"),
        "focal": city.focal_areas.select_related("area").prefetch_related("area__translations"),
        "cases": city.cases.filter(published=True).prefetch_related("translations"),
        "events": city.events.prefetch_related("translations")[:10],
        "results": city.results.select_related("working_group__area").prefetch_related(
            "translations", "cities__translations"),
        "can_edit": can_edit_city(request.user, city),
        **_follow_context(request, "city", city),
        "city_points": city_points([city]),
    })


@login_required
@require_http_methods(["GET", "POST"])
def edit_focal_areas(request, slug):
    city = get_object_or_404(City, slug=slug)
    require_edit_city(request.user, city)
    current = [f.area for f in city.focal_areas.select_related("area")]
    if request.method == "POST":
        form = FocalAreasForm(request.POST)
        if form.is_valid():
            try:
                set_focal_areas(city, form.cleaned_data["areas"], user=request.user)
            except ValidationError as exc:
                form.add_error("areas", str(exc))
            else:
                messages.success(request, _("Focal areas of %(city)s saved.") % {"city": city.t("name")})
                return redirect(city.get_absolute_url())
        status = 400
    else:
        form = FocalAreasForm(initial={"areas": current})
        status = 200
    return render(request, "coalition/focal_areas_form.html", {"city": city, "form": form},
                  status=status)


@login_required
@require_http_methods(["GET", "POST"])
def edit_city(request, slug):
    city = get_object_or_404(City, slug=slug)
    require_edit_city(request.user, city)
    form = CityProfileForm(request.POST or None, instance=city)
    if request.method == "POST":
        if form.is_valid():
            try:
                form.save(user=request.user)
            except FieldError as exc:
                add_to_form(form, exc)
            else:
                messages.success(request, _("Profile of %(city)s saved.") % {"city": city.t("name")})
                return redirect(city.get_absolute_url())
        return render(request, "coalition/city_form.html", {"city": city, "form": form}, status=400)
    return render(request, "coalition/city_form.html", {"city": city, "form": form})


def partner_list(request):
    kind = request.GET.get("kind")
    partners = Partner.objects.prefetch_related("translations", "areas__translations")
    if kind:
        partners = partners.filter(kind=kind)
    return render(request, "coalition/partner_list.html",
                  {"partners": partners, "kind": kind, "kinds": Partner.Kind.choices})


def area_list(request):
    groups = (WorkingGroup.objects.select_related("area").prefetch_related("area__translations")
              .annotate(n_cities=Count("area__focal_cities", distinct=True),
                        n_events=Count("events", distinct=True)))
    return render(request, "coalition/area_list.html",
                  {"groups": groups, "strategies": RStrategy.objects.prefetch_related("translations")})


def working_group(request, slug):
    group = get_object_or_404(WorkingGroup.objects.select_related("area").prefetch_related("area__translations"),
                              area__slug=slug)
    return render(request, "coalition/working_group.html", {
        "group": group,
        "area": group.area,
        "cities": group.cities().prefetch_related("translations"),
        "partners": group.partners.prefetch_related("translations"),
        "coordinators": group.coordinators.all(),
        "events": group.events.prefetch_related("translations"),
        "publications": group.publications.prefetch_related("translations", "cities__translations"),
        "stages": group.stages.prefetch_related("translations", "deliverables__city__translations")
                              .select_related("owner"),
        "can_run": can_run_group(request.user, group),
        **_follow_context(request, "group", group.area),
        "cases": group.area.cases.filter(published=True).select_related("city").prefetch_related("translations")[:12],
    })


def event_list(request):
    kind = request.GET.get("kind")
    events = Event.objects.select_related("working_group__area").prefetch_related(
        "translations", "working_group__area__translations")
    if kind:
        events = events.filter(kind=kind)
    return render(request, "coalition/event_list.html",
                  {"events": events, "kind": kind, "kinds": Event.Kind.choices})


def event_detail(request, slug):
    event = get_object_or_404(Event.objects.select_related("working_group__area").prefetch_related(
        "translations", "working_group__area__translations"), slug=slug)
    from circularcities.accounts.permissions import is_secretariat
    from circularcities.coalition.models import Registration

    mine = (Registration.objects.filter(event=event, user=request.user).first()
            if request.user.is_authenticated else None)
    regs = list(event.registrations.select_related("user")) if is_secretariat(request.user) else []
    taken = event.registrations.filter(status=Registration.Status.REGISTERED).count()
    return render(request, "coalition/event_detail.html", {
        "event": event, "cities": event.cities.prefetch_related("translations"),
        "partners": event.partners.prefetch_related("translations"),
        "mine": mine, "registrations": regs, "is_secretariat": is_secretariat(request.user),
        "taken": taken, "materials": event.materials.all(),
        "seats_left": None if event.capacity is None else max(0, event.capacity - taken)})


def _follow_context(request, kind, target) -> dict:
    from circularcities.coalition.follows import is_following

    return {"follow_kind": kind, "follow_slug": target.slug, "following": is_following(request.user, kind, target)}
