"""Who may read and change a building: owner city editor, member, outsider, public."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from circularcities.buildings import services
from circularcities.buildings.permissions import can_edit_building, can_view_building

pytestmark = pytest.mark.django_db


def test_owner_city_editor_edits(building, owner):
    services.save_building(owner, data={"address": "Main street 1"}, building=building)
    building.refresh_from_db()
    assert building.address == "Main street 1"


@pytest.mark.parametrize("who", ["member", "outsider"])
def test_others_cannot_edit(building, who, request):
    user = request.getfixturevalue(who)
    assert not can_edit_building(user, building)
    with pytest.raises(PermissionDenied):
        services.save_building(user, data={"address": "x"}, building=building)
    with pytest.raises(PermissionDenied):
        services.save_component(user, building, data={"reference": "X", "materials": []})


def test_outsider_cannot_register_for_another_city(city, outsider):
    with pytest.raises(PermissionDenied):
        services.save_building(outsider, city=city, data={"name": "Mine"})


def test_secretariat_edits(building, secretariat):
    services.save_building(secretariat, data={"published": True}, building=building)
    building.refresh_from_db()
    assert building.published


def test_drafts_for_members_only(client, building, owner, member, outsider):
    url = reverse("buildings:detail", args=[building.pk])
    assert client.get(url).status_code == 404
    for user, status in ((owner, 200), (member, 200), (outsider, 404)):
        client.force_login(user)
        assert client.get(url).status_code == status, user
    client.logout()
    assert not can_view_building(outsider, building)


def test_public_sees_published_passport(client, building, owner):
    services.set_published(owner, building, True)
    resp = client.get(reverse("buildings:detail", args=[building.pk]))
    assert resp.status_code == 200
    assert b"Test hall" in resp.content
    assert b'data-testid="offer-form"' not in resp.content  # the public cannot offer
    assert "Test hall" in client.get(reverse("buildings:index")).content.decode()


@pytest.mark.parametrize("who, status", [("member", 403), ("outsider", 403)])
def test_pages_refuse_others(client, building, who, status, request):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("buildings:edit", args=[building.pk])).status_code == status
    assert client.get(reverse("buildings:import", args=[building.pk])).status_code == status
    assert client.post(reverse("buildings:offer", args=[building.pk]),
                       {"horizon_years": 10}).status_code == status


def test_anonymous_redirected_to_sign_in(client, building):
    resp = client.get(reverse("buildings:edit", args=[building.pk]))
    assert resp.status_code == 302


def test_editor_without_organisation_is_told_why_they_cannot_offer(client, building, owner):
    client.force_login(owner)
    html = client.get(reverse("buildings:detail", args=[building.pk])).content.decode()
    assert 'data-testid="offer-needs-organisation"' in html
    assert 'data-testid="offer-form"' not in html
