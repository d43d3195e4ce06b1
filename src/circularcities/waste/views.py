"""Pages: the coalition's waste overview, a city's streams and rates, editing and importing streams."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from circularcities.coalition.models import City
from circularcities.core.errors import DataImportError
from circularcities.core.planning import DEFAULT_TOLERANCE, RULE_TEXT
from circularcities.core.rules import FieldError
from circularcities.core.waste.catalogue import zero_waste_catalogue
from circularcities.core.waste.io import SHEET
from circularcities.jobs.imports import start_import
from circularcities.waste import charts
from circularcities.waste.forms import ImportForm, StreamForm
from circularcities.waste.labels import area_label, rate_label
from circularcities.waste.models import CatalogueAdoption, WasteStream
from circularcities.waste.permissions import can_edit_streams, require_edit_streams
from circularcities.waste.services import (
    adopt_zero_waste,
    city_summary,
    has_adopted,
    import_streams,
    stream_delete,
    stream_write,
)
from circularcities.waste.template import template
from circularcities.web import import_summary
from circularcities.web.downloads import XLSX, attachment
from circularcities.web.fielderrors import add_to_form
from circularcities.web.uploads import needs_job


def index(request):
    from collections import defaultdict

    from circularcities.core.waste import rates_by_year

    streams = defaultdict(list)
    for s in WasteStream.objects.select_related("city").order_by("city__slug"):
        streams[s.city].append(s)
    adopted = set(CatalogueAdoption.objects.values_list("city_id", flat=True))
    rows = []
    for city, mine in streams.items():
        years = [s.year for s in mine]
        household = {y: r for y, r in rates_by_year([s.to_core() for s in mine], area="household").items()
                     if r.treated_t > 0}
        latest = max(household) if household else None
        rows.append({"city": city, "n": len(mine), "first": min(years), "last": max(years),
                     "adopted": city.pk in adopted, "recycling_year": latest,
                     "recycling": 100 * household[latest].recycling_rate if latest else None,
                     "quality": sorted({s.quality for s in mine if s.area == "household" and s.year == latest})})
    return render(request, "waste/index.html", {"rows": rows, "catalogue": zero_waste_catalogue()})


def city_streams(request, slug):
    city = get_object_or_404(City, slug=slug)
    areas = city_summary(city)
    for a in areas:
        a.label = area_label(a.area)
        for s in a.series:
            s.label = rate_label(s.key)
            s.chart = charts.bars(s.points, unit="%", maximum=100)
        a.tonnes_chart = charts.bars([(y, a.totals[y].generated_t) for y in a.years], unit="t")
    return render(request, "waste/city.html", {
        "city": city, "areas": areas, "can_edit": can_edit_streams(request.user, city),
        "adopted": has_adopted(city), "catalogue": zero_waste_catalogue(),
        "rule": RULE_TEXT.format(pct=round(DEFAULT_TOLERANCE * 100))})


@login_required
@require_http_methods(["GET", "POST"])
def edit_stream(request, slug, pk=None):
    city = get_object_or_404(City, slug=slug)
    require_edit_streams(request.user, city)
    instance = get_object_or_404(WasteStream, pk=pk, city=city) if pk else None
    form = StreamForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        fields = {k: form.cleaned_data.get(k) for k in [*form.name_fields(), *form.Meta.fields]}
        fields = {k: v for k, v in fields.items() if v is not None or k == "collected_t"}
        try:
            stream_write(city=city, user=request.user, fields=fields, instance=instance)
        except FieldError as exc:
            add_to_form(form, exc)
        else:
            messages.success(request, _("Stream saved."))
            return redirect("waste:city", slug=city.slug)
    return render(request, "waste/stream_form.html", {"city": city, "form": form, "instance": instance},
                  status=400 if request.method == "POST" else 200)


@login_required
@require_POST
def delete_stream(request, slug, pk):
    city = get_object_or_404(City, slug=slug)
    require_edit_streams(request.user, city)
    stream_delete(stream=get_object_or_404(WasteStream, pk=pk, city=city), user=request.user)
    messages.success(request, _("Stream deleted."))
    return redirect("waste:city", slug=city.slug)


@login_required
@require_POST
def adopt(request, slug):
    city = get_object_or_404(City, slug=slug)
    require_edit_streams(request.user, city)
    adopt_zero_waste(city=city, user=request.user)
    messages.success(request, _("Zero-waste indicators adopted: their values are computed from the streams, and "
                                "targets can be set on them in the action plan."))
    return redirect("waste:city", slug=city.slug)


@login_required
@require_http_methods(["GET", "POST"])
def import_file(request, slug):
    city = get_object_or_404(City, slug=slug)
    require_edit_streams(request.user, city)
    form = ImportForm(request.POST or None, request.FILES or None)
    problems, job = [], None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        try:
            if needs_job(data, upload.name, SHEET):
                job = start_import(request, kind="waste-import", func="circularcities.waste.import_jobs.import_streams_job",
                                   files=[(upload.name, data)], params={"city": city.slug},
                                   title=_("Importing waste streams for %(city)s") % {"city": city.t("name")})
                return render(request, "waste/import.html", {"city": city, "form": form, "job": job}, status=202)
            result = import_streams(city, data, upload.name, request.user)
        except DataImportError as exc:
            problems = exc.problems
        else:
            import_summary.report(request, result["rows"], result["changed"])
            return redirect("waste:city", slug=city.slug)
    return render(request, "waste/import.html", {"city": city, "form": form, "problems": problems},
                  status=400 if problems or request.method == "POST" else 200)


def city_report(request, slug, fmt):
    from circularcities.core.reports import to_pdf, to_xlsx
    from circularcities.waste.report import build

    city = get_object_or_404(City, slug=slug)
    report = build(city)
    if fmt == "xlsx":
        body, ctype = to_xlsx(report), XLSX
    elif fmt == "pdf":
        body, ctype = to_pdf(report), "application/pdf"
    else:
        raise Http404
    return attachment(body, f"waste-{city.slug}.{fmt}", ctype)


def streams_template(request, fmt):
    if fmt not in ("csv", "xlsx"):
        raise Http404
    body, name, content_type = template(fmt)
    return attachment(body, name, content_type)
