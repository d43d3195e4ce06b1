"""The case library in the back office: write, review, publish, history, bulk import."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from circularcities.accounts.permissions import editable_city_ids, is_secretariat
from circularcities.core.errors import DataImportError
from circularcities.core.rules import FieldError
from circularcities.knowledge import services
from circularcities.knowledge.forms import (
    CaseForm,
    FigureFormSet,
    ImageForm,
    ImportForm,
    figure_initial,
)
from circularcities.knowledge.history import case_history
from circularcities.knowledge.imports import import_cases, template
from circularcities.knowledge.models import Case
from circularcities.knowledge.permissions import (
    can_edit_case,
    require_case_writer,
    require_edit_case,
    require_review,
)
from circularcities.web import import_summary
from circularcities.web.downloads import XLSX, attachment
from circularcities.web.fielderrors import add_to_form


def _mine(user):
    cases = Case.objects.select_related("city", "reviewer").prefetch_related("translations", "city__translations")
    if is_secretariat(user):
        return cases
    require_case_writer(user)
    return cases.filter(city_id__in=editable_city_ids(user) or set())


@login_required
def case_list(request):
    cases = _mine(request.user)
    status = request.GET.get("status")
    if status in Case.Status.values:
        cases = cases.filter(status=status)
    return render(request, "knowledge/office/case_list.html", {
        "cases": cases.order_by("-updated_at"), "status": status, "statuses": Case.Status.choices,
        "can_review": is_secretariat(request.user)})


def _figures(formset) -> list[dict]:
    return [f.cleaned_data for f in formset.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE") and f.cleaned_data.get("value") is not None]


@login_required
@require_http_methods(["GET", "POST"])
def case_edit(request, slug=None):
    case = get_object_or_404(Case.objects.prefetch_related("translations"), slug=slug) if slug else None
    if case is not None:
        require_edit_case(request.user, case)
    else:
        require_case_writer(request.user)
    form = CaseForm(request.POST or None, case=case)
    figures = FigureFormSet(request.POST or None, prefix="fig",
                            initial=figure_initial(case) if case is not None else None)
    if request.method == "POST":
        if form.is_valid() and figures.is_valid():
            changes = form.changes()
            slug_in = changes.pop("slug", None)
            try:
                saved = services.case_save(user=request.user, case=case, slug=slug_in,
                                           comment=form.cleaned_data.get("comment") or "",
                                           figures=_figures(figures), **changes)
            except FieldError as exc:
                add_to_form(form, exc)
            else:
                messages.success(request, _("Case saved."))
                return redirect("knowledge:office_case", saved.slug)
        status = 400
    else:
        status = 200
    return render(request, "knowledge/office/case_form.html",
                  {"form": form, "figures": figures, "case": case}, status=status)


@login_required
def case_office(request, slug):
    case = get_object_or_404(Case.objects.select_related("city", "reviewer").prefetch_related(
        "translations", "images", "figures__translations"), slug=slug)
    if not can_edit_case(request.user, case) and not is_secretariat(request.user):
        require_edit_case(request.user, case)
    return render(request, "knowledge/office/case.html", {
        "case": case, "image_form": ImageForm(), "can_review": is_secretariat(request.user),
        "can_edit": can_edit_case(request.user, case)})


@login_required
@require_POST
def case_status(request, slug):
    case = get_object_or_404(Case, slug=slug)
    action = request.POST.get("action")
    steps = {"submit": services.case_submit, "publish": services.case_publish, "return": services.case_return}
    if action not in steps:
        return HttpResponse(status=400)
    try:
        steps[action](case=case, user=request.user)
    except FieldError as exc:
        messages.error(request, str(exc.text("en")))
    else:
        messages.success(request, _("Status: %(status)s.") % {"status": case.get_status_display()})
    return redirect("knowledge:office_case", case.slug)


@login_required
@require_POST
def case_image(request, slug):
    case = get_object_or_404(Case, slug=slug)
    require_edit_case(request.user, case)
    form = ImageForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.case_add_image(case=case, user=request.user, **form.cleaned_data)
        except FieldError as exc:
            messages.error(request, exc.text("en"))
        else:
            messages.success(request, _("Image added."))
    else:
        messages.error(request, _("An image needs its file and its alternative text."))
    return redirect("knowledge:office_case", case.slug)


@login_required
def case_history_page(request, slug):
    case = get_object_or_404(Case, slug=slug)
    require_edit_case(request.user, case) if not is_secretariat(request.user) else None
    return render(request, "knowledge/office/history.html", {
        "case": case, "versions": case_history(case), "can_revert": is_secretariat(request.user)})


@login_required
@require_POST
def case_revert(request, slug, version_id):
    case = get_object_or_404(Case, slug=slug)
    require_review(request.user)
    try:
        services.case_revert(case=case, version_id=version_id, user=request.user)
    except FieldError as exc:
        messages.error(request, exc.text("en"))
    else:
        messages.success(request, _("The case is back as it was in that version."))
    return redirect("knowledge:office_history", case.slug)


@login_required
@require_http_methods(["GET", "POST"])
def case_import(request):
    require_review(request.user)
    form = ImportForm(request.POST or None, request.FILES or None)
    problems, status = [], 200
    if request.method == "POST":
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                result = import_cases(upload.read(), upload.name, request.user)
            except DataImportError as exc:
                problems, status = exc.problems, 400
            else:
                import_summary.report(request, result["created"] + result["updated"] + result.get("unchanged", 0),
                                      result["created"] + result["updated"])
                return redirect("knowledge:office_cases")
        else:
            status = 400
    return render(request, "knowledge/office/import.html", {"form": form, "problems": problems}, status=status)


@login_required
def case_import_template(request):
    require_review(request.user)
    return attachment(template(), "cases-template.xlsx", XLSX)
