"""Secretariat invitations, roles, password reset."""

import re

import pytest
from django.core import mail

from circularcities.accounts.models import CityMembership, Invitation
from circularcities.accounts.permissions import can_edit_city, is_secretariat, role_of

pytestmark = pytest.mark.django_db


def invite(client, city, email="new@example.org"):
    return client.post("/accounts/invite/", {"email": email, "role": "city", "cities": [city.pk]})


def test_secretariat_invites_and_invitee_joins_as_editor(client, secretariat, city):
    client.force_login(secretariat)
    assert invite(client, city).status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/accounts/invitation/(\S+)/", mail.outbox[0].body)
    assert link, mail.outbox[0].body
    client.logout()
    resp = client.post(f"/accounts/invitation/{link.group(1)}/", {
        "username": "newbie", "password1": "a-Long-pass-phrase-9", "password2": "a-Long-pass-phrase-9"})
    assert resp.status_code == 302
    membership = CityMembership.objects.get(user__username="newbie")
    assert membership.city == city and can_edit_city(membership.user, city)
    assert role_of(membership.user) == "city"
    # The link works once.
    again = client.post(f"/accounts/invitation/{link.group(1)}/", {
        "username": "second", "password1": "a-Long-pass-phrase-9", "password2": "a-Long-pass-phrase-9"})
    assert again.status_code == 404


@pytest.mark.parametrize("who", ["owner", "member", "outsider"])
def test_only_the_secretariat_invites(client, request, who, city):
    client.force_login(request.getfixturevalue(who))
    assert invite(client, city).status_code == 403
    assert not Invitation.objects.exists()


def test_invitation_form_explains_missing_city(client, secretariat):
    client.force_login(secretariat)
    resp = client.post("/accounts/invite/", {"email": "x@example.org", "role": "city"})
    assert resp.status_code == 400
    assert "A city official needs at least one city." in resp.content.decode()


def test_bad_token(client):
    assert client.get("/accounts/invitation/nonsense/").status_code == 404


def test_password_reset_sends_mail(client, owner):
    resp = client.post("/accounts/password-reset/", {"email": owner.email})
    assert resp.status_code == 302
    assert len(mail.outbox) == 1 and "/reset/" in mail.outbox[0].body


def test_sign_in_and_out(client, owner):
    resp = client.post("/accounts/login/", {"username": "owner", "password": "pw-owner"})
    assert resp.status_code == 302
    assert client.get("/accounts/me/").status_code == 200
    client.post("/accounts/logout/")
    assert client.get("/accounts/me/").status_code == 302


def test_roles(owner, member, outsider, secretariat, city, other_city):
    assert can_edit_city(owner, city) and not can_edit_city(owner, other_city)
    assert not can_edit_city(member, city)
    assert not can_edit_city(outsider, city)
    assert is_secretariat(secretariat) and can_edit_city(secretariat, city)


def test_api_token_page(client, owner):
    client.force_login(owner)
    client.post("/accounts/me/tokens/", {"name": "notebook"})
    html = client.get("/accounts/me/").content.decode()
    assert re.search(r"cc_[\w-]{20,}", html)
