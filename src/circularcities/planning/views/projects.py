"""Funded programmes, their projects, progress logging and import."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Sum
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from circularcities.core.errors import DataImportError
from circularcities.core.planning import PROGRAMME_INDICATORS
from circularcities.core.rules import FieldError
from circularcities.jobs.imports import start_import
from circularcities.planning.forms import ImportForm, ProgressForm
from circularcities.planning.models import Programme, Project
from circularcities.planning.permissions import (
    can_log_progress,
    can_manage_programmes,
    is_project_owner,
    require_log_progress,
)
from circularcities.planning.plan_import import import_progress
from circularcities.planning.programmes import goals_of
from circularcities.planning.services import assess_targets, log_progress, progress_totals
from circularcities.web import import_summary
from circularcities.web.downloads import attachment
from circularcities.web.fielderrors import add_to_form
from circularcities.web.uploads import needs_job


def programme_detail(request, slug):
    programme = get_object_or_404(Programme.objects.select_related("city"), slug=slug)
    projects = list(programme.projects.select_related("organisation").prefetch_related("owners"))
    totals = []
    for r in (programme.projects.values("entries__indicator", "entries__currency")
              .annotate(total=Sum("entries__value")).order_by("entries__indicator")):
        if r["entries__indicator"]:
            ind = PROGRAMME_INDICATORS[r["entries__indicator"]]
            totals.append({"indicator": ind, "total": r["total"],
                           "unit": r["entries__currency"] if ind.is_money else ind.unit})
    targets = list(programme.targets.select_related("indicator", "programme"))
    assessments = assess_targets(targets)
    return render(request, "planning/programme_detail.html", {
        "programme": programme, "projects": projects, "totals": totals,
        "targets": [(t, assessments[t.pk]) for t in targets], "goals": goals_of(programme),
        "can_edit": can_manage_programmes(request.user, programme.city)})


def _project_context(request, project, form):
    full = can_manage_programmes(request.user, project.programme.city)
    return {"project": project, "entries": project.entries.all(), "totals": progress_totals(project),
            "owners": project.owners.all(), "can_log": can_log_progress(request.user, project), "form": form,
            "can_edit": full or is_project_owner(request.user, project)}


def project_detail(request, code):
    project = get_object_or_404(Project.objects.select_related("programme__city", "organisation"), code=code)
    return render(request, "planning/project_detail.html", _project_context(request, project, ProgressForm()))


@login_required
@require_POST
def log_project_progress(request, code):
    project = get_object_or_404(Project.objects.select_related("programme__city", "organisation"), code=code)
    require_log_progress(request.user, project)
    form = ProgressForm(request.POST)
    if form.is_valid():
        d = form.cleaned_data
        try:
            _entry, changed = log_progress(project, d["quarter"], d["indicator"], d["value"], user=request.user,
                                           currency=d.get("currency") or "", note=d.get("note", ""))
        except FieldError as exc:
            add_to_form(form, exc)
        else:
            messages.success(request, _("Progress saved.") if changed else _("Nothing changed."))
            return redirect(project.get_absolute_url())
    return render(request, "planning/project_detail.html", _project_context(request, project, form), status=400)


@login_required
@require_http_methods(["GET", "POST"])
def import_progress_file(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        try:
            if needs_job(data, upload.name, "progress"):
                job = start_import(request, kind="planning-progress-import",
                                   func="circularcities.planning.import_jobs.import_progress_job",
                                   files=[(upload.name, data)], params={}, title=_("Importing progress entries"))
                return render(request, "planning/import.html", {"form": form, "job": job}, status=202)
            result = import_progress(data, upload.name, request.user)
        except DataImportError as exc:
            problems = exc.problems
        else:
            import_summary.report(request, result["rows"], result["changed"])
            return redirect("planning:import_progress")
    return render(request, "planning/import.html", {"form": form, "problems": problems},
                  status=400 if problems else 200)


def progress_template(request):
    body = ("project,quarter,indicator,value,currency,note,source\n"
            "my-project,2024-Q3,companies_supported,4,,,\n"
            "my-project,2024-Q3,funding_raised,25000,EUR,,\n")
    return attachment(body, "progress-template.csv", "text/csv; charset=utf-8")
