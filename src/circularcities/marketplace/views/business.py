"""Businesses: a circularity self-assessment on the R-strategies with its score and
method, and the programme's view of its businesses over time."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from circularcities.coalition.models import Partner
from circularcities.core.circularity import by_quarter
from circularcities.core.errors import ValidationError
from circularcities.core.rules import FieldError
from circularcities.marketplace.business_services import ladder, save_assessment, score_of
from circularcities.marketplace.models import CircularityAnswer, CircularityAssessment
from circularcities.marketplace.permissions import can_assess_business, require_assess_business
from circularcities.web.fielderrors import add_to_form

BUSINESS_INDICATORS = ("companies_supported", "support_hours", "funding_raised", "new_products")
LEVELS = [(0, gettext_lazy("0 · not started")), (1, gettext_lazy("1 · planned")),
          (2, gettext_lazy("2 · in practice in part of the business")),
          (3, gettext_lazy("3 · standard practice across the business"))]


class AssessmentForm(forms.Form):
    """One level and one evidence box per R-strategy (shape only; the service checks)."""

    def __init__(self, *args, strategies=(), **kwargs):
        super().__init__(*args, **kwargs)
        for s in strategies:
            self.fields[f"level_{s.slug}"] = forms.TypedChoiceField(label=s.t("name"), choices=LEVELS,
                                                                    coerce=int, widget=forms.RadioSelect)
            self.fields[f"evidence_{s.slug}"] = forms.CharField(
                label=_("Evidence"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
                help_text=_("A figure, document or link that shows it. Without evidence the answer scores 0."))

    def rows(self):
        for name in self.fields:
            if name.startswith("level_"):
                yield self[name], self["evidence_" + name[len("level_"):]]


def _programme_entries():
    """Figures the planning programmes already record on their businesses (Advance London...)."""
    from circularcities.planning.models import ProgressEntry

    return (ProgressEntry.objects.filter(indicator__in=BUSINESS_INDICATORS)
            .select_related("project__programme").order_by("project__programme__slug", "year", "quarter",
                                                            "indicator"))


def business_list(request):
    businesses = list(Partner.objects.filter(kind=Partner.Kind.BUSINESS).prefetch_related("translations").order_by("slug"))
    latest = {}
    for a in CircularityAssessment.objects.filter(organisation__kind=Partner.Kind.BUSINESS).order_by(
            "organisation_id", "assessed_on", "pk"):
        latest[a.organisation_id] = a
    rows = [(a.organisation.slug, a.assessed_on.year, (a.assessed_on.month - 1) // 3 + 1, a.score)
            for a in CircularityAssessment.objects.select_related("organisation").order_by("assessed_on", "pk")]
    return render(request, "marketplace/business_list.html", {
        "businesses": [(b, latest.get(b.pk)) for b in businesses], "periods": by_quarter(rows),
        "entries": _programme_entries()})


def business_detail(request, slug):
    org = get_object_or_404(Partner, slug=slug, kind=Partner.Kind.BUSINESS)
    history = list(org.circularity_assessments.order_by("-assessed_on", "-pk"))
    latest = history[0] if history else None
    answers = (CircularityAnswer.objects.filter(assessment=latest).select_related("strategy")
               if latest else [])
    strategies = ladder()
    weights = {}
    if latest:
        result = score_of({x.strategy.slug: (x.level, x.evidence) for x in answers}, strategies)
        weights = result.weights
        missing = set(result.without_evidence)
    else:
        missing = set()
    return render(request, "marketplace/business_detail.html", {
        "org": org, "latest": latest, "history": history,
        "answers": [(x, weights.get(x.strategy.slug), x.strategy.slug in missing) for x in answers],
        "strategies": [(s, len(strategies) - i) for i, s in enumerate(strategies)],
        "can_assess": can_assess_business(request.user, org)})


@login_required
@require_http_methods(["GET", "POST"])
def assess_business(request, slug):
    org = get_object_or_404(Partner, slug=slug, kind=Partner.Kind.BUSINESS)
    require_assess_business(request.user, org)
    strategies = ladder()
    initial = {}
    last = org.circularity_assessments.order_by("-assessed_on", "-pk").first()
    if last is not None:
        for x in last.answers.select_related("strategy"):
            initial[f"level_{x.strategy.slug}"] = x.level
            initial[f"evidence_{x.strategy.slug}"] = x.evidence
    form = AssessmentForm(request.POST or None, initial=initial, strategies=strategies)
    if request.method == "POST" and form.is_valid():
        try:
            a = save_assessment(request.user, org, dict(form.cleaned_data))
        except FieldError as exc:
            add_to_form(form, exc)
        except ValidationError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Self-assessment saved: score %(score)s out of 100.") % {"score": a.score})
            return redirect("marketplace:business_detail", slug=org.slug)
    return render(request, "marketplace/business_assess.html", {"org": org, "form": form},
                  status=400 if request.method == "POST" else 200)
