"""The passport page and exports, the services' checks, and the demo buildings."""

from __future__ import annotations

import pytest
from django.urls import reverse

from circularcities.buildings import services
from circularcities.buildings.models import Building
from circularcities.buildings.reads import passport_of
from circularcities.core.rules import FieldError

pytestmark = pytest.mark.django_db


def test_passport_figures(building):
    p = passport_of(building)
    assert p.mass_kg == 25000
    assert p.reusable_kg == pytest.approx(4000)
    assert p.recyclable_kg == pytest.approx(500 + 18000)
    beam = p.mci_by_part["B-1"]
    assert beam.virgin_kg == 0  # sustained biological feedstock
    assert beam.waste_kg == pytest.approx(5000 * 0.1)  # 10 % neither reused nor recycled
    slab = p.mci_by_part["S-1"]
    assert slab.lfi == pytest.approx((20000 + 2000) / 40000)
    assert p.mci.mci == pytest.approx((5000 * beam.mci + 20000 * slab.mci) / 25000)


def test_page_shows_every_intermediate(client, building, owner):
    client.force_login(owner)
    html = client.get(reverse("buildings:detail", args=[building.pk])).content.decode()
    for text in ("Virgin feedstock V", "Unrecoverable waste W", "Linear flow index", "LFI",
                 "Data quality per figure", "Detachability", 'data-testid="building-mci"',
                 "<svg", "measured"):
        assert text in html, text


@pytest.mark.parametrize("fmt, magic", [("pdf", b"%PDF"), ("xlsx", b"PK")])
def test_exports(client, building, owner, fmt, magic):
    client.force_login(owner)
    resp = client.get(reverse("buildings:export", args=[building.pk, fmt]))
    assert resp.status_code == 200 and resp.content.startswith(magic)


def test_export_neutralises_formulas(client, building, owner):
    import io

    from openpyxl import load_workbook

    services.save_component(owner, building, data={"reference": "=HYPERLINK(1)", "materials": [
        {"material": "=cmd|' /C calc'!A0", "mass_kg": 1}]})
    client.force_login(owner)
    wb = load_workbook(io.BytesIO(client.get(reverse("buildings:export",
                                                     args=[building.pk, "xlsx"])).content))
    cells = [c for ws in wb for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    risky = [c for c in cells if c.value.startswith("=")]
    assert risky and all(c.data_type == "s" for c in risky)


@pytest.mark.parametrize("data, field", [
    ({"reference": "X", "reusable_share": 0.7, "recyclable_share": 0.5}, "recyclable_share"),
    ({"reference": "X", "reusable_share": 1.5}, "reusable_share"),
    ({"reference": "X", "materials": [{"material": "wood", "mass_kg": 0}]}, "mass_kg"),
    ({"reference": "X", "materials": [{"material": "wood", "mass_kg": 1e30}]}, "mass_kg"),
    ({"reference": "X", "connection": "glue"}, "connection"),
    ({"reference": "X", "residual_value": 10}, "currency"),
    ({"reference": "X", "origin": "recycled", "eff_feedstock": 0}, "eff_feedstock"),
    ({"reference": "X", "quality": {"mass": "guessed"}}, "quality_mass"),
    ({"reference": ""}, "reference"),
])
def test_component_rules(building, owner, data, field):
    with pytest.raises(FieldError) as exc:
        services.save_component(owner, building, data=data)
    assert exc.value.field == field


def test_partial_update_keeps_other_fields(building, owner):
    services.save_building(owner, data={"address": "A"}, building=building)
    building.refresh_from_db()
    assert building.year_built == 2020 and building.design_life_years == 15


def test_demo_buildings_loaded():
    brummen = Building.objects.get(demo_key="brummen-town-hall")
    assert brummen.published and brummen.design_life_years == 20
    assert "estimate" in brummen.source
    p = passport_of(brummen)
    assert p.mci is not None and 0 < p.mci.mci <= 1
    venlo = Building.objects.get(demo_key="venlo-city-hall")
    assert "VL-STRUCT" in passport_of(venlo).mass_unknown


def test_2019_biological_routes_on_a_component(building, owner):
    services.save_component(owner, building, data={
        "reference": "BIO", "origin": "sustained_bio", "reusable_share": 0, "recyclable_share": 0,
        "composted_share": 0.6, "energy_share": 0.4,
        "materials": [{"material": "straw panels", "mass_kg": 1000}]})
    p = passport_of(building)
    r = p.mci_by_part["BIO"]
    assert r.virgin_kg == 0 and r.waste_kg == 0 and r.mci == 1
    assert p.biological_kg == pytest.approx(1000)
    with pytest.raises(FieldError):
        services.save_component(owner, building, data={
            "reference": "BAD", "reusable_share": 0.5, "composted_share": 0.6})


def test_component_form_adds_edits_and_deletes(client, building, owner):
    from circularcities.buildings.models import Component

    client.force_login(owner)
    url = reverse("buildings:component_new", args=[building.pk])
    assert client.get(url).status_code == 200
    resp = client.post(url, {"reference": "D-1", "name": "Door", "count": 4,
                             "materials": "oak; 120; 17 02 01\nsteel hinges; ; 170405",
                             "origin": "reused", "reusable_share": "0.9", "recyclable_share": "0.1",
                             "quality_mass": "measured"})
    assert resp.status_code == 302, resp.content.decode()[-2000:]
    door = Component.objects.get(building=building, reference="D-1")
    assert [(m.material, m.mass_kg, m.waste_code) for m in door.materials.all()] == [
        ("oak", 120.0, "170201"), ("steel hinges", None, "170405")]
    assert door.quality == {"mass": "measured"}
    edit = reverse("buildings:component_edit", args=[building.pk, door.pk])
    assert "oak; 120; 170201" in client.get(edit).content.decode()
    resp = client.post(edit, {"reference": "D-1", "materials": "oak; -5;"})
    assert resp.status_code == 400 and "materials" in resp.content.decode()
    resp = client.post(reverse("buildings:component_delete", args=[building.pk, door.pk]))
    assert resp.status_code == 302 and not Component.objects.filter(pk=door.pk).exists()


def test_component_form_refuses_others(client, building, member):
    client.force_login(member)
    assert client.get(reverse("buildings:component_new", args=[building.pk])).status_code == 403
