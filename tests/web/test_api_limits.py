"""ETag / If-Match on partial updates, rate limits (429 + Retry-After), and token bookkeeping."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

pytestmark = pytest.mark.django_db


def _patch(client, url, body, **headers):
    return client.patch(url, data=json.dumps(body), content_type="application/json", headers=headers)


class TestIfMatch:
    url = "/api/cities/amsterdam"

    def test_get_and_patch_carry_the_etag(self, client, owner):
        client.force_login(owner)
        tag = client.get(self.url)["ETag"]
        resp = _patch(client, self.url, {"population": 900_001}, **{"If-Match": tag})
        assert resp.status_code == 200, resp.content
        assert resp["ETag"] != tag
        assert client.get(self.url)["ETag"] == resp["ETag"]

    def test_stale_if_match_is_refused_and_changes_nothing(self, client, owner, city):
        client.force_login(owner)
        old = client.get(self.url)["ETag"]
        assert _patch(client, self.url, {"population": 900_002}).status_code == 200
        resp = _patch(client, self.url, {"area_km2": 1.5}, **{"If-Match": old})
        assert resp.status_code == 412
        assert resp.json()["detail"] and resp.json()["errors"] == []
        city.refresh_from_db()
        assert city.area_km2 != 1.5 and city.population == 900_002

    def test_listing_and_target_too(self, client, secretariat):
        from circularcities.marketplace.models import Listing
        from circularcities.planning.models import Target

        client.force_login(secretariat)
        listing = Listing.objects.filter(organisation__isnull=False, status=Listing.Status.AVAILABLE).first()
        target = Target.objects.first()
        for url, body in ((f"/api/marketplace/listings/{listing.pk}", {"description": "x"}),
                          (f"/api/plans/targets/{target.pk}", {"owner_name": "x"})):
            assert _patch(client, url, body, **{"If-Match": '"0000"'}).status_code == 412, url
            tag = client.get(url)["ETag"]
            assert _patch(client, url, body, **{"If-Match": tag}).status_code == 200, url


class TestPartialUpdate:
    def test_patch_changes_only_the_fields_sent(self, client, owner, city):
        client.force_login(owner)
        before = city.area_km2
        assert _patch(client, "/api/cities/amsterdam", {"population": 900_003}).status_code == 200
        city.refresh_from_db()
        assert city.area_km2 == before and city.population == 900_003


@pytest.fixture
def limits(settings):
    cache.clear()
    settings.API_RATE_LIMITS = {"requests": (5, 60), "auth_failures": (3, 60)}
    yield
    cache.clear()


class TestRateLimits:
    def test_wrong_tokens_are_refused_then_throttled(self, client, limits, secretariat):
        from circularcities.accounts.models import ApiToken

        # A write, since only writes check the token.
        statuses = [_patch(client, "/api/cities/amsterdam", {}, Authorization=f"Bearer cc_wrong{i}").status_code
                    for i in range(4)]
        assert statuses == [401, 401, 401, 429]
        _good, token = ApiToken.issue(secretariat, "script")
        resp = _patch(client, "/api/cities/amsterdam", {}, Authorization=f"Bearer {token}")
        # Even a right token is not checked from that address until the window ends.
        assert resp.status_code == 429
        assert 1 <= int(resp["Retry-After"]) <= 60
        assert resp.json()["detail"]

    def test_requests_per_address(self, client, limits):
        statuses = [client.get("/api/areas").status_code for _ in range(6)]
        assert statuses == [200] * 5 + [429]
        assert int(client.get("/api/areas")["Retry-After"]) >= 1

    def test_429_is_documented(self, client):
        doc = client.get("/api/openapi.json").json()
        for path, ops in doc["paths"].items():
            for method, op in ops.items():
                assert "429" in op["responses"], (method, path)
                assert "422" in op["responses"], (method, path)


class TestLastUsed:
    def test_written_at_most_once_a_minute(self, secretariat):
        from circularcities.accounts.models import ApiToken

        row, token = ApiToken.issue(secretariat, "script")
        with CaptureQueriesContext(connection) as first:
            ApiToken.authenticate(token)
        with CaptureQueriesContext(connection) as again:
            for _ in range(5):
                assert ApiToken.authenticate(token) == secretariat
        assert sum("UPDATE" in q["sql"] for q in first.captured_queries) == 1
        assert not any("UPDATE" in q["sql"] for q in again.captured_queries)
        ApiToken.objects.filter(pk=row.pk).update(last_used_at=timezone.now() - timedelta(minutes=2))
        ApiToken.authenticate(token)
        row.refresh_from_db()
        assert timezone.now() - row.last_used_at < timedelta(seconds=30)
