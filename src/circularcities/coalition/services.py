"""Operations on the coalition that every entry point (form, API, CLI) shares."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from circularcities.coalition.models import MAX_FOCAL_AREAS, City, FocalArea, ThematicArea
from circularcities.coalition.signals import city_facts_changed
from circularcities.core.errors import ValidationError


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


def city_update(*, city: City, user=None, **changes) -> City:
    """Change the given fields of a city profile (others stay as they are).

    Checks every rule first; then saves and, when a figure computed indicators read
    changed (population, GDP), recomputes the city's computed indicator values in the
    same transaction, so per-capita values never disagree with the profile: the
    profile's population becomes the population of its year in the series the
    per-capita indicators divide by. The density is computed from population and
    area when read, so it follows by itself.
    """
    from circularcities.core.rules import FieldError

    unknown = set(changes) - set(CITY_EDITABLE)
    if unknown:
        raise FieldError(sorted(unknown)[0], _("This field cannot be changed."))
    before = {k: getattr(city, k) for k in CITY_DERIVED_INPUTS}
    for name, value in changes.items():
        setattr(city, name, "" if value is None and (name == "gdp_currency" or name not in CITY_NUMBERS)
                else value)
    check_city(city)
    with transaction.atomic():
        city.save()
        if any(getattr(city, k) != v for k, v in before.items()):
            city_facts_changed.send(sender=type(city), city=city, user=user)
    return city
