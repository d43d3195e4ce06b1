"""A city chooses at most three focal areas: model, service, form, API, database."""

import json

import pytest
from django.db import IntegrityError, transaction

from circularcities.coalition.models import FocalArea, ThematicArea
from circularcities.coalition.services import add_focal_area, set_focal_areas
from circularcities.core.errors import ValidationError

pytestmark = pytest.mark.django_db


def areas(n):
    return list(ThematicArea.objects.order_by("order")[:n])


def test_database_refuses_a_fourth_slot(city):
    FocalArea.objects.filter(city=city).delete()
    for slot, area in enumerate(areas(3), start=1):
        FocalArea.objects.create(city=city, area=area, slot=slot)
    with pytest.raises(IntegrityError), transaction.atomic():
        FocalArea.objects.create(city=city, area=areas(4)[3], slot=4)


def test_database_refuses_a_reused_slot(city):
    FocalArea.objects.filter(city=city).delete()
    FocalArea.objects.create(city=city, area=areas(1)[0], slot=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        FocalArea.objects.create(city=city, area=areas(2)[1], slot=1)


def test_set_three_then_four_changes_nothing(city):
    set_focal_areas(city, areas(3))
    before = list(city.focal_areas.values_list("area__slug", flat=True))
    with pytest.raises(ValidationError, match="at most 3"):
        set_focal_areas(city, areas(4))
    assert list(city.focal_areas.values_list("area__slug", flat=True)) == before


def test_add_fourth_names_the_areas(city):
    set_focal_areas(city, areas(3))
    fourth = areas(4)[3]
    with pytest.raises(ValidationError) as exc:
        add_focal_area(city, fourth)
    assert "three focal areas" in str(exc.value)
    assert city.focal_areas.count() == 3


def test_add_after_removal_reuses_free_slot(city):
    set_focal_areas(city, areas(3))
    city.focal_areas.filter(slot=2).delete()
    fa = add_focal_area(city, areas(4)[3])
    assert fa.slot == 2


def test_duplicates_refused(city):
    a = areas(1)[0]
    with pytest.raises(ValidationError):
        set_focal_areas(city, [a, a])


class TestFormView:
    def url(self, city):
        return f"/cities/{city.slug}/focal-areas/"

    def test_owner_saves_three(self, client, owner, city):
        client.force_login(owner)
        resp = client.post(self.url(city), {"areas": [a.pk for a in areas(3)]})
        assert resp.status_code == 302
        assert city.focal_areas.count() == 3

    def test_owner_fourth_gets_message_and_nothing_changes(self, client, owner, city):
        set_focal_areas(city, areas(2))
        client.force_login(owner)
        resp = client.post(self.url(city), {"areas": [a.pk for a in areas(4)]})
        assert resp.status_code == 400
        assert "at most three focal areas" in resp.content.decode()
        assert city.focal_areas.count() == 2

    def test_member_refused(self, client, member, city):
        set_focal_areas(city, areas(1))
        client.force_login(member)
        resp = client.post(self.url(city), {"areas": [a.pk for a in areas(2)]})
        assert resp.status_code == 403
        assert city.focal_areas.count() == 1

    def test_outsider_refused(self, client, outsider, city):
        set_focal_areas(city, areas(1))
        client.force_login(outsider)
        resp = client.post(self.url(city), {"areas": [a.pk for a in areas(2)]})
        assert resp.status_code == 403
        assert "Only the editors of" in resp.content.decode()
        assert city.focal_areas.count() == 1

    def test_anonymous_sent_to_sign_in(self, client, city):
        resp = client.post(self.url(city), {"areas": []})
        assert resp.status_code == 302 and "/accounts/login/" in resp["Location"]

    def test_secretariat_may(self, client, secretariat, city):
        client.force_login(secretariat)
        resp = client.post(self.url(city), {"areas": [areas(1)[0].pk]})
        assert resp.status_code == 302
        assert city.focal_areas.count() == 1

    def test_chinese_message(self, client, owner, city):
        client.force_login(owner)
        resp = client.post("/zh-hans" + self.url(city), {"areas": [a.pk for a in areas(4)]})
        assert resp.status_code == 400
        assert "最多" in resp.content.decode()


class TestApi:
    def put(self, client, city, slugs):
        return client.put(f"/api/cities/{city.slug}/focal-areas", data=json.dumps({"areas": slugs}),
                          content_type="application/json")

    def test_owner(self, client, owner, city):
        client.force_login(owner)
        resp = self.put(client, city, [a.slug for a in areas(2)])
        assert resp.status_code == 200, resp.content
        assert resp.json()["focal_areas"] == [a.slug for a in areas(2)]

    def test_fourth_is_a_sentence_naming_the_field(self, client, owner, city):
        set_focal_areas(city, areas(1))
        client.force_login(owner)
        resp = self.put(client, city, [a.slug for a in areas(4)])
        assert resp.status_code == 422
        assert resp.json()["detail"].startswith("Field 'areas':")
        assert city.focal_areas.count() == 1

    def test_unknown_area(self, client, owner, city):
        client.force_login(owner)
        resp = self.put(client, city, ["nonsense"])
        assert resp.status_code == 422 and "nonsense" in resp.json()["detail"]

    @pytest.mark.parametrize("who", ["member", "outsider"])
    def test_refused(self, client, request, who, city):
        client.force_login(request.getfixturevalue(who))
        resp = self.put(client, city, [areas(1)[0].slug])
        assert resp.status_code == 403

    def test_anonymous(self, client, city):
        assert self.put(client, city, []).status_code == 401

    def test_token(self, client, owner, city):
        from circularcities.accounts.models import ApiToken

        _t, raw = ApiToken.issue(owner, "script")
        resp = client.put(f"/api/cities/{city.slug}/focal-areas", data=json.dumps({"areas": []}),
                          content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {raw}")
        assert resp.status_code == 200
        assert city.focal_areas.count() == 0
