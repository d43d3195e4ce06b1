"""Reads: a building's components as core passport parts, and its passport figures."""

from __future__ import annotations

import datetime as dt

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from circularcities.buildings.models import Building, Component, ComponentMaterial
from circularcities.core.passport import Part, Passport, summarise
from circularcities.web.translated import translated


def components_of(building: Building) -> QuerySet[Component]:
    return (building.components.all().prefetch_related(
        "translations", Prefetch("materials", queryset=ComponentMaterial.objects.order_by("position", "pk")),
        "offers__listing"))


def part_of(c: Component, building: Building) -> Part:
    return Part(
        id=c.reference, name=translated(c, "name").text, classification=c.classification,
        materials=tuple((m.material, m.mass_kg) for m in c.materials.all()), count=c.count,
        connection=c.connection or None, accessibility=c.accessibility or None,
        reusable_share=c.reusable_share, recyclable_share=c.recyclable_share,
        composted_share=c.composted_share, energy_share=c.energy_share,
        origin=c.origin or None, lifetime_years=c.lifetime_years,
        reference_lifetime_years=c.reference_lifetime_years,
        eff_collection=c.eff_collection, eff_feedstock=c.eff_feedstock,
        take_back_until=c.take_back_until,
        residual_value=float(c.residual_value) if c.residual_value is not None else None,
        currency=c.currency, end_of_use=c.end_of_use or building.planned_end_of_use,
        quality=dict(c.quality or {}))


def parts_of(building: Building) -> list[Part]:
    return [part_of(c, building) for c in components_of(building)]


def passport_of(building: Building, on: dt.date | None = None) -> Passport:
    return summarise(parts_of(building), on=on or timezone.localdate())
