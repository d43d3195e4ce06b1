"""Marketplace fixtures: two businesses in Amsterdam (far from the demo
marketplaces of Austin, Peterborough and Beijing), their people, and a helper
that lists through the service as a user would."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.conftest import _user

AMS = (52.3676, 4.9041)


@pytest.fixture
def org_a(city):
    from circularcities.coalition.models import Partner

    return Partner.objects.create(slug="test-org-a", name_en="Test Demolition A", kind="business",
                                  city=city, lat=AMS[0], lon=AMS[1])


@pytest.fixture
def org_b(city):
    from circularcities.coalition.models import Partner

    return Partner.objects.create(slug="test-org-b", name_en="Test Builder B", kind="business",
                                  city=city, lat=AMS[0] + 0.05, lon=AMS[1] + 0.05)


@pytest.fixture
def seller(org_a):
    """Owner: a business user of the listing's organisation."""
    return _user("seller", "business", organisation=org_a)


@pytest.fixture
def colleague(org_a):
    return _user("colleague", "business", organisation=org_a)


@pytest.fixture
def buyer(org_b):
    """Outsider for org A's listings: a user of another organisation."""
    return _user("buyer", "business", organisation=org_b)


def listing_data(**kw):
    data = {"kind": "offer", "title_en": "Crushed concrete", "material": "17 01 01",
            "quantity": Decimal("10"), "unit": "t", "lat": AMS[0], "lon": AMS[1],
            "route": "recycling", "currency": "EUR", "avoided_cost_per_t": Decimal("20")}
    data.update(kw)
    return data


@pytest.fixture
def make_listing():
    from circularcities.marketplace.services import save_listing

    def make(user, **kw):
        return save_listing(user, listing_data(**kw))

    return make


@pytest.fixture
def offer(seller, make_listing):
    return make_listing(seller)


@pytest.fixture
def want(buyer, make_listing):
    return make_listing(buyer, kind="want", title_en="Aggregate wanted", material="17 01 07",
                        quantity=Decimal("6"), lat=AMS[0] + 0.05, lon=AMS[1] + 0.05,
                        avoided_cost_per_t=Decimal("15"))
