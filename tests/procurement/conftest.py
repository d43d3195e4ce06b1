"""Procurement fixtures: officers of two cities (Copenhagen and San Francisco, as editors),
two suppliers with their people, and a tender scored against the demo San Francisco set."""

from __future__ import annotations

import pytest

from tests.conftest import _user


@pytest.fixture
def cph(demo):
    from circularcities.coalition.models import City

    return City.objects.get(slug="copenhagen")


@pytest.fixture
def sf(demo):
    from circularcities.coalition.models import City

    return City.objects.get(slug="san-francisco")


@pytest.fixture
def officer(cph):
    """Procurement officer of Copenhagen (an editor of the city)."""
    return _user("cph-officer", "city", [cph])


@pytest.fixture
def sf_officer(sf):
    return _user("sf-officer", "city", [sf])


@pytest.fixture
def supplier_org(sf):
    from circularcities.coalition.models import Partner

    return Partner.objects.create(slug="test-carpets", name_en="Test Carpets", kind="business", city=sf)


@pytest.fixture
def other_supplier_org(sf):
    from circularcities.coalition.models import Partner

    return Partner.objects.create(slug="test-floors", name_en="Test Floors", kind="solution-provider", city=sf)


@pytest.fixture
def supplier(supplier_org):
    return _user("supplier", "business", organisation=supplier_org)


@pytest.fixture
def other_supplier(other_supplier_org):
    return _user("other-supplier", "business", organisation=other_supplier_org)


@pytest.fixture
def product(supplier, supplier_org):
    from circularcities.procurement import services as s

    return s.product_save(user=supplier, supplier=supplier_org, name="Test tile", category="carpet",
                          recycled_content_pct=50, take_back=True,
                          certificates=[("Cradle to Cradle Certified", "Gold", "C2CPII", "2030-01-01")])


@pytest.fixture
def sf_tender(demo):
    from circularcities.procurement.models import Tender

    return Tender.objects.get(slug="san-francisco-carpet-tiles")


@pytest.fixture
def draft_tender(officer, cph):
    from circularcities.procurement import services as s

    return s.tender_create(user=officer, city=cph, slug="cph-test-tender", title="Test tender", year=2024,
                           criteria=[("price", 70), ("circularity", 30)])
