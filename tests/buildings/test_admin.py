"""The admin shows buildings to the secretariat only and publishes through the service."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("who", ["owner", "member", "outsider"])
def test_admin_for_secretariat_only(client, building, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.get("/admin/buildings/building/").status_code in (302, 403)


def test_secretariat_publishes(client, building, secretariat):
    client.force_login(secretariat)
    assert client.get("/admin/buildings/building/").status_code == 200
    resp = client.post("/admin/buildings/building/", {"action": "publish",
                                                      "_selected_action": [building.pk]})
    assert resp.status_code == 302
    building.refresh_from_db()
    assert building.published
    assert client.get(f"/admin/buildings/building/{building.pk}/change/").status_code == 200
