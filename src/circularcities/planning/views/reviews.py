"""Quarterly reviews, the coalition roll-up and reminders."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from circularcities.coalition.models import City, WorkingGroup
from circularcities.core.planning import Quarter
from circularcities.core.reports import to_pdf, to_xlsx
from circularcities.planning.permissions import (
    require_secretariat,
    require_view_group_review,
    require_view_review,
)
from circularcities.planning.review import build_report, quarter_review, rule_text, send_reminders
from circularcities.planning.rollup import coalition_rollup
from circularcities.web.downloads import XLSX, attachment
from circularcities.web.translated import reader_language


def _quarter(request) -> Quarter:
    text = request.GET.get("quarter")
    if text:
        try:
            return Quarter.parse(text)
        except ValueError:
            pass
    return Quarter.of(timezone.localdate()).previous()


def _respond(request, review, subject, template_context):
    fmt = request.GET.get("format")
    if fmt in ("pdf", "xlsx"):
        lang = reader_language(request.GET.get("lang") or get_language())  # a configured language
        report = build_report(subject, review, lang)
        name = f"review-{slugify(subject) or 'city'}-{review['quarter']}-{lang}.{fmt}"
        content, content_type = (to_pdf(report, lang), "application/pdf") if fmt == "pdf" else (to_xlsx(report), XLSX)
        return attachment(content, name, content_type)
    q = review["quarter"]
    return render(request, "planning/review.html", {
        **template_context, **review, "subject": subject, "rule": rule_text(),
        "previous": q.previous(), "next": q.next()})


@login_required
def city_review(request, slug):
    city = get_object_or_404(City, slug=slug)
    require_view_review(request.user, city)
    review = quarter_review(_quarter(request), City.objects.filter(pk=city.pk))
    return _respond(request, review, city.t("name"), {"city": city})


@login_required
def group_review(request, slug):
    group = get_object_or_404(WorkingGroup.objects.select_related("area"), area__slug=slug)
    require_view_group_review(request.user, group)
    review = quarter_review(_quarter(request), group.cities())
    return _respond(request, review, group.area.t("name"), {"group": group})


@login_required
def rollup(request):
    require_secretariat(request.user)
    return render(request, "planning/rollup.html", {**coalition_rollup(), "rule": rule_text(),
                                                    "groups": WorkingGroup.objects.select_related("area")})


@login_required
@require_POST
def remind(request):
    require_secretariat(request.user)
    n = send_reminders(timezone.localdate())
    messages.success(request, _("%(n)d reminder e-mails sent.") % {"n": n})
    return redirect("planning:rollup")
