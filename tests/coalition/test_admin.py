"""A city profile changed in the admin goes through coalition.services.city_update: the
same rules (a control character is refused beside the field) and the same per-capita
recompute as the edit page and the API."""

import pytest

from circularcities.coalition.models import City
from circularcities.coalition.services import CITY_EDITABLE
from circularcities.diagnosis.models import CityPopulation, IndicatorValue

pytestmark = pytest.mark.django_db


def _url(city):
    return f"/admin/coalition/city/{city.pk}/change/"


def _data(city, **changes):
    data = {k: getattr(city, k) for k in CITY_EDITABLE}
    return {**{k: ("" if v is None else v) for k, v in data.items()}, **changes}


@pytest.mark.parametrize("who", ["owner", "member", "outsider"])
def test_only_the_secretariat_may_change_a_city_here(client, city, who, request):
    client.force_login(request.getfixturevalue(who))
    before = City.objects.get(pk=city.pk).name_en
    resp = client.post(_url(city), _data(city, name_en="Renamed"))
    assert resp.status_code in (302, 403)
    assert City.objects.get(pk=city.pk).name_en == before


def test_population_change_recomputes_per_capita_values(client, city, secretariat):
    client.force_login(secretariat)
    year = 2020
    population = CityPopulation.objects.get(city=city, year=year).population
    per_capita = IndicatorValue.objects.filter(city=city, indicator_id="EN-WASTE-TO-ENERGY-CAP")
    before = per_capita.get(year=year).value
    resp = client.post(_url(city), _data(city, population=population * 2, population_year=year))
    assert resp.status_code == 302, resp.content.decode()[:2000]
    assert CityPopulation.objects.get(city=city, year=year).population == population * 2
    assert per_capita.get(year=year).value == pytest.approx(before / 2, rel=1e-3)


def test_a_control_character_is_refused_beside_the_field(client, city, secretariat):
    client.force_login(secretariat)
    before = City.objects.get(pk=city.pk).name_en
    resp = client.post(_url(city), _data(city, name_en="Amster\x07dam"))
    assert resp.status_code == 200
    assert resp.context["adminform"].form.errors["name_en"]
    assert City.objects.get(pk=city.pk).name_en == before


def test_an_out_of_bounds_population_is_refused_with_the_pages_message(client, city, secretariat):
    client.force_login(secretariat)
    resp = client.post(_url(city), _data(city, population=10**12))
    assert resp.status_code == 200
    assert resp.context["adminform"].form.errors["population"] == ["Expected at most 100,000,000; got 1e+12."]
    assert City.objects.get(pk=city.pk).population != 10**12


def test_cities_are_not_added_or_deleted_here(client, city, secretariat):
    client.force_login(secretariat)
    assert client.get("/admin/coalition/city/add/").status_code == 403
    assert client.post(f"/admin/coalition/city/{city.pk}/delete/", {"post": "yes"}).status_code == 403
    assert City.objects.filter(pk=city.pk).exists()
