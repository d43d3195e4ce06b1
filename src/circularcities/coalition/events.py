"""Events: creating them, registration with capacity and a waiting list, attendance,
materials, the iCalendar feed and e-mail reminders (the scheduled job)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from circularcities.coalition.models import City, Event, EventMaterial, Registration, WorkingGroup
from circularcities.coalition.permissions import require_add_event
from circularcities.core import rules
from circularcities.core.rules import FieldError

EVENT_TEXT = {"title": 200, "place": 200, "agenda": None, "outcomes": None}
EVENT_FIELDS = ("kind", "date", "starts_at", "end_date", "online_url", "capacity", "registration_open",
                "area", "cities")


def event_save(*, user, event: Event | None = None, slug: str | None = None, **changes) -> Event:
    """Create (``slug`` given) or change an event; only the fields given change (one write
    path: the back office, the API)."""
    from circularcities.coalition.services import _text_keys, _texts, only_changeable

    require_add_event(user)
    only_changeable(changes, EVENT_FIELDS, _text_keys(EVENT_TEXT))
    if event is None:
        slug = rules.slug("slug", slug)
        if Event.objects.filter(slug=slug).exists():
            raise FieldError("slug", _("An event with this short name exists already."))
        event = Event(slug=slug, kind=changes.get("kind") or Event.Kind.WORKSHOP,
                      date=changes.get("date") or date.today())
        if not changes.get("title_en"):
            raise FieldError("title_en", rules.REQUIRED)
    if "kind" in changes:
        event.kind = rules.choice("kind", changes["kind"], Event.Kind.values)
    if "date" in changes:
        event.date = rules.date("date", changes["date"], required=True)  # type: ignore[assignment]
    if "end_date" in changes:
        event.end_date = rules.date("end_date", changes["end_date"], required=False)
        if event.end_date and event.end_date < event.date:
            raise FieldError("end_date", _("The end comes before the start."))
    if "starts_at" in changes:
        event.starts_at = changes["starts_at"]
    if "capacity" in changes:
        cap = changes["capacity"]
        event.capacity = None if cap in (None, "") else rules.positive("capacity", cap, maximum=100_000,
                                                                         integer=True)
    if "registration_open" in changes:
        event.registration_open = bool(changes["registration_open"])
    if "online_url" in changes:
        event.online_url = changes["online_url"] or ""
    if "area" in changes:
        area = changes["area"]
        slug_ = area if isinstance(area, str) or area is None else area.slug
        event.working_group = WorkingGroup.objects.filter(area__slug=slug_).first() if slug_ else None
        if slug_ and event.working_group is None:
            raise FieldError("area", _("Unknown thematic area."))
    _texts(event, EVENT_TEXT, changes, required=("title",))
    cities = changes.get("cities")
    if cities is not None:
        slugs = [c if isinstance(c, str) else c.slug for c in cities]
        found = {c.slug: c for c in City.objects.filter(slug__in=slugs)}
        missing = [s for s in slugs if s not in found]
        if missing:
            raise FieldError("cities", _("Unknown city: %(slug)s.") % {"slug": missing[0]})
    with transaction.atomic():
        event.save()
        if cities is not None:
            event.cities.set([found[s] for s in slugs])
    return event


def register(*, event: Event, user) -> Registration:
    """Register ``user``: a seat while there is room, else the waiting list (in order)."""
    from circularcities.coalition.permissions import require_signed_in

    require_signed_in(user, _("Sign in to register."))
    with transaction.atomic():
        locked = Event.objects.select_for_update().get(pk=event.pk)
        if not locked.registration_open:
            raise FieldError("event", _("Registration for this event is closed."))
        existing = Registration.objects.filter(event=locked, user=user).first()
        if existing is not None and existing.status != Registration.Status.CANCELLED:
            return existing
        taken = Registration.objects.filter(event=locked, status=Registration.Status.REGISTERED).count()
        status = (Registration.Status.WAITING if locked.capacity is not None and taken >= locked.capacity
                  else Registration.Status.REGISTERED)
        if existing is not None:
            existing.status, existing.created_at = status, timezone.now()
            existing.save(update_fields=["status", "created_at"])
            return existing
        return Registration.objects.create(event=locked, user=user, status=status)


def cancel(*, event: Event, user) -> Registration | None:
    """Cancel ``user``'s registration; the first person waiting takes the seat."""
    with transaction.atomic():
        locked = Event.objects.select_for_update().get(pk=event.pk)
        reg = Registration.objects.filter(event=locked, user=user).first()
        if reg is None or reg.status == Registration.Status.CANCELLED:
            return None
        had_seat = reg.status == Registration.Status.REGISTERED
        reg.status = Registration.Status.CANCELLED
        reg.save(update_fields=["status"])
        if had_seat:
            nxt = (Registration.objects.filter(event=locked, status=Registration.Status.WAITING)
                   .order_by("created_at", "id").first())
            if nxt is not None:
                nxt.status = Registration.Status.REGISTERED
                nxt.save(update_fields=["status"])
        return reg


def record_attendance(*, event: Event, user, present_ids) -> int:
    """After the event: who came (the others registered did not)."""
    require_add_event(user)
    present = {int(i) for i in present_ids}
    regs = list(Registration.objects.filter(event=event, status=Registration.Status.REGISTERED))
    with transaction.atomic():
        for r in regs:
            r.attended = r.user_id in present
            r.save(update_fields=["attended"])
    return sum(1 for r in regs if r.attended)


def add_material(*, event: Event, user, title: str, file=None, url: str = "") -> EventMaterial:
    require_add_event(user)
    title = rules.name("title", title, max_length=200, required=True)
    if not file and not url:
        raise FieldError("file", _("Give a file or a link."))
    return EventMaterial.objects.create(event=event, title=title, file=file or "", url=url or "")


# --- iCalendar ------------------------------------------------------------------

def _vevent(event: Event, base_url: str):
    from icalendar import Event as VEvent

    ve = VEvent()
    ve.add("uid", f"event-{event.slug}@circular-cities")
    ve.add("summary", event.t("title"))
    if event.starts_at:
        start = datetime.combine(event.date, event.starts_at)
        ve.add("dtstart", start)
        ve.add("dtend", start + timedelta(hours=2) if not event.end_date
               else datetime.combine(event.end_date, event.starts_at))
    else:
        ve.add("dtstart", event.date)
        ve.add("dtend", (event.end_date or event.date) + timedelta(days=1))
    place = event.t("place")
    if place:
        ve.add("location", place)
    ve.add("description", event.t("agenda")[:2000])
    ve.add("url", base_url + event.get_absolute_url())
    ve.add("dtstamp", timezone.now())
    return ve


def to_ics(events, base_url: str = "") -> bytes:
    """An iCalendar file of ``events`` (text in the active language)."""
    from icalendar import Calendar

    cal = Calendar()
    cal.add("prodid", "-//Circular Cities Platform//events//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", _("Circular Cities events"))
    for e in events:
        cal.add_component(_vevent(e, base_url))
    return cal.to_ical()


# --- reminders (settings.JOBS_SCHEDULE) ----------------------------------------

def send_event_reminders(as_of: date, base_url: str = "") -> int:
    """E-mail everyone registered for an event starting the next day, once, in their language."""
    from django.core.mail import send_mail

    regs = (Registration.objects.filter(event__date=as_of + timedelta(days=1), status=Registration.Status.REGISTERED,
                                        reminded_at__isnull=True)
            .select_related("user__profile", "event").prefetch_related("event__translations"))
    sent = 0
    for r in regs:
        if not r.user.email:
            continue
        language = (getattr(getattr(r.user, "profile", None), "language", "") or "en")
        with translation.override(language):
            send_mail(subject=_("Reminder: %(event)s tomorrow") % {"event": r.event.t("title")},
                      message=_("You are registered for %(event)s on %(date)s (%(place)s).\n%(link)s\n")
                      % {"event": r.event.t("title"), "date": r.event.date.isoformat(),
                         "place": r.event.t("place") or r.event.online_url or "–",
                         "link": base_url + r.event.get_absolute_url()},
                      from_email=None, recipient_list=[r.user.email])
        Registration.objects.filter(pk=r.pk).update(reminded_at=timezone.now())
        sent += 1
    return sent


def reminders_job(params: dict, report) -> dict:
    """Job the workers run daily (settings.JOBS_SCHEDULE)."""
    from circularcities.jobs.scheduled import as_of as day_of

    as_of = day_of(params)
    report(0.0, f"Event reminders as of {as_of.isoformat()}")
    return {"sent": send_event_reminders(as_of), "as_of": as_of.isoformat()}
