"""Reading programmes and projects for the pages and the API (their writes are in ``services``)."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from circularcities.core.rules import FieldError
from circularcities.planning.models import Programme, Project


def goals_text(programme: Programme) -> str:
    return "\n".join(f"{g.indicator} {g.year}: {g.value:g}" for g in programme.goals.all())


def users_named(names: list[str] | str, field: str = "owners") -> list:
    """Users by user name; raises FieldError naming the unknown ones."""
    if isinstance(names, str):
        names = [n.strip() for n in names.replace(";", ",").split(",")]
    names = [n for n in names if n]
    users = list(get_user_model().objects.filter(username__in=names))
    unknown = sorted(set(names) - {u.username for u in users})
    if unknown:
        from django.utils.translation import gettext as _

        raise FieldError(field, _("No user named %(names)s.") % {"names": ", ".join(unknown)[:200]})
    return users


def goals_of(programme: Programme) -> list[dict]:
    """Yearly targets with the delivered total of each year (one query each)."""
    from django.db.models import Sum

    delivered = {(i, y): t for i, y, t in
                 Project.objects.filter(programme=programme).values_list("entries__indicator", "entries__year")
                 .annotate(total=Sum("entries__value")).order_by() if i}
    units = {t["key"]: t["unit"] for t in programme.tracked()}
    from circularcities.core.planning import PROGRAMME_INDICATORS

    return [{"goal": g, "indicator": PROGRAMME_INDICATORS[g.indicator], "unit": units.get(g.indicator, ""),
             "delivered": delivered.get((g.indicator, g.year))}
            for g in programme.goals.all()]
