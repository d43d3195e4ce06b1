"""Two people accept the same offer at once: never more than is available.

Real threads, each with its own database connection, in a transactional test
(so each thread's transaction really commits). Valid on SQLite (writers are
serialised) and PostgreSQL (row lock + conditional update + check constraint).
"""

from __future__ import annotations

import threading
from decimal import Decimal

import pytest
from django.db import IntegrityError, connection, transaction

from circularcities.core.errors import ValidationError
from circularcities.marketplace.models import Exchange, Listing
from circularcities.marketplace.services import record_exchange

pytestmark = pytest.mark.django_db(transaction=True)


def _loaded(listing, user):
    """The offer as a view would hold it, read before the race: every thread
    works on the same stale copy, so only the database can keep the count."""
    listing = Listing.objects.select_related("organisation", "created_by").get(pk=listing.pk)
    assert user.profile.organisation is not None
    return listing


def _race(n, fn):
    barrier = threading.Barrier(n)
    results = [None] * n

    def run(i):
        try:
            barrier.wait(timeout=30)
            results[i] = ("ok", fn(i))
        except Exception as exc:  # noqa: BLE001 - the outcome is what we test
            results[i] = ("error", exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return results


def test_accepting_same_offer_twice_hands_out_only_what_is_there(demo, seller, buyer, org_b, make_listing):
    offer = _loaded(make_listing(seller, quantity=Decimal("10")), seller)
    # Both want 7 t of the 10 t: exactly one may succeed.
    results = _race(2, lambda i: record_exchange(seller, offer, Decimal("7"), receiver_name="Test Builder B").pk)
    ok = [r for r in results if r[0] == "ok"]
    errors = [r[1] for r in results if r[0] == "error"]
    assert len(ok) == 1, results
    assert len(errors) == 1 and isinstance(errors[0], ValidationError), results
    assert "Only 3 t" in str(errors[0])
    offer.refresh_from_db()
    assert offer.remaining_t == Decimal("3")
    assert offer.status == Listing.Status.PARTIAL
    assert Exchange.objects.filter(offer=offer).count() == 1


def test_many_small_acceptances_sum_to_at_most_the_offer(demo, seller, org_b, make_listing):
    offer = _loaded(make_listing(seller, quantity=Decimal("5")), seller)
    results = _race(6, lambda i: record_exchange(seller, offer, Decimal("1"), receiver_name="Test Builder B").pk)
    assert sum(1 for r in results if r[0] == "ok") == 5, results
    offer.refresh_from_db()
    assert offer.remaining_t == Decimal("0")
    assert offer.status == Listing.Status.TAKEN
    total = sum(e.quantity_t for e in Exchange.objects.filter(offer=offer))
    assert total == Decimal("5")


def test_database_refuses_negative_remaining(demo, seller, make_listing):
    offer = make_listing(seller, quantity=Decimal("2"))
    with pytest.raises(IntegrityError), transaction.atomic():
        Listing.objects.filter(pk=offer.pk).update(remaining_t=Decimal("-0.001"))
