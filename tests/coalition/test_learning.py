"""City-to-city learning: a city's editor asks, the platform suggests peers (that area,
a measured result, a published case), the secretariat pairs and records the outcome."""

import pytest

from circularcities.coalition.learning import suggest_peers
from circularcities.coalition.models import City, HelpRequest, Pairing

pytestmark = pytest.mark.django_db


def _ask(client, city, area):
    return client.post("/learning/", {"city": city.slug, "area": area.slug, "question": "How to start?"})


def test_suggested_peers_have_the_area_a_measured_result_and_a_published_case(demo, city):
    area = city.focal_areas.get(area__slug="municipal-resources").area
    req = HelpRequest.objects.create(city=city, area=area, question="?")
    peers = suggest_peers(req, limit=50)
    assert peers, "the demo data has peers for this area"
    for peer in peers:
        assert peer.pk != city.pk
        assert peer.focal_areas.filter(area=area).exists()
        assert peer.indicator_values.exists() and peer.cases.filter(published=True).exists()
    expected = {c.pk for c in City.objects.exclude(pk=city.pk).filter(focal_areas__area=area)
                if c.indicator_values.exists() and c.cases.filter(published=True).exists()}
    assert {p.pk for p in peers} == expected


@pytest.mark.parametrize("who", ["partner", "outsider"])
def test_others_cannot_ask_for_a_city(client, people, city, who):
    client.force_login(people[who])
    resp = _ask(client, city, city.focal_areas.first().area)
    assert resp.status_code == 403
    assert not HelpRequest.objects.filter(city=city).exists()


def test_ask_pair_and_record_the_outcome(client, people, city, other_city):
    area = city.focal_areas.first().area
    client.force_login(people["editor"])
    assert _ask(client, city, area).status_code == 302
    req = HelpRequest.objects.get(city=city)
    assert client.post(f"/learning/{req.pk}/pair/", {"peer": other_city.slug}).status_code == 403
    client.force_login(people["secretariat"])
    client.get("/learning/")
    client.post(f"/learning/{req.pk}/pair/", {"peer": other_city.slug})
    pairing = Pairing.objects.get(request=req)
    assert HelpRequest.objects.get(pk=req.pk).status == "paired"
    client.force_login(people["editor"])
    assert client.post(f"/learning/pairings/{pairing.pk}/outcome/", {"outcome": "x"}).status_code == 403
    client.force_login(people["secretariat"])
    client.post(f"/learning/pairings/{pairing.pk}/outcome/", {"outcome": "Study visit in May.", "close": "1"})
    assert Pairing.objects.get(pk=pairing.pk).outcome == "Study visit in May."
    assert HelpRequest.objects.get(pk=req.pk).status == "closed"
