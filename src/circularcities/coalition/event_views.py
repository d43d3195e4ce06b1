"""Event pages: register, cancel, the .ics file and feed; the secretariat creates events,
records attendance and shares materials. Follow buttons for areas, groups and cities."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from circularcities.coalition import events as ev
from circularcities.coalition.follows import follow, unfollow
from circularcities.coalition.forms import EventOfficeForm, MaterialForm
from circularcities.coalition.models import City, Event, Follow, ThematicArea
from circularcities.coalition.permissions import require_add_event
from circularcities.core.rules import FieldError
from circularcities.web.downloads import attachment
from circularcities.web.fielderrors import add_to_form


@login_required
@require_POST
def event_register(request, slug):
    event = get_object_or_404(Event, slug=slug)
    try:
        if request.POST.get("cancel"):
            ev.cancel(event=event, user=request.user)
            messages.success(request, _("Your registration is cancelled."))
        else:
            reg = ev.register(event=event, user=request.user)
            messages.success(request, _("You are registered.") if reg.status == "registered"
                             else _("The event is full: you are on the waiting list."))
    except FieldError as exc:
        messages.error(request, exc.text("en"))
    return redirect(event.get_absolute_url())


def event_ics(request, slug):
    event = get_object_or_404(Event.objects.prefetch_related("translations"), slug=slug)
    return attachment(ev.to_ics([event], request.build_absolute_uri("/")[:-1]), f"{event.slug}.ics", "text/calendar")


def events_feed(request):
    events = Event.objects.prefetch_related("translations").order_by("date")
    return HttpResponse(ev.to_ics(events, request.build_absolute_uri("/")[:-1]), content_type="text/calendar")


@login_required
@require_http_methods(["GET", "POST"])
def event_edit(request, slug=None):
    require_add_event(request.user)
    event = get_object_or_404(Event.objects.prefetch_related("translations"), slug=slug) if slug else None
    form = EventOfficeForm(request.POST or None, event=event)
    if request.method == "POST":
        if form.is_valid():
            data = dict(form.cleaned_data)
            try:
                saved = ev.event_save(user=request.user, event=event, slug=data.pop("slug", None), **data)
            except FieldError as exc:
                add_to_form(form, exc)
            else:
                messages.success(request, _("Event saved."))
                return redirect(saved.get_absolute_url())
        status = 400
    else:
        status = 200
    title = _("New event") if event is None else _("Edit event")
    return render(request, "coalition/office/form.html", {"form": form, "title": title, "back": "coalition:office"},
                  status=status)


@login_required
@require_POST
def event_attendance(request, slug):
    event = get_object_or_404(Event, slug=slug)
    n = ev.record_attendance(event=event, user=request.user, present_ids=request.POST.getlist("present"))
    messages.success(request, _("Attendance recorded: %(n)d present.") % {"n": n})
    return redirect(event.get_absolute_url())


@login_required
@require_POST
def event_material(request, slug):
    event = get_object_or_404(Event, slug=slug)
    require_add_event(request.user)
    form = MaterialForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            ev.add_material(event=event, user=request.user, **form.cleaned_data)
        except FieldError as exc:
            messages.error(request, exc.text("en"))
        else:
            messages.success(request, _("Material added."))
    return redirect(event.get_absolute_url())


@login_required
@require_POST
def follow_view(request, kind, slug):
    if kind not in Follow.Kind.values:
        return HttpResponse(status=404)
    target = get_object_or_404(City if kind == "city" else ThematicArea, slug=slug)
    if request.POST.get("stop"):
        unfollow(user=request.user, kind=kind, target=target)
        messages.success(request, _("You no longer follow this."))
    else:
        follow(user=request.user, kind=kind, target=target)
        messages.success(request, _("Followed: you will get new cases, results and events in the weekly digest."))
    return redirect(request.POST.get("next") if (request.POST.get("next") or "").startswith("/") else "/")
