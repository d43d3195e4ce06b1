"""The one write path of repair, reuse and lending: forms, the API, imports,
the admin, the demo and the command line all call these functions.

Each checks permissions (``reuse.permissions``) and values (``core.rules``,
``core.repair``, ``core.refurbish``, ``core.lending``) and writes in one
transaction."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from circularcities.core import lending, refurbish, rules
from circularcities.core import repair as ords
from circularcities.core.errors import ValidationError
from circularcities.core.i18n import render
from circularcities.core.reports import csv_row
from circularcities.core.rules import FieldError
from circularcities.reuse.models import (
    CentreItem,
    CentreStep,
    LendingItem,
    Loan,
    Place,
    Repair,
    RepairEvent,
)
from circularcities.reuse.permissions import (
    can_lend_to_others,
    require_borrow,
    require_create_place,
    require_edit_place,
    require_return,
)
from circularcities.web import import_summary
from circularcities.web.translated import reader_language

TEXT_FIELDS = ("name", "description", "takes", "opening_times")
MAX_LANGUAGES = 100


def _today():
    return timezone.localdate()


def _actor_name(user) -> str:
    if user is None or not getattr(user, "is_authenticated", False):
        return "command line"
    full = (user.get_full_name() or "").strip()
    return full or user.get_username()


def _user_or_none(user):
    return user if getattr(user, "pk", None) else None


# --- directory ---------------------------------------------------------------

@transaction.atomic
def save_place(user, data: dict[str, Any], place: Place | None = None, *, language: str | None = None) -> Place:
    """Create a place or change the keys given in ``data`` (a partial update leaves the others).

    Keys: kind, name, description, takes, opening_times (text in ``language``, default the
    active one), city (City), organisation (Partner), address, lat, lon, email, phone,
    website, languages, source, slug (new places only).
    """
    lang = reader_language(language)
    creating = place is None
    if place is None:
        require_create_place(user, data.get("city"), data.get("organisation"))
        kind = rules.choice("kind", data.get("kind") or "", Place.Kind.values)
        name = rules.name("name", data.get("name"), required=True)
        slug = slugify(data.get("slug") or name)[:70] or "place"
        base, n = slug, 2
        while Place.objects.filter(slug=slug).exists():
            slug, n = f"{base}-{n}", n + 1
        place = Place(slug=slug, kind=kind)
    else:
        require_edit_place(user, place)
        if "kind" in data:
            place.kind = rules.choice("kind", data.get("kind") or "", Place.Kind.values)
    if "city" in data:
        place.city = data["city"]
    if "organisation" in data:
        place.organisation = data["organisation"]
    if creating or "lat" in data or "lon" in data:
        place.lat = rules.latitude("lat", data.get("lat", place.lat if not creating else None))
        place.lon = rules.longitude("lon", data.get("lon", place.lon if not creating else None))
    for key, length in (("address", 300), ("phone", 40), ("source", 300)):
        if key in data:
            setattr(place, key, rules.name(key, data.get(key), max_length=length))
    if "languages" in data:
        codes = [c.strip() for c in rules.name("languages", data.get("languages"), max_length=MAX_LANGUAGES)
                 .replace(";", ",").split(",") if c.strip()]
        place.languages = ", ".join(codes)
    if "email" in data:
        email = rules.name("email", data.get("email"), max_length=254)
        if email and ("@" not in email or " " in email):
            raise FieldError("email", _("Expected an e-mail address such as name@example.org."))
        place.email = email
    if "website" in data:
        site = rules.name("website", data.get("website"), max_length=200)
        if site and not site.startswith(("http://", "https://")):
            raise FieldError("website", _("Expected an address starting with https://."))
        place.website = site
    place.set_current_language(lang)
    for key in TEXT_FIELDS:
        if key in data or creating:
            check = rules.name if key in ("name", "opening_times") else rules.text
            value = check(key, data.get(key), required=(key == "name" and lang == settings.LANGUAGE_CODE))
            setattr(place, key, value)
    place.save()
    if creating and getattr(user, "pk", None):
        place.organisers.add(user)
    return place


def set_organisers(user, place: Place, users) -> None:
    require_edit_place(user, place)
    place.organisers.set(users)


# --- repair events and the ORDS log -----------------------------------------

def create_event(user, place: Place, *, date, group_identifier: str = "") -> RepairEvent:
    require_edit_place(user, place)
    day = rules.date("date", date, not_future=True, today=_today())
    if day is None:  # required=True raised already; this tells the type checker
        raise FieldError("date", rules.REQUIRED)
    group = rules.name("group_identifier", group_identifier) or str(place)
    return RepairEvent.objects.create(place=place, date=day, group_identifier=group[:200],
                                      created_by=_user_or_none(user))


def _next_id(place: Place) -> str:
    n = Repair.objects.filter(place=place).count() + 1
    while Repair.objects.filter(place=place, ords_id=f"{place.slug}_{n}").exists():
        n += 1
    return f"{place.slug}_{n}"


def _repair_from_record(place: Place, rec: ords.RepairRecord, *, event=None, user=None) -> Repair:
    return Repair(place=place, event=event, ords_id=rec.id, data_provider=rec.data_provider,
                  country=rec.country, partner_product_category=rec.partner_product_category,
                  product_category=rec.product_category, product_category_id=rec.product_category_id,
                  brand=rec.brand, year_of_manufacture=rec.year_of_manufacture, product_age=rec.product_age,
                  repair_status=rec.repair_status,
                  repair_barrier_if_end_of_life=rec.repair_barrier_if_end_of_life,
                  group_identifier=rec.group_identifier, event_date=rec.event_date, problem=rec.problem,
                  created_by=_user_or_none(user), is_demo=False)


@transaction.atomic
def log_repair(user, event: RepairEvent, data: dict[str, Any]) -> Repair:
    """Log one repair of ``event`` (ORDS fields in ``data``; id, date, provider and group filled in)."""
    require_edit_place(user, event.place)
    place = event.place
    cells = {k: ("" if data.get(k) is None else str(data.get(k))) for k in ords.ORDS_COLUMNS}
    cells["id"] = cells["id"] or _next_id(place)
    cells["event_date"] = event.date.isoformat()
    cells["data_provider"] = cells["data_provider"] or str(place)
    cells["group_identifier"] = cells["group_identifier"] or event.group_identifier
    if not cells["product_category_id"]:
        weight = ords.category_weights().get(cells["product_category"])
        cells["product_category_id"] = str(weight.category_id) if weight else ""
    rec = ords.check_record(cells, today=_today())
    if not rec.product_category:
        raise FieldError("product_category", rules.REQUIRED)
    if Repair.objects.filter(place=place, ords_id=rec.id).exists():
        raise FieldError("id", _("This place's repair log already has a record '%(id)s'."), id=rec.id)
    repair = _repair_from_record(place, rec, event=event, user=user)
    repair.save()
    return repair


def _resolve_place(place) -> Place:
    if isinstance(place, Place):
        return place
    found = Place.objects.filter(slug=place).first()
    if found is None:
        raise ValidationError(f"No place '{place}' in the reuse directory.")
    return found


@transaction.atomic
def store_repair_records(user, place, records: list[ords.RepairRecord], *, event: RepairEvent | None = None) -> int:
    """Store checked ORDS records in a place's repair log, all or nothing.

    ``user`` None is the command line (run by the platform's operator); anyone else must
    be allowed to edit the place. Records whose id the log already holds are refused.
    """
    place = _resolve_place(place)
    if user is not None:
        require_edit_place(user, place)
    ids = [r.id for r in records]
    existing = set(Repair.objects.filter(place=place, ords_id__in=ids).values_list("ords_id", flat=True))
    if existing:
        first = sorted(existing)[:5]
        raise ValidationError(f"{len(existing)} record(s) are already in the repair log of {place.slug}: "
                              f"{', '.join(first)}; nothing was imported.")
    Repair.objects.bulk_create([_repair_from_record(place, r, event=event, user=user) for r in records],
                               batch_size=1000)
    return len(records)


def import_ords(user, place: Place, data: bytes, filename: str = "", *, skip_invalid: bool = False,
                event: RepairEvent | None = None) -> dict:
    """Import an ORDS CSV file into a place's repair log (the web import).

    Returns the ``repair import`` report; records already in the log are refused like
    the file's own problems. With refused rows nothing is stored unless ``skip_invalid``.
    """
    require_edit_place(user, place)
    result = ords.parse_ords(data, filename, today=_today())
    existing = set(Repair.objects.filter(place=place, ords_id__in=[r.id for r in result.records])
                   .values_list("ords_id", flat=True))
    if existing:
        result.refused += [ords.Refusal(r.line, f"The repair log already has a record '{r.id}'.")
                           for r in result.records if r.id in existing]
        result.refused.sort(key=lambda r: r.line)
        result.records = [r for r in result.records if r.id not in existing]
    report = ords.import_report(result, skip_invalid=skip_invalid, messages=True)
    if report["records"]:
        store_repair_records(user, place, result.records, event=event)
    return report


def import_ords_job(params: dict, report) -> dict:
    """Job: import a stored ORDS file into ``params['place']`` (see :func:`import_ords`)."""
    from django.urls import reverse

    from circularcities.web.uploads import job_files

    with job_files(params) as (user, files):
        place = Place.objects.get(pk=params["place"])
        report(0.1, _("Checking %(name)s") % {"name": files[0][0]})
        result = import_ords(user, place, files[0][1], files[0][0], skip_invalid=bool(params.get("skip_invalid")))
        refused = result["refused"]
        message = (_("%(n)s records imported.") % {"n": result["records"]} if result["records"] else
                   _("Nothing was imported: %(n)s rows were refused, the first on line %(line)s: %(reason)s")
                   % {"n": len(refused), "line": refused[0]["line"] if refused else 0,
                      "reason": render(ords.refusal_message(refused[0])) if refused else ""})
        imported = result["records"]
        return {"count": imported, "refused": refused[:100], "by_status": result["by_status"],
                "summary": (import_summary.summary(imported + len(refused), imported, 0, left_out=len(refused))
                            if imported else None),
                "url": reverse("reuse:place_detail", args=[place.slug]), "message": message}


def _record_of(r: Repair) -> ords.RepairRecord:
    return ords.RepairRecord(
        id=r.ords_id, product_category=r.product_category, repair_status=r.repair_status,
        event_date=r.event_date, data_provider=r.data_provider, country=r.country,
        partner_product_category=r.partner_product_category, product_category_id=r.product_category_id,
        brand=r.brand, year_of_manufacture=r.year_of_manufacture, product_age=r.product_age,
        repair_barrier_if_end_of_life=r.repair_barrier_if_end_of_life, group_identifier=r.group_identifier,
        problem=r.problem)


def ords_csv(repairs) -> str:
    """The repairs as an ORDS 0.3 CSV file; every cell through ``core.reports.csv_row``."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(csv_row(list(ords.ORDS_COLUMNS)))
    for r in repairs.order_by("event_date", "pk").iterator():
        w.writerow(csv_row(_record_of(r).as_row()))
    return buf.getvalue()


def repair_summary(repairs) -> ords.RepairSummary:
    return ords.summarise(repairs.values_list("product_category", "repair_status").iterator())


# --- refurbishment centre ----------------------------------------------------

def _require_centre(place: Place) -> None:
    if place.kind != Place.Kind.REFURBISHMENT:
        raise ValidationError(_("This place is not a refurbishment centre."))


@transaction.atomic
def intake_item(user, centre: Place, data: dict[str, Any]) -> CentreItem:
    """Take an item in: donor, category, mass (kg), date; its first step is recorded."""
    require_edit_place(user, centre)
    _require_centre(centre)
    donor, category, mass, day = refurbish.check_intake(
        donor=data.get("donor"), category=data.get("category"), mass_kg=data.get("mass_kg"),
        date=data.get("date") or _today(), today=_today())
    ref = rules.name("reference", data.get("reference"), max_length=60)
    if not ref:
        ref = f"{day.year}-{CentreItem.objects.filter(centre=centre).count() + 1:05d}"
    if CentreItem.objects.filter(centre=centre, reference=ref).exists():
        raise FieldError("reference", _("The centre already has an item '%(ref)s'."), ref=ref)
    item = CentreItem.objects.create(centre=centre, reference=ref, donor=donor, category=category, mass_kg=mass,
                                     received_on=day, state=refurbish.INTAKE)
    actor = rules.name("actor", data.get("actor")) or _actor_name(user)
    CentreStep.objects.create(item=item, action="intake", from_state="", to_state=refurbish.INTAKE, date=day,
                              actor=actor, by=_user_or_none(user),
                              note=rules.name("note", data.get("note"), max_length=500))
    return item


PARTS_CODE = "160216"  # EWC: components removed from discarded equipment (non-hazardous)


def _offer_parts(user, item: CentreItem) -> None:
    """List the parts of a dismantled item as a marketplace offer (the marketplace's own service)."""
    from circularcities.accounts.permissions import is_secretariat, organisation_of
    from circularcities.marketplace.services import save_listing

    centre = item.centre
    org = centre.organisation
    if org is None or not (is_secretariat(user) or (organisation_of(user) is not None
                                                     and organisation_of(user).pk == org.pk)):
        raise FieldError("list_parts", _("Parts are offered on the marketplace in the name of the centre's organisation; only its "
            "people (or the secretariat) can do this."))
    listing = save_listing(user, {
        "kind": "offer", "title_en": f"Parts from dismantled {item.category} ({item.reference})",
        "material": PARTS_CODE, "quantity": Decimal(str(item.mass_kg)) / 1000, "unit": "t",
        "lat": centre.lat, "lon": centre.lon, "organisation": org,
        "description": f"Dismantled at {centre}; item {item.reference} from {item.donor}."})
    item.listing = listing


@transaction.atomic
def move_item(user, item: CentreItem, action: str, data: dict[str, Any]) -> CentreStep:
    """Move an item one step along the workflow (``core.refurbish``), dated and signed.

    ``data``: date, actor (default: the user's name), note, decision (assess), recipient
    (donate; buyer for auction), price and currency (auction), list_parts (dismantle:
    offer the parts on the marketplace).
    """
    require_edit_place(user, item.centre)
    item = CentreItem.objects.select_for_update().get(pk=item.pk)
    last = item.steps.order_by("-date", "-pk").first()
    step = refurbish.check_step(
        item.state, action, date=data.get("date") or _today(),
        actor=rules.name("actor", data.get("actor")) or _actor_name(user), today=_today(),
        previous=last.date if last else item.received_on, decision=data.get("decision") or "",
        assessed_decision=item.decision, recipient=data.get("recipient") or "", price=data.get("price"),
        currency=data.get("currency") or "")
    item.state = step.to_state
    if step.decision:
        item.decision = step.decision
    if step.recipient:
        item.recipient = step.recipient
    if step.price is not None:
        item.price, item.currency = step.price, step.currency
    if action == refurbish.DISMANTLE and data.get("list_parts"):
        _offer_parts(user, item)
    item.save()
    return CentreStep.objects.create(item=item, action=action, from_state=step.from_state, to_state=step.to_state,
                                     date=step.date, actor=step.actor, by=_user_or_none(user),
                                     note=rules.name("note", data.get("note"), max_length=500))


def item_facts(items) -> list[refurbish.ItemFacts]:
    out = []
    for item in items.prefetch_related("steps"):
        steps = tuple((s.to_state, s.date) for s in item.steps.all() if s.action != "intake")
        out.append(refurbish.ItemFacts(item.state, item.mass_kg, item.received_on, steps))
    return out


def centre_figures(centre: Place) -> dict:
    """Stock, throughput per year, yearly targets against the years recorded here, and each
    target against the centre's own reported results (their average per year)."""
    facts = item_facts(CentreItem.objects.filter(centre=centre))
    years = refurbish.throughput(facts)
    figures = list(centre.centre_figures.all())
    targets, versus = [], []
    for f in (x for x in figures if x.kind == "target"):
        targets += [(y.year, f.measure, f.value) for y in years if f.year_from <= y.year <= f.year_to]
        for r in (x for x in figures if x.kind == "reported" and x.measure == f.measure):
            rate = refurbish.yearly_rate(r.value, r.year_from, r.year_to)
            versus.append({"target": f, "reported": r, "per_year": rate, "share": rate / f.value if f.value else 0.0})
    return {"stock": refurbish.stock_on_hand(facts), "years": years,
            "progress": refurbish.target_progress(years, sorted(set(targets))), "versus": versus,
            "figures": figures}


# --- lending -----------------------------------------------------------------

@transaction.atomic
def save_lending_item(user, place: Place, data: dict[str, Any], item: LendingItem | None = None,
                      *, language: str | None = None) -> LendingItem:
    require_edit_place(user, place)
    lang = reader_language(language)
    if item is None:
        code = rules.name("code", data.get("code"), required=True, max_length=40)
        if LendingItem.objects.filter(place=place, code=code).exists():
            raise FieldError("code", _("The library already has an item '%(code)s'."), code=code)
        item = LendingItem(place=place, code=code)
    item.set_current_language(lang)
    if "name" in data or item.pk is None:
        item.name = rules.name("name", data.get("name"), required=True)
    if "description" in data:
        item.description = rules.text("description", data.get("description"))
    if "category" in data:
        item.category = rules.name("category", data.get("category"), max_length=100)
    if "condition" in data:
        item.condition = rules.choice("condition", data.get("condition"), lending.CONDITIONS)
    if "replacement_value" in data or "currency" in data:
        value = rules.non_negative("replacement_value", data.get("replacement_value"),
                                   maximum=rules.MAX_PRICE, required=False)
        item.currency = rules.money_currency("currency", data.get("currency"), value)
        item.replacement_value = None if value is None else Decimal(str(value)).quantize(Decimal("0.01"))
    item.save()
    return item


@transaction.atomic
def borrow(user, item: LendingItem, data: dict[str, Any]) -> Loan:
    """Lend ``item``: to the signed-in resident themselves, or (organisers) to a named borrower.

    ``data``: start, due, condition_out (default: the item's), deposit, currency,
    borrower_name and borrower_email (organisers lending to someone else), language.
    """
    require_borrow(user)
    item = LendingItem.objects.select_for_update().get(pk=item.pk)
    if item.loans.filter(returned_on__isnull=True).exists():
        raise ValidationError(_("This item is on loan; it can be borrowed once it is returned."))
    other = rules.name("borrower_name", data.get("borrower_name"))
    if other and can_lend_to_others(user, item.place):
        name, email, borrower = other, rules.name("borrower_email", data.get("borrower_email"), max_length=254), None
    else:
        name = _actor_name(user)
        email, borrower = user.email or "", user
    terms = lending.check_loan(start=data.get("start") or _today(), due=data.get("due"),
                               condition_out=data.get("condition_out") or item.condition,
                               deposit=data.get("deposit"), currency=data.get("currency") or "", today=_today())
    lang = reader_language(data.get("language") or None)
    return Loan.objects.create(item=item, borrower=borrower, borrower_name=name, borrower_email=email,
                               language=lang, start=terms.start, due=terms.due,
                               condition_out=terms.condition_out, deposit=terms.deposit, currency=terms.currency,
                               created_by=user)


@transaction.atomic
def return_loan(user, loan: Loan, data: dict[str, Any]) -> Loan:
    require_return(user, loan)
    loan = Loan.objects.select_for_update().get(pk=loan.pk)
    if loan.returned_on is not None:
        raise ValidationError(_("This loan was already returned."))
    day, condition = lending.check_return(start=loan.start, returned_on=data.get("returned_on") or _today(),
                                          condition_in=data.get("condition_in") or "", today=_today())
    loan.returned_on, loan.condition_in = day, condition
    loan.save(update_fields=["returned_on", "condition_in"])
    LendingItem.objects.filter(pk=loan.item_id).update(condition=condition)
    return loan


def lending_impact(loans) -> lending.LendingImpact:
    return lending.impact(lending.LoanFacts(str(x.item_id), x.start, x.returned_on, x.item.replacement_value,
                                            x.item.currency) for x in loans.select_related("item"))


def send_overdue_reminders(as_of) -> int:
    """E-mail each borrower of an overdue loan, in the borrower's language, once a day at most."""
    from circularcities.reuse.models import Loan as L

    loans = (L.objects.filter(returned_on__isnull=True, due__lt=as_of).exclude(borrower_email="")
             .exclude(reminded_on=as_of).select_related("item__place"))
    messages, sent_ids = [], []
    for loan in loans:
        with translation.override(loan.language or "en"):
            place = loan.item.place
            item_name = loan.item.safe_translation_getter("name", any_language=True)
            subject = _("Please return %(item)s to %(place)s") % {"item": item_name, "place": str(place)}
            body = "\n".join([
                _("Hello %(name)s,") % {"name": loan.borrower_name}, "",
                _("%(item)s was due back at %(place)s on %(due)s (%(days)s days ago).") % {
                    "item": item_name, "place": str(place), "due": loan.due.isoformat(),
                    "days": lending.days_overdue(loan.due, as_of)},
                _("Please bring it back, or contact the library to agree a new date."), "",
                (_("Contact: %(email)s") % {"email": place.email}) if place.email else ""])
        messages.append((subject, body.strip() + "\n", settings.DEFAULT_FROM_EMAIL, [loan.borrower_email]))
        sent_ids.append(loan.pk)
    sent = send_mass_mail(messages, fail_silently=False) if messages else 0
    L.objects.filter(pk__in=sent_ids).update(reminded_on=as_of)
    return sent


def reminders_job(params: dict, report) -> dict:
    """Daily job (settings.JOBS_SCHEDULE ``lending-remind``): overdue-loan reminders."""
    from circularcities.jobs.scheduled import as_of as day_of

    as_of = day_of(params, _today)
    report(0.0, f"Overdue loans as of {as_of.isoformat()}")
    return {"sent": send_overdue_reminders(as_of), "as_of": as_of.isoformat()}
