from __future__ import annotations

import csv
import io
import zipfile

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from circularcities.coalition.models import City
from circularcities.core.diagnosis_io import COLUMNS, EXAMPLES, write_template
from circularcities.core.errors import DataImportError, ValidationError
from circularcities.core.reports import csv_row
from circularcities.core.rules import FieldError
from circularcities.core.tables import count_rows
from circularcities.diagnosis.forms import UploadForm, ValueForm
from circularcities.diagnosis.imports import import_file, read_files
from circularcities.diagnosis.models import IndicatorValue, Quality
from circularcities.diagnosis.permissions import require_edit_diagnosis
from circularcities.diagnosis.values import ComputedValueError, set_typed_value
from circularcities.jobs.imports import start_import
from circularcities.web import import_summary
from circularcities.web.downloads import XLSX, attachment
from circularcities.web.fielderrors import add_to_form
from circularcities.web.uploads import job_rows


def summary_lines(result) -> list[str]:
    """The import's counts as sentences."""
    names = {"flows": _("flows"), "stocks": _("stock changes"), "maturity": _("maturity assessments"),
             "indicators": _("uploaded indicator values"), "computed": _("computed indicator values")}
    lines = []
    for part, c in result.counts.items():
        lines.append(_("%(what)s: %(created)d new, %(changed)d changed, %(removed)d removed, %(unchanged)d unchanged")
                     % {"what": names.get(part, part), "created": c.get("created", 0), "changed": c.get("changed", 0),
                        "removed": c.get("removed", 0), "unchanged": c.get("unchanged", 0)})
    kept = result.counts.get("computed", {}).get("kept", 0)
    if kept:
        lines.append(_("%(n)d values typed by people were kept instead of the computed ones.") % {"n": kept})
    return lines


@login_required
@require_http_methods(["GET", "POST"])
def upload(request, slug):
    city = get_object_or_404(City, slug=slug)
    require_edit_diagnosis(request.user, city)
    problems, lines, status, job = [], [], 200, None
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if form.is_valid():
            files = [(f.name, f.read()) for f in form.cleaned_data["files"]]
            try:
                # Counting rows is cheap (no cell is built); a large file is imported by a job.
                rows = sum(count_rows(blob, name, tuple(COLUMNS)) for name, blob in files)
            except DataImportError:
                rows = 0  # not a readable table: the importer below says why, in the reader's language
            try:
                if rows > job_rows():
                    job = start_import(request, kind="diagnosis-import",
                                       func="circularcities.diagnosis.imports.import_files_job",
                                       files=files, params={"city": city.slug},
                                       title=_("Importing diagnosis data for %(city)s") % {"city": city.t("name")})
                    status = 202
                else:
                    result = import_file(city, read_files(files), user=request.user, via="upload")
            except DataImportError as exc:
                problems, status = exc.problems, 400
            else:
                if job is not None:
                    return render(request, "diagnosis/upload.html", {"city": city, "form": form, "job": job},
                                  status=status)
                if result.already is not None:
                    who = result.already.uploaded_by.get_username() if result.already.uploaded_by else _("the demo")
                    messages.info(request, _("This file was already imported on %(when)s by %(who)s; nothing changed.")
                                  % {"when": result.already.uploaded_at.strftime("%Y-%m-%d %H:%M"), "who": who})
                elif not result.changed:
                    messages.info(request, _("The file matches the stored data; nothing changed."))
                else:
                    rows = [c for part, c in result.counts.items() if part != "computed"]
                    written = sum(c.get("created", 0) + c.get("changed", 0) for c in rows)
                    unchanged = sum(c.get("unchanged", 0) for c in rows)
                    import_summary.report(request, written + unchanged, written, unchanged, details=" · ".join(
                        [_("Imported %(file)s.") % {"file": result.upload.file_name}, *summary_lines(result)]))
                if result.imbalances:
                    messages.warning(request, _("%(n)d processes do not balance; see the dashboard.")
                                     % {"n": len(result.imbalances)})
                return redirect(reverse("diagnosis:dashboard", args=[city.slug]))
        else:
            status = 400
    return render(request, "diagnosis/upload.html", {"city": city, "form": form, "problems": problems,
                                                     "lines": lines}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def edit_value(request, slug):
    city = get_object_or_404(City, slug=slug)
    require_edit_diagnosis(request.user, city)
    initial = {"indicator": request.GET.get("code"), "year": request.GET.get("year")}
    current = None
    if initial["indicator"] and initial["year"]:
        current = (IndicatorValue.objects.filter(city=city, indicator_id=initial["indicator"],
                                                 year=initial["year"]).first()
                   if str(initial["year"]).isdigit() else None)
        if current:
            if current.quality == Quality.COMPUTED:  # a typed value needs its own source
                initial.update(value=current.value, quality=Quality.MEASURED)
            else:
                initial.update(value=current.value, source=current.source, quality=current.quality)
    form = ValueForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            d = form.cleaned_data
            try:
                _value, changed = set_typed_value(city, d["indicator"].code, d["year"], d["value"],
                                                  source=d["source"], quality=d["quality"], user=request.user,
                                                  via="form", override=d["override"])
            except ComputedValueError:
                form.add_error("override", _("This value is computed from the metabolism model. Tick the box to "
                                             "replace it with the value you typed."))
            except FieldError as exc:
                add_to_form(form, exc)
            except ValidationError as exc:
                form.add_error(None, str(exc))
            else:
                if changed:
                    messages.success(request, _("Saved %(code)s for %(year)s.") % {"code": d["indicator"].code,
                                                                                   "year": d["year"]})
                else:
                    messages.info(request, _("Same value, quality and source as stored; nothing changed."))
                return redirect(reverse("diagnosis:history", args=[city.slug]) + f"?code={d['indicator'].code}")
        status = 400
    return render(request, "diagnosis/value_form.html", {"city": city, "form": form, "current": current},
                  status=status)


def template_xlsx(request):
    buf = io.BytesIO()
    write_template(buf)
    return attachment(buf.getvalue(), "diagnosis-template.xlsx", XLSX)


def template_csv(request):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for sheet, cols in COLUMNS.items():
            text = io.StringIO()
            w = csv.writer(text)
            w.writerow(csv_row(cols))
            w.writerows(csv_row([e.get(c, "") for c in cols]) for e in EXAMPLES[sheet])
            z.writestr(f"{sheet}.csv", "\ufeff" + text.getvalue())
    return attachment(buf.getvalue(), "diagnosis-template-csv.zip", "application/zip")


@login_required
@require_http_methods(["GET", "POST"])
def assess(request, slug):
    """Fill in the 7R questionnaire for the city or for a business of the city."""
    from circularcities.core.maturity import R_STRATEGIES
    from circularcities.diagnosis.forms import AssessmentForm
    from circularcities.diagnosis.models import MaturityAssessment

    city = get_object_or_404(City, slug=slug)
    require_edit_diagnosis(request.user, city)
    form = AssessmentForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            d = form.cleaned_data
            levels = {r: d[f"level_{r}"] for r in R_STRATEGIES}
            notes = {r: d[f"note_{r}"].strip() for r in R_STRATEGIES if d[f"note_{r}"].strip()}
            _obj, created = MaturityAssessment.objects.update_or_create(
                city=city, subject=d["subject"], date=d["date"],
                defaults={"levels": levels, "notes": notes, "assessor": request.user})
            messages.success(request, _("Assessment of %(date)s saved.") % {"date": d["date"].isoformat()}
                             if created else _("Assessment of %(date)s updated.") % {"date": d["date"].isoformat()})
            return redirect(reverse("diagnosis:dashboard", args=[city.slug]))
        return render(request, "diagnosis/assess.html", {"city": city, "form": form}, status=400)
    return render(request, "diagnosis/assess.html", {"city": city, "form": form})
