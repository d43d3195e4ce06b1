"""Quarterly reviews (per city, per working group) and reminders to owners.

A review answers, for one quarter: what changed, where each target stands,
which measures and milestones are overdue, and what the projects delivered.
The same content is shown as a page and exported to PDF and Excel through
``core.reports``.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext as _

from circularcities.accounts.models import CityMembership
from circularcities.accounts.notify import language_of
from circularcities.core.planning import PROGRAMME_INDICATORS, Quarter, measure_overdue, summarise
from circularcities.core.reports import Report, Section, Table
from circularcities.diagnosis.models import IndicatorValueChange
from circularcities.planning.models import (
    Measure,
    MeasureStatusChange,
    Milestone,
    ProgressEntry,
    Project,
    Target,
)
from circularcities.planning.services import assess_targets
from circularcities.web.translated import marked, translated

STATUS_LABELS = {"on_track": "on track", "at_risk": "at risk", "off_track": "off track", "no_data": "no data"}


def status_label(value: str) -> str:
    labels = {"on_track": _("on track"), "at_risk": _("at risk"), "off_track": _("off track"),
              "no_data": _("no data")}
    return labels[value]


def quarter_review(quarter: Quarter, cities) -> dict:
    """The content of a review of ``cities`` (a queryset) for ``quarter``."""
    start, end = quarter.start, quarter.end
    city_ids = list(cities.values_list("pk", flat=True))
    targets = list(Target.objects.filter(city_id__in=city_ids)
                   .select_related("city", "indicator", "programme", "area"))
    assessments = assess_targets(targets, until=quarter)
    before = assess_targets(targets, until=quarter.previous())
    measures = list(Measure.objects.filter(city_id__in=city_ids).select_related("city", "area"))
    overdue_measures = [m for m in measures if measure_overdue(m.end, m.status, end + _one_day())]
    overdue_milestones = list(Milestone.objects.filter(measure__city_id__in=city_ids, done__isnull=True,
                                                       due__lte=end).select_related("measure__city"))
    done_milestones = list(Milestone.objects.filter(measure__city_id__in=city_ids, done__gte=start, done__lte=end)
                           .select_related("measure__city"))
    entries = list(ProgressEntry.objects.filter(project__programme__city_id__in=city_ids, year=quarter.year,
                                                quarter=quarter.q)
                   .select_related("project__programme__city").order_by("project__code", "indicator"))
    projects = list(Project.objects.filter(programme__city_id__in=city_ids, reports_quarterly=True)
                    .filter(Q(start__isnull=True) | Q(start__lte=end), Q(end__isnull=True) | Q(end__gte=start))
                    .select_related("programme__city"))
    reported = {e.project_id for e in entries}
    missing_reports = [p for p in projects if p.pk not in reported]
    value_changes = list(IndicatorValueChange.objects.filter(city_id__in=city_ids, changed_at__date__gte=start,
                                                             changed_at__date__lte=end)
                         .select_related("indicator", "city").order_by("city__slug", "indicator_id", "year"))
    measure_changes = list(MeasureStatusChange.objects.filter(measure__city_id__in=city_ids,
                                                              changed_at__date__gte=start, changed_at__date__lte=end)
                           .select_related("measure__city", "changed_by").order_by("changed_at", "id"))
    status_changes = [(t, before[t.pk].status.value, assessments[t.pk].status.value) for t in targets
                      if before[t.pk].status != assessments[t.pk].status]
    counts = dict.fromkeys(STATUS_LABELS, 0)
    for a in assessments.values():
        counts[a.status.value] += 1
    return {
        "quarter": quarter, "targets": [(t, assessments[t.pk]) for t in targets], "status_counts": counts,
        "status_changes": status_changes, "summary": summarise(m.status for m in measures),
        "overdue_measures": overdue_measures, "overdue_milestones": overdue_milestones,
        "done_milestones": done_milestones, "entries": entries, "missing_reports": missing_reports,
        "value_changes": value_changes, "measure_changes": measure_changes,
    }


def _one_day():
    from datetime import timedelta

    return timedelta(days=1)


def _fmt(x) -> str:
    if x is None:
        return "–"
    return f"{x:,.0f}" if abs(x) >= 100 else f"{x:,.2f}".rstrip("0").rstrip(".")


def _entry_unit(e) -> str:
    ind = PROGRAMME_INDICATORS[e.indicator]
    return e.currency if ind.is_money else ind.unit


def indicator_name(key: str) -> str:
    return PROGRAMME_INDICATORS[key].name(translation.get_language())


def build_report(title_subject: str, review: dict, language: str) -> Report:
    """The review as a ``core.reports.Report`` in ``language`` (any platform language)."""
    with translation.override(language):
        q = review["quarter"]
        s = review["summary"]
        sections = [Section(_("Summary"), facts=[
            (_("Targets"), str(len(review["targets"]))),
            *[(status_label(k), str(v)) for k, v in review["status_counts"].items()],
            (_("Measures"), str(s.total)),
            (_("Completed"), f"{(s.share_completed or 0) * 100:.0f}%"),
            (_("Not started"), f"{(s.share_not_started or 0) * 100:.0f}%"),
            (_("Overdue measures"), str(len(review["overdue_measures"]))),
            (_("Overdue milestones"), str(len(review["overdue_milestones"]))),
            (_("Projects without a report for the quarter"), str(len(review["missing_reports"]))),
        ])]
        changed = [[marked(t.city, "name"), t.label(), status_label(a), status_label(b)]
                   for t, a, b in review["status_changes"]]
        changed += [[marked(m.measure.city, "name"), marked(m, "title"), _("milestone done"), str(m.done)]
                    for m in review["done_milestones"]]
        changed += [[marked(c.measure.city, "name"), marked(c.measure, "title"), c.get_old_display(), c.get_new_display()]
                    for c in review["measure_changes"]]
        changed += [[marked(c.city, "name"), marked(c.indicator, "name"), f"{c.year}: {_fmt(c.old_value)}",
                     f"{_fmt(c.new_value)} {c.indicator.unit}"] for c in review["value_changes"]]
        sections.append(Section(_("What changed in the quarter"),
                                paragraphs=[] if changed else [_("Nothing changed in this quarter.")],
                                tables=[Table([_("City"), _("Item"), _("Before"), _("Now")], changed)] if changed else []))
        rows = []
        for t, a in review["targets"]:
            o = a.observation
            rows.append([marked(t.city, "name"), t.label(), f"{_fmt(t.baseline_value)} ({t.baseline_year})",
                         f"{_fmt(t.target_value)} ({t.target_year})", f"{_fmt(o.value)} ({obs_label(o)})" if o else "–",
                         _fmt(a.expected), t.unit, status_label(a.status.value)])
        sections.append(Section(_("Targets"), tables=[Table(
            [_("City"), _("Target"), _("Baseline"), _("Target value"), _("Latest value"), _("Trajectory"),
             _("Unit"), _("Status")], rows)] if rows else [], paragraphs=[] if rows else [_("No target yet.")]))
        overdue = [[marked(m.city, "name"), marked(m, "title"), str(m.end), m.get_status_display()]
                   for m in review["overdue_measures"]]
        overdue += [[marked(m.measure.city, "name"), f"{marked(m.measure, 'title')} – {marked(m, 'title')}", str(m.due),
                     _("milestone not done")] for m in review["overdue_milestones"]]
        sections.append(Section(_("Overdue measures and milestones"),
                                tables=[Table([_("City"), _("Item"), _("Due"), _("Status")], overdue)] if overdue else [],
                                paragraphs=[] if overdue else [_("Nothing is overdue.")]))
        progress = [[marked(e.project.programme.city, "name"), marked(e.project, "title"), indicator_name(e.indicator),
                     _fmt(e.value), _entry_unit(e)] for e in review["entries"]]
        progress += [[marked(p.programme.city, "name"), marked(p, "title"), _("no report for the quarter"), "–", ""]
                     for p in review["missing_reports"]]
        sections.append(Section(_("Project progress"),
                                tables=[Table([_("City"), _("Project"), _("Indicator"), _("Value"), _("Unit")],
                                              progress)] if progress else [],
                                paragraphs=[] if progress else [_("No project reported in this quarter.")]))
        return Report(title=_("Quarterly review %(quarter)s: %(subject)s") % {"quarter": str(q), "subject": title_subject},
                      subtitle=_("Status rule: %(rule)s") % {"rule": rule_text()}, sections=sections)


def obs_label(o) -> str:
    if o.quarters and o.quarters < 4:
        return o.label + ", " + _("%(n)s of 4 quarters, annualised") % {"n": o.quarters}
    return o.label


def rule_text() -> str:
    from circularcities.core.planning import DEFAULT_TOLERANCE

    return _("On track: the latest value (in or after the baseline year) is at or beyond the trajectory for "
             "its year, or the target is already reached. At risk: short of the trajectory by at most "
             "%(pct)s%% of the distance from baseline to target. Off track: further short, or the target "
             "year has passed without reaching the target. No data: no value since the baseline year.") % {
        "pct": f"{DEFAULT_TOLERANCE * 100:.0f}"}


def overdue_for_reminders(as_of: date) -> dict[str, list[str]]:
    """Overdue items per e-mail address: missing quarterly reports and overdue milestones,
    each line in the recipient's language (see :func:`reminders`)."""
    return {email: lines for email, (_language, lines) in reminders(as_of).items()}


def reminders(as_of: date) -> dict[str, tuple[str, list[str]]]:
    """Per e-mail address: the recipient's language and the overdue items written in it.

    A report is overdue when a quarterly project that was running in the last
    complete quarter before ``as_of`` has no entry for it. Reminders go to the
    project's owners and its organisation's people; milestone reminders to the
    measure's owner, or else the city's editors. The language is the recipient's
    profile language (English when none); project, milestone, measure and city names
    are in that language, English where nobody has written it yet.
    """
    last = Quarter.of(as_of).previous()
    items: dict[str, list[tuple]] = defaultdict(list)
    languages: dict[str, str] = {}

    def to(user) -> str | None:
        if not user.email:
            return None
        languages.setdefault(user.email, language_of(user))
        return user.email

    projects = (Project.objects.filter(reports_quarterly=True)
                .filter(Q(start__isnull=True) | Q(start__lte=last.end), Q(end__isnull=True) | Q(end__gte=last.start))
                .exclude(entries__year=last.year, entries__quarter=last.q)
                .select_related("programme__city", "organisation")
                .prefetch_related("translations", "programme__city__translations", "owners__profile",
                                  "organisation__people__user__profile"))
    editors: dict[int, set[str]] = defaultdict(set)
    for membership in CityMembership.objects.filter(level="editor").select_related("user__profile"):
        if email := to(membership.user):
            editors[membership.city_id].add(email)
    for p in projects:
        people = {e for u in p.owners.all() if (e := to(u))}
        if p.organisation:
            people |= {e for pr in p.organisation.people.all() if (e := to(pr.user))}
        city = p.programme.city  # None for a coalition-wide programme: no city editors to ask
        for email in people or (editors[city.pk] if city is not None else set()):
            items[email].append(("report", last, p, city))
    for m in (Milestone.objects.filter(done__isnull=True, due__lt=as_of)
              .select_related("measure__city", "measure__owner__profile")
              .prefetch_related("translations", "measure__translations", "measure__city__translations")):
        owner = m.measure.owner
        for email in ({to(owner)} if owner and owner.email else editors[m.measure.city_id]):
            if email:
                items[email].append(("milestone", m))
    out = {}
    for email, found in items.items():
        language = languages.get(email, settings.LANGUAGE_CODE)
        with translation.override(language):
            out[email] = (language, [_reminder_line(item, language) for item in found])
    return out


def _reminder_line(item: tuple, language: str) -> str:
    """One overdue item in the active language (``language``), names translated."""
    if item[0] == "report":
        _kind, quarter, project, city = item
        return _("Progress report for %(quarter)s of project %(project)s (%(city)s)") % {
            "quarter": str(quarter), "project": translated(project, "title", language).text,
            "city": translated(city, "name", language).text if city is not None else _("coalition-wide")}
    m = item[1]
    return _("Milestone '%(milestone)s' of measure '%(measure)s' (%(city)s), due %(due)s") % {
        "milestone": translated(m, "title", language).text, "measure": translated(m.measure, "title", language).text,
        "city": translated(m.measure.city, "name", language).text, "due": m.due.isoformat()}


def send_reminders(as_of: date) -> int:
    """E-mail every owner their overdue items, one e-mail per address in the recipient's
    language (Django's e-mail backend); returns the number of e-mails."""
    messages = []
    for email, (language, lines) in sorted(reminders(as_of).items()):
        with translation.override(language):
            subject = _("Circular Cities Platform: overdue reports and milestones")
            body = "\n".join([_("The following items are overdue as of %(date)s:") % {"date": as_of.isoformat()}, "",
                              *[f"- {line}" for line in lines], "",
                              _("Please log progress or update the milestone on the platform.")])
        messages.append((subject, body, settings.DEFAULT_FROM_EMAIL, [email]))
    return send_mass_mail(messages, fail_silently=False) if messages else 0


def reminders_job(params: dict, report) -> dict:
    """Job function the workers run daily (settings.JOBS_SCHEDULE): the reminders as of
    the scheduled day, so a late run does not judge by a later date."""
    as_of = date.fromisoformat(params["occurrence"][:10]) if params.get("occurrence") else date.today()
    report(0.0, f"Reminders as of {as_of.isoformat()}")
    return {"sent": send_reminders(as_of), "as_of": as_of.isoformat()}
