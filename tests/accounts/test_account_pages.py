"""Signed-in people change their password and manage their own API tokens; tokens expire."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from circularcities.accounts.models import ApiToken, AuditEvent

pytestmark = pytest.mark.django_db


def patch_city(client, raw, city):
    return client.patch(f"/api/cities/{city.slug}", data=json.dumps({"population": 800_001}),
                        content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {raw}")


def test_change_password_when_signed_in(client, owner):
    client.force_login(owner)
    assert client.get("/accounts/me/password/").status_code == 200
    resp = client.post("/accounts/me/password/", {
        "old_password": "pw-owner", "new_password1": "a-New-passphrase-31", "new_password2": "a-New-passphrase-31"})
    assert resp.status_code == 302
    owner.refresh_from_db()
    assert owner.check_password("a-New-passphrase-31")
    # Still signed in after the change.
    assert client.get("/accounts/me/").status_code == 200
    assert AuditEvent.objects.filter(kind="password_changed", user=owner).exists()


def test_change_password_needs_the_old_one(client, owner):
    client.force_login(owner)
    resp = client.post("/accounts/me/password/", {
        "old_password": "wrong", "new_password1": "a-New-passphrase-31", "new_password2": "a-New-passphrase-31"})
    assert resp.status_code == 200
    owner.refresh_from_db()
    assert owner.check_password("pw-owner")


@pytest.mark.parametrize("url", ["/accounts/me/", "/accounts/me/password/"])
def test_account_pages_need_sign_in(client, url):
    resp = client.get(url)
    assert resp.status_code == 302 and "/accounts/login/" in resp["Location"]


def test_create_list_and_revoke_a_token(client, owner, city):
    client.force_login(owner)
    resp = client.post("/accounts/me/tokens/", {"name": "nightly import", "days": "30"})
    assert resp.status_code == 302
    page = client.get("/accounts/me/").content.decode()
    raw = page.split('data-testid="new-token">')[1].split("<")[0]
    token = ApiToken.objects.get(user=owner)
    assert token.name == "nightly import"
    assert timedelta(days=29) < token.expires_at - timezone.now() <= timedelta(days=30)
    assert "nightly import" in page and token.expires_at.strftime("%Y-%m-%d") in page
    assert patch_city(client, raw, city).status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None
    assert client.post(f"/accounts/me/tokens/{token.pk}/revoke/").status_code == 302
    assert not ApiToken.objects.filter(pk=token.pk).exists()
    client.logout()
    assert patch_city(client, raw, city).status_code == 401
    kinds = set(AuditEvent.objects.filter(user=owner).values_list("kind", flat=True))
    assert {"token_created", "token_revoked"} <= kinds


def test_token_expiry_is_one_of_the_offered_choices(client, owner):
    client.force_login(owner)
    resp = client.post("/accounts/me/tokens/", {"name": "forever", "days": "100000"})
    assert resp.status_code == 400
    assert not ApiToken.objects.filter(user=owner).exists()


def test_an_expired_token_is_refused_by_the_api(client, owner, city):
    token, raw = ApiToken.issue(owner, "old script", days=7)
    assert patch_city(client, raw, city).status_code == 200
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert patch_city(client, raw, city).status_code == 401


@pytest.mark.parametrize("who", ["member", "outsider", "secretariat"])
def test_nobody_revokes_someone_elses_token(client, request, who, owner):
    token, _raw = ApiToken.issue(owner, "mine", days=30)
    client.force_login(request.getfixturevalue(who))
    assert client.post(f"/accounts/me/tokens/{token.pk}/revoke/").status_code == 404
    assert ApiToken.objects.filter(pk=token.pk).exists()
    assert "mine" not in client.get("/accounts/me/").content.decode()


def test_revoke_needs_post(client, owner):
    token, _raw = ApiToken.issue(owner, "mine", days=30)
    client.force_login(owner)
    assert client.get(f"/accounts/me/tokens/{token.pk}/revoke/").status_code == 405
    assert ApiToken.objects.filter(pk=token.pk).exists()
