"""Operations on the coalition that every entry point (form, API, CLI) shares."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from circularcities.coalition.models import MAX_FOCAL_AREAS, City, FocalArea, Partner, ThematicArea
from circularcities.coalition.signals import city_facts_changed
from circularcities.core.errors import ValidationError
from circularcities.core.rules import FieldError


def only_changeable(changes, *allowed) -> None:
    """Refuse a change to a field outside ``allowed`` (collections of names): FieldError
    naming the first such field in alphabetical order."""
    unknown = set(changes).difference(*allowed)
    if unknown:
        raise FieldError(sorted(unknown)[0], _("This field cannot be changed."))


def set_focal_areas(city: City, areas: list[ThematicArea], user=None) -> list[FocalArea]:
    """Replace the city's focal areas with ``areas`` (at most three).

    Raises
    ------
    ValidationError
        With more than three areas, or duplicates; nothing is changed then.
    """
    unique = list(dict.fromkeys(areas))
    if len(unique) != len(areas):
        raise ValidationError(_("Each focal area can be chosen only once."))
    if len(unique) > MAX_FOCAL_AREAS:
        raise ValidationError(
            _("A city can choose at most %(max)d focal areas; %(n)d were given. Nothing was changed.")
            % {"max": MAX_FOCAL_AREAS, "n": len(unique)}
        )
    try:
        with transaction.atomic():
            # Lock the city row so two editors saving at once queue up.
            City.objects.select_for_update().filter(pk=city.pk).first()
            FocalArea.objects.filter(city=city).delete()
            return [FocalArea.objects.create(city=city, area=a, slot=i + 1, chosen_by=user)
                    for i, a in enumerate(unique)]
    except IntegrityError as exc:  # the database constraint is the last line of defence
        raise ValidationError(_("A city can choose at most three focal areas.")) from exc


def add_focal_area(city: City, area: ThematicArea, user=None) -> FocalArea:
    """Add one focal area; a fourth is refused with a clear message."""
    with transaction.atomic():
        City.objects.select_for_update().filter(pk=city.pk).first()
        current = list(FocalArea.objects.filter(city=city).select_related("area"))
        if any(f.area_id == area.pk for f in current):
            raise ValidationError(_("%(area)s is already a focal area of %(city)s.")
                                  % {"area": area.t("name"), "city": city.t("name")})
        if len(current) >= MAX_FOCAL_AREAS:
            raise ValidationError(
                _("%(city)s already has three focal areas (%(areas)s). Remove one before adding "
                  "%(area)s.") % {"city": city.t("name"), "area": area.t("name"),
                                  "areas": ", ".join(f.area.t("name") for f in current)})
        used = {f.slot for f in current}
        slot = next(s for s in range(1, MAX_FOCAL_AREAS + 1) if s not in used)
        try:
            with transaction.atomic():
                return FocalArea.objects.create(city=city, area=area, slot=slot, chosen_by=user)
        except IntegrityError as exc:
            raise ValidationError(_("A city can choose at most three focal areas.")) from exc


# --- city profile: the one write path (form, API, commands) ------------------

CITY_TEXT_FIELDS = ("name", "profile")
CITY_NUMBERS = ("population", "population_year", "gdp", "gdp_currency", "gdp_year", "area_km2", "lat", "lon")


def _text_keys(fields) -> tuple[str, ...]:
    from circularcities.web.content import LEGACY_SUFFIXES

    return tuple(f"{f}_{s}" for f in fields for s in LEGACY_SUFFIXES)


CITY_EDITABLE = _text_keys(CITY_TEXT_FIELDS) + CITY_NUMBERS
CITY_OFFICE_FIELDS = ("country", "region", "member_since", "status", "contact_name", "contact_email")
"""Fields the secretariat sets when it registers or edits a member city (back office)."""
CITY_DERIVED_INPUTS = ("population", "population_year", "gdp", "gdp_currency", "gdp_year")
"""Fields that computed indicators read (per-capita values, resource productivity)."""


def check_city(city: City) -> None:
    """Every rule on a city profile; raises FieldError naming the field."""
    from circularcities.core import rules
    from circularcities.web.content import LEGACY_SUFFIXES

    for sfx in LEGACY_SUFFIXES:
        key = f"name_{sfx}"
        setattr(city, key, rules.name(key, getattr(city, key), max_length=120, required=(sfx == "en")))
    city.population = rules.non_negative("population", city.population, maximum=rules.MAX_POPULATION,
                                         integer=True, required=False)
    city.population_year = rules.year("population_year", city.population_year, required=False)
    gdp = rules.non_negative("gdp", city.gdp, maximum=rules.MAX_GDP, required=False)
    city.gdp_currency = rules.money_currency("gdp_currency", city.gdp_currency, gdp)
    city.gdp_year = rules.year("gdp_year", city.gdp_year, required=False)
    city.area_km2 = rules.number("area_km2", city.area_km2, minimum=rules.MIN_AREA_KM2,
                                 maximum=rules.MAX_AREA_KM2, required=False)
    city.lat = rules.latitude("lat", city.lat, required=False)
    city.lon = rules.longitude("lon", city.lon, required=False)
    for sfx in LEGACY_SUFFIXES:
        key = f"profile_{sfx}"
        setattr(city, key, rules.text(key, getattr(city, key)))
    city.country = rules.country("country", city.country)
    city.region = rules.name("region", city.region, max_length=40)
    city.status = rules.choice("status", city.status, City.Status.values)
    if city.member_since is not None:
        city.member_since = rules.date("member_since", city.member_since, not_future=True)
    city.contact_name = rules.name("contact_name", city.contact_name, max_length=200)
    city.contact_email = rules.email("contact_email", city.contact_email)


def city_update(*, city: City, user=None, **changes) -> City:
    """Change the given fields of a city profile (others stay as they are).

    Checks every rule first; then saves and, when a figure computed indicators read
    changed (population, GDP), recomputes the city's computed indicator values in the
    same transaction, so per-capita values never disagree with the profile: the
    profile's population becomes the population of its year in the series the
    per-capita indicators divide by. The density is computed from population and
    area when read, so it follows by itself.
    """

    only_changeable(changes, CITY_EDITABLE, CITY_OFFICE_FIELDS)
    before = {k: getattr(city, k) for k in CITY_DERIVED_INPUTS}
    for name, value in changes.items():
        setattr(city, name, "" if value is None and name not in CITY_NUMBERS + ("member_since",)
                else value)
    check_city(city)
    with transaction.atomic():
        city.save()
        if any(getattr(city, k) != v for k, v in before.items()):
            city_facts_changed.send(sender=type(city), city=city, user=user)
    return city


# --- the back office: registering, archiving, partners ------------------------

def city_register(*, user=None, slug: str, focal_areas: list[ThematicArea] | None = None, **fields) -> City:
    """Register a member city (the secretariat's back office, the admin, imports).

    ``fields`` are those of :func:`city_update` and ``CITY_OFFICE_FIELDS``; the
    English name and the country are required. Focal areas follow the same rule as
    everywhere (at most three). Raises FieldError naming the field; nothing is stored then.
    """
    from circularcities.core import rules
    from circularcities.core.rules import FieldError

    slug = rules.slug("slug", slug)
    if City.objects.filter(slug=slug).exists():
        raise FieldError("slug", _("A city with this short name exists already."))
    only_changeable(fields, CITY_EDITABLE, CITY_OFFICE_FIELDS)
    city = City(slug=slug, status=fields.pop("status", None) or City.Status.MEMBER)
    for name, value in fields.items():
        setattr(city, name, "" if value is None and name not in CITY_NUMBERS + ("member_since",) else value)
    check_city(city)
    areas = list(dict.fromkeys(focal_areas or []))
    if len(areas) > MAX_FOCAL_AREAS:
        raise FieldError("focal_areas", _("A city can choose at most three focal areas."))
    with transaction.atomic():
        city.save()
        for i, area in enumerate(areas):
            FocalArea.objects.create(city=city, area=area, slot=i + 1, chosen_by=user)
    return city


def city_archive(*, city: City, user=None) -> City:
    """The city leaves the coalition: archived as a former member, never deleted.

    Its diagnosis, plans, cases and events stay (history is kept); it no longer counts
    as a member and drops out of working groups' member lists.
    """
    from django.utils import timezone

    with transaction.atomic():
        locked = City.objects.select_for_update().get(pk=city.pk)
        locked.status = City.Status.FORMER
        locked.archived_at = locked.archived_at or timezone.now()
        locked.save(update_fields=["status", "archived_at", "updated_at"])
    city.status, city.archived_at = locked.status, locked.archived_at
    return city


def city_restore(*, city: City, user=None) -> City:
    """Undo :func:`city_archive`: the city is a member again."""
    with transaction.atomic():
        City.objects.filter(pk=city.pk).update(status=City.Status.MEMBER, archived_at=None)
    city.refresh_from_db()
    return city


PARTNER_TEXT_FIELDS = ("name", "description")
PARTNER_FIELDS = ("kind", "country", "city", "areas", "lat", "lon")


def _check_partner(partner: Partner) -> None:
    from circularcities.core import rules
    from circularcities.web.content import LEGACY_SUFFIXES

    for sfx in LEGACY_SUFFIXES:
        key = f"name_{sfx}"
        setattr(partner, key, rules.name(key, getattr(partner, key), max_length=200, required=(sfx == "en")))
        key = f"description_{sfx}"
        setattr(partner, key, rules.text(key, getattr(partner, key)))
    partner.kind = rules.choice("kind", partner.kind, Partner.Kind.values)
    partner.country = rules.country("country", partner.country, required=False)
    partner.lat = rules.latitude("lat", partner.lat, required=False)
    partner.lon = rules.longitude("lon", partner.lon, required=False)


def partner_save(*, partner: Partner | None = None, user=None, slug: str | None = None, **changes) -> Partner:
    """Create (``partner`` None, ``slug`` given) or change an organisation: a knowledge
    partner, solution provider, business or funder. Only the fields given change."""
    from circularcities.core import rules
    from circularcities.core.rules import FieldError

    only_changeable(changes, _text_keys(PARTNER_TEXT_FIELDS), PARTNER_FIELDS)
    if partner is None:
        slug = rules.slug("slug", slug)
        if Partner.objects.filter(slug=slug).exists():
            raise FieldError("slug", _("An organisation with this short name exists already."))
        partner = Partner(slug=slug, kind=changes.get("kind") or Partner.Kind.BUSINESS)
    areas = changes.pop("areas", None)
    for name, value in changes.items():
        setattr(partner, name, "" if value is None and name not in ("city", "lat", "lon") else value)
    _check_partner(partner)
    with transaction.atomic():
        partner.save()
        if areas is not None:
            partner.areas.set(areas)
    return partner


# --- working groups: the cycle's stages, deliverables, published results ------

def _texts(obj, prefix_fields: dict[str, int | None], changes: dict, required: tuple[str, ...] = ()) -> None:
    """Check and set ``<field>_<lang>`` texts (``None`` length: multi-line)."""
    from circularcities.core import rules
    from circularcities.web.content import LEGACY_SUFFIXES

    for field, length in prefix_fields.items():
        for sfx in LEGACY_SUFFIXES:
            key = f"{field}_{sfx}"
            if key not in changes:
                continue
            value = changes[key] or ""
            if length is None:
                setattr(obj, key, rules.text(key, value, required=(sfx == "en" and field in required)))
            else:
                setattr(obj, key, rules.name(key, value, max_length=length,
                                             required=(sfx == "en" and field in required)))


def stage_save(*, user, group, stage=None, **changes):
    """Add or change a stage of a working group's cycle (kind, dates, status, owner, text)."""
    from circularcities.coalition.models import Stage
    from circularcities.coalition.permissions import require_run_group
    from circularcities.core import rules

    require_run_group(user, group)
    stage = stage or Stage(working_group=group, kind=changes.get("kind") or Stage.Kind.DIAGNOSIS)
    if "kind" in changes:
        stage.kind = rules.choice("kind", changes["kind"], Stage.Kind.values)
    if "status" in changes:
        stage.status = rules.choice("status", changes["status"], Stage.Status.values)
    for key in ("start", "end"):
        if key in changes:
            setattr(stage, key, rules.date(key, changes[key], required=False))
    if stage.start and stage.end and stage.end < stage.start:
        raise FieldError("end", _("The end comes before the start."))
    if "owner" in changes:
        stage.owner = changes["owner"]
    _texts(stage, {"title": 200, "description": None}, changes)
    with transaction.atomic():
        stage.save()
    return stage


def cycle_start(*, user, group, start=None):
    """Give a working group the three stages of the cycle (once): diagnosis, then policies
    and action plans, then capacity building."""
    from circularcities.coalition.models import Stage

    if group.stages.exists():
        return list(group.stages.all())
    with transaction.atomic():
        return [stage_save(user=user, group=group, kind=kind, start=start if i == 0 else None)
                for i, kind in enumerate(Stage.Kind.values)]


def deliverable_save(*, user, stage, deliverable=None, **changes):
    """Add or change a deliverable (a diagnosis report, a plan, a training) for a city."""
    from circularcities.coalition.models import Deliverable
    from circularcities.coalition.permissions import require_run_group
    from circularcities.core import rules

    require_run_group(user, stage.working_group)
    d = deliverable or Deliverable(stage=stage, kind=changes.get("kind") or Deliverable.Kind.DIAGNOSIS)
    if "kind" in changes:
        d.kind = rules.choice("kind", changes["kind"], Deliverable.Kind.values)
    if "city" in changes:
        d.city = changes["city"]
    for key in ("due", "done"):
        if key in changes:
            setattr(d, key, rules.date(key, changes[key], required=False))
    with transaction.atomic():
        d.save()
    return d


def result_publish(*, user, group, slug: str, year: int, cities=(), stage=None, file=None, url: str = "",
                   **texts):
    """Publish a working group's result: it shows on the group's page, on the pages of
    the cities it concerns and in search."""
    from django.utils import timezone

    from circularcities.coalition.models import Publication
    from circularcities.coalition.permissions import require_run_group
    from circularcities.core import rules

    require_run_group(user, group)
    slug = rules.slug("slug", slug)
    if Publication.objects.filter(slug=slug).exists():
        raise FieldError("slug", _("A result with this short name exists already."))
    pub = Publication(slug=slug, working_group=group, stage=stage,
                      year=rules.year("year", year), url=url or "",
                      published_at=timezone.now(), published_by=user)
    _texts(pub, {"title": 200, "summary": None}, texts, required=("title", "summary"))
    if not pub.title_en:
        raise FieldError("title_en", rules.REQUIRED)
    with transaction.atomic():
        if file:
            pub.file = file
        pub.save()
        pub.cities.set(list(cities))
    return pub
