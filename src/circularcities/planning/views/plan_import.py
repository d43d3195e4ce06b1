"""Importing a city's targets and measures from CSV or Excel."""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from circularcities.coalition.models import City
from circularcities.core.errors import DataImportError
from circularcities.jobs.imports import start_import
from circularcities.planning.permissions import require_plan
from circularcities.planning.plan_import import (
    KINDS,
    import_measures,
    import_targets,
    optional_columns,
    template,
)
from circularcities.web import import_summary
from circularcities.web.downloads import attachment
from circularcities.web.uploads import needs_job


class PlanImportForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("What the file holds"),
                             choices=[("targets", gettext_lazy("Targets")), ("measures", gettext_lazy("Measures"))])
    file = forms.FileField(label=gettext_lazy("File (CSV or Excel .xlsx)"))


@login_required
@require_http_methods(["GET", "POST"])
def import_plan(request, slug):
    city = get_object_or_404(City, slug=slug)
    require_plan(request.user, city)
    form = PlanImportForm(request.POST or None, request.FILES or None,
                          initial={"kind": request.GET.get("kind", "targets")})
    problems, job = [], None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        kind = form.cleaned_data["kind"]
        run = import_targets if kind == "targets" else import_measures
        data = upload.read()
        try:
            if needs_job(data, upload.name, kind):
                job = start_import(request, kind="planning-import", func="circularcities.planning.import_jobs.import_plan_job",
                                   files=[(upload.name, data)], params={"city": city.slug, "kind": kind},
                                   title=(_("Importing targets for %(city)s") if kind == "targets"
                                          else _("Importing measures for %(city)s")) % {"city": city.t("name")})
                return render(request, "planning/import_plan.html", {"city": city, "form": form, "job": job,
                                                                          "columns": optional_columns()},
                              status=202)
            result = run(city, data, upload.name, request.user)
        except DataImportError as exc:
            problems = exc.problems
        else:
            import_summary.report(request, result["rows"], result["changed"])
            return redirect("planning:import_plan", slug=city.slug)
    return render(request, "planning/import_plan.html", {"city": city, "form": form, "problems": problems,
                                                          "columns": optional_columns()},
                  status=400 if problems or request.method == "POST" else 200)


def plan_template(request, kind, fmt):
    if kind not in KINDS or fmt not in ("csv", "xlsx"):
        raise Http404
    body, name, content_type = template(kind, fmt)
    return attachment(body, name, content_type)
