"""Creating and editing funded programmes and their projects."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from circularcities.coalition.models import City
from circularcities.planning.models import Programme, Project
from circularcities.planning.permissions import (
    can_manage_programmes,
    require_create_any_programme,
    require_edit_project_description,
    require_manage_programmes,
)
from circularcities.planning.programme_forms import (
    ProgrammeForm,
    ProjectDescriptionForm,
    ProjectForm,
)


def _form_page(request, form, title, back_url, back_label, testid, status=200):
    return render(request, "planning/form.html", {"form": form, "title": title, "back_url": back_url,
                                                  "back_label": back_label, "testid": testid}, status=status)


def _save_programme(request, form, instance):
    if not form.is_valid():
        return None
    city = form.cleaned_data.get("city")
    require_manage_programmes(request.user, city)
    if instance is not None and instance.city_id != (city.pk if city else None):
        require_manage_programmes(request.user, instance.city)
    programme = form.save_through(request.user)
    if programme is None:
        return None
    messages.success(request, _("Programme saved."))
    return redirect(programme.get_absolute_url())


@login_required
@require_http_methods(["GET", "POST"])
def create_programme(request):
    require_create_any_programme(request.user)
    initial = {}
    city = City.objects.filter(slug=request.GET.get("city") or "").first()
    if city is not None and can_manage_programmes(request.user, city):
        initial["city"] = city
    form = ProgrammeForm(request.POST or None, initial=initial, user=request.user)
    if request.method == "POST" and (resp := _save_programme(request, form, None)):
        return resp
    return _form_page(request, form, _("New programme"), "/plans/", _("Plans and progress"), "programme-form",
                      400 if request.method == "POST" else 200)


@login_required
@require_http_methods(["GET", "POST"])
def edit_programme(request, slug):
    programme = get_object_or_404(Programme.objects.select_related("city"), slug=slug)
    require_manage_programmes(request.user, programme.city)
    form = ProgrammeForm(request.POST or None, instance=programme, user=request.user)
    if request.method == "POST" and (resp := _save_programme(request, form, programme)):
        return resp
    return _form_page(request, form, _("Edit programme"), programme.get_absolute_url(), programme.t("name"),
                      "programme-form", 400 if request.method == "POST" else 200)


@login_required
@require_http_methods(["GET", "POST"])
def create_project(request, slug):
    programme = get_object_or_404(Programme.objects.select_related("city"), slug=slug)
    require_manage_programmes(request.user, programme.city)
    form = ProjectForm(request.POST or None, programme=programme)
    if request.method == "POST":
        if form.is_valid() and (project := form.save_through(request.user)):
            messages.success(request, _("Project saved."))
            return redirect(project.get_absolute_url())
    return _form_page(request, form, _("New project"), programme.get_absolute_url(), programme.t("name"),
                      "project-form", 400 if request.method == "POST" else 200)


@login_required
@require_http_methods(["GET", "POST"])
def edit_project(request, code):
    project = get_object_or_404(Project.objects.select_related("programme__city", "organisation"), code=code)
    require_edit_project_description(request.user, project)
    full = can_manage_programmes(request.user, project.programme.city)
    form_class = ProjectForm if full else ProjectDescriptionForm
    form = form_class(request.POST or None, instance=project)
    if request.method == "POST":
        if form.is_valid() and form.save_through(request.user):
            messages.success(request, _("Project saved."))
            return redirect(project.get_absolute_url())
    title = _("Edit project") if full else _("Edit the project's description")
    return _form_page(request, form, title, project.get_absolute_url(), project.t("title"), "project-form",
                      400 if request.method == "POST" else 200)
