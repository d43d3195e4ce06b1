"""A stream changed in the admin goes through services.stream_write: the balance rule holds there too."""

import pytest

from circularcities.waste.admin import FIELDS
from circularcities.waste.models import WasteStream

pytestmark = pytest.mark.django_db


def _data(stream, **changes):
    data = {name: ("" if getattr(stream, name) is None else getattr(stream, name)) for name in FIELDS}
    return {**data, **changes}


def _url(stream):
    return f"/admin/waste/wastestream/{stream.pk}/change/"


@pytest.mark.parametrize("who", ["owner", "member", "outsider"])
def test_only_the_secretariat_may_change_a_stream_here(client, stream, who, request):
    client.force_login(request.getfixturevalue(who))
    resp = client.post(_url(stream), _data(stream, source="admin"))
    assert resp.status_code in (302, 403)
    assert WasteStream.objects.get(pk=stream.pk).source == "test"


def test_secretariat_changes_through_the_service(client, stream, secretariat):
    client.force_login(secretariat)
    resp = client.post(_url(stream), _data(stream, landfill_t=700))
    assert resp.status_code == 200 and "more than the 1,000 t generated" in resp.content.decode()
    assert WasteStream.objects.get(pk=stream.pk).landfill_t == 500
    resp = client.post(_url(stream), _data(stream, source="admin"))
    assert resp.status_code == 302, resp.content.decode()[:2000]
    assert WasteStream.objects.get(pk=stream.pk).source == "admin"
