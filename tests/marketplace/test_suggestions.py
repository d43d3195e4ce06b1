"""Suggested partners come from the exact matcher and explain themselves."""

from __future__ import annotations

from decimal import Decimal

import pytest

from circularcities.core.matching import Listing as CoreListing
from circularcities.core.matching import match
from circularcities.marketplace.matching import compatibility, run_programme_matching, suggest
from circularcities.marketplace.models import CompatibilityRule
from tests.conftest import _user
from tests.marketplace.conftest import AMS

pytestmark = pytest.mark.django_db


@pytest.fixture
def org_c(city):
    from circularcities.coalition.models import Partner

    return Partner.objects.create(slug="test-org-c", name_en="Test Far C", kind="business", city=city,
                                  lat=AMS[0] + 0.5, lon=AMS[1])


def test_offer_suggests_nearest_compatible_want(seller, offer, want, org_c, make_listing):
    far = make_listing(_user("far", "business", organisation=org_c), kind="want", material="17 01 01",
                       quantity=Decimal("10"), lat=AMS[0] + 0.5, lon=AMS[1])  # ~56 km
    result = suggest(offer, 50)
    assert [s.want.pk for s in result.suggestions] == [want.pk]
    s = result.suggestions[0]
    assert s.quantity_t == pytest.approx(6.0)
    assert 5 < s.distance_km < 8
    assert not s.same_material  # 17 01 01 -> 17 01 07 through the compatibility table
    assert s.kg_co2e_avoided > 0 and s.co2e_status == "ok"
    assert s.factors and all(f["year"] == 2025 for f in s.factors)
    assert s.money_saved == pytest.approx(6 * (20 + 15)) and s.currency == "EUR"
    assert "km apart" in s.explain and "compatibility table" in s.explain and "DEFRA" in s.explain
    # Without a limit the far want gets the other 4 t.
    unlimited = suggest(offer, None)
    got = {s.want.pk: s.quantity_t for s in unlimited.suggestions}
    assert got == pytest.approx({want.pk: 6.0, far.pk: 4.0})


def test_same_organisation_is_never_suggested(seller, colleague, offer, make_listing):
    make_listing(colleague, kind="want", material="17 01 01")
    assert suggest(offer, 50).suggestions == []


def test_compatibility_table_is_read_from_the_database(seller, offer, want):
    CompatibilityRule.objects.filter(offer_material="170101", want_material="170107").delete()
    assert suggest(offer, 50).suggestions == []
    assert ("170101", "170107") not in compatibility().pairs


def test_want_side_suggests_offers(buyer, offer, want):
    result = suggest(want, 50)
    assert [s.offer.pk for s in result.suggestions] == [offer.pk]


def test_suggestions_equal_the_core_plan(seller, offer, want, buyer, make_listing):
    other = make_listing(buyer, kind="want", material="17 01 01", quantity=Decimal("7"),
                         lat=AMS[0] + 0.1, lon=AMS[1])
    result = suggest(offer, 50)
    core = match([CoreListing(str(offer.pk), "170101", 10.0, offer.lat, offer.lon)],
                 [CoreListing(str(want.pk), "170107", 6.0, want.lat, want.lon),
                  CoreListing(str(other.pk), "170101", 7.0, other.lat, other.lon)],
                 max_km=50, compatibility=compatibility())
    assert sum(s.quantity_t for s in result.suggestions) == pytest.approx(core.matched_t)
    assert sum(s.tonne_km for s in result.suggestions) == pytest.approx(core.tonne_km)


def test_detail_page_shows_suggestion_and_exchange_form_to_owner(client, seller, offer, want):
    client.force_login(seller)
    body = client.get(f"/marketplace/listings/{offer.pk}/").content.decode()
    assert 'data-testid="suggestion"' in body and "Aggregate wanted" in body
    assert 'data-testid="exchange-form"' in body


def test_detail_page_hides_exchange_form_from_others(client, buyer, offer, want):
    client.force_login(buyer)
    body = client.get(f"/marketplace/listings/{offer.pk}/").content.decode()
    assert 'data-testid="suggestion"' in body and 'data-testid="exchange-form"' not in body


def test_programme_matching_job_reports_progress_and_result(seller, offer, want):
    calls = []
    result = run_programme_matching({"city": "amsterdam", "max_km": 50.0, "run_id": "abc"},
                                    lambda f, m="": calls.append(f))
    assert result["matched_t"] == pytest.approx(6.0) and result["n_matches"] == 1
    assert result["matches"][0]["offer"] == offer.pk and result["url"].endswith("/matching/abc/")
    assert calls[-1] == 1.0 and all(0 <= c <= 1 for c in calls)


def test_programme_matching_page_flow(client, secretariat, offer, want):
    client.force_login(secretariat)
    resp = client.post("/marketplace/matching/", {"city": "amsterdam", "max_km": "50"})
    assert resp.status_code == 200 and 'data-testid="job-status"' in resp.content.decode()
    from circularcities.jobs.models import Job

    job = Job.objects.get(kind="marketplace-matching")
    assert job.status == "done"
    page = client.get(job.result["url"])
    assert page.status_code == 200
    assert 'data-testid="matching-summary"' in page.content.decode()


def test_search_filters(client, offer, want, seller, make_listing):
    make_listing(seller, material="16 01 04*", title_en="Old cars")
    base = "/marketplace/"
    assert "Old cars" in client.get(base + "?hazardous=yes").content.decode()
    assert "Old cars" not in client.get(base + "?hazardous=no&organisation=test-org-a").content.decode()
    body = client.get(base + "?kind=want&material=170107").content.decode()
    assert "Aggregate wanted" in body and "Crushed concrete" not in body
    near = client.get(base + f"?lat={AMS[0]}&lon={AMS[1]}&km=1").content.decode()
    assert "Crushed concrete" in near and "Aggregate wanted" not in near
    assert "Old cars" in client.get(base + "?chapter=16").content.decode()
    bad = client.get(base + "?lat=500&lon=1&km=3")
    assert "Distance filter" in bad.content.decode()


@pytest.mark.parametrize("lat", [0.0, 52.37, 69.6, -54.8])
def test_bounding_box_never_drops_a_partner_within_range(seller, buyer, org_a, lat):
    """Wants placed just inside the limit in eight directions are all found."""
    import math

    from circularcities.marketplace.services import save_listing
    from tests.marketplace.conftest import listing_data

    offer = save_listing(seller, listing_data(lat=lat, lon=10.0, quantity=Decimal("100")))
    r, km = 6371.0088, 49.9
    ids = []
    for k in range(8):
        bearing = math.radians(45 * k)
        p1, l1, d = math.radians(lat), math.radians(10.0), km / r
        p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(bearing))
        l2 = l1 + math.atan2(math.sin(bearing) * math.sin(d) * math.cos(p1),
                             math.cos(d) - math.sin(p1) * math.sin(p2))
        ids.append(save_listing(buyer, listing_data(kind="want", lat=math.degrees(p2), lon=math.degrees(l2),
                                                    quantity=Decimal("1"))).pk)
    found = {s.want.pk for s in suggest(offer, 50).suggestions}
    assert found == set(ids)
