"""A small two-layer system of Amsterdam (the ``city`` fixture), owned by its editors."""

from __future__ import annotations

import pytest

from circularcities.core.mfa.system import BOUNDARY


@pytest.fixture
def system(city):
    from circularcities.systems import services

    s = services.create_system(city, None, name="Test district", first_year=2020, last_year=2022,
                               layers=("water", "energy"))
    services.set_process(s, None, code="house", name="Houses")
    services.set_process(s, None, code="plant", name="Plant")
    services.set_flow(s, None, origin=BOUNDARY, destination="house", layer="water",
                      values=dict.fromkeys((2020, 2021, 2022), 100.0))
    services.set_parameter(s, None, name="to_plant", values=0.8)
    services.set_flow(s, None, origin="house", destination="plant", layer="water", share="to_plant")
    services.set_flow(s, None, origin="house", destination=BOUNDARY, layer="water", share=0.2)
    services.set_flow(s, None, origin="plant", destination=BOUNDARY, layer="water", share=1.0)
    services.set_flow(s, None, origin=BOUNDARY, destination="plant", layer="energy",
                      values=dict.fromkeys((2020, 2021, 2022), 50.0))
    services.set_flow(s, None, origin="plant", destination=BOUNDARY, layer="energy",
                      values={2020: 50.0, 2021: 40.0, 2022: 50.0})
    s.refresh_from_db()
    return s


@pytest.fixture
def stock_model(city):
    from circularcities.systems import services

    return services.create_stock_model(city, None, name="Buses", subject="vehicles", unit="vehicles",
                                       driver="inflow", first_year=2010, values=[100.0] * 10,
                                       lifetime={"distribution": "normal", "mean": 8, "std": 2})
