"""Small named fixtures: a building of the ``city`` fixture (Amsterdam) with two
components, one reusable timber beam and one concrete slab."""

from __future__ import annotations

import pytest


@pytest.fixture
def building(city, owner):
    from circularcities.buildings import services

    b = services.save_building(owner, city=city, data={
        "name": "Test hall", "lat": 52.37, "lon": 4.89, "use": "office", "year_built": 2020,
        "design_life_years": 15, "planned_end_of_use": "2030-06-30"})
    services.save_component(owner, b, data={
        "reference": "B-1", "name": "Timber beams", "count": 10, "connection": "added_elements",
        "accessibility": "free", "reusable_share": 0.8, "recyclable_share": 0.1,
        "origin": "sustained_bio", "take_back_supplier": "Supplier", "take_back_until": "2031-01-01",
        "residual_value": 1000, "currency": "EUR",
        "materials": [{"material": "timber", "waste_code": "170201", "mass_kg": 5000}],
        "quality": {"mass": "measured"}})
    services.save_component(owner, b, data={
        "reference": "S-1", "name": "Slab", "connection": "hard_chemical",
        "accessibility": "irreparable_damage", "reusable_share": 0, "recyclable_share": 0.9,
        "origin": "virgin", "materials": [{"material": "concrete", "waste_code": "170101",
                                           "mass_kg": 20000}]})
    return b
