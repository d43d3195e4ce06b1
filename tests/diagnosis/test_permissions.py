"""Every write: the city's editors and the secretariat may; members, outsiders and
anonymous visitors are refused, and nothing is written."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from circularcities.diagnosis.models import DataUpload, IndicatorValue
from tests.diagnosis.helpers import workbook

pytestmark = pytest.mark.django_db

VALUE = {"indicator": "EN-RENEWABLE", "year": 2022, "value": "17.5", "quality": "measured", "source": "stats"}


def who(request, name):
    return None if name == "anonymous" else request.getfixturevalue(name)


def do_upload_page(client, city):
    return client.post(f"/diagnosis/{city.slug}/upload/",
                       {"files": SimpleUploadedFile("c.xlsx", workbook())})


def do_value_page(client, city):
    return client.post(f"/diagnosis/{city.slug}/values/edit/", VALUE)


def do_upload_api(client, city):
    return client.post(f"/api/diagnosis/cities/{city.slug}/upload",
                       {"files": SimpleUploadedFile("c.xlsx", workbook())})


def do_value_api(client, city):
    return client.put(f"/api/diagnosis/cities/{city.slug}/indicators/EN-RENEWABLE/2022",
                      data=json.dumps({"value": 17.5, "source": "stats", "quality": "measured"}),
                      content_type="application/json")


def do_assess_page(client, city):
    from circularcities.core.maturity import R_STRATEGIES

    return client.post(f"/diagnosis/{city.slug}/maturity/new/",
                       {"date": "2025-03-01", "subject": "city"} | {f"level_{r}": 4 for r in R_STRATEGIES})


WRITES = [do_upload_page, do_value_page, do_upload_api, do_value_api, do_assess_page]


def written(city):
    from circularcities.diagnosis.models import MaturityAssessment

    return (DataUpload.objects.filter(city=city).count()
            + IndicatorValue.objects.filter(city=city, indicator_id="EN-RENEWABLE", year=2022).count()
            + MaturityAssessment.objects.filter(city=city).count())


@pytest.mark.parametrize("write", WRITES)
@pytest.mark.parametrize("user", ["owner", "secretariat"])
def test_editors_may_write(client, request, city, write, user):
    client.force_login(who(request, user))
    before = written(city)
    resp = write(client, city)
    assert resp.status_code in (200, 302), resp.content[:300]
    assert written(city) > before


@pytest.mark.parametrize("write", WRITES)
@pytest.mark.parametrize("user", ["member", "outsider", "anonymous"])
def test_others_are_refused(client, request, city, write, user):
    u = who(request, user)
    if u is not None:
        client.force_login(u)
    before = written(city)
    resp = write(client, city)
    api = write.__name__.endswith("api")
    if u is None:
        assert resp.status_code == (401 if api else 302)
        if not api:
            assert "/accounts/login/" in resp["Location"]
    else:
        assert resp.status_code == 403
        text = resp.json()["detail"] if api else resp.content.decode()
        assert "editors of Amsterdam" in text
    assert written(city) == before


@pytest.mark.parametrize("user,status", [("owner", 200), ("member", 403), ("outsider", 403)])
def test_upload_and_edit_forms_only_for_editors(client, request, city, user, status):
    client.force_login(who(request, user))
    assert client.get(f"/diagnosis/{city.slug}/upload/").status_code == status
    assert client.get(f"/diagnosis/{city.slug}/values/edit/").status_code == status
    assert client.get(f"/diagnosis/{city.slug}/maturity/new/").status_code == status


def test_edit_buttons_only_for_editors(client, city, owner, member):
    client.force_login(member)
    assert 'data-testid="upload-link"' not in client.get(f"/diagnosis/{city.slug}/").content.decode()
    client.force_login(owner)
    assert 'data-testid="upload-link"' in client.get(f"/diagnosis/{city.slug}/").content.decode()
