"""Shared fixtures.

Permission tests ask three people (healthchecks style): the ``owner`` (an
editor of the city), a ``member`` (a city member who may read but not edit)
and an ``outsider`` (the editor of another city); plus the secretariat.
"""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the demo data once per test database; tests roll back around it."""
    from circularcities.site.demo import load_demo

    with django_db_blocker.unblock():
        load_demo(log=lambda *a, **k: None)


@pytest.fixture
def demo(db):
    """The demo data, reloaded if a transactional test flushed the database."""
    from circularcities.coalition.models import City
    from circularcities.site.demo import load_demo

    if not City.objects.exists():
        load_demo(log=lambda *a, **k: None)


def _user(username, role, cities=(), level="editor", organisation=None):
    from django.contrib.auth import get_user_model

    from circularcities.accounts.models import CityMembership

    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw-" + username)
    user.profile.role = role
    user.profile.organisation = organisation
    user.profile.save()
    for city in cities:
        CityMembership.objects.create(user=user, city=city, level=level)
    return user


@pytest.fixture
def city(demo):
    from circularcities.coalition.models import City

    return City.objects.get(slug="amsterdam")


@pytest.fixture
def other_city(demo):
    from circularcities.coalition.models import City

    return City.objects.get(slug="changchun")


@pytest.fixture
def owner(city):
    return _user("owner", "city", [city])


@pytest.fixture
def member(city):
    return _user("member", "city", [city], level="member")


@pytest.fixture
def outsider(other_city):
    return _user("outsider", "city", [other_city])


@pytest.fixture
def secretariat(demo):
    return _user("sec", "secretariat")


@pytest.fixture
def make_user(db):
    return _user


def login(client, user):
    client.force_login(user)
    return client


@pytest.fixture(autouse=True)
def english_by_default():
    """Requests activate a language in the test thread; start each test in English.

    Core tests also run without Django (``-p no:django``); then there is nothing to reset.
    """
    from django.conf import settings

    if not settings.configured:
        yield
        return
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")


FOUR_LANGUAGES = [("en", "English"), ("zh-hans", "简体中文"), ("ja", "日本語"), ("ko", "한국어")]
TWO_LANGUAGES = FOUR_LANGUAGES[:2]


def _serve_languages(settings, languages):
    """Serve ``languages`` for one test, as CIRCULARCITIES_LANGUAGES would."""
    settings.LANGUAGES = languages
    settings.PARLER_LANGUAGES = {None: tuple({"code": code} for code, _name in languages),
                                 "default": {"fallbacks": ["en"], "hide_untranslated": False}}
    from parler import appsettings
    from parler.utils import i18n as parler_i18n
    from parler.utils.conf import add_default_language_settings

    # parler reads its language tables once at import; give it these for this test.
    saved = appsettings.PARLER_LANGUAGES, dict(parler_i18n.LANGUAGES_DICT)
    parler_i18n.LANGUAGES_DICT.clear()
    parler_i18n.LANGUAGES_DICT.update(languages)
    appsettings.PARLER_LANGUAGES = add_default_language_settings(settings.PARLER_LANGUAGES)
    yield languages
    appsettings.PARLER_LANGUAGES = saved[0]
    parler_i18n.LANGUAGES_DICT.clear()
    parler_i18n.LANGUAGES_DICT.update(saved[1])


@pytest.fixture
def four_languages(settings):
    """The platform set to serve all four languages (CIRCULARCITIES_LANGUAGES=en,zh-hans,ja,ko,
    the default), whatever the suite runs with."""
    yield from _serve_languages(settings, FOUR_LANGUAGES)


@pytest.fixture
def two_languages(settings):
    """The platform set to serve English and Chinese only (CIRCULARCITIES_LANGUAGES=en,zh-hans)."""
    yield from _serve_languages(settings, TWO_LANGUAGES)
