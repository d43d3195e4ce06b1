"""Recording exchanges: decrement, status, costs, and the factors kept on the record."""

from __future__ import annotations

from decimal import Decimal

import pytest

from circularcities.core.errors import ValidationError
from circularcities.core.lca import avoided_emissions
from circularcities.core.rules import FieldError
from circularcities.marketplace.models import Exchange, Listing, MaterialWeight
from circularcities.marketplace.services import record_exchange

pytestmark = pytest.mark.django_db


def test_exchange_against_a_want(seller, buyer, offer, want):
    """An accepted deal on a want records the exchange against both listings."""
    from circularcities.marketplace.services import accept_deal, propose_deal

    ex = accept_deal(buyer, propose_deal(seller, offer, want=want, quantity_t=Decimal("4"))).exchange
    offer.refresh_from_db()
    want.refresh_from_db()
    assert offer.remaining_t == Decimal("6.000") and offer.status == Listing.Status.PARTIAL
    assert want.remaining_t == Decimal("2.000") and want.status == Listing.Status.PARTIAL
    assert ex.giver == offer.organisation and ex.receiver == want.organisation
    # Costs avoided from the listings: 20 EUR/t disposal, 15 EUR/t purchase.
    assert ex.disposal_cost_avoided == Decimal("80.00")
    assert ex.purchase_cost_avoided == Decimal("60.00")
    assert ex.currency == "EUR" and ex.value == Decimal("0.00")
    assert ex.value_created == Decimal("140.00")
    assert 5 < ex.distance_km < 8


def test_exchange_stores_factors_with_source_and_year(seller, offer, org_b):
    ex = record_exchange(seller, offer, Decimal("2"), receiver_name="Test Builder B")
    expected = avoided_emissions("170101", 2.0, route="recycling", factor_set="DEFRA-2025")
    assert ex.co2e_status == "ok"
    assert ex.kg_co2e_avoided == pytest.approx(expected.kg_co2e_avoided)
    assert len(ex.factors) == 4
    for f in ex.factors:
        assert f["source"].startswith("DESNZ/DEFRA") and f["year"] == 2025 and f["unit"] == "kg CO2e/t"
    recomputed = 2.0 * sum(f["sign"] * f["value"] for f in ex.factors)
    assert ex.kg_co2e_avoided == pytest.approx(recomputed)


def test_stored_factors_survive_a_change_of_factor_tables(seller, offer, org_b, monkeypatch):
    ex = record_exchange(seller, offer, Decimal("2"), receiver_name="Test Builder B")
    before = (ex.kg_co2e_avoided, list(ex.factors))
    import circularcities.marketplace.services as services

    monkeypatch.setattr(services, "avoided_emissions", lambda *a, **k: pytest.fail("recomputed"))
    again = Exchange.objects.get(pk=ex.pk)
    assert (again.kg_co2e_avoided, again.factors) == before


def test_unknown_material_is_flagged_not_zero(seller, org_b, make_listing):
    x = make_listing(seller, material="tools", unit="pcs", quantity=2, mass_per_piece_kg=3)
    ex = record_exchange(seller, x, Decimal("0.006"), receiver_name="Test Builder B")
    assert ex.kg_co2e_avoided is None and ex.co2e_status == "no factor"


def test_taking_everything_marks_taken_then_refuses(seller, offer, org_b):
    record_exchange(seller, offer, Decimal("10"), receiver_name="Test Builder B")
    offer.refresh_from_db()
    assert offer.status == Listing.Status.TAKEN and offer.remaining_t == 0
    with pytest.raises(ValidationError, match="nothing left"):
        record_exchange(seller, offer, Decimal("1"), receiver_name="Test Builder B")


def test_more_than_remaining_refused_and_nothing_changes(seller, offer, org_b):
    with pytest.raises(FieldError, match="Only 10 t"):
        record_exchange(seller, offer, Decimal("10.5"), receiver_name="Test Builder B")
    offer.refresh_from_db()
    assert offer.remaining_t == Decimal("10.000") and not Exchange.objects.filter(offer=offer).exists()


@pytest.mark.parametrize("kw, field", [
    ({"quantity_t": "0"}, "quantity_t"),
    ({"quantity_t": "x"}, "quantity_t"),
    ({"receiver_name": ""}, "receiver"),
    ({"value": "-1"}, "value"),
    ({"currency": "XXQ"}, "currency"),
])
def test_bad_exchange_input_names_the_field(seller, offer, org_b, kw, field):
    args = {"quantity_t": "1", "receiver_name": "Test Builder B", **kw}
    with pytest.raises(FieldError) as exc:
        record_exchange(seller, offer, args.pop("quantity_t"), **args)
    assert exc.value.field == field


def test_cannot_exchange_with_itself(seller, offer, org_a):
    with pytest.raises(FieldError, match="itself"):
        record_exchange(seller, offer, Decimal("1"), receiver=org_a)


def test_weight_is_frozen_on_the_exchange(seller, offer, org_b):
    MaterialWeight.objects.update_or_create(material="170101", defaults={"weight": 0.5})
    ex = record_exchange(seller, offer, Decimal("2"), receiver_name="Test Builder B")
    MaterialWeight.objects.filter(material="170101").update(weight=9)
    ex.refresh_from_db()
    assert ex.weight == 0.5 and ex.weighted_t == 1.0


def test_share_exchange_counts_items(make_user):
    from circularcities.marketplace.services import save_listing
    from tests.marketplace.conftest import listing_data

    resident = make_user("lender", "public")
    x = save_listing(resident, listing_data(kind="share", material="tools", unit="pcs", quantity=1,
                                            mass_per_piece_kg=2.5, currency="GBP",
                                            avoided_cost_per_t=Decimal("24000")))
    ex = record_exchange(resident, x, Decimal("0.0025"), receiver_name="neighbour", items=1)
    assert ex.is_share and ex.items == 1 and ex.giver_name == "lender"
    assert ex.disposal_cost_avoided == Decimal("60.00")
