"""Two partial updates of one row at once: each changes only its fields, and neither is lost.

Real threads, each with its own database connection, in a transactional test
(so each request's transaction really commits). Before the row lock, 4 to 7
trials in 10 lost one of the two changes. Valid on SQLite (writers serialised by
``BEGIN IMMEDIATE``) and PostgreSQL (``SELECT ... FOR UPDATE``).
"""

from __future__ import annotations

import json
import threading

import pytest
from django.db import connection
from django.test import Client

from tests.conftest import _user

pytestmark = pytest.mark.django_db(transaction=True)

TRIALS = 20


def _race(token: str, url: str, bodies: list[dict]) -> list[int]:
    barrier = threading.Barrier(len(bodies))
    statuses = [0] * len(bodies)

    def run(i):
        try:
            client = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
            barrier.wait(timeout=30)
            resp = client.patch(url, data=json.dumps(bodies[i]), content_type="application/json")
            statuses[i] = resp.status_code
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(bodies))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return statuses


@pytest.fixture
def token(demo):
    from circularcities.accounts.models import ApiToken

    return ApiToken.issue(_user("race-sec", "secretariat"), "race")[1]


def test_concurrent_city_patches_keep_both_fields(token):
    from circularcities.coalition.models import City

    city = City.objects.get(slug="amsterdam")
    for i in range(TRIALS):
        statuses = _race(token, f"/api/cities/{city.slug}",
                         [{"population": 800_000 + i}, {"area_km2": 200.0 + i}])
        assert statuses == [200, 200]
        city.refresh_from_db()
        assert (city.population, city.area_km2) == (800_000 + i, 200.0 + i), f"trial {i}"


def test_concurrent_target_patches_keep_both_fields(token):
    from circularcities.planning.models import Target

    target = Target.objects.filter(city__slug="amsterdam").first()
    for i in range(TRIALS):
        statuses = _race(token, f"/api/plans/targets/{target.pk}",
                         [{"title_en": f"Title {i}"}, {"owner_name": f"Owner {i}"}])
        assert statuses == [200, 200]
        target.refresh_from_db()
        assert (target.title_en, target.owner_name) == (f"Title {i}", f"Owner {i}"), f"trial {i}"


def test_concurrent_listing_patches_keep_both_fields(token):
    from circularcities.marketplace.models import Listing

    listing = Listing.objects.filter(organisation__isnull=False, status=Listing.Status.AVAILABLE).first()
    for i in range(TRIALS):
        statuses = _race(token, f"/api/marketplace/listings/{listing.pk}",
                         [{"title_en": f"Bricks {i}"}, {"description": f"Batch {i}"}])
        assert statuses == [200, 200]
        listing.refresh_from_db()
        assert (listing.title_en, listing.description) == (f"Bricks {i}", f"Batch {i}"), f"trial {i}"
