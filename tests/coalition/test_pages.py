"""Every coalition page renders in English and in Chinese."""

import re

import pytest

from circularcities.coalition.models import City, Event, ThematicArea

pytestmark = pytest.mark.django_db
HAN = re.compile(r"[\u4e00-\u9fff]")


def page_urls():
    city = City.objects.get(slug="amsterdam")
    area = ThematicArea.objects.first()
    event = Event.objects.first()
    return ["/", "/cities/", f"/cities/{city.slug}/", "/partners/", "/working-groups/",
            f"/working-groups/{area.slug}/", "/events/", f"/events/{event.slug}/", "/cases/",
            "/accounts/login/", "/accounts/password-reset/"]


def test_pages_in_english(client, demo):
    for url in page_urls():
        resp = client.get(url)
        assert resp.status_code == 200, url
        html = resp.content.decode()
        assert 'lang="en"' in html
        assert 'data-testid="lang-zh"' in html, f"{url} has no language switch"


def test_pages_in_chinese(client, demo):
    for url in page_urls():
        resp = client.get("/zh-hans" + url)
        assert resp.status_code == 200, url
        html = resp.content.decode()
        assert 'lang="zh-Hans"' in html
        # The navigation itself is translated, not only the content.
        assert "城市" in html and "案例" in html, url
        assert 'data-testid="lang-en"' in html


def test_city_profile_shows_units_and_estimates(client, demo):
    city = City.objects.filter(population__isnull=False, area_km2__isnull=False).first()
    html = client.get(city.get_absolute_url()).content.decode()
    assert "km²" in html
    assert "inhabitants/km²" in html


def test_home_map_data_lists_member_cities(client, demo):
    html = client.get("/").content.decode()
    assert 'id="citymap-data"' in html
    for slug in ["bonn", "changchun", "datong", "turku", "yokohama", "nagano-prefecture"]:
        assert f'"slug": "{slug}"' in html, slug
    assert "leaflet/leaflet.js" in html


def test_working_group_lists_cities_that_chose_it(client, demo):
    from circularcities.coalition.models import FocalArea

    fa = FocalArea.objects.select_related("city", "area").first()
    html = client.get(f"/working-groups/{fa.area.slug}/").content.decode()
    assert fa.city.name_en in html


def test_set_language_switches_to_chinese_url(client, demo):
    resp = client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/cases/"})
    assert resp.status_code == 302
    assert resp["Location"] == "/zh-hans/cases/"


def test_edit_profile_validates(client, demo, make_user):
    city = City.objects.get(slug="amsterdam")
    user = make_user("ed", "city", [city])
    client.force_login(user)
    resp = client.post(f"/cities/{city.slug}/edit/", {"name_en": "Amsterdam", "name_zh": "阿姆斯特丹",
                                                      "lat": "95", "lon": "4.9", "gdp": "10",
                                                      "gdp_currency": ""})
    assert resp.status_code == 400
    html = resp.content.decode()
    assert "An amount of money needs its currency (ISO 4217, e.g. EUR)." in html
    resp = client.post(f"/cities/{city.slug}/edit/", {"name_en": "Amsterdam", "name_zh": "阿姆斯特丹",
                                                      "lat": "95", "lon": "4.9", "gdp": "10",
                                                      "gdp_currency": "EUR"})
    assert resp.status_code == 400
    assert "Expected a latitude between -90 and 90; got 95." in resp.content.decode()
    city.refresh_from_db()
    assert city.lat != 95


def test_switch_back_to_english_from_chinese_page(client, demo):
    resp = client.post("/i18n/setlang/", {"language": "en", "next": "/zh-hans/cases/?q=砖"})
    assert resp["Location"] == "/cases/?q=%E7%A0%96"  # 砖, percent-encoded
    assert client.post("/i18n/setlang/", {"language": "xx", "next": "/"}).status_code == 400
    evil = client.post("/i18n/setlang/", {"language": "en", "next": "https://evil.example/"})
    assert evil["Location"] == "/"


@pytest.mark.parametrize("field, value, message", [
    ("area_km2", "-10", "Expected 0.01 or more"),
    ("gdp_year", "99999", "Expected a year from 1900 to 2100"),
    ("population_year", "-1", ""),
    ("gdp_currency", "xyz", "ISO 4217"),
    ("population", "999999999999", "Expected at most 100,000,000"),
])
def test_profile_junk_is_refused(client, demo, make_user, field, value, message):
    city = City.objects.get(slug="amsterdam")
    before = getattr(city, field)
    client.force_login(make_user("ed2", "city", [city]))
    data = {"name_en": city.name_en, "name_zh": city.name_zh, "gdp": "1", "gdp_currency": "EUR", field: value}
    resp = client.post(f"/cities/{city.slug}/edit/", data)
    assert resp.status_code == 400
    assert message in resp.content.decode()
    city.refresh_from_db()
    assert getattr(city, field) == before
