"""The back office: the secretariat runs the coalition in the browser.

Every write goes through :mod:`circularcities.coalition.services` (the admin calls the
same functions); every page asks :func:`permissions.require_run_coalition` first.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from circularcities.coalition.forms import CityOfficeForm, PartnerOfficeForm
from circularcities.coalition.models import City, FocalArea, Partner, WorkingGroup
from circularcities.coalition.permissions import require_run_coalition
from circularcities.coalition.services import city_archive, city_restore
from circularcities.core.errors import ValidationError
from circularcities.core.rules import FieldError
from circularcities.web.fielderrors import add_to_form


@login_required
def index(request):
    require_run_coalition(request.user)
    cities = City.objects.prefetch_related(
        "translations", Prefetch("focal_areas", queryset=FocalArea.objects.select_related("area")
                                 .prefetch_related("area__translations")))
    return render(request, "coalition/office/index.html", {
        "cities": cities,
        "partners": Partner.objects.prefetch_related("translations"),
        "groups": WorkingGroup.objects.select_related("area").prefetch_related("area__translations"),
    })


def _form_page(request, form, title, back, status=200):
    return render(request, "coalition/office/form.html",
                  {"form": form, "title": title, "back": back}, status=status)


def _save(request, form, done):
    """Save a valid form through its service; FieldError goes beside its field."""
    if not form.is_valid():
        return None
    try:
        obj = form.save(user=request.user)
    except FieldError as exc:
        add_to_form(form, exc)
        return None
    except ValidationError as exc:
        form.add_error(None, str(exc))
        return None
    messages.success(request, done(obj))
    return obj


def _edit_page(request, form, title, done, after):
    """GET: the form. POST: saved through its service, with ``done(obj)`` said and a
    redirect to ``after(obj)``; else the form again with its errors (400)."""
    if request.method == "POST":
        obj = _save(request, form, done)
        if obj is not None:
            return redirect(after(obj))
        return _form_page(request, form, title, "coalition:office", status=400)
    return _form_page(request, form, title, "coalition:office")


@login_required
@require_http_methods(["GET", "POST"])
def city_new(request):
    require_run_coalition(request.user)
    form = CityOfficeForm(request.POST or None)
    return _edit_page(request, form, _("Register a member city"),
                      lambda c: _("%(city)s registered as a member city.") % {"city": c.t("name")},
                      lambda c: c.get_absolute_url())


@login_required
@require_http_methods(["GET", "POST"])
def city_edit(request, slug):
    require_run_coalition(request.user)
    city = get_object_or_404(City.objects.prefetch_related("translations", "focal_areas"), slug=slug)
    form = CityOfficeForm(request.POST or None, city=city)
    return _edit_page(request, form, _("Edit %(city)s") % {"city": city.t("name")},
                      lambda c: _("Profile of %(city)s saved.") % {"city": c.t("name")},
                      lambda c: c.get_absolute_url())


@login_required
@require_POST
def city_archive_view(request, slug):
    require_run_coalition(request.user)
    city = get_object_or_404(City, slug=slug)
    if request.POST.get("restore"):
        city_restore(city=city, user=request.user)
        messages.success(request, _("%(city)s is a member again.") % {"city": city.t("name")})
    else:
        city_archive(city=city, user=request.user)
        messages.success(request, _("%(city)s left the coalition: archived, its history is kept.")
                         % {"city": city.t("name")})
    return redirect("coalition:office")


@login_required
@require_http_methods(["GET", "POST"])
def partner_new(request):
    require_run_coalition(request.user)
    form = PartnerOfficeForm(request.POST or None)
    return _edit_page(request, form, _("Add an organisation"),
                      lambda p: _("%(name)s added.") % {"name": p.t("name")}, lambda p: "coalition:office")


@login_required
@require_http_methods(["GET", "POST"])
def partner_edit(request, slug):
    require_run_coalition(request.user)
    partner = get_object_or_404(Partner.objects.prefetch_related("translations", "areas"), slug=slug)
    form = PartnerOfficeForm(request.POST or None, partner=partner)
    return _edit_page(request, form, _("Edit %(name)s") % {"name": partner.t("name")},
                      lambda p: _("%(name)s saved.") % {"name": p.t("name")}, lambda p: "coalition:office")


@login_required
@require_http_methods(["GET", "POST"])
def group_office(request, slug):
    """A working group's cycle: stages, deliverables and published results."""
    from circularcities.coalition.forms import DeliverableForm, ResultForm, StageForm
    from circularcities.coalition.models import WorkingGroup
    from circularcities.coalition.permissions import require_run_group
    from circularcities.coalition.services import (
        cycle_start,
        deliverable_save,
        result_publish,
        stage_save,
    )

    group = get_object_or_404(WorkingGroup.objects.select_related("area").prefetch_related("area__translations"),
                              area__slug=slug)
    require_run_group(request.user, group)
    action = request.POST.get("action") if request.method == "POST" else None
    forms_ = {"stage": StageForm(request.POST if action == "stage" else None),
              "deliverable": DeliverableForm(request.POST if action == "deliverable" else None, group=group),
              "result": ResultForm(request.POST if action == "result" else None,
                                   request.FILES if action == "result" else None, group=group)}
    status = 200
    if action == "cycle":
        cycle_start(user=request.user, group=group)
        messages.success(request, _("The cycle's three stages were added."))
        return redirect("coalition:office_group", slug)
    if action in forms_:
        form = forms_[action]
        if form.is_valid():
            data = dict(form.cleaned_data)
            try:
                if action == "stage":
                    stage_save(user=request.user, group=group, **data)
                elif action == "deliverable":
                    deliverable_save(user=request.user, stage=data.pop("stage"), **data)
                else:
                    pub = result_publish(user=request.user, group=group, **data)
                    messages.success(request, _("Result published: %(title)s.") % {"title": pub.t("title")})
            except FieldError as exc:
                add_to_form(form, exc)
            else:
                return redirect("coalition:office_group", slug)
        status = 400
    return render(request, "coalition/office/group.html", {
        "group": group, "area": group.area, **{f"{k}_form": v for k, v in forms_.items()},
        "stages": group.stages.prefetch_related("translations", "deliverables__city__translations")
                               .select_related("owner"),
        "results": group.publications.prefetch_related("translations", "cities__translations"),
    }, status=status)
