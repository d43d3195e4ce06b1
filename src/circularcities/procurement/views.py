"""Procurement pages: the list, a comparison with its chart, a tender's scorecard,
the supplier finder, products and pilots. Views parse input and call services."""

from __future__ import annotations

import dataclasses
from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from circularcities.coalition.models import City
from circularcities.core.errors import CircularCitiesError, DataImportError
from circularcities.core.procurement import (
    LOWER_IS_BETTER,
    MODULE_NAMES,
    ModuleLine,
    ReuseAssumption,
    reused_component,
)
from circularcities.core.procurement import Alternative as CoreAlternative
from circularcities.core.reports import to_pdf, to_xlsx
from circularcities.core.rules import FieldError
from circularcities.procurement import forms as f
from circularcities.procurement import models as m
from circularcities.procurement import permissions as perms
from circularcities.procurement import services as s
from circularcities.procurement.report import Labels, chart, comparison_report, scorecard_report
from circularcities.web import import_summary
from circularcities.web.downloads import XLSX, attachment
from circularcities.web.fielderrors import add_to_form, form_errors


def rule_label(key: str, points: float) -> str:
    """The scoring rule of a criterion in the reader's language."""
    if key in LOWER_IS_BETTER:
        return _("lowest bid / bid × %(points)s points") % {"points": f"{points:g}"}
    return _("score / 10 × %(points)s points") % {"points": f"{points:g}"}


def _officer_cities(user):
    ids = perms.editable_city_ids(user)
    qs = City.objects.all()
    return qs if ids is None else qs.filter(pk__in=ids)


def _export(report, fmt: str, name: str) -> HttpResponse:
    content, content_type = (to_pdf(report), "application/pdf") if fmt == "pdf" else (to_xlsx(report), XLSX)
    return attachment(content, f'{slugify(name) or "export"}.{fmt}', content_type)


def index(request):
    user = request.user
    may_create = bool(getattr(user, "is_authenticated", False)) and _officer_cities(user).exists()
    cities = _officer_cities(user) if may_create else City.objects.none()
    rollup = s.savings_rollup()
    names = {c.slug: c.t("name") for c in City.objects.prefetch_related("translations")}
    return render(request, "procurement/index.html", {
        "projects": m.ComparisonProject.objects.filter(perms.visible_project_filter(user)).select_related("city"),
        "tenders": m.Tender.objects.filter(perms.visible_tender_filter(user)).select_related("city"),
        "requirement_sets": m.RequirementSet.objects.select_related("city"),
        "pilots": m.Pilot.objects.select_related("city"),
        "rollup": [{"row": r, "city": names.get(r.city, r.city), "kind": dict(m.SAVING_CHOICES)[r.kind]}
                   for r in rollup],
        "may_create": may_create,
        "project_form": f.ProjectForm(cities=cities) if may_create else None,
        "tender_form": f.TenderForm(cities=cities) if may_create else None,
        "supplier": perms.supplier_of(user),
    })


@login_required
@require_POST
def project_create(request):
    form = f.ProjectForm(request.POST, cities=_officer_cities(request.user))
    if form.is_valid():
        try:
            p = s.project_create(user=request.user, language=get_language(), **form.cleaned_data)
            return redirect(p.get_absolute_url())
        except FieldError as exc:
            add_to_form(form, exc)
    messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs))
    return redirect("procurement:index")


def _project(request, slug):
    p = get_object_or_404(m.ComparisonProject.objects.select_related("city"), slug=slug)
    perms.require_view_project(request.user, p)
    return p


def project_detail(request, slug, problems=None, reused_form=None, epd_form=None, status=200):
    p = _project(request, slug)
    objs = s.project_items(p)
    labels = Labels(objs)
    try:
        results = s.compare_project(p, objs)
        error = None
    except CircularCitiesError as exc:  # data stored before a rule tightened: say so, show nothing wrong
        results, error = [], str(exc)
    fmt = request.GET.get("format")
    if fmt in ("pdf", "xlsx"):
        return _export(comparison_report(p, results, labels), fmt, f"comparison-{p.slug}")
    may_edit = perms.can_officiate(request.user, p.city)
    items = []
    for r in results:
        modules = [mod for mod in MODULE_NAMES if mod != "D" and any(mod in a.by_module for a in r.results)]

        def obj(a, r=r):
            return labels.alternative_obj(r.item.name, a.alternative.name)

        items.append({"r": r, "chart": chart(r, labels=labels), "modules": modules,
                      "item": labels.item_obj(r.item.name), "chosen": obj(r.chosen),
                      "reference_name": labels.alternative(r.item.name, r.reference.alternative.name).text,
                      "rows": [{"a": a, "obj": obj(a), "cells": [a.by_module.get(mod) for mod in modules],
                                "chosen": a is r.chosen, "reference": a is r.reference} for a in r.results],
                      "sources": sorted({ln.source for a in r.item.alternatives for ln in a.lines if ln.source})})
    return render(request, "procurement/project_detail.html", {
        "project": p, "items": items, "error": error, "may_edit": may_edit, "problems": problems,
        "total_saving": sum(r.saving_kgco2e for r in results),
        "total_saving_t": sum(r.saving_kgco2e for r in results) / 1000,
        "upload_form": f.UploadForm() if may_edit else None,
        "reused_form": (reused_form or f.ReusedItemForm()) if may_edit else None,
        "epd_form": (epd_form or f.EpdAlternativeForm(project=p)) if may_edit and results else None,
        "module_names": MODULE_NAMES,
    }, status=status)


@login_required
@require_POST
def project_upload(request, slug):
    p = get_object_or_404(m.ComparisonProject, slug=slug)
    perms.require_officer(request.user, p.city)
    return _upload(request, p, partial(s.import_items, user=request.user, project=p),
                   lambda problems: project_detail(request, slug, problems=problems, status=422),
                   lambda items: messages.success(
                       request, _("%(n)d items added; nothing else changed.") % {"n": len(items)}))


def _upload(request, obj, read, problems_page, done) -> HttpResponse:
    """The upload of a CSV or Excel file into ``read(data=, filename=)``: row problems
    show ``problems_page(problems)``; otherwise ``done(rows)`` and back to ``obj``."""
    form = f.UploadForm(request.POST, request.FILES)
    if not form.is_valid() or form.cleaned_data["file"].size > f.MAX_UPLOAD:
        messages.error(request, _("Choose a CSV or Excel file of at most 20 MB."))
        return redirect(obj.get_absolute_url())
    upload = form.cleaned_data["file"]
    try:
        rows = read(data=upload.read(), filename=upload.name)
    except DataImportError as exc:
        return problems_page(exc.problems)
    except CircularCitiesError as exc:
        messages.error(request, str(exc))
        return redirect(obj.get_absolute_url())
    done(rows)
    return redirect(obj.get_absolute_url())


@login_required
@require_POST
def project_reused(request, slug):
    p = get_object_or_404(m.ComparisonProject, slug=slug)
    perms.require_officer(request.user, p.city)
    form = f.ReusedItemForm(request.POST)
    if form.is_valid():
        d = form.cleaned_data
        with form_errors(form):
            new_names, reused_names = f.names_of(d, "new_name"), f.names_of(d, "reused_name")
            new = CoreAlternative(new_names.pop("en"), (ModuleLine("A1-A3", d["quantity_t"], "t", d["new_factor"],
                                                                   d["new_source"]),),
                                  names=tuple(new_names.items()))
            reuse = ReuseAssumption(d["quantity_t"], d["recovery"], d["cleaning"], d["transport_km"],
                                    d["transport_factor"], d["reuse_source"])
            reused = dataclasses.replace(reused_component(reused_names.pop("en"), reuse),
                                         names=tuple(reused_names.items()))
            s.item_add(user=request.user, project=p, names=f.names_of(d, "item"), alternatives=[new, reused])
            messages.success(request, _("Item added."))
            return redirect(p.get_absolute_url())
    return project_detail(request, slug, reused_form=form, status=422)


@login_required
@require_POST
def project_epd(request, slug):
    p = get_object_or_404(m.ComparisonProject, slug=slug)
    perms.require_officer(request.user, p.city)
    form = f.EpdAlternativeForm(request.POST, request.FILES, project=p)
    if form.is_valid():
        d = form.cleaned_data
        if d["file"].size > f.MAX_UPLOAD:
            form.add_error("file", _("Choose a file of at most 20 MB."))
        else:
            with form_errors(form):
                s.alternative_from_epd(user=request.user, item=d["item"], name="", names=f.names_of(d, "name"),
                                       data=d["file"].read(),
                                       filename=d["file"].name, quantity=d["quantity"], unit=d["unit"])
                messages.success(request, _("Alternative added."))
                return redirect(p.get_absolute_url())
    return project_detail(request, slug, epd_form=form, status=422)


@login_required
@require_POST
def project_publish(request, slug):
    p = get_object_or_404(m.ComparisonProject, slug=slug)
    s.project_publish(user=request.user, project=p, published=request.POST.get("published") == "1")
    return redirect(p.get_absolute_url())


@login_required
@require_POST
def tender_create(request):
    form = f.TenderForm(request.POST, cities=_officer_cities(request.user))
    if form.is_valid():
        d = form.cleaned_data
        criteria = [(k, d[k]) for k in ("price", "life_cycle_cost", "life_cycle_carbon", "circularity",
                                        "social_value") if d.get(k)]
        try:
            t = s.tender_create(user=request.user, city=d["city"], slug=d["slug"], title=d["title"], year=d["year"],
                                currency=d["currency"], requirement_set=d["requirement_set"], criteria=criteria,
                                language=get_language())
            return redirect(t.get_absolute_url())
        except FieldError as exc:
            add_to_form(form, exc)
    messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs))
    return redirect("procurement:index")


def _tender(request, slug):
    t = get_object_or_404(m.Tender.objects.select_related("city", "requirement_set", "awarded_bid"), slug=slug)
    perms.require_view_tender(request.user, t)
    return t


def tender_detail(request, slug, bid_form=None, award_form=None, saving_form=None, problems=None, status=200):
    t = _tender(request, slug)
    cards = s.scorecards(t)
    fmt = request.GET.get("format")
    if fmt in ("pdf", "xlsx"):
        return _export(scorecard_report(t, cards), fmt, f"scorecard-{t.slug}")
    may_edit = perms.can_officiate(request.user, t.city) and t.status != "awarded"
    criteria = [{"c": c, "rule": rule_label(c.key, c.points)} for c in t.criteria.all()]
    return render(request, "procurement/tender_detail.html", {
        "tender": t, "criteria": criteria, "cards": sorted(cards, key=lambda c: (c.card.rank is None,
                                                                                c.card.rank or 0)),
        "may_edit": may_edit, "may_add_saving": perms.can_officiate(request.user, t.city),
        "problems": problems,
        "bid_form": (bid_form or f.BidForm()) if may_edit else None,
        "upload_form": f.UploadForm() if may_edit else None,
        "award_form": (award_form or f.AwardForm(tender=t)) if may_edit and cards else None,
        "saving_form": saving_form or f.SavingForm(),
        "savings": t.savings.all(),
        "justification": t.safe_translation_getter("justification", any_language=True) or "",
    }, status=status)


def _officer_tender(request, slug):
    t = get_object_or_404(m.Tender.objects.select_related("city"), slug=slug)
    perms.require_officer(request.user, t.city)
    return t


@login_required
@require_POST
def tender_bid(request, slug):
    t = _officer_tender(request, slug)
    form = f.BidForm(request.POST)
    if form.is_valid():
        d = dict(form.cleaned_data)
        with form_errors(form):
            s.bid_save(user=request.user, tender=t, bidder_name=d.pop("bidder_name"), product=d.pop("product"), **d)
            return redirect(t.get_absolute_url())
    return tender_detail(request, slug, bid_form=form, status=422)


@login_required
@require_POST
def tender_bids_upload(request, slug):
    t = _officer_tender(request, slug)
    return _upload(request, t, partial(s.import_bids, user=request.user, tender=t),
                   lambda problems: tender_detail(request, slug, problems=problems, status=422),
                   lambda bids: import_summary.report(request, len(bids), len(bids)))


@login_required
@require_POST
def tender_award(request, slug):
    t = _officer_tender(request, slug)
    form = f.AwardForm(request.POST, tender=t)
    if form.is_valid():
        with form_errors(form):
            s.award(user=request.user, tender=t, bid=form.cleaned_data["bid"],
                    justification=form.cleaned_data["justification"], language=get_language())
            return redirect(t.get_absolute_url())
    return tender_detail(request, slug, award_form=form, status=422)


@login_required
@require_POST
def tender_saving(request, slug):
    t = _officer_tender(request, slug)
    form = f.SavingForm(request.POST)
    if form.is_valid():
        try:
            s.saving_add(user=request.user, tender=t, **form.cleaned_data)
            return redirect(t.get_absolute_url())
        except FieldError as exc:
            add_to_form(form, exc)
    return tender_detail(request, slug, saving_form=form, status=422)


def finder(request):
    sets = m.RequirementSet.objects.select_related("city").prefetch_related("banned")
    chosen = sets.filter(slug=request.GET.get("set", "")).first() or sets.first()
    rows = s.finder(chosen) if chosen else []
    return render(request, "procurement/finder.html", {
        "sets": sets, "chosen": chosen, "complying": [r for r in rows if not r.failures],
        "failing": [r for r in rows if r.failures], "supplier": perms.supplier_of(request.user)})


@login_required
def product_edit(request, pk=None):
    product = get_object_or_404(m.Product.objects.select_related("supplier"), pk=pk) if pk else None
    supplier = product.supplier if product else perms.supplier_of(request.user)
    if supplier is None:
        raise Http404
    if product is not None:
        perms.require_edit_product(request.user, product)
    else:
        perms.require_supply_as(request.user, supplier)
    if request.method == "POST":
        form = f.ProductForm(request.POST)
        if form.is_valid():
            d = form.cleaned_data
            try:
                s.product_save(user=request.user, supplier=supplier, name=d["name"], category=d["category"],
                               recycled_content_pct=d["recycled_content_pct"], take_back=d["take_back"],
                               declarations=form.declaration_rows(), certificates=form.certificate_rows(),
                               description=product.description if product else "")
                if product is not None and product.name != d["name"]:
                    product.delete()  # renamed: the service keyed it by the new name
                return redirect("procurement:finder")
            except FieldError as exc:
                add_to_form(form, exc)
    else:
        initial = {}
        if product is not None:
            initial = {"name": product.name, "category": product.category,
                       "recycled_content_pct": product.recycled_content_pct, "take_back": product.take_back,
                       "declarations": "\n".join(f"{x.name}; {x.cas}; {x.group}" for x in product.declarations.all()),
                       "certificates": "\n".join(f"{c.scheme}; {c.level}; {c.issuer}; {c.valid_until or ''}"
                                                 for c in product.certificates.all())}
        form = f.ProductForm(initial=initial)
    return render(request, "procurement/product_form.html", {"form": form, "product": product,
                                                             "supplier": supplier})


def pilot_detail(request, slug, form=None, status=200):
    p = get_object_or_404(m.Pilot.objects.select_related("city", "planning_project"), slug=slug)
    may_edit = perms.can_officiate(request.user, p.city)
    readings = list(p.readings.all())
    return render(request, "procurement/pilot_detail.html", {
        "pilot": p, "readings": readings, "may_edit": may_edit,
        "dimensions": m.PilotReading.Dimension.choices,
        "form": (form or f.ReadingForm()) if may_edit else None}, status=status)


@login_required
@require_POST
def pilot_reading(request, slug):
    p = get_object_or_404(m.Pilot.objects.select_related("city", "planning_project"), slug=slug)
    perms.require_officer(request.user, p.city)
    form = f.ReadingForm(request.POST)
    if form.is_valid():
        try:
            s.reading_record(user=request.user, pilot=p, **form.cleaned_data)
            return redirect("procurement:pilot_detail", slug=p.slug)
        except FieldError as exc:
            add_to_form(form, exc)
    return pilot_detail(request, slug, form=form, status=422)
