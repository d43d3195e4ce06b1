"""Pages: the buildings of a city, a passport, registering and importing, the
material bank. Views parse input and call services; permissions decide."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from circularcities.accounts.permissions import can_edit_city, is_secretariat, organisation_of
from circularcities.buildings import bank, services
from circularcities.buildings.forms import (
    BuildingForm,
    ComponentForm,
    ImportForm,
    MapForm,
    OfferForm,
    component_initial,
)
from circularcities.buildings.imports import import_ifc, import_spreadsheet, template_xlsx
from circularcities.buildings.models import Building, Component
from circularcities.buildings.passport_view import passport_context
from circularcities.buildings.permissions import (
    can_edit_building,
    can_view_building,
    require_create_building,
    require_edit_building,
    visible_buildings,
)
from circularcities.buildings.reports import passport_pdf, passport_xlsx
from circularcities.coalition.models import City
from circularcities.core.errors import DataImportError
from circularcities.core.rules import FieldError
from circularcities.jobs.imports import start_import
from circularcities.web import import_summary
from circularcities.web.downloads import XLSX, attachment
from circularcities.web.fielderrors import add_to_form
from circularcities.web.uploads import job_rows, needs_job


def index(request):
    buildings = list(visible_buildings(request.user).prefetch_related("translations"))
    cities = sorted({b.city for b in buildings}, key=lambda c: c.slug)
    editable = [c for c in City.objects.order_by("slug") if can_edit_city(request.user, c)]
    return render(request, "buildings/index.html", {"buildings": buildings, "cities": cities,
                                                    "editable_cities": editable})


def _get_visible(request, pk) -> Building:
    building = get_object_or_404(Building.objects.select_related("city"), pk=pk)
    if not can_view_building(request.user, building):
        raise Http404  # an unpublished passport does not exist for the public
    return building


def _get_editable(request, pk) -> Building:
    building = get_object_or_404(Building, pk=pk)
    require_edit_building(request.user, building)
    return building


def detail(request, pk):
    building = _get_visible(request, pk)
    ctx = passport_context(building)
    can_edit = can_edit_building(request.user, building)
    ctx.update({"can_edit": can_edit, "offer_form": OfferForm(),
                # The marketplace lists offers for an organisation: the editor's own.
                "can_offer": can_edit and (is_secretariat(request.user)
                                           or organisation_of(request.user) is not None)})
    return render(request, "buildings/detail.html", ctx)


def export(request, pk, fmt):
    building = _get_visible(request, pk)
    if fmt == "pdf":
        body, ctype = passport_pdf(building), "application/pdf"
    elif fmt == "xlsx":
        body = passport_xlsx(building)
        ctype = XLSX
    else:
        raise Http404
    return attachment(body, f"passport-{building.pk}.{fmt}", ctype)


def _form_page(request, *, city=None, building=None):
    initial = {}
    if building is not None:
        from circularcities.web.translated import translated

        initial = {k: getattr(building, k) for k in ("address", "lat", "lon", "use", "floor_area_m2",
                                                     "year_built", "design_life_years",
                                                     "planned_end_of_use", "source", "published")}
        initial["name"] = translated(building, "name").text
        initial["description"] = translated(building, "description").text
    form = BuildingForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.save_building(request.user, data=form.cleaned_data, building=building,
                                           city=city)
        except FieldError as exc:
            add_to_form(form, exc)
        else:
            messages.success(request, _("Building saved."))
            return redirect(saved.get_absolute_url())
    return render(request, "buildings/form.html", {"form": form, "city": city or building.city,
                                                   "building": building},
                  status=400 if request.method == "POST" else 200)


@login_required
@require_http_methods(["GET", "POST"])
def create(request, slug):
    city = get_object_or_404(City, slug=slug)
    require_create_building(request.user, city)
    return _form_page(request, city=city)


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    building = _get_editable(request, pk)
    return _form_page(request, building=building)


@login_required
@require_http_methods(["GET", "POST"])
def import_components(request, pk):
    building = _get_editable(request, pk)
    form = ImportForm(request.POST or None, request.FILES or None)
    problems, job, result = [], None, None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        is_ifc = upload.name.lower().endswith(".ifc")
        large = data.count(b"IFC") > job_rows() if is_ifc else needs_job(data, upload.name, "components")
        try:
            if large:
                job = start_import(request, kind="buildings-import",
                                   func="circularcities.buildings.import_jobs.import_components_job",
                                   files=[(upload.name, data)], params={"building": building.pk},
                                   title=_("Importing components of %(b)s") % {"b": str(building)})
                return render(request, "buildings/import.html",
                              {"building": building, "form": form, "job": job}, status=202)
            run = import_ifc if is_ifc else import_spreadsheet
            result = run(request.user, building, data, upload.name)
        except DataImportError as exc:
            problems = exc.problems
        else:
            import_summary.report(request, result["rows"], result["created"] + result["updated"])
            if not result.get("missing"):
                return redirect(building.get_absolute_url())
    return render(request, "buildings/import.html",
                  {"building": building, "form": form, "problems": problems, "result": result},
                  status=400 if problems else 200)


def template(request):
    return attachment(template_xlsx(), "building-components-template.xlsx", XLSX)


@login_required
@require_http_methods(["POST"])
def offer(request, pk):
    building = _get_editable(request, pk)
    form = OfferForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give a horizon of 1 to 50 years."))
        return redirect(building.get_absolute_url())
    try:
        result = bank.offer_components(request.user, building,
                                       horizon_years=form.cleaned_data["horizon_years"],
                                       today=timezone.localdate(),
                                       organisation=organisation_of(request.user))
    except FieldError as exc:
        messages.error(request, exc.text())
        return redirect(building.get_absolute_url())
    return render(request, "buildings/offers.html", {"building": building, "result": result,
                                                     "horizon": form.cleaned_data["horizon_years"]})


def city_map(request, slug):
    city = get_object_or_404(City, slug=slug)
    form = MapForm(request.GET or None)
    horizon = (form.cleaned_data.get("horizon_years") if form.is_valid() else None) or 20
    points = bank.city_availability(request.user, city, today=timezone.localdate(),
                                    horizon_years=horizon)
    by_material: dict[str, dict[int, float]] = {}
    for p in points:
        for r in p["rows"]:
            by_material.setdefault(r["material"], {}).setdefault(r["year"], 0.0)
            by_material[r["material"]][r["year"]] += r["tonnes"]
    years = sorted({y for m in by_material.values() for y in m})
    table = [(m, [round(by_material[m].get(y, 0.0), 3) for y in years]) for m in sorted(by_material)]
    return render(request, "buildings/map.html", {"city": city, "form": form, "points": points,
                                                  "years": years, "table": table,
                                                  "horizon": horizon})


@login_required
@require_http_methods(["GET", "POST"])
def component_form(request, pk, component_pk=None):
    building = _get_editable(request, pk)
    component = None
    if component_pk is not None:
        component = get_object_or_404(Component, pk=component_pk, building=building)
    form = ComponentForm(request.POST or None,
                         initial=component_initial(component) if component else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_component(request.user, building, data=form.service_data(),
                                    component=component)
        except FieldError as exc:
            add_to_form(form, exc, fields={"mass_kg": "materials", "material": "materials",
                                           "waste_code": "materials"})
        else:
            messages.success(request, _("Component saved."))
            return redirect(building.get_absolute_url())
    return render(request, "buildings/component_form.html",
                  {"form": form, "building": building, "component": component},
                  status=400 if request.method == "POST" else 200)


@login_required
@require_http_methods(["POST"])
def component_delete(request, pk, component_pk):
    building = get_object_or_404(Building, pk=pk)
    component = get_object_or_404(Component, pk=component_pk, building=building)
    services.delete_component(request.user, component)
    messages.success(request, _("Component deleted."))
    return redirect(building.get_absolute_url())
