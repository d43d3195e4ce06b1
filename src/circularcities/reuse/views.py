"""Pages of repair, reuse and lending: the directory with its map, a place, repair
events and their ORDS log, the repair figures, a refurbishment centre, an item library."""

from __future__ import annotations

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from circularcities.coalition.models import City
from circularcities.core import lending, refurbish
from circularcities.core import repair as ords
from circularcities.core.errors import DataImportError, Problem, ValidationError
from circularcities.core.rules import FieldError
from circularcities.core.tables import count_rows
from circularcities.jobs.imports import start_import
from circularcities.reuse import services
from circularcities.reuse.forms import (
    BorrowForm,
    EventForm,
    ImportForm,
    IntakeForm,
    LendingItemForm,
    PlaceForm,
    RepairForm,
    ReturnForm,
    StepForm,
)
from circularcities.reuse.models import (
    MEASURE_LABELS,
    STATE_LABELS,
    CentreItem,
    LendingItem,
    Loan,
    Place,
    Repair,
    RepairEvent,
)
from circularcities.reuse.permissions import (
    can_create_place,
    can_edit_place,
    can_see_loan,
    require_edit_place,
)
from circularcities.web import import_summary
from circularcities.web.downloads import attachment
from circularcities.web.fielderrors import add_to_form
from circularcities.web.translated import translated
from circularcities.web.uploads import job_rows

MAX_UPLOAD = 20 * 1024 * 1024


def _attempt(form, fn):
    """Run a service call; its errors go beside the form's fields. Returns the result or None."""
    try:
        return fn()
    except FieldError as exc:
        add_to_form(form, exc)
    except (ValidationError, DataImportError) as exc:
        form.add_error(None, str(exc))
    return None


def filter_places(params):
    qs = Place.objects.select_related("city").prefetch_related("translations")
    f = {k: (params.get(k) or "").strip()[:100] for k in ("q", "kind", "city")}
    if f["kind"] in Place.Kind.values:
        qs = qs.filter(kind=f["kind"])
    if f["city"]:
        qs = qs.filter(city__slug=f["city"])
    if f["q"]:
        q = f["q"]
        qs = qs.filter(Q(translations__name__icontains=q) | Q(translations__description__icontains=q)
                       | Q(translations__takes__icontains=q) | Q(address__icontains=q)
                       | Q(languages__icontains=q)).distinct()
    return qs.order_by("slug"), f


def index(request):
    places, f = filter_places(request.GET)
    places = list(places[:500])
    points = [{"lat": p.lat, "lon": p.lon, "kind": p.kind, "label": translated(p, "name").text,
               "url": p.get_absolute_url()} for p in places]
    return render(request, "reuse/index.html", {
        "places": places, "f": f, "points": points, "kinds": Place.Kind.choices,
        "cities": City.objects.filter(reuse_place__isnull=False).distinct().order_by("slug"),
        "can_create": can_create_place(request.user) or request.user.is_authenticated})


def _cities():
    return City.objects.order_by("slug")


def _place_data(form) -> dict:
    data = {k: form.cleaned_data.get(k) for k in ("kind", "name", "description", "takes", "opening_times",
                                                  "address", "lat", "lon", "email", "phone", "website",
                                                  "languages")}
    slug = form.cleaned_data.get("city")
    data["city"] = City.objects.filter(slug=slug).first() if slug else None
    return data


@login_required
@require_http_methods(["GET", "POST"])
def create_place(request):
    form = PlaceForm(request.POST or None, cities=_cities())
    if request.method == "POST" and form.is_valid():
        data = _place_data(form)
        from circularcities.accounts.permissions import organisation_of

        data["organisation"] = organisation_of(request.user)
        place = _attempt(form, lambda: services.save_place(request.user, data))
        if place is not None:
            messages.success(request, _("Place added."))
            return redirect(place)
    return render(request, "reuse/place_form.html", {"form": form, "place": None})


@login_required
@require_http_methods(["GET", "POST"])
def edit_place(request, slug):
    place = get_object_or_404(Place, slug=slug)
    from circularcities.reuse.permissions import require_edit_place

    require_edit_place(request.user, place)
    initial = {"kind": place.kind, "address": place.address, "lat": place.lat, "lon": place.lon,
               "email": place.email, "phone": place.phone, "website": place.website,
               "languages": place.languages, "city": place.city.slug if place.city else ""}
    for key in services.TEXT_FIELDS:
        initial[key] = translated(place, key).text
    initial["organisers"] = ", ".join(u.get_username() for u in place.organisers.order_by("username"))
    form = PlaceForm(request.POST or None, initial=initial, cities=_cities(), with_organisers=True)
    if request.method == "POST" and form.is_valid():
        from django.contrib.auth import get_user_model

        changed = {k: v for k, v in _place_data(form).items()}
        names = [n.strip() for n in (form.cleaned_data.get("organisers") or "").split(",") if n.strip()]
        users = list(get_user_model().objects.filter(username__in=names))
        missing = sorted(set(names) - {u.get_username() for u in users})
        if missing:
            form.add_error("organisers", _("No user named %(names)s.") % {"names": ", ".join(missing)})
        elif _attempt(form, lambda: services.save_place(request.user, changed, place)) is not None:
            services.set_organisers(request.user, place, users)
            messages.success(request, _("Saved."))
            return redirect(place)
    return render(request, "reuse/place_form.html", {"form": form, "place": place})


def place_detail(request, slug):
    place = get_object_or_404(Place.objects.select_related("city", "organisation"), slug=slug)
    editable = can_edit_place(request.user, place)
    repairs = Repair.objects.filter(place=place)
    ctx = {"place": place, "editable": editable, "events": place.events.all()[:50],
           "n_repairs": repairs.count(), "summary": services.repair_summary(repairs) if repairs.exists() else None,
           "event_form": EventForm(initial={"date": timezone.localdate()}) if editable else None,
           "import_form": ImportForm() if editable else None,
           "point": [{"lat": place.lat, "lon": place.lon, "kind": place.kind,
                      "label": translated(place, "name").text}]}
    return render(request, "reuse/place_detail.html", ctx)


@login_required
@require_POST
def create_event(request, slug):
    place = get_object_or_404(Place, slug=slug)
    form = EventForm(request.POST)
    if form.is_valid():
        event = _attempt(form, lambda: services.create_event(
            request.user, place, date=form.cleaned_data["date"],
            group_identifier=form.cleaned_data.get("group_identifier") or ""))
        if event is not None:
            return redirect(event)
    for e in form.errors.values():
        messages.error(request, " ".join(e))
    return redirect(place)


@require_http_methods(["GET", "POST"])
def event_detail(request, pk):
    event = get_object_or_404(RepairEvent.objects.select_related("place"), pk=pk)
    editable = can_edit_place(request.user, event.place)
    form = RepairForm(request.POST or None) if editable else None
    if request.method == "POST":
        if not editable:
            from circularcities.reuse.permissions import require_edit_place

            require_edit_place(request.user, event.place)
        assert form is not None
        if form.is_valid():
            if _attempt(form, lambda: services.log_repair(request.user, event, form.cleaned_data)) is not None:
                messages.success(request, _("Repair logged."))
                return redirect(event)
    repairs = event.repairs.all()
    return render(request, "reuse/event_detail.html", {
        "event": event, "place": event.place, "editable": editable, "form": form, "repairs": repairs,
        "summary": services.repair_summary(repairs) if repairs.exists() else None})


@login_required
@require_POST
def import_repairs(request, slug):
    place = get_object_or_404(Place, slug=slug)
    form = ImportForm(request.POST, request.FILES)
    done, job, problems, left_out, by_status = None, None, [], [], {}
    if form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            form.add_error("file", _("The file is larger than 20 MB."))
        else:
            content = upload.read()
            skip = form.cleaned_data.get("skip_invalid", False)
            require_edit_place(request.user, place)
            try:
                rows = count_rows(content, upload.name)
            except DataImportError as exc:
                problems, rows = exc.problems, 0
            if rows > job_rows():
                # A large log is checked and stored off the request, with progress (all or nothing).
                job = start_import(request, kind="reuse-ords-import",
                                   func="circularcities.reuse.services.import_ords_job",
                                   files=[(upload.name, content)], params={"place": place.pk, "skip_invalid": skip},
                                   title=_("Importing %(n)s repair records") % {"n": rows - 1})
            elif not problems:
                try:
                    report = services.import_ords(request.user, place, content, upload.name, skip_invalid=skip)
                except DataImportError as exc:
                    problems = exc.problems
                except FieldError as exc:
                    add_to_form(form, exc)
                except ValidationError as exc:
                    form.add_error(None, str(exc))
                else:
                    refused = [_refusal(r) for r in report["refused"]]
                    if report["records"] or not refused:
                        # The one summary (issue #13): every row read, the records stored, the refused rows left out.
                        done = import_summary.summary(report["records"] + len(refused), report["records"], 0,
                                                      left_out=len(refused))
                        left_out, by_status = refused, report["by_status"]
                    else:
                        problems = refused
    status = 202 if job else 400 if (problems or form.errors) else 200
    return render(request, "reuse/import_result.html", {
        "place": place, "form": form, "summary": done, "left_out": left_out, "problems": problems, "job": job,
        "by_status": by_status},
        status=status)


def _refusal(refused: dict) -> Problem:
    """A refused ORDS line as an import problem: its line, the column it concerns, and its
    reason in the reader's language when it was kept as a message."""
    if refused.get("message"):
        return Problem(ords.refusal_message(refused), row=refused["line"], column=refused.get("column"))
    match = _FIELD.match(refused["reason"])
    if match:
        return Problem(match.group(2), row=refused["line"], column=match.group(1))
    return Problem(refused["reason"], row=refused["line"])


_FIELD = re.compile(r"^Field '([^']+)': (.*)$", re.S)


def repairs_csv(request, slug):
    place = get_object_or_404(Place, slug=slug)
    return attachment(services.ords_csv(Repair.objects.filter(place=place)), f"ords_{place.slug}.csv", "text/csv")


def repairs(request):
    qs = Repair.objects.all()
    place_slug = (request.GET.get("place") or "").strip()[:100]
    city_slug = (request.GET.get("city") or "").strip()[:100]
    if place_slug:
        qs = qs.filter(place__slug=place_slug)
    if city_slug:
        qs = qs.filter(place__city__slug=city_slug)
    summary = services.repair_summary(qs)
    weights = sorted(ords.category_weights().values(), key=lambda w: w.category_id)
    places = Place.objects.filter(repairs__isnull=False).distinct().order_by("slug")
    chart = {"categories": [r.category for r in summary.categories[:15]],
             "statuses": {s: [r.statuses.get(s, 0) for r in summary.categories[:15]] for s in ords.STATUSES},
             "labels": {s: s for s in ords.STATUSES}}
    return render(request, "reuse/repairs.html", {
        "summary": summary, "weights": weights, "places": places, "place_slug": place_slug,
        "city_slug": city_slug, "chart": chart, "statuses": ords.STATUSES})


# --- refurbishment centre ----------------------------------------------------

def centre(request, slug):
    place = get_object_or_404(Place, slug=slug, kind=Place.Kind.REFURBISHMENT)
    editable = can_edit_place(request.user, place)
    form = IntakeForm(request.POST or None, initial={"date": timezone.localdate()}) if editable else None
    if request.method == "POST":
        from circularcities.reuse.permissions import require_edit_place

        require_edit_place(request.user, place)
        assert form is not None
        if form.is_valid():
            item = _attempt(form, lambda: services.intake_item(request.user, place, form.cleaned_data))
            if item is not None:
                messages.success(request, _("Item taken in."))
                return redirect(item)
    figures = services.centre_figures(place)
    state_filter = (request.GET.get("state") or "").strip()
    items = CentreItem.objects.filter(centre=place)
    if state_filter in refurbish.STATES:
        items = items.filter(state=state_filter)
    return render(request, "reuse/centre.html", {"place": place, "editable": editable, "form": form,
                                                 "items": items[:200], "figures": figures,
                                                 "states": refurbish.STATES, "state_filter": state_filter,
                                                 "state_labels": STATE_LABELS, "measure_labels": MEASURE_LABELS})


@require_http_methods(["GET", "POST"])
def item_detail(request, pk):
    item = get_object_or_404(CentreItem.objects.select_related("centre", "listing"), pk=pk)
    editable = can_edit_place(request.user, item.centre)
    form = None
    if editable and item.state not in refurbish.FINAL:
        form = StepForm(request.POST or None, state=item.state, initial={"date": timezone.localdate()})
    if request.method == "POST":
        from circularcities.reuse.permissions import require_edit_place

        require_edit_place(request.user, item.centre)
        if form is not None and form.is_valid():
            data = dict(form.cleaned_data)
            if _attempt(form, lambda: services.move_item(request.user, item, data["action"], data)) is not None:
                messages.success(request, _("Step recorded."))
                return redirect(item)
    return render(request, "reuse/item_detail.html", {"item": item, "form": form, "editable": editable,
                                                      "steps": item.steps.select_related("by")})


# --- lending -----------------------------------------------------------------

def library(request, slug):
    place = get_object_or_404(Place, slug=slug)
    editable = can_edit_place(request.user, place)
    item_form = LendingItemForm(request.POST or None) if editable else None
    if request.method == "POST":
        from circularcities.reuse.permissions import require_edit_place

        require_edit_place(request.user, place)
        assert item_form is not None
        if item_form.is_valid() and _attempt(item_form, lambda: services.save_lending_item(
                request.user, place, item_form.cleaned_data)) is not None:
            messages.success(request, _("Item added."))
            return redirect("reuse:library", slug=place.slug)
    items = list(LendingItem.objects.filter(place=place).prefetch_related("translations"))
    open_loans = {x.item_id: x for x in Loan.objects.filter(item__place=place, returned_on__isnull=True)}
    today = timezone.localdate()
    rows = [{"item": i, "loan": open_loans.get(i.pk),
             "overdue": (open_loans[i.pk].due < today) if i.pk in open_loans else False,
             "mine": i.pk in open_loans and can_see_loan(request.user, open_loans[i.pk])} for i in items]
    loans = Loan.objects.filter(item__place=place).select_related("item")
    return render(request, "reuse/library.html", {
        "place": place, "editable": editable, "rows": rows, "item_form": item_form,
        "impact": services.lending_impact(loans), "loans": loans[:100] if editable else None,
        "borrow_form": BorrowForm(initial={"due": today + timezone.timedelta(days=7)}),
        "return_form": ReturnForm(), "conditions": lending.CONDITIONS})


@login_required
@require_POST
def borrow(request, pk):
    item = get_object_or_404(LendingItem.objects.select_related("place"), pk=pk)
    form = BorrowForm(request.POST)
    if form.is_valid():
        data = dict(form.cleaned_data, language=request.LANGUAGE_CODE)
        if _attempt(form, lambda: services.borrow(request.user, item, data)) is not None:
            messages.success(request, _("Borrowed. Please return it by %(due)s.") % {
                "due": form.cleaned_data["due"].isoformat()})
            return redirect("reuse:library", slug=item.place.slug)
    for errors in form.errors.values():
        messages.error(request, " ".join(errors))
    return redirect("reuse:library", slug=item.place.slug)


@login_required
@require_POST
def return_loan(request, pk):
    loan = get_object_or_404(Loan.objects.select_related("item__place"), pk=pk)
    form = ReturnForm(request.POST)
    if form.is_valid() and _attempt(form, lambda: services.return_loan(request.user, loan,
                                                                        form.cleaned_data)) is not None:
        messages.success(request, _("Return recorded."))
    else:
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
    return redirect("reuse:library", slug=loan.item.place.slug)
