"""Accounts are read-only in the admin: roles change on the secretariat's audited pages."""

import pytest

from tests.web.admin_readonly import assert_read_only

pytestmark = pytest.mark.django_db

CHANGELISTS = ["/admin/accounts/profile/", "/admin/accounts/citymembership/", "/admin/accounts/invitation/", "/admin/accounts/apitoken/", "/admin/accounts/auditevent/", ]


def test_read_only_for_the_secretariat_closed_to_city_people(client, secretariat, owner, member, outsider, city):
    obj = owner.profile
    assert_read_only(client, secretariat=secretariat, others=(owner, member, outsider), changelists=CHANGELISTS,
                     change_url=f"/admin/{obj._meta.app_label}/{obj._meta.model_name}/{obj.pk}/change/")
    assert type(obj).objects.filter(pk=obj.pk).exists()


def test_a_role_cannot_be_raised_through_the_admin(client, secretariat, owner):
    client.force_login(secretariat)
    url = f"/admin/accounts/profile/{owner.profile.pk}/change/"
    assert client.post(url, {"role": "secretariat"}).status_code == 403
    owner.profile.refresh_from_db()
    assert owner.profile.role == "city"
