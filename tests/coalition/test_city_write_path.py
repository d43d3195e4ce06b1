"""City profiles have one write path: the form and the API store the same values, refuse the
same bad value with the same message, and per-capita values follow a changed population."""

import json
import re
from html import unescape

import pytest

from circularcities.coalition.models import City
from circularcities.diagnosis.models import CityPopulation, IndicatorValue

pytestmark = pytest.mark.django_db

FIELDS = ("name_en", "name_zh", "population", "population_year", "gdp", "gdp_currency", "gdp_year",
          "area_km2", "lat", "lon", "profile_en", "profile_zh")


@pytest.fixture
def editor(city, make_user):
    return make_user("cityed", "city", [city])


def _form_data(city, **changes):
    data = {k: getattr(city, k) for k in FIELDS}
    data = {k: ("" if v is None else v) for k, v in data.items()}
    return {**data, **changes}


def _post_form(client, city, **changes):
    return client.post(f"/cities/{city.slug}/edit/", _form_data(city, **changes))


def _patch(client, city, **changes):
    return client.patch(f"/api/cities/{city.slug}", json.dumps(changes), content_type="application/json")


def _errors(resp) -> list[str]:
    return [unescape(m) for m in re.findall(r"<li>([^<]*)</li>", resp.content.decode())]


def _stored(city) -> dict:
    city = City.objects.get(pk=city.pk)
    return {k: getattr(city, k) for k in FIELDS}


@pytest.mark.parametrize(("field", "value", "message"), [
    ("population", 10**12, "Expected at most 100,000,000; got 1e+12."),
    ("population_year", 1850, "Expected a year from 1900 to 2100; got 1850."),
    ("gdp_currency", "RMB", "Expected an ISO 4217 currency code such as EUR, USD or CNY; got 'RMB'."),
    ("area_km2", 0, "Expected 0.01 or more; got 0."),
    ("name_en", "Amster\x02dam", "Remove the invisible control character U+0002 (position 7); "
                                 "only printable text can be stored."),
    ("profile_en", "Line one\nline\x1btwo", "Remove the invisible control character U+001B (position 14); "
                                            "only printable text can be stored."),
])
def test_form_and_api_refuse_the_same_value_with_the_same_message(client, city, editor, field, value, message):
    client.force_login(editor)
    before = _stored(city)
    resp = _post_form(client, city, **{field: value})
    assert resp.status_code == 400 and message in _errors(resp)
    resp = _patch(client, city, **{field: value})
    assert resp.status_code == 422
    assert resp.json() == {"detail": f"Field '{field}': {message}", "errors": [{"field": field, "message": message}]}
    assert _stored(city) == before


def test_form_and_api_store_the_same_values(client, city, editor):
    client.force_login(editor)
    good = {"name_en": "  Amsterdam  ", "population": 900000, "population_year": 2024, "gdp": 150000000000,
            "gdp_currency": "eur", "area_km2": 219.3, "profile_en": "First line\r\n\tsecond line"}
    assert _post_form(client, city, **good).status_code == 302
    by_form = _stored(city)
    City.objects.filter(pk=city.pk).update(population=1, gdp_currency="USD")
    City.translations.rel.related_model.objects.filter(master=city, language_code="en").update(name="x", profile="")
    assert _patch(client, city, **good).status_code == 200
    assert _stored(city) == by_form
    assert by_form["gdp_currency"] == "EUR" and by_form["name_en"] == "Amsterdam"
    assert by_form["profile_en"] == "First line\n\tsecond line"


def _per_capita(city, year):
    return IndicatorValue.objects.get(city=city, indicator_id="EN-WASTE-TO-ENERGY-CAP", year=year).value


@pytest.mark.parametrize("path", ["form", "api"])
def test_changing_the_population_recomputes_per_capita_values(client, city, editor, path):
    client.force_login(editor)
    year = 2020
    population = CityPopulation.objects.get(city=city, year=year).population
    before, other_year = _per_capita(city, year), _per_capita(city, 2021)
    density_before = city.density
    changes = {"population": population * 2, "population_year": year}
    resp = _post_form(client, city, **changes) if path == "form" else _patch(client, city, **changes)
    assert resp.status_code in (200, 302), resp.content
    assert CityPopulation.objects.get(city=city, year=year).population == population * 2
    assert _per_capita(city, year) == pytest.approx(before / 2, rel=1e-3)
    assert _per_capita(city, 2021) == other_year  # other years keep their own population
    assert City.objects.get(pk=city.pk).density == pytest.approx(density_before * 2 * population / city.population,
                                                                 rel=1e-6)
