"""The coalition roll-up for the annual forum, in a fixed number of queries.

Queries: targets (1), their observations (2), measures counted per city,
area and status (1), progress totals per programme and indicator (1), cities
and their names (2), programmes and their names (2) and areas (1), whatever the
number of cities, targets or values.
"""

from __future__ import annotations

from django.db.models import Count, Sum

from circularcities.coalition.models import City, ThematicArea
from circularcities.core.planning import PROGRAMME_INDICATORS, roll_up
from circularcities.planning.models import Measure, Programme, ProgressEntry, Target
from circularcities.planning.services import assess_targets


def coalition_rollup(until=None) -> dict:
    """Everything the roll-up page and its exports show."""
    targets = list(Target.objects.select_related("indicator").only(
        "id", "city_id", "area_id", "indicator_id", "indicator__direction", "programme_id",
        "programme_indicator", "baseline_year", "baseline_value", "target_year", "target_value",
        "trajectory_points"))
    assessments = assess_targets(targets, until)
    measure_counts = list(Measure.objects.values_list("city_id", "area_id", "status")
                          .annotate(n=Count("id")).order_by())
    result = roll_up(
        ((str(t.city_id), str(t.area_id) if t.area_id else None, assessments[t.pk].status.value) for t in targets),
        ((str(c), str(a) if a else None, s, n) for c, a, s, n in measure_counts))
    rows = list(ProgressEntry.objects.values_list("project__programme_id", "project__programme__city_id",
                                                  "indicator", "currency")
                .annotate(total=Sum("value")).order_by("project__programme__slug", "indicator"))
    city_ids = {int(k) for k in result.by_city} | {r[1] for r in rows if r[1] is not None}
    # City and programme names are translated content (one prefetch for all of them).
    cities = {str(c.pk): c for c in City.objects.filter(pk__in=city_ids).prefetch_related("translations")}
    programmes = {p.pk: p for p in Programme.objects.filter(pk__in={r[0] for r in rows})
                  .prefetch_related("translations")}
    highlights = []
    for programme_id, city_id, indicator, currency, total in rows:
        ind = PROGRAMME_INDICATORS[indicator]
        highlights.append({"programme": programmes[programme_id], "city": cities.get(str(city_id)),
                           "indicator": ind, "total": total, "unit": currency if ind.is_money else ind.unit})
    areas = {str(a.pk): a for a in ThematicArea.objects.all()}
    by_city = sorted(((cities[k], v) for k, v in result.by_city.items() if k in cities),
                     key=lambda p: p[0].t("name"))
    by_area = [(areas.get(k), v) for k, v in sorted(result.by_area.items(),
                                                     key=lambda p: (areas[p[0]].order if p[0] in areas else 99))]
    return {"by_city": by_city, "by_area": by_area, "total": result.total, "highlights": highlights}
