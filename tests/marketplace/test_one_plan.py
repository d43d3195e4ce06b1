"""One plan for the same listings: the park page and the programme matching
agree, and the same-owner rule is applied before solving, not after."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.marketplace.conftest import AMS


@pytest.fixture
def amsterdam_park(city):
    from circularcities.marketplace.models import Park

    return Park.objects.create(slug="test-ams-park", name="Test park",
                               city=city, lat=AMS[0], lon=AMS[1], radius_km=15)


@pytest.fixture
def self_trade_trap(seller, buyer, make_listing):
    """Org A offers 10 t and also wants 10 t next door; org B wants 10 t further away.

    Solving first and dropping A -> A afterwards leaves nothing; the rule
    applied before solving sends all 10 t to B.
    """
    offer = make_listing(seller, quantity=Decimal("10"))
    own_want = make_listing(seller, kind="want", title_en="Own want", material="17 01 01",
                            quantity=Decimal("10"), lat=AMS[0] + 0.001, lon=AMS[1])
    far_want = make_listing(buyer, kind="want", title_en="B's want", material="17 01 01",
                            quantity=Decimal("10"), lat=AMS[0] + 0.05, lon=AMS[1] + 0.05)
    return offer, own_want, far_want


def _pairs(matches):
    return sorted((int(m["offer"] if isinstance(m["offer"], int) else m["offer"].pk),
                   int(m["want"] if isinstance(m["want"], int) else m["want"].pk),
                   round(m["quantity_t"], 9)) for m in matches)


def test_park_plan_applies_same_owner_rule_before_solving(amsterdam_park, self_trade_trap):
    from circularcities.marketplace.views.parks import near_park

    offer, own_want, far_want = self_trade_trap
    _listings, matches = near_park(amsterdam_park)
    assert _pairs(matches) == [(offer.pk, far_want.pk, 10.0)]


def test_park_page_and_programme_matching_show_the_same_plan(amsterdam_park, self_trade_trap, client):
    from circularcities.marketplace.matching import run_programme_matching
    from circularcities.marketplace.views.parks import near_park, park_max_km

    offer, _own, far_want = self_trade_trap
    _listings, park_matches = near_park(amsterdam_park)
    result = run_programme_matching({"city": offer.city.slug, "max_km": park_max_km(amsterdam_park)},
                                    lambda *_a, **_k: None)
    assert _pairs(result["matches"]) == _pairs(park_matches)
    page = client.get(amsterdam_park.get_absolute_url()).content.decode()
    assert f"#{far_want.pk}" in page
