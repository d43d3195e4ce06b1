"""Every write asked of the city editor (owner), a member, an outsider, the public and the secretariat."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from circularcities.waste.models import WasteStream

pytestmark = pytest.mark.django_db

PEOPLE = ["owner", "member", "outsider", "anonymous", "secretariat"]
ALLOWED = {"owner", "secretariat"}


def _client(client, request, who):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    return client


def _denied(resp, who, api=False):
    if who == "anonymous":
        assert resp.status_code == (401 if api else 302)
    else:
        assert resp.status_code == 403


@pytest.mark.parametrize("who", PEOPLE)
def test_import_page(client, request, who, city, good_csv):
    c = _client(client, request, who)
    resp = c.post(reverse("waste:import", args=[city.slug]),
                  {"file": SimpleUploadedFile("s.csv", good_csv, content_type="text/csv")})
    assert WasteStream.objects.filter(city=city).exists() == (who in ALLOWED)
    if who in ALLOWED:
        assert resp.status_code == 302
    else:
        _denied(resp, who)


@pytest.mark.parametrize("who", PEOPLE)
def test_api_create(client, request, who, city):
    c = _client(client, request, who)
    resp = c.post("/api/waste/streams", json.dumps({
        "city": city.slug, "name": "glass", "area": "household", "year": 2023, "generated_t": 100,
        "recycling_t": 90}), content_type="application/json")
    if who in ALLOWED:
        assert resp.status_code == 201 and resp.json()["recycling_t"] == 90
    else:
        _denied(resp, who, api=True)
        assert not WasteStream.objects.filter(city=city, translations__name="glass").exists()


@pytest.mark.parametrize("who", PEOPLE)
def test_api_patch_and_delete(client, request, who, stream):
    c = _client(client, request, who)
    resp = c.patch(f"/api/waste/streams/{stream.pk}", json.dumps({"source": "changed"}),
                   content_type="application/json")
    stream.refresh_from_db()
    assert (stream.source == "changed") == (who in ALLOWED)
    if who not in ALLOWED:
        _denied(resp, who, api=True)
    resp = c.delete(f"/api/waste/streams/{stream.pk}")
    assert WasteStream.objects.filter(pk=stream.pk).exists() == (who not in ALLOWED)


@pytest.mark.parametrize("who", PEOPLE)
def test_adopt_and_edit_pages(client, request, who, city, stream):
    c = _client(client, request, who)
    resp = c.post(reverse("waste:adopt", args=[city.slug]))
    from circularcities.waste.services import has_adopted

    assert has_adopted(city) == (who in ALLOWED)
    if who not in ALLOWED:
        _denied(resp, who)
    resp = c.get(reverse("waste:edit_stream", args=[city.slug, stream.pk]))
    assert resp.status_code == (200 if who in ALLOWED else 302 if who == "anonymous" else 403)


@pytest.mark.parametrize("who", PEOPLE)
def test_everyone_reads(client, request, who, city, stream):
    c = _client(client, request, who)
    assert c.get(reverse("waste:city", args=[city.slug])).status_code == 200
    data = c.get(f"/api/waste/cities/{city.slug}/rates").json()
    (hh,) = [a for a in data["areas"] if a["area"] == "household"]
    (rec,) = [r for r in hh["rates"] if r["rate"] == "recycling_rate"]
    assert rec["points"] == [{"year": 2022, "percent": 40.0}]
    assert c.get(f"/api/waste/streams?city={city.slug}").json()[0]["generated_t"] == 1000
