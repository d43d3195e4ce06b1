"""The audit log records security events; only the secretariat reads it."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from circularcities.accounts.models import AuditEvent, CityMembership

pytestmark = pytest.mark.django_db


def kinds(**filters):
    return list(AuditEvent.objects.filter(**filters).values_list("kind", flat=True))


def test_sign_in_failure_lockout_and_sign_out_are_recorded(client, owner, settings):
    client.post("/accounts/login/", {"username": "owner", "password": "wrong"}, REMOTE_ADDR="203.0.113.5")
    failed = AuditEvent.objects.get(kind="sign_in_failed")
    assert failed.user == owner and failed.ip_address == "203.0.113.5"
    client.post("/accounts/login/", {"username": "owner", "password": "pw-owner"}, REMOTE_ADDR="203.0.113.5")
    assert "sign_in" in kinds(user=owner)
    client.post("/accounts/logout/")
    assert "sign_out" in kinds(user=owner)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/accounts/login/", {"username": "ghost", "password": "x"}, REMOTE_ADDR="203.0.113.6")
    for _ in range(3):  # refused attempts while locked out add failures, not more lock-outs
        client.post("/accounts/login/", {"username": "ghost", "password": "x"}, REMOTE_ADDR="203.0.113.6")
    locked = AuditEvent.objects.get(kind="locked_out")
    assert locked.username == "ghost" and locked.user is None and locked.ip_address == "203.0.113.6"
    assert AuditEvent.objects.filter(kind="sign_in_failed", username="ghost").count() == (
        settings.AXES_FAILURE_LIMIT + 3)


def test_role_and_membership_changes_name_who_did_them(client, secretariat, owner, other_city):
    from circularcities.accounts.audit import _request

    class FakeRequest:  # the request the middleware would have remembered
        user = secretariat
        META = {"REMOTE_ADDR": "198.51.100.2"}

    token = _request.set(FakeRequest())
    try:
        owner.profile.role = "partner"
        owner.profile.save()
        m = CityMembership.objects.create(user=owner, city=other_city, level="member")
        m.level = "editor"
        m.save()
        m.delete()
    finally:
        _request.reset(token)
    events = AuditEvent.objects.filter(username="owner")
    role = events.get(kind="role_changed", detail="city → partner")
    assert role.actor == secretariat and role.detail == "city → partner"
    assert role.ip_address == "198.51.100.2"
    assert events.filter(kind="membership_added", detail=f"{other_city.slug}: member").exists()
    assert events.filter(kind="membership_changed", detail=f"{other_city.slug}: member → editor").exists()
    assert events.filter(kind="membership_removed", detail=f"{other_city.slug}: editor").exists()


def test_invitation_sent_and_accepted_are_recorded(client, secretariat, city):
    client.force_login(secretariat)
    client.post("/accounts/invite/", {"email": "new@example.org", "role": "city", "cities": [city.pk]})
    sent = AuditEvent.objects.get(kind="invitation_sent")
    assert sent.actor == secretariat and sent.username == "new@example.org"
    token = re.search(r"/accounts/invitation/(\S+)/", mail.outbox[0].body).group(1)
    client.logout()
    client.post(f"/accounts/invitation/{token}/", {
        "username": "newbie", "password1": "a-Long-pass-phrase-9", "password2": "a-Long-pass-phrase-9"})
    assert AuditEvent.objects.filter(kind="invitation_accepted", username="newbie").exists()


def test_password_reset_is_recorded(client, owner):
    client.post("/accounts/password-reset/", {"email": owner.email})
    link = re.search(r"/accounts/reset/(\S+)/(\S+)/", mail.outbox[0].body)
    resp = client.get(link.group(0), follow=True)
    form_url = resp.redirect_chain[-1][0]
    client.post(form_url, {"new_password1": "a-Fresh-passphrase-8", "new_password2": "a-Fresh-passphrase-8"})
    assert "password_reset" in kinds(user=owner)


def test_only_the_secretariat_reads_the_audit_log(client, secretariat, owner, member, outsider):
    assert client.get("/accounts/audit/").status_code == 302  # anonymous: sign in first
    for who in (owner, member, outsider):
        client.force_login(who)
        assert client.get("/accounts/audit/").status_code == 403
    client.force_login(secretariat)
    assert client.get("/accounts/audit/").status_code == 200


def test_audit_log_filters_by_user_kind_and_date(client, secretariat, owner, outsider):
    AuditEvent.objects.all().delete()
    now = timezone.now()
    AuditEvent.objects.create(kind="sign_in", user=owner, username="owner", detail="today-owner")
    AuditEvent.objects.create(kind="sign_in_failed", username="outsider", detail="today-outsider")
    AuditEvent.objects.create(kind="sign_in", username="owner", detail="long-ago",
                              created_at=now - timedelta(days=40))
    client.force_login(secretariat)

    def shown(**query):
        page = client.get("/accounts/audit/", query).content.decode()
        return {d for d in ("today-owner", "today-outsider", "long-ago") if d in page}

    assert shown(user="owner") == {"today-owner", "long-ago"}
    assert shown(kind="sign_in_failed") == {"today-outsider"}
    since = (now - timedelta(days=1)).date().isoformat()
    assert shown(date_from=since, user="own") == {"today-owner"}
    assert shown(date_to=(now - timedelta(days=30)).date().isoformat()) == {"long-ago"}
    assert client.get("/accounts/audit/", {"kind": "no-such-kind"}).status_code == 400
