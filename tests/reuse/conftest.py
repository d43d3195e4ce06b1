"""Small named places and people for the reuse tests.

- ``cafe``: a repair café in Amsterdam (the ``owner`` fixture edits Amsterdam), with
  ``organiser`` named on it;
- ``crc``: a refurbishment centre in Amsterdam run by organisation ``centre_org``, whose
  ``staff`` user belongs to that organisation;
- ``library`` with one ``drill``; ``resident``: a signed-in person with no role.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.conftest import _user


@pytest.fixture
def centre_org(city):
    from circularcities.coalition.models import Partner

    return Partner.objects.create(slug="test-centre-org", name_en="Test centre org", kind="solution-provider",
                                  city=city, lat=52.37, lon=4.9)


@pytest.fixture
def organiser(db):
    return _user("organiser", "public")


@pytest.fixture
def staff(centre_org):
    return _user("staff", "partner", organisation=centre_org)


@pytest.fixture
def resident(db):
    return _user("resident-1", "public")


def _place(slug, kind, city, organisation=None, organisers=()):
    from circularcities.reuse.models import Place

    place = Place(slug=slug, kind=kind, city=city, organisation=organisation, lat=52.37, lon=4.9)
    place.set_current_language("en")
    place.name = f"Test {slug}"
    place.save()
    place.organisers.set(organisers)
    return place


@pytest.fixture
def cafe(city, organiser):
    return _place("test-cafe", "repair-cafe", city, organisers=[organiser])


@pytest.fixture
def crc(city, centre_org):
    return _place("test-crc", "refurbishment", city, organisation=centre_org)


@pytest.fixture
def library(city, organiser):
    return _place("test-library", "tool-library", city, organisers=[organiser])


@pytest.fixture
def drill(library, organiser):
    from circularcities.reuse.services import save_lending_item

    return save_lending_item(organiser, library, {"code": "D1", "name": "Drill", "condition": "good",
                                                  "replacement_value": Decimal("60"), "currency": "EUR"})
