"""Diagnosis follows the coalition's city facts (see coalition.signals)."""

from __future__ import annotations

from django.dispatch import receiver
from django.utils.translation import gettext as _

from circularcities.coalition.signals import city_facts_changed
from circularcities.diagnosis.imports import recompute_indicators
from circularcities.diagnosis.models import CityPopulation, MetabolismFlow


@receiver(city_facts_changed)
def recompute_after_city_facts(sender, city, user=None, **kwargs):
    """Keep the population series and the per-capita indicators in step with the profile."""
    if city.population is not None and city.population_year is not None:
        CityPopulation.objects.update_or_create(
            city=city, year=city.population_year,
            defaults={"population": city.population, "source": _("City profile")})
    if MetabolismFlow.objects.filter(city=city).exists():
        recompute_indicators(city, user=user)
