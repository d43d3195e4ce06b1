"""Programme pages: metrics (with exports), programme-wide matching as a
background job, and the secretariat's tables (compatibility, weights)."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from circularcities.coalition.forms import text_field_names
from circularcities.coalition.models import City
from circularcities.core.rules import FieldError
from circularcities.jobs import runner
from circularcities.jobs.models import Job
from circularcities.marketplace.forms import CompatibilityRuleForm, MaterialWeightForm
from circularcities.marketplace.matching import DEFAULT_MAX_KM
from circularcities.marketplace.metrics import (
    chart_data,
    compute_metrics,
    monthly_rows,
    to_csv,
    to_excel,
)
from circularcities.marketplace.models import (
    CompatibilityRule,
    Exchange,
    MaterialWeight,
    ProductCategory,
    ProgrammeFigure,
)
from circularcities.marketplace.permissions import (
    can_run_matching,
    require_edit_compatibility,
    require_run_matching,
    require_see_matching_run,
)
from circularcities.marketplace.services import save_material_weight
from circularcities.web.fielderrors import add_to_form


def _city(request):
    slug = request.GET.get("city") or request.POST.get("city")
    if not slug:
        return None
    return get_object_or_404(City, slug=slug)


def metrics(request):
    city = _city(request)
    m = compute_metrics(city)
    figures = (ProgrammeFigure.objects.filter(city=city).prefetch_related("translations") if city
               else ProgrammeFigure.objects.none())
    month_cols, month_rows = monthly_rows(m)
    return render(request, "marketplace/metrics.html", {
        "m": m, "city": city, "chart": chart_data(m), "figures": figures,
        "month_cols": month_cols, "month_rows": month_rows,
        "cities": City.objects.filter(listings__isnull=False).distinct(),
        "may_match": can_run_matching(request.user, city), "default_km": DEFAULT_MAX_KM})


def method(request):
    """The avoided-emissions method, as documented beside the code: the translation in the
    reader's language (``AVOIDED_EMISSIONS_METHOD.<language>.md``) when there is one, else
    the English with a summary in the reader's language."""
    from django.utils.translation import get_language

    from circularcities.marketplace.catalogue import DATA_DIR
    from circularcities.marketplace.method_doc import to_html

    lang = get_language() or "en"
    translated = DATA_DIR / f"AVOIDED_EMISSIONS_METHOD.{lang}.md"
    if lang != "en" and translated.is_file():
        path, doc_lang = translated, lang
    else:
        path, doc_lang = DATA_DIR / "AVOIDED_EMISSIONS_METHOD.md", "en"
    return render(request, "marketplace/method.html", {"html": to_html(path.read_text(encoding="utf-8")),
                                                       "doc_lang": doc_lang})


def _suffix(city):
    return f"-{city.slug}" if city else ""


def metrics_csv(request):
    city = _city(request)
    resp = HttpResponse(to_csv(compute_metrics(city)), content_type="text/csv; charset=utf-8")
    resp["Content-Disposition"] = f'attachment; filename="marketplace-metrics{_suffix(city)}.csv"'
    return resp


def metrics_xlsx(request):
    city = _city(request)
    exchanges = Exchange.objects.select_related("giver", "receiver").order_by("date", "pk")
    if city:
        exchanges = exchanges.filter(city=city)
    resp = HttpResponse(to_excel(compute_metrics(city), exchanges),
                        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    resp["Content-Disposition"] = f'attachment; filename="marketplace-metrics{_suffix(city)}.xlsx"'
    return resp


@login_required
@require_POST
def start_matching(request):
    city = _city(request)
    require_run_matching(request.user, city)
    try:
        max_km = float(request.POST.get("max_km") or DEFAULT_MAX_KM)
        if max_km < 0:
            raise ValueError
    except ValueError:
        messages.error(request, _("Maximum distance: expected km of zero or more."))
        return redirect("marketplace:metrics")
    run_id = uuid.uuid4().hex
    job = runner.start("marketplace-matching", "circularcities.marketplace.matching.run_programme_matching",
                       {"city": city.slug if city else None, "max_km": max_km, "run_id": run_id},
                       owner=request.user, title=_("Matching %(what)s") % {
                           "what": city.t("name") if city else _("all programmes")})
    return render(request, "marketplace/matching_started.html", {"job": job, "city": city})


def matching_result(request, run_id):
    job = Job.objects.filter(kind="marketplace-matching", params__run_id=run_id).first()
    if job is None:
        raise Http404(_("No such matching run."))
    require_see_matching_run(request.user, job)
    return render(request, "marketplace/matching_result.html", {"job": job, "r": job.result or {}})


@login_required
@require_http_methods(["GET", "POST"])
def compatibility(request):
    require_edit_compatibility(request.user)
    if request.method == "POST" and request.POST.get("delete"):
        CompatibilityRule.objects.filter(pk=request.POST["delete"]).delete()
        messages.success(request, _("Rule removed."))
        return redirect("marketplace:compatibility")
    form = CompatibilityRuleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        CompatibilityRule.objects.create(offer_material=d["offer_material"],
                                         want_material=d["want_material"], note=d["note"],
                                         updated_by=request.user)
        messages.success(request, _("Rule added."))
        return redirect("marketplace:compatibility")
    return render(request, "marketplace/compatibility.html", {
        "form": form, "rules": _rule_rows(), "categories": ProductCategory.objects.by_name()},
        status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def weights(request):
    require_edit_compatibility(request.user)
    form = MaterialWeightForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            save_material_weight(request.user, d["material"], d["weight"],
                                 {k: d[k] for k in text_field_names(["note"])})
        except FieldError as exc:
            add_to_form(form, exc)
        else:
            messages.success(request, _("Weight saved. Exchanges already recorded keep the weight they were recorded with."))
            return redirect("marketplace:weights")
    return render(request, "marketplace/weights.html", {
        "form": form, "weights": MaterialWeight.objects.prefetch_related("translations"), "labels": material_labels(),
        "categories": ProductCategory.objects.by_name()},
        status=400 if form.errors else 200)


SEED_NOTE = "can serve a want for"  # the seeded notes are English sentences with these words


def _rule_rows():
    """Each rule with its sentence in the page's language; a seeded English
    note is replaced by that sentence on pages in any other language."""
    labels = material_labels()
    other = not (get_language() or "en").startswith("en")
    rows = []
    for r in CompatibilityRule.objects.all():
        offer, want = labels.get(r.offer_material, r.offer_material), labels.get(r.want_material, r.want_material)
        sentence = _("%(offer)s can serve a want for %(want)s.") % {"offer": offer, "want": want}
        note = "" if other and SEED_NOTE in r.note else r.note
        rows.append({"rule": r, "offer": offer, "want": want, "sentence": sentence, "note": note})
    return rows


def material_labels() -> dict[str, str]:
    """Material key -> label in the page's language (EWC code display or category name)."""
    from circularcities.marketplace.models import WasteCode

    labels = {c.slug: c.t("name") for c in ProductCategory.objects.prefetch_related("translations")}
    keys = set(CompatibilityRule.objects.values_list("offer_material", flat=True))
    keys |= set(CompatibilityRule.objects.values_list("want_material", flat=True))
    keys |= set(MaterialWeight.objects.values_list("material", flat=True))
    labels.update({w.code: w.code_display for w in WasteCode.objects.filter(code__in=keys)})
    return labels
