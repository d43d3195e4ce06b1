"""The one write path of circular procurement: pages, API, imports, admin and
demo data all call these functions. Each checks permissions (through
``permissions``), validates with ``core`` rules, and writes in one transaction.

Reads that compute (comparison, finder, scorecards, roll-up) are here too, so
pages, exports and the API show the same figures.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from circularcities.core import rules
from circularcities.core.errors import DataImportError, Problem, ValidationError
from circularcities.core.procurement import (
    Alternative,
    Bid,
    Criterion,
    Item,
    ItemResult,
    ModuleLine,
    RequirementSet,
    Saving,
    Scorecard,
    Substance,
    check_product,
    compare_item,
    read_items,
    rollup,
    score,
)
from circularcities.core.procurement import Certificate as CoreCertificate
from circularcities.core.procurement import Product as CoreProduct
from circularcities.core.procurement.requirements import Failure
from circularcities.core.procurement.scoring import check_criteria
from circularcities.core.rules import FieldError
from circularcities.core.tables import read_table
from circularcities.procurement import models as m
from circularcities.procurement import permissions as perms
from circularcities.web.content import LEGACY_SUFFIXES

TEXT = 200
MAX_FACTOR = 1e9
MAX_QUANTITY = 1e12


class _System:
    """The platform itself, loading demo data: acts as the secretariat, is nobody."""

    is_authenticated = True
    is_superuser = True
    pk = None


SYSTEM = _System()


def _person(user):
    """``user`` when it is a stored account (for created_by fields), else None."""
    from django.contrib.auth import get_user_model

    return user if isinstance(user, get_user_model()) else None


def _error(field: str, text: str) -> FieldError:
    """A FieldError carrying a finished sentence (``%`` in it is text, not a placeholder)."""
    return FieldError(field, text.replace("%", "%%"))


def _today() -> dt.date:
    return timezone.localdate()


def _set_translation(obj, language: str, **fields) -> None:
    obj.set_current_language(language or "en")
    for k, v in fields.items():
        setattr(obj, k, v)


# --- comparisons ---------------------------------------------------------------------------

def project_create(*, user, city, slug: str, name: str, description: str = "", kind: str = "building",
                   published: bool = False, source: str = "", language: str = "en",
                   is_demo: bool = False) -> m.ComparisonProject:
    perms.require_officer(user, city)
    name = rules.name("name", name, required=True)
    description = rules.text("description", description)
    kind = rules.choice("kind", kind, tuple(m.ComparisonProject.Kind.values))
    source = rules.name("source", source, max_length=300)
    if m.ComparisonProject.objects.filter(slug=slug).exists():
        raise FieldError("slug", _("A comparison with this short name exists already."))
    p = m.ComparisonProject(city=city, slug=slug, kind=kind, published=published, source=source,
                            created_by=_person(user),
                            is_demo=is_demo)
    _set_translation(p, language, name=name, description=description)
    with transaction.atomic():
        p.save()
    return p


def project_publish(*, user, project, published: bool = True) -> m.ComparisonProject:
    perms.require_officer(user, project.city)
    project.published = published
    project.save(update_fields=["published", "updated"])
    return project


def _line(d: dict[str, Any]) -> ModuleLine:
    try:
        return ModuleLine(d["module"], float(d["quantity"]), str(d.get("unit", "")),
                          float(d["kgco2e_per_unit"]), str(d.get("source", ""))[:300],
                          bool(d.get("generic", False)), str(d.get("note", ""))[:300])
    except (KeyError, TypeError, ValueError) as exc:
        raise ValidationError(f"Module line: {exc}") from None


def _other_names(field: str, names: dict[str, str] | None) -> tuple[tuple[str, str], ...]:
    """The non-English names of ``names`` (suffix -> text: zh, ja, ko), checked; empty ones left out."""
    out = []
    for sfx, text in (names or {}).items():
        if sfx == "en":
            continue
        rules.choice(field, sfx, tuple(LEGACY_SUFFIXES))
        text = rules.name(f"{field}_{sfx}", text or "")
        if text:
            out.append((sfx, text))
    return tuple(out)


def _from_dict(a: dict[str, Any], key: str) -> dict[str, str]:
    """Per-language names given in a dict as ``name_ja`` keys or a ``names`` dict."""
    names = dict(a.get("names") or {})
    for sfx in LEGACY_SUFFIXES:
        if a.get(f"{key}_{sfx}"):
            names[sfx] = a[f"{key}_{sfx}"]
    return names


def _core_alternative(a: dict[str, Any]) -> Alternative:
    names = _from_dict(a, "name")
    english = str(names.get("en") or a.get("name", "")).strip()
    return Alternative(english, tuple(_line(x) for x in a.get("lines", [])),
                       reused=bool(a.get("reused", False)), assumption=str(a.get("assumption", "")),
                       service_life_years=a.get("service_life_years"),
                       names=_other_names("name", names))


def _set_names(obj, english: str, others: Iterable[tuple[str, str]]) -> None:
    obj.set_text("en", name=english)
    for sfx, text in others:
        obj.set_text(LEGACY_SUFFIXES[sfx], name=text)


def _item_named(project, english: str):
    return project.items.filter(translations__language_code="en", translations__name=english)


def item_add(*, user, project, name: str = "", alternatives: Sequence[dict[str, Any] | Alternative],
             study_period_years: float | None = None, names: dict[str, str] | None = None) -> m.ProjectItem:
    """Add an item with its alternatives (dicts with name, lines, reused, assumption,
    service_life_years and optional ``name_ja``... ; or core Alternatives). Checked by core
    first; all or nothing. ``name`` (or ``names["en"]``) is the English name, required and
    unique in the comparison; ``names`` gives it in other languages (``{"ja": ...}``)."""
    perms.require_officer(user, project.city)
    names = dict(names or {})
    name = rules.name("name", names.pop("en", None) or name, required=True)
    others = _other_names("name", names)
    alts = tuple(a if isinstance(a, Alternative) else _core_alternative(a) for a in alternatives)
    Item(name, alts, study_period_years)  # every core rule, naming the item
    if _item_named(project, name).exists():
        raise FieldError("name", _("This comparison has an item with this name already."))
    with transaction.atomic():
        item = m.ProjectItem(project=project, position=project.items.count(), study_period_years=study_period_years)
        _set_names(item, name, others)
        item.save()
        for i, a in enumerate(alts):
            alt = m.ItemAlternative(item=item, position=i, reused=a.reused, assumption=a.assumption,
                                    service_life_years=a.service_life_years)
            _set_names(alt, a.name, _other_names("name", dict(a.names)))
            alt.save()
            m.ModuleQuantity.objects.bulk_create([
                m.ModuleQuantity(alternative=alt, module=ln.module, quantity=ln.quantity, unit=ln.unit,
                                 kgco2e_per_unit=ln.kgco2e_per_unit, source=ln.source, generic=ln.generic,
                                 note=ln.note) for ln in a.lines])
        project.save(update_fields=["updated"])
    return item


def rename(*, user, obj: m.ProjectItem | m.ItemAlternative, names: dict[str, str]) -> m.ProjectItem | m.ItemAlternative:
    """Change an item's or an alternative's name in the languages given (suffix -> text); the
    languages not given keep theirs, an empty text removes that language's name. English
    cannot be emptied and stays unique in the comparison (item) or the item (alternative)."""
    item = obj if isinstance(obj, m.ProjectItem) else obj.item
    perms.require_officer(user, item.project.city)
    names = dict(names)
    english = None
    if "en" in names:
        english = rules.name("name_en", names.pop("en"), required=True)
        same = (_item_named(item.project, english) if obj is item
                else item.alternatives.filter(translations__language_code="en", translations__name=english))
        if same.exclude(pk=obj.pk).exists():
            raise FieldError("name_en", _("This comparison has an item with this name already.") if obj is item
                             else _("This item has an alternative with this name already."))
    for sfx in names:
        rules.choice("name", sfx, tuple(LEGACY_SUFFIXES))
    clean = {sfx: rules.name(f"name_{sfx}", text or "") for sfx, text in names.items()}
    with transaction.atomic():
        if english is not None:
            obj.set_text("en", name=english)
        for sfx, text in clean.items():
            if text:
                obj.set_text(LEGACY_SUFFIXES[sfx], name=text)
            elif LEGACY_SUFFIXES[sfx] in obj.get_available_languages():
                obj.delete_translation(LEGACY_SUFFIXES[sfx])
        obj.save()
        item.project.save(update_fields=["updated"])
    return obj


def alternative_add(*, user, item, alternative: Alternative) -> m.ItemAlternative:
    """Append an alternative to an item (e.g. one built from an EPD with
    ``core.procurement.lines_for``); the item's rules are checked again with it."""
    perms.require_officer(user, item.project.city)
    project = item.project
    key = item.name_en
    current = next(i for i in core_items(project) if i.name == key)
    Item(key, current.alternatives + (alternative,), item.study_period_years)
    with transaction.atomic():
        alt = m.ItemAlternative(item=item, position=item.alternatives.count(),
                                reused=alternative.reused, assumption=alternative.assumption,
                                service_life_years=alternative.service_life_years,
                                data_format=alternative.lines[0].source.split(":")[0][:20]
                                if alternative.lines else "")
        _set_names(alt, alternative.name, alternative.names)
        alt.save()
        m.ModuleQuantity.objects.bulk_create([
            m.ModuleQuantity(alternative=alt, module=ln.module, quantity=ln.quantity, unit=ln.unit,
                             kgco2e_per_unit=ln.kgco2e_per_unit, source=ln.source[:300], generic=ln.generic,
                             note=ln.note) for ln in alternative.lines])
        project.save(update_fields=["updated"])
    return alt


def alternative_from_epd(*, user, item, name: str, data: bytes, filename: str, quantity: float,
                         unit: str, names: dict[str, str] | None = None) -> m.ItemAlternative:
    """Read an EPD document (openEPD JSON or ILCD+EPD JSON, told apart by their content),
    check its declared unit against ``unit`` and add it as an alternative of ``item``
    (``name`` in English; ``names`` in other languages)."""
    import json

    from circularcities.core.procurement import lines_for, read_ilcd, read_openepd

    perms.require_officer(user, item.project.city)
    names = dict(names or {})
    name = rules.name("name", names.pop("en", None) or name, required=True)
    others = _other_names("name", names)
    try:
        doc = json.loads(data)
    except (ValueError, UnicodeDecodeError):
        raise DataImportError([Problem(f"{filename}: expected an openEPD or ILCD+EPD JSON document.")]) from None
    epd = read_ilcd(doc) if isinstance(doc, dict) and "processInformation" in doc else read_openepd(doc)
    lines = lines_for(epd, item=item.name_en, quantity=float(quantity), unit=unit)
    alt = Alternative(name, lines, service_life_years=epd.service_life_years, names=others,
                      assumption=f"{epd.format}: {epd.name}, per {epd.declared_unit}"
                                 + (f", valid until {epd.valid_until.isoformat()}" if epd.valid_until else ""))
    return alternative_add(user=user, item=item, alternative=alt)


def item_delete(*, user, item) -> None:
    perms.require_officer(user, item.project.city)
    item.delete()


def import_items(*, user, project, data: bytes, filename: str) -> list[m.ProjectItem]:
    """Add the items of an items table (the ``procure compare`` format; names per language in
    ``item_ja``... columns, a file with ``item`` and ``alternative`` only is English): all or nothing."""
    perms.require_officer(user, project.city)
    items = read_items(data, filename, languages=tuple(x for x in LEGACY_SUFFIXES if x != "en"))
    clash = [i.name for i in items if _item_named(project, i.name).exists()]
    if clash:
        raise DataImportError([Problem(f"The comparison has an item {n!r} already.") for n in clash])
    with transaction.atomic():
        return [item_add(user=user, project=project, name=i.name, names=dict(i.names),
                         alternatives=i.alternatives, study_period_years=i.study_period_years) for i in items]


def project_items(project) -> list[m.ProjectItem]:
    """The project's items with their alternatives and every name prefetched (three queries)."""
    return list(project.items.prefetch_related("translations", "alternatives__translations"))


def core_items(project, items: list[m.ProjectItem] | None = None) -> list[Item]:
    """The project's items as core objects, named by their English names (the keys)."""
    lines: dict[int, list[ModuleLine]] = {}
    for q in m.ModuleQuantity.objects.filter(alternative__item__project=project):
        lines.setdefault(q.alternative_id, []).append(
            ModuleLine(q.module, q.quantity, q.unit, q.kgco2e_per_unit, q.source, q.generic, q.note))
    out = []
    for item in project_items(project) if items is None else items:
        alts = tuple(Alternative(a.name_en, tuple(lines.get(a.pk, ())), a.reused, a.assumption,
                                 a.service_life_years) for a in item.alternatives.all())
        out.append(Item(item.name_en, alts, item.study_period_years))
    return out


def compare_project(project, items: list[m.ProjectItem] | None = None) -> list[ItemResult]:
    """Each item compared, in the order of ``items`` (default: ``project_items(project)``)."""
    return [compare_item(i) for i in core_items(project, items)]


# --- requirement sets, products ------------------------------------------------------------

def requirement_set_save(*, user, city, slug: str, name: str, description: str = "", category: str = "",
                         min_recycled_content_pct=None, certification_scheme: str = "",
                         certification_level: str = "", take_back: bool = False,
                         banned: Iterable[tuple[str, str]] = (), source: str = "", language: str = "en",
                         is_demo: bool = False) -> m.RequirementSet:
    """Create or replace a requirement set (banned: (name, CAS or '') pairs)."""
    perms.require_officer(user, city)
    name = rules.name("name", name, required=True)
    pct = None if min_recycled_content_pct in (None, "") else rules.share(
        "min_recycled_content_pct", min_recycled_content_pct)
    subs = []
    for n, cas in banned:
        try:
            subs.append(Substance(rules.name("banned", n, required=True), (cas or "").strip()))
        except ValidationError as exc:
            raise _error("banned", str(exc)) from None
    try:
        RequirementSet(name, tuple(subs), pct, certification_scheme.strip(), certification_level.strip(),
                       take_back)
    except ValidationError as exc:
        raise _error("certification_level", str(exc)) from None
    rs = m.RequirementSet.objects.filter(slug=slug).first()
    if rs is not None:
        perms.require_officer(user, rs.city)
    else:
        rs = m.RequirementSet(slug=slug)
    rs.city, rs.category, rs.min_recycled_content_pct = city, rules.name("category", category), pct
    rs.certification_scheme, rs.certification_level = certification_scheme.strip(), certification_level.strip()
    rs.take_back, rs.source, rs.is_demo = bool(take_back), rules.name("source", source, max_length=300), is_demo
    _set_translation(rs, language, name=name, description=rules.text("description", description))
    with transaction.atomic():
        rs.save()
        rs.banned.all().delete()
        m.BannedSubstance.objects.bulk_create([m.BannedSubstance(requirement_set=rs, name=s.name, cas=s.cas)
                                               for s in subs])
    return rs


def product_save(*, user, supplier, name: str, category: str = "", recycled_content_pct=None,
                 take_back: bool = False, description: str = "",
                 declarations: Iterable[tuple[str, str, str]] = (),
                 certificates: Iterable[tuple[str, str, str, dt.date | None]] = (), source: str = "",
                 is_demo: bool = False) -> m.Product:
    """Create or replace a supplier's product with its declarations (name, CAS, class)
    and certificates (scheme, level, issuer, valid until)."""
    perms.require_supply_as(user, supplier)
    if supplier.kind not in perms.SUPPLIER_KINDS:
        raise FieldError("supplier", _("A supplier is a business or a solution provider."))
    name = rules.name("name", name, required=True)
    pct = None if recycled_content_pct in (None, "") else rules.share("recycled_content_pct",
                                                                       recycled_content_pct)
    decls = []
    for n, cas, group in declarations:
        try:
            decls.append(Substance(rules.name("declarations", n, required=True), (cas or "").strip(),
                                   rules.name("declarations", group)))
        except ValidationError as exc:
            raise _error("declarations", str(exc)) from None
    certs = []
    for scheme, level, issuer, until in certificates:
        certs.append((rules.name("certificates", scheme, required=True),
                      rules.name("certificates", level, required=True),
                      rules.name("certificates", issuer, required=True),
                      None if until in (None, "") else rules.date("certificates", until)))
    p = m.Product.objects.filter(supplier=supplier, name=name).first() or m.Product(supplier=supplier, name=name)
    p.category, p.recycled_content_pct, p.take_back = rules.name("category", category), pct, bool(take_back)
    p.description, p.source, p.is_demo = rules.text("description", description), source[:300], is_demo
    with transaction.atomic():
        p.save()
        p.declarations.all().delete()
        p.certificates.all().delete()
        m.Declaration.objects.bulk_create([m.Declaration(product=p, name=s.name, cas=s.cas, group=s.group)
                                           for s in decls])
        m.Certificate.objects.bulk_create([m.Certificate(product=p, scheme=a, level=b, issuer=c, valid_until=d)
                                           for a, b, c, d in certs])
    return p


def product_delete(*, user, product) -> None:
    perms.require_edit_product(user, product)
    product.delete()


def core_requirements(rs: m.RequirementSet) -> RequirementSet:
    return RequirementSet(str(rs), tuple(Substance(b.name, b.cas) for b in rs.banned.all()),
                          rs.min_recycled_content_pct, rs.certification_scheme, rs.certification_level,
                          rs.take_back)


def core_product(p: m.Product) -> CoreProduct:
    return CoreProduct(p.name, p.supplier.name_en,
                       tuple(Substance(d.name, d.cas, d.group) for d in p.declarations.all()),
                       p.recycled_content_pct,
                       tuple(CoreCertificate(c.scheme, c.level, c.issuer, c.valid_until)
                             for c in p.certificates.all()), p.take_back)


@dataclass
class FinderRow:
    product: m.Product
    failures: list[Failure]


def finder(rs: m.RequirementSet, on: dt.date | None = None, category: str | None = None) -> list[FinderRow]:
    """Every product (of the set's category, when it has one) with the requirements it fails."""
    req = core_requirements(rs)
    qs = m.Product.objects.select_related("supplier").prefetch_related("declarations", "certificates")
    category = rs.category if category is None else category
    if category:
        qs = qs.filter(category__iexact=category)
    day = on or _today()
    rows = [FinderRow(p, check_product(core_product(p), req, day)) for p in qs]
    return sorted(rows, key=lambda r: (bool(r.failures), r.product.supplier.name_en, r.product.name))


# --- tenders -------------------------------------------------------------------------------

def tender_create(*, user, city, slug: str, title: str, year: int | None, criteria: Sequence[tuple[str, float]],
                  description: str = "", requirement_set=None, project=None, currency: str = "EUR",
                  status: str = "open", source: str = "", language: str = "en",
                  is_demo: bool = False) -> m.Tender:
    perms.require_officer(user, city)
    title = rules.name("title", title, required=True)
    year = rules.year("year", year, required=False)
    currency = rules.currency("currency", currency)
    status = rules.choice("status", status, ("draft", "open"))
    try:
        core = [Criterion(k, float(p)) for k, p in criteria]
        if core:  # a tender recorded after the fact may have no criteria on record
            check_criteria(core)
    except (ValidationError, TypeError, ValueError) as exc:
        raise _error("criteria", str(exc)) from None
    if m.Tender.objects.filter(slug=slug).exists():
        raise FieldError("slug", _("A tender with this short name exists already."))
    t = m.Tender(city=city, slug=slug, year=year, currency=currency, status=status,
                 requirement_set=requirement_set, project=project,
                 source=rules.name("source", source, max_length=300), is_demo=is_demo)
    _set_translation(t, language, title=title, description=rules.text("description", description))
    with transaction.atomic():
        t.save()
        m.TenderCriterion.objects.bulk_create([m.TenderCriterion(tender=t, key=c.key, points=c.points)
                                               for c in core])
    return t


BID_FIELDS = ("price", "life_cycle_cost", "life_cycle_carbon", "circularity", "social_value")


def _bid_value(field: str, value):
    if value in (None, ""):
        return None
    if field in ("circularity", "social_value"):
        return rules.number(field, value, minimum=0, maximum=10)
    return rules.positive(field, value, maximum=rules.MAX_MONEY)


def bid_save(*, user, tender, bidder_name: str, product=None, bidder=None, note: str = "",
             **values) -> m.Bid:
    """Enter or change one bid (values of the tender's criteria)."""
    perms.require_officer(user, tender.city)
    if tender.status == "awarded":
        raise ValidationError(_("This tender is awarded; its bids can no longer change."))
    bidder_name = rules.name("bidder_name", bidder_name, required=True)
    unknown = set(values) - set(BID_FIELDS)
    if unknown:
        raise FieldError(sorted(unknown)[0], _("Not a bid value."))
    clean = {f: _bid_value(f, values.get(f)) for f in BID_FIELDS}
    for c in tender.criteria.all():
        if clean[c.key] is None:
            raise FieldError(c.key, rules.REQUIRED)
    if bidder is None and product is not None:
        bidder = product.supplier
    b = m.Bid.objects.filter(tender=tender, bidder_name=bidder_name).first() or m.Bid(tender=tender,
                                                                                     bidder_name=bidder_name)
    b.product, b.bidder, b.note = product, bidder, rules.name("note", note, max_length=300)
    for f, v in clean.items():
        setattr(b, f, v)
    with transaction.atomic():
        b.save()
    return b


BID_COLUMNS = ("bidder",)
BID_OPTIONAL = ("product", "supplier") + BID_FIELDS + ("note",)


def import_bids(*, user, tender, data: bytes, filename: str) -> list[m.Bid]:
    """Bids from a spreadsheet (columns bidder, product, supplier, price, ...): all or nothing,
    every problem reported by row and column."""
    perms.require_officer(user, tender.city)
    table = read_table(data, filename, None, BID_COLUMNS, BID_OPTIONAL, first_sheet_fallback=True)
    problems: list[Problem] = []
    parsed = []
    for row in table.rows:
        kw: dict[str, Any] = {}
        for f in BID_FIELDS:
            if f in table.columns:
                kw[f] = row.value(f)
        product = None
        if row["product"].strip():
            qs = m.Product.objects.filter(name__iexact=row["product"].strip())
            if row["supplier"].strip():
                qs = qs.filter(supplier__slug=row["supplier"].strip())
            product = qs.first()
            if product is None:
                problems.append(table.problem(f"No product {row['product']!r} in the registry.", row.number,
                                              "product"))
                continue
        parsed.append((row, product, kw))
    if problems:
        raise DataImportError(problems)
    out = []
    with transaction.atomic():  # all or nothing: a problem on any row rolls every bid back
        for row, product, kw in parsed:
            try:
                out.append(bid_save(user=user, tender=tender, bidder_name=row["bidder"], product=product,
                                    note=row["note"], **kw))
            except FieldError as exc:
                problems.append(table.problem(exc.text(), row.number, exc.field))
        if problems:
            raise DataImportError(problems)
    return out


@dataclass
class BidCard:
    bid: m.Bid
    card: Scorecard
    failures: list[Failure]
    warnings: list[Failure]


def scorecards(tender: m.Tender, on: dt.date | None = None) -> list[BidCard]:
    """Scorecard of every bid; bids failing the requirement set are scored, not ranked.
    An expired certificate is flagged as a warning (it is checked again at award)."""
    bids = list(tender.bids.select_related("product__supplier").prefetch_related(
        "product__declarations", "product__certificates"))
    criteria = [Criterion(c.key, c.points) for c in tender.criteria.all()]
    if not bids or not criteria:
        return []
    req = core_requirements(tender.requirement_set) if tender.requirement_set is not None else None
    day = on or tender.award_date or _today()
    checks = []
    for b in bids:
        if req is None:
            fails: list[Failure] = []
        elif b.product is None:
            fails = [Failure("no_product", "product declared", "No product from the registry is named.")]
        else:
            fails = check_product(core_product(b.product), req, day)
        checks.append(([f for f in fails if f.code != "certificate_expired"],
                       [f for f in fails if f.code == "certificate_expired"]))
    core_bids = [Bid(b.bidder_name, {f: getattr(b, f) for f in BID_FIELDS if getattr(b, f) is not None},
                     tuple(f.code for f in fails)) for b, (fails, _w) in zip(bids, checks, strict=True)]
    cards = score(criteria, core_bids)
    return [BidCard(b, c, fails, warns) for b, c, (fails, warns) in zip(bids, cards, checks, strict=True)]


def award(*, user, tender, bid, justification: str, on: dt.date | None = None,
          language: str = "en") -> m.Tender:
    """Award ``tender`` to ``bid``: the bid must meet the requirement set; an expired
    certificate on the award date is flagged (kept with the award) rather than hidden."""
    perms.require_officer(user, tender.city)
    if bid.tender_id != tender.pk:
        raise FieldError("bid", _("This bid belongs to another tender."))
    if tender.status == "awarded":
        raise ValidationError(_("This tender is awarded already."))
    justification = rules.text("justification", justification)
    if not justification.strip():
        raise FieldError("justification", _("Say why this bid wins."))
    day = on or _today()
    card = next((c for c in scorecards(tender, day) if c.bid.pk == bid.pk), None)
    if card is None:
        raise FieldError("bid", _("The tender has no criteria or no such bid."))
    if card.failures:
        raise _error("bid", _("This bid fails the requirements: %(why)s")
                     % {"why": " ".join(f.message for f in card.failures)})
    tender.status, tender.awarded_bid, tender.award_date = "awarded", bid, day
    tender.award_warnings = [w.message for w in card.warnings]
    _set_translation(tender, language, justification=justification)
    with transaction.atomic():
        tender.save()
    return tender


def award_recorded(*, user, tender, justification: str, on: dt.date | None = None,
                   language: str = "en") -> m.Tender:
    """Record an award made outside the platform (no bids on record), with its justification."""
    perms.require_officer(user, tender.city)
    if tender.status == "awarded":
        raise ValidationError(_("This tender is awarded already."))
    justification = rules.text("justification", justification)
    if not justification.strip():
        raise FieldError("justification", _("Say why this bid wins."))
    tender.status, tender.award_date, tender.award_warnings = "awarded", on, []
    _set_translation(tender, language, justification=justification)
    with transaction.atomic():
        tender.save()
    return tender


def saving_add(*, user, tender, kind: str, value, unit: str, year: int | None, method: str,
               source: str = "") -> m.ExpectedSaving:
    perms.require_officer(user, tender.city)
    year = rules.year("year", year, required=False)
    value = rules.number("value", value, minimum=-rules.MAX_MAGNITUDE, maximum=rules.MAX_MAGNITUDE)
    try:
        s = Saving(tender.city.slug, year, kind, float(value), unit.strip(), method.strip(), source)
    except ValidationError as exc:
        raise _error("method" if "method" in str(exc) else "unit", str(exc)) from None
    if s.relative and not 0 <= s.value <= 100:
        raise FieldError("value", rules.SHARE, value=value)
    return m.ExpectedSaving.objects.create(tender=tender, kind=s.kind, value=s.value, unit=s.unit,
                                           year=year, method=rules.name("method", s.method, max_length=500),
                                           source=rules.name("source", source, max_length=300))


def savings_rollup(city=None, user=None):
    """Expected savings of awarded tenders per city and year (core roll-up)."""
    qs = m.ExpectedSaving.objects.filter(tender__status="awarded").select_related("tender__city")
    if city is not None:
        qs = qs.filter(tender__city=city)
    return rollup(Saving(s.tender.city.slug, s.year, s.kind, s.value, s.unit, s.method, s.source) for s in qs)


# --- pilots ---------------------------------------------------------------------------------

def pilot_create(*, user, city, slug: str, name: str, description: str = "", start=None, end=None,
                 planning_project=None, source: str = "", language: str = "en",
                 is_demo: bool = False) -> m.Pilot:
    perms.require_officer(user, city)
    if planning_project is not None and planning_project.programme.city_id != city.pk:
        raise FieldError("planning_project", _("The planning project belongs to another city."))
    p = m.Pilot.objects.filter(slug=slug).first()
    if p is not None:
        perms.require_officer(user, p.city)
    else:
        p = m.Pilot(slug=slug)
    p.city, p.planning_project, p.is_demo = city, planning_project, is_demo
    p.start = None if start in (None, "") else rules.date("start", start)
    p.end = None if end in (None, "") else rules.date("end", end)
    p.source = rules.name("source", source, max_length=300)
    _set_translation(p, language, name=rules.name("name", name, required=True),
                     description=rules.text("description", description))
    with transaction.atomic():
        p.save()
    return p


def reading_record(*, user, pilot, dimension: str, indicator: str, year: int, quarter: int, value, unit: str,
                   programme_indicator: str = "", source: str = "") -> m.PilotReading:
    """Record one pilot indicator for a quarter. A reading with a programme indicator is
    fed into the city's plan through the planning service (``log_progress``) on the
    pilot's planning project, so targets on that programme indicator track it."""
    from circularcities.core.planning import PROGRAMME_INDICATORS, Quarter
    from circularcities.planning.permissions import require_log_progress
    from circularcities.planning.services import log_progress

    perms.require_officer(user, pilot.city)
    dimension = rules.choice("dimension", dimension, tuple(m.PilotReading.Dimension.values))
    indicator = rules.name("indicator", indicator, required=True)
    year = rules.year("year", year)
    quarter = int(rules.number("quarter", quarter, minimum=1, maximum=4))
    value = rules.number("value", value, minimum=-rules.MAX_MAGNITUDE, maximum=rules.MAX_MAGNITUDE)
    unit = rules.name("unit", unit, required=True, max_length=30)
    if programme_indicator:
        rules.choice("programme_indicator", programme_indicator, tuple(PROGRAMME_INDICATORS))
        if pilot.planning_project is None:
            raise FieldError("programme_indicator", _("Link the pilot to a planning project first."))
        require_log_progress(user, pilot.planning_project)
    with transaction.atomic():
        r, _created = m.PilotReading.objects.update_or_create(
            pilot=pilot, indicator=indicator, year=year, quarter=quarter,
            defaults={"dimension": dimension, "value": value, "unit": unit,
                      "programme_indicator": programme_indicator or "",
                      "source": rules.name("source", source, max_length=300)})
        if programme_indicator and pilot.planning_project is not None:
            ind = PROGRAMME_INDICATORS[programme_indicator]
            log_progress(pilot.planning_project, Quarter(year, quarter), programme_indicator, value,
                         user=_person(user),
                         currency=unit if ind.is_money else "", note=f"Procurement pilot {pilot.slug}: {indicator}",
                         source=r.source)
    return r
