"""Operations on the coalition that every entry point (form, API, CLI) shares."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from circularcities.coalition.models import MAX_FOCAL_AREAS, City, FocalArea, ThematicArea
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
