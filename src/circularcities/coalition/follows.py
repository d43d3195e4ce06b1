"""Follows and the weekly digest: new cases, results and events for what someone follows,
e-mailed by the scheduled job (settings.JOBS_SCHEDULE), in their language."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from circularcities.coalition.models import City, Event, Follow, Publication, ThematicArea


def follow(*, user, kind: str, target) -> Follow:
    """Follow an area, a working group (its area) or a city; following twice changes nothing."""
    from circularcities.coalition.permissions import require_signed_in

    require_signed_in(user, _("Sign in to follow."))
    fields = {"city": target} if kind == Follow.Kind.CITY else {"area": target}
    try:
        with transaction.atomic():
            return Follow.objects.create(user=user, kind=kind, **fields)
    except IntegrityError:
        return Follow.objects.get(user=user, kind=kind, **fields)


def unfollow(*, user, kind: str, target) -> None:
    fields = {"city": target} if kind == Follow.Kind.CITY else {"area": target}
    Follow.objects.filter(user=user, kind=kind, **fields).delete()


def is_following(user, kind: str, target) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    fields = {"city": target} if kind == Follow.Kind.CITY else {"area": target}
    return Follow.objects.filter(user=user, kind=kind, **fields).exists()


def digest_for(user, since: datetime, until: datetime) -> dict:
    """What is new for ``user`` between ``since`` and ``until``: cases, results, events."""
    from django.apps import apps

    Case = apps.get_model("knowledge", "Case")  # knowledge sits above coalition: no import
    follows = list(Follow.objects.filter(user=user))
    area_ids = {f.area_id for f in follows if f.area_id}
    city_ids = {f.city_id for f in follows if f.city_id}
    if not area_ids and not city_ids:
        return {"cases": [], "results": [], "events": []}
    cases = (Case.objects.filter(published=True, reviewed_at__gte=since, reviewed_at__lt=until)
             .filter(Q(areas__in=area_ids) | Q(city_id__in=city_ids)).distinct()
             .prefetch_related("translations"))
    results = (Publication.objects.filter(published_at__gte=since, published_at__lt=until)
               .filter(Q(working_group__area_id__in=area_ids) | Q(cities__in=city_ids)).distinct()
               .prefetch_related("translations"))
    soon = until.date() + timedelta(days=28)
    events = (Event.objects.filter(date__gte=until.date(), date__lte=soon)
              .filter(Q(working_group__area_id__in=area_ids) | Q(cities__in=city_ids)).distinct()
              .prefetch_related("translations"))
    return {"cases": list(cases), "results": list(results), "events": list(events)}


def send_digests(as_of: date, base_url: str = "") -> int:
    """One e-mail per follower with something new in the week before ``as_of``."""
    from django.contrib.auth import get_user_model
    from django.core.mail import send_mail

    until = timezone.make_aware(datetime.combine(as_of, time.min))
    since = until - timedelta(days=7)
    sent = 0
    users = get_user_model().objects.filter(follows__isnull=False).distinct().select_related("profile")
    for user in users:
        if not user.email:
            continue
        language = getattr(getattr(user, "profile", None), "language", "") or "en"
        with translation.override(language):
            news = digest_for(user, since, until)
            if not any(news.values()):
                continue
            lines = [_("New in the Circular Cities Platform this week:"), ""]
            for label, items, field in ((_("Cases"), news["cases"], "title"),
                                        (_("Working-group results"), news["results"], "title"),
                                        (_("Coming events"), news["events"], "title")):
                if items:
                    lines.append(f"{label}:")
                    lines += [f"- {i.t(field)}" for i in items]
                    lines.append("")
            send_mail(subject=_("Your weekly Circular Cities digest"), message="\n".join(lines),
                      from_email=None, recipient_list=[user.email])
        sent += 1
    return sent


def digest_job(params: dict, report) -> dict:
    """Job the workers run weekly (settings.JOBS_SCHEDULE)."""
    from circularcities.jobs.scheduled import as_of as day_of

    as_of = day_of(params)
    report(0.0, f"Weekly digest up to {as_of.isoformat()}")
    return {"sent": send_digests(as_of), "as_of": as_of.isoformat()}


__all__ = ["City", "ThematicArea", "digest_for", "digest_job", "follow", "is_following", "send_digests",
           "unfollow"]
