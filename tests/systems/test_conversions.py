"""Conversions link layers on the page, through the one service, in scenarios and exports."""

from __future__ import annotations

import pytest

from circularcities.core.errors import ValidationError
from circularcities.core.mfa.system import BOUNDARY, LAYER_NODE
from circularcities.systems import services
from circularcities.systems.models import Conversion
from tests.conftest import login

pytestmark = pytest.mark.django_db


def edit_url(system, action):
    return f"/systems/{system.pk}/edit/{action}"


@pytest.fixture
def heat_plant(system):
    """The fixture system, with the plant turning 10 % of the water it receives into heat
    (0.05 MWh per m3 used up) that goes back to the houses."""
    services.set_flow(system, None, origin="plant", destination=BOUNDARY, layer="water", share=0.9)
    services.set_flow(system, None, origin="plant", destination="house", layer="energy", share=1.0)
    services.set_flow(system, None, origin="house", destination=BOUNDARY, layer="energy", share=1.0)
    services.delete_flow(system, None, origin="plant", destination=BOUNDARY, layer="energy")
    return system


def test_the_form_saves_a_conversion_and_the_plant_balances(client, heat_plant, owner):
    response = login(client, owner).post(edit_url(heat_plant, "conversion"), {
        "process": "plant", "from_layer": "water", "to_layer": "energy", "consumed": "0.1", "factor": "0.05",
        "source": "Operator's estimate", "estimate": "on"})
    assert response.status_code == 302
    conv = Conversion.objects.get(system=heat_plant)
    assert (conv.consumed, conv.factor, conv.estimate) == (0.1, 0.05, True)
    heat_plant.refresh_from_db()
    assert heat_plant.result["status"] == "balanced"
    result = services.result_of(heat_plant)
    # 80 m3 reach the plant, 8 m3 are used up, yielding 0.4 MWh, plus the 50 MWh bought in
    assert result.flow_totals("energy", 2021)[("plant", "house")] == pytest.approx(50.4)
    page = client.get(heat_plant.get_absolute_url() + "?layer=energy&year=2021").content.decode()
    assert 'data-testid="conversions"' in page
    assert "8.0 m3 → 0.4 MWh" in page
    chart = client.get(heat_plant.get_absolute_url() + "?layer=energy&year=2021").context["sankey"]
    k = chart["nodes"].index(LAYER_NODE + "water")
    assert chart["node_text"][k].startswith("Converted from water")


def test_the_same_rule_refuses_a_bad_conversion_on_the_page_and_in_the_service(client, heat_plant, owner):
    response = login(client, owner).post(edit_url(heat_plant, "conversion"), {
        "process": "plant", "from_layer": "water", "to_layer": "water", "consumed": "1", "factor": "1"},
        follow=True)
    assert "Expected a layer other than the one converted from" in response.content.decode()
    with pytest.raises(Exception, match="other than the one converted from"):
        services.set_conversion(heat_plant, None, process="plant", from_layer="water", to_layer="water", factor=1.0)
    with pytest.raises(ValidationError, match="unknown parameter"):
        services.set_conversion(heat_plant, None, process="plant", from_layer="water", to_layer="energy",
                                factor="no_such_parameter")
    assert not Conversion.objects.filter(system=heat_plant).exists()


@pytest.mark.parametrize("who, status", [("owner", 302), ("member", 403), ("outsider", 403)])
def test_only_the_owner_adds_a_conversion(client, heat_plant, owner, member, outsider, who, status):
    user = {"owner": owner, "member": member, "outsider": outsider}[who]
    response = login(client, user).post(edit_url(heat_plant, "conversion"), {
        "process": "plant", "from_layer": "water", "to_layer": "energy", "consumed": "0.1", "factor": "0.05"})
    assert response.status_code == status
    assert Conversion.objects.filter(system=heat_plant).exists() == (who == "owner")


def test_scenarios_and_exports_carry_conversions(client, heat_plant, owner):
    services.set_parameter(heat_plant, None, name="heat_per_m3", values=0.05)
    services.set_conversion(heat_plant, None, process="plant", from_layer="water", to_layer="energy",
                            factor="heat_per_m3", consumed=0.1)
    scenario = services.make_scenario(heat_plant, None, name="Better exchanger")
    services.set_parameter(scenario, None, name="heat_per_m3", values=0.1)
    response = login(client, owner).get(f"/api/systems/{heat_plant.pk}/compare/{scenario.pk}?year=2021")
    assert response.status_code == 200
    rows = {(r["origin"], r["destination"], r["layer"]): r for r in response.json()["flows"]}
    assert rows[(LAYER_NODE + "water", "plant", "energy")]["difference"] == pytest.approx(0.4)
    data = client.get(f"/systems/{heat_plant.pk}/system.json").json()
    assert data["conversions"] == [{"process": "plant", "from_layer": "water", "to_layer": "energy",
                                    "factor": "heat_per_m3", "consumed": 0.1}]
    services.delete_conversion(heat_plant, None, process="plant", from_layer="water", to_layer="energy")
    heat_plant.refresh_from_db()
    assert heat_plant.result["status"] == "warning"  # 8 m3 of water a year are no longer accounted for
