"""Targets, measures and milestones of a city's action plan."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from circularcities.accounts.permissions import editable_city_ids, is_secretariat
from circularcities.coalition.models import City
from circularcities.core.errors import ValidationError
from circularcities.core.rules import FieldError
from circularcities.diagnosis.models import Indicator
from circularcities.diagnosis.services import sync_catalogue
from circularcities.planning.forms import MeasureForm, MilestoneForm, TargetForm, TargetProgressForm
from circularcities.planning.models import Measure, Milestone, Programme, Target
from circularcities.planning.permissions import can_plan, require_plan
from circularcities.planning.review import obs_label, rule_text
from circularcities.planning.rollup import coalition_rollup
from circularcities.planning.services import (
    assess_targets,
    log_progress,
    measure_set_status,
    measure_summary,
    measures_for,
    milestone_done,
    observations_for,
)
from circularcities.web.fielderrors import add_to_form, full_message


def index(request):
    data = coalition_rollup()
    return render(request, "planning/index.html", {
        **data, "programmes": Programme.objects.select_related("city"), "rule": rule_text(),
        "is_secretariat": is_secretariat(request.user),
        "can_create_programme": editable_city_ids(request.user) is None or bool(editable_city_ids(request.user))})


def city_plan(request, slug):
    city = get_object_or_404(City, slug=slug)
    targets = list(Target.objects.filter(city=city).select_related("indicator", "programme", "area"))
    assessments = assess_targets(targets)
    measures = list(measures_for(city).filter(is_summary_record=False))
    summary = measure_summary(Measure.objects.filter(city=city))
    return render(request, "planning/city_plan.html", {
        "city": city, "targets": [(t, assessments[t.pk]) for t in targets], "measures": measures,
        "n_summary_records": Measure.objects.filter(city=city, is_summary_record=True).count(),
        "summary": summary, "programmes": city.programmes.all(), "can_edit": can_plan(request.user, city),
        "rule": rule_text()})


def _save_page(request, form, template: str, context: dict, saved_message: str):
    """A target or measure form page: saved through the entity's service (its FieldError
    shown beside the field), or shown again with status 400."""
    if request.method == "POST":
        if form.is_valid() and (obj := form.save_through(request.user)):
            messages.success(request, saved_message)
            return redirect(obj.get_absolute_url())
        return render(request, template, {**context, "form": form}, status=400)
    return render(request, template, {**context, "form": form})


def _plan_city(request, slug):
    """The city whose plan the user may edit (else 404 or PermissionDenied)."""
    city = get_object_or_404(City, slug=slug)
    require_plan(request.user, city)
    return city


def _plan_entry(request, model, pk):
    """A target or measure of a plan the user may edit."""
    obj = get_object_or_404(model.objects.select_related("city"), pk=pk)
    require_plan(request.user, obj.city)
    return obj


def _target_form_page(request, city, instance=None):
    if not Indicator.objects.exists():
        sync_catalogue()
    # ?indicator=CODE preselects what the new target measures (the waste rates link here)
    initial = {"indicator": request.GET["indicator"]} if instance is None and request.GET.get("indicator") else None
    form = TargetForm(request.POST or None, instance=instance, city=city, initial=initial)
    return _save_page(request, form, "planning/target_form.html", {"city": city, "target": instance},
                      _("Target saved."))


@login_required
@require_http_methods(["GET", "POST"])
def create_target(request, slug):
    return _target_form_page(request, _plan_city(request, slug))


@login_required
@require_http_methods(["GET", "POST"])
def edit_target(request, pk):
    target = _plan_entry(request, Target, pk)
    return _target_form_page(request, target.city, target)


def target_detail(request, pk):
    target = get_object_or_404(Target.objects.select_related("city", "indicator", "programme", "area"), pk=pk)
    return _target_page(request, target)


def _target_page(request, target, form=None, status=200):
    from circularcities.planning.services import trajectory_of

    assessment = assess_targets([target])[target.pk]
    obs = observations_for([target])[target.pk]
    knots = trajectory_of(target).knots
    chart = {"trajectory": {"x": [k[0] for k in knots], "y": [k[1] for k in knots]},
             "observed": {"x": [o.time for o in obs], "y": [o.value for o in obs], "text": [obs_label(o) for o in obs]},
             "labels": {"trajectory": _("Trajectory"), "observed": _("Observed"), "unit": target.unit}}
    can_edit = can_plan(request.user, target.city)
    if form is None and can_edit and target.programme_id:
        form = TargetProgressForm(target=target)
    return render(request, "planning/target_detail.html", {
        "target": target, "a": assessment, "observations": obs, "chart": chart, "progress_form": form,
        "measures": target.measures.all(), "can_edit": can_edit, "rule": rule_text()}, status=status)


@login_required
@require_POST
def log_target_progress(request, pk):
    """Record progress on a programme target from its page, through the one write path
    (``services.log_progress``); the city's plan editors only."""
    target = get_object_or_404(Target.objects.select_related("city", "programme"), pk=pk)
    require_plan(request.user, target.city)
    if not target.programme_id:
        raise Http404("An indicator target's values come from the diagnosis.")
    form = TargetProgressForm(request.POST, target=target)
    if form.is_valid():
        d = form.cleaned_data
        project = get_object_or_404(target.programme.projects, code=d["project"])
        try:
            _entry, changed = log_progress(project, d["quarter"], target.programme_indicator, d["value"],
                                           user=request.user, currency=d.get("currency") or "",
                                           note=d.get("note", ""))
        except FieldError as exc:
            add_to_form(form, exc)
        except ValidationError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Progress saved.") if changed else _("Nothing changed."))
            return redirect(target.get_absolute_url())
    return _target_page(request, target, form=form, status=400)


def _measure_form_page(request, city, instance=None):
    form = MeasureForm(request.POST or None, instance=instance, city=city)
    return _save_page(request, form, "planning/measure_form.html", {"city": city, "measure": instance},
                      _("Measure saved."))


@login_required
@require_http_methods(["GET", "POST"])
def create_measure(request, slug):
    return _measure_form_page(request, _plan_city(request, slug))


@login_required
@require_http_methods(["GET", "POST"])
def edit_measure(request, pk):
    measure = _plan_entry(request, Measure, pk)
    return _measure_form_page(request, measure.city, measure)


def measure_detail(request, pk):
    """The chain on one page: the measure, its milestones, and the measured result of its targets."""
    measure = get_object_or_404(Measure.objects.select_related("city", "area", "lead", "owner"), pk=pk)
    targets = list(measure.targets.select_related("indicator", "programme"))
    assessments = assess_targets(targets)
    return render(request, "planning/measure_detail.html", {
        "measure": measure, "milestones": measure.milestones.prefetch_related("translations"), "r_strategies": measure.r_strategies.all(),
        "partners": measure.partners.all(), "targets": [(t, assessments[t.pk]) for t in targets],
        "can_edit": can_plan(request.user, measure.city), "milestone_form": MilestoneForm(),
        "history": measure.status_changes.select_related("changed_by"),
        "today": _today()})


def _today():
    from django.utils import timezone

    return timezone.localdate()


@login_required
@require_POST
def add_milestone(request, pk):
    measure = _plan_entry(request, Measure, pk)
    form = MilestoneForm(request.POST, measure=measure)
    if form.is_valid() and form.save_through(request.user):
        messages.success(request, _("Milestone added."))
    else:
        for field, errors in form.errors.items():
            messages.error(request, f"{form.fields[field].label if field in form.fields else ''}: {' '.join(errors)}")
    return redirect(measure.get_absolute_url())


@login_required
@require_POST
def complete_milestone(request, pk):
    milestone = get_object_or_404(Milestone.objects.select_related("measure__city"), pk=pk)
    require_plan(request.user, milestone.measure.city)
    if milestone_done(milestone, request.user, _today()):
        messages.success(request, _("Milestone marked as done."))
    return redirect(milestone.measure.get_absolute_url())


@login_required
@require_POST
def set_measure_status(request, pk):
    measure = _plan_entry(request, Measure, pk)
    try:
        measure_set_status(measure, request.POST.get("status") or "", request.user)
    except FieldError as exc:
        messages.error(request, full_message(exc))
    else:
        messages.success(request, _("Status saved."))
    return redirect(measure.get_absolute_url())
