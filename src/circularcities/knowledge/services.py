"""The case library's one write path: forms, the bulk import, the admin and the API call these.

Every change is kept with django-reversion (who, when, a comment, the case with its
text in every language and its figures), so the history page can show what changed
and put an earlier version back.
"""

from __future__ import annotations

from typing import Any

import reversion
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from circularcities.coalition.models import City, RStrategy, ThematicArea
from circularcities.coalition.services import only_changeable
from circularcities.core import rules
from circularcities.core.rules import FieldError
from circularcities.knowledge.models import Case, CaseImage, KeyFigure
from circularcities.knowledge.permissions import require_edit_case, require_review
from circularcities.web.content import LEGACY_SUFFIXES

CASE_TEXT = ("title", "summary", "keywords")
FIGURE_TEXT = ("label", "note")


def text_keys(fields) -> tuple[str, ...]:
    return tuple(f"{f}_{s}" for f in fields for s in LEGACY_SUFFIXES)


def _keywords(value) -> list[str]:
    if isinstance(value, str):
        value = [k for k in (p.strip() for p in value.replace("；", ";").replace("，", ",").replace(";", ",")
                              .split(",")) if k]
    return [rules.name("keywords", k, max_length=80) for k in (value or [])][:30]


def _check_texts(texts: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in texts.items():
        field, _sep, sfx = key.rpartition("_")
        if field == "title":
            out[key] = rules.name(key, value, max_length=200, required=(sfx == "en"))
        elif field == "summary":
            out[key] = rules.text(key, value, required=(sfx == "en"))
        elif field == "keywords":
            out[key] = _keywords(value)
        else:
            raise FieldError(key, _("This field cannot be changed."))
    return out


def _check_figure(i: int, f: dict) -> dict:
    where = f"figures[{i}]"
    out: dict[str, Any] = {
        "value": rules.number(f"{where}.value", f.get("value"), minimum=-rules.MAX_MAGNITUDE,
                              maximum=rules.MAX_MAGNITUDE),
        "unit": rules.name(f"{where}.unit", f.get("unit"), max_length=40, required=True),
        "year": rules.year(f"{where}.year", f.get("year"), required=False),
        "source": rules.name(f"{where}.source", f.get("source"), max_length=120),
    }
    for key in text_keys(FIGURE_TEXT):
        if key in f:
            out[key] = rules.name(f"{where}.{key}", f.get(key), max_length=400 if key.startswith("note") else 200)
    if not out.get("label_en"):
        raise FieldError(f"{where}.label_en", rules.REQUIRED)
    return out


def case_save(*, user, case: Case | None = None, slug: str | None = None, comment: str = "",
              **changes) -> Case:
    """Create (``case`` None, ``slug`` given: a draft) or change a case; only fields given change.

    ``changes``: ``title_<lang>``, ``summary_<lang>``, ``keywords_<lang>`` (a list or
    comma-separated text), ``city`` (City or slug), ``areas``, ``r_strategies`` (objects
    or slugs), ``source_document``, ``sources`` (list), ``figures`` (list of dicts with
    value, unit, year, source, label_<lang>, note_<lang>; replaces the figures).
    """
    only_changeable(changes, text_keys(CASE_TEXT),
                    {"city", "areas", "r_strategies", "source_document", "sources", "figures"})
    texts = _check_texts({k: v for k, v in changes.items() if k in text_keys(CASE_TEXT)})
    city = changes.get("city")
    if isinstance(city, str):
        found = City.objects.filter(slug=city).first()
        if found is None:
            raise FieldError("city", _("No city with this short name."))
        city = found
    if case is None:
        slug = rules.slug("slug", slug, max_length=120)
        if slug == "manage" or Case.objects.filter(slug=slug).exists():
            raise FieldError("slug", _("A case with this short name exists already."))
        if city is None:
            raise FieldError("city", rules.REQUIRED)
        if not texts.get("title_en"):
            raise FieldError("title_en", rules.REQUIRED)
        require_edit_case(user, None, city)
        case = Case(slug=slug, city=city, country=city.country, status=Case.Status.DRAFT, published=False)
    else:
        require_edit_case(user, case)
        if city is not None:
            require_edit_case(user, None, city)
    if city is not None:
        case.city, case.country = city, city.country
    for key, value in texts.items():
        setattr(case, key, value)
    if "source_document" in changes:
        case.source_document = rules.name("source_document", changes["source_document"], max_length=120)
    if "sources" in changes:
        case.sources = [rules.name("sources", s, max_length=300) for s in (changes["sources"] or []) if s][:50]
    figures = None
    if changes.get("figures") is not None:
        figures = [_check_figure(i, f) for i, f in enumerate(changes["figures"])]
    areas = _tags(ThematicArea, "areas", changes.get("areas"))
    strategies = _tags(RStrategy, "r_strategies", changes.get("r_strategies"))
    with transaction.atomic(), reversion.create_revision():
        case.save()
        if areas is not None:
            case.areas.set(areas)
        if strategies is not None:
            case.r_strategies.set(strategies)
        if figures is not None:
            case.figures.all().delete()
            for i, f in enumerate(figures):
                fig = KeyFigure(case=case, order=i, value=f["value"], unit=f["unit"], year=f["year"],
                                source=f["source"] or case.source_document)
                for key in text_keys(FIGURE_TEXT):
                    if f.get(key):
                        setattr(fig, key, f[key])
                fig.save()
        _revision(user, comment or _("Edited"))
    return case


def _tags(model, field: str, values):
    if values is None:
        return None
    slugs = [v if isinstance(v, str) else v.slug for v in values]
    found = {o.slug: o for o in model.objects.filter(slug__in=slugs)}
    missing = [s for s in slugs if s not in found]
    if missing:
        raise FieldError(field, _("Unknown: %(slugs)s.") % {"slugs": ", ".join(missing)})
    return [found[s] for s in slugs]


def _revision(user, comment: str) -> None:
    if user is not None and getattr(user, "is_authenticated", False):
        reversion.set_user(user)
    reversion.set_comment(comment)


def _set_status(case: Case, status: str, user, comment: str, **extra) -> Case:
    with transaction.atomic(), reversion.create_revision():
        case.status = status
        case.published = status == Case.Status.PUBLISHED
        for k, v in extra.items():
            setattr(case, k, v)
        case.save()
        _revision(user, comment)
    return case


def case_submit(*, case: Case, user) -> Case:
    """Draft -> in review (the author asks the secretariat to review)."""
    require_edit_case(user, case)
    if case.status != Case.Status.DRAFT:
        raise FieldError("status", _("Only a draft can be sent for review."))
    return _set_status(case, Case.Status.REVIEW, user, _("Sent for review"))


def case_publish(*, case: Case, user) -> Case:
    """In review -> published, recording the reviewer."""
    require_review(user)
    if case.status != Case.Status.REVIEW:
        raise FieldError("status", _("Only a case in review can be published."))
    return _set_status(case, Case.Status.PUBLISHED, user, _("Reviewed and published"),
                       reviewer=user, reviewed_at=timezone.now())


def case_return(*, case: Case, user) -> Case:
    """Back to draft (a review asks for changes, or a published case is withdrawn)."""
    require_review(user)
    return _set_status(case, Case.Status.DRAFT, user, _("Returned to draft"))


def case_add_image(*, case: Case, user, image, alt_text: str, credit: str = "") -> CaseImage:
    require_edit_case(user, case)
    alt = rules.name("alt_text", alt_text, max_length=300, required=True)
    credit = rules.name("credit", credit, max_length=200)
    with transaction.atomic(), reversion.create_revision():
        img = CaseImage.objects.create(case=case, image=image, alt_text=alt, credit=credit,
                                       order=case.images.count())
        case.save()
        _revision(user, _("Image added"))
    return img


def case_revert(*, case: Case, version_id: int, user) -> Case:
    """Put the case back as it was in one of its kept versions (itself a new version)."""
    from reversion.models import Version

    require_review(user)
    version = Version.objects.get_for_object(case).filter(pk=version_id).first()
    if version is None:
        raise FieldError("version", _("No such version of this case."))
    with transaction.atomic(), reversion.create_revision():
        version.revision.revert(delete=True)
        case = Case.objects.get(pk=case.pk)
        case.save()  # a new timestamp: search re-reads the reverted text
        _revision(user, _("Reverted to the version of %(when)s")
                  % {"when": timezone.localtime(version.revision.date_created).strftime("%Y-%m-%d %H:%M")})
    from circularcities.knowledge.search import record_changes

    record_changes([case.pk])
    return case
