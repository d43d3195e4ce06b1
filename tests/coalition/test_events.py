"""Events: the secretariat creates them; registration with capacity and a waiting list,
attendance, materials, the iCalendar file and feed, reminders in the recipient's
language; follows and the weekly digest."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar

from circularcities.coalition import events as ev
from circularcities.coalition.follows import digest_for, send_digests
from circularcities.coalition.models import Event, Follow, Publication, Registration, WorkingGroup

pytestmark = pytest.mark.django_db


def _event_form(**extra):
    data = {"slug": "zz-webinar", "title_en": "Zz webinar", "title_zh": "网络研讨会", "place_en": "Online",
            "place_zh": "", "agenda_en": "", "agenda_zh": "", "outcomes_en": "", "outcomes_zh": "",
            "kind": "webinar", "date": (date.today() + timedelta(days=1)).isoformat(), "starts_at": "10:00",
            "end_date": "", "online_url": "https://example.org/join", "capacity": "1",
            "registration_open": "on", "area": "procurement"}
    data.update(extra)
    return data


@pytest.mark.parametrize("who", ["editor", "partner", "outsider"])
def test_only_the_secretariat_creates_events(client, people, who):
    client.force_login(people[who])
    assert client.post("/office/events/new/", _event_form()).status_code == 403
    assert not Event.objects.filter(slug="zz-webinar").exists()


def test_registration_capacity_waiting_list_attendance_and_reminders(client, people):
    client.force_login(people["secretariat"])
    assert client.post("/office/events/new/", _event_form()).status_code == 302
    event = Event.objects.get(slug="zz-webinar")
    assert event.capacity == 1 and event.working_group.area.slug == "procurement"
    client.force_login(people["partner"])
    client.post(f"/events/{event.slug}/register/")
    client.force_login(people["outsider"])
    client.post(f"/events/{event.slug}/register/")
    statuses = dict(Registration.objects.filter(event=event).values_list("user__username", "status"))
    assert statuses == {people["partner"].username: "registered", people["outsider"].username: "waiting"}
    # the partner cancels: the first person waiting takes the seat
    client.force_login(people["partner"])
    client.post(f"/events/{event.slug}/register/", {"cancel": "1"})
    assert Registration.objects.get(event=event, user=people["outsider"]).status == "registered"
    # the secretariat records attendance; others may not
    client.force_login(people["editor"])
    assert client.post(f"/events/{event.slug}/attendance/", {"present": [people["outsider"].pk]}).status_code == 403
    client.force_login(people["secretariat"])
    client.post(f"/events/{event.slug}/attendance/", {"present": [people["outsider"].pk]})
    assert Registration.objects.get(event=event, user=people["outsider"]).attended is True
    client.post(f"/events/{event.slug}/materials/", {"title": "Slides", "url": "https://example.org/slides"})
    assert event.materials.get().title == "Slides"
    # the reminder goes out once, in the recipient's language
    people["outsider"].profile.language = "zh-hans"
    people["outsider"].profile.save()
    assert ev.send_event_reminders(date.today()) == 1
    assert len(mail.outbox) == 1 and "网络研讨会" in mail.outbox[0].subject
    assert ev.send_event_reminders(date.today()) == 0


def test_ics_file_and_feed(client, demo):
    event = Event.objects.first()
    resp = client.get(f"/events/{event.slug}/event.ics")
    assert resp.status_code == 200 and resp["Content-Type"] == "text/calendar"
    cal = Calendar.from_ical(resp.content)
    vevents = [c for c in cal.walk("VEVENT")]
    assert len(vevents) == 1 and str(vevents[0]["SUMMARY"]) == event.title_en
    feed = Calendar.from_ical(client.get("/events/feed.ics").content)
    assert len(list(feed.walk("VEVENT"))) == Event.objects.count()


def test_follow_and_weekly_digest(client, people, city):
    user = people["partner"]
    client.force_login(user)
    assert client.post(f"/follow/city/{city.slug}/", {"next": city.get_absolute_url()}).status_code == 302
    client.post("/follow/group/procurement/")
    assert Follow.objects.filter(user=user).count() == 2
    group = WorkingGroup.objects.get(area__slug="procurement")
    pub = Publication.objects.create(slug="zz-result", working_group=group, year=2026, title_en="Zz result",
                                     published_at=timezone.now() - timedelta(days=1))
    until = timezone.now() + timedelta(minutes=1)
    news = digest_for(user, until - timedelta(days=7), until)
    assert pub in news["results"]
    sent = send_digests(date.today() + timedelta(days=1))
    assert sent == 1 and "Zz result" in mail.outbox[-1].body
    client.post(f"/follow/city/{city.slug}/", {"stop": "1"})
    assert Follow.objects.filter(user=user).count() == 1
    client.logout()
    assert client.post(f"/follow/city/{city.slug}/").status_code == 302  # to sign in
    assert Follow.objects.count() == 1


def test_scheduled_jobs_are_listed_and_run(demo):
    from django.conf import settings
    from django.utils.module_loading import import_string

    from circularcities.coalition.events import reminders_job
    from circularcities.coalition.follows import digest_job

    funcs = {e["name"]: e["func"] for e in settings.JOBS_SCHEDULE}
    assert import_string(funcs["events-remind"]) is reminders_job
    assert import_string(funcs["follows-digest"]) is digest_job
    progress = []
    assert reminders_job({"occurrence": "2030-01-01T07:00:00+00:00"}, lambda *a: progress.append(a)) == {
        "sent": 0, "as_of": "2030-01-01"}
    assert digest_job({"occurrence": "2030-01-06T08:00:00+00:00"}, lambda *a: progress.append(a))["sent"] == 0
    assert len(progress) == 2
