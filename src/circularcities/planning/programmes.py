"""Writing programmes and projects: shared by the pages and the API."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction

from circularcities.core import rules
from circularcities.core.errors import ValidationError
from circularcities.planning.models import Programme, ProgrammeGoal, Project


def goals_text(programme: Programme) -> str:
    return "\n".join(f"{g.indicator} {g.year}: {g.value:g}" for g in programme.goals.all())


@transaction.atomic
def set_goals(programme: Programme, goals: list[tuple[str, int, float]]) -> bool:
    """Make the programme's yearly targets exactly ``goals``; returns whether anything changed."""
    goals = [(k, rules.year("goals", y), rules.non_negative("goals", v, maximum=rules.MAX_MAGNITUDE))
             for k, y, v in goals]
    current = {(g.indicator, g.year): g.value for g in programme.goals.all()}
    wanted = {(k, y): v for k, y, v in goals}
    if current == wanted:
        return False
    programme.goals.exclude(pk__in=[g.pk for g in programme.goals.all()
                                    if (g.indicator, g.year) in wanted]).delete()
    for (k, y), v in wanted.items():
        ProgrammeGoal.objects.update_or_create(programme=programme, indicator=k, year=y, defaults={"value": v})
    return True


def users_named(names: list[str] | str, field: str = "owners") -> list:
    """Users by user name; raises ValidationError naming the unknown ones."""
    if isinstance(names, str):
        names = [n.strip() for n in names.replace(";", ",").split(",")]
    names = [n for n in names if n]
    users = list(get_user_model().objects.filter(username__in=names))
    unknown = sorted(set(names) - {u.username for u in users})
    if unknown:
        raise ValidationError(f"'{field}': no user named {', '.join(unknown)}.")
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
