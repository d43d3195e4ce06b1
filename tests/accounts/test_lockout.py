"""Sign-in rate limiting: wrong passwords lock a user name + address out for a while."""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.test import RequestFactory
from django.utils import timezone

pytestmark = pytest.mark.django_db

LIMIT = settings.AXES_FAILURE_LIMIT


def sign_in(client, username, password, ip="203.0.113.7", lang=""):
    return client.post(f"{lang}/accounts/login/", {"username": username, "password": password},
                       REMOTE_ADDR=ip)


def test_thirty_wrong_passwords_then_the_right_one_is_refused(client, make_user):
    make_user("victim", "city")
    for _ in range(30):
        sign_in(client, "victim", "wrong")
    resp = sign_in(client, "victim", "pw-victim")
    assert resp.status_code == 429
    assert "_auth_user_id" not in client.session
    assert "Too many failed sign-in attempts" in resp.content.decode()


def test_lockout_starts_at_the_limit_not_before(client, make_user):
    make_user("victim", "city")
    for _ in range(LIMIT - 1):
        assert sign_in(client, "victim", "wrong").status_code == 200
    assert sign_in(client, "victim", "pw-victim").status_code == 302  # still allowed, and resets
    for _ in range(LIMIT):
        sign_in(client, "victim", "wrong")
    assert sign_in(client, "victim", "pw-victim").status_code == 429


def test_lockout_is_per_user_and_address(client, make_user):
    make_user("victim", "city")
    make_user("bystander", "city")
    for _ in range(LIMIT):
        sign_in(client, "victim", "wrong")
    # The same person from another address, and another person from the same address, go on.
    assert sign_in(client, "victim", "pw-victim", ip="198.51.100.1").status_code == 302
    client.logout()
    assert sign_in(client, "bystander", "pw-bystander").status_code == 302


def test_lockout_does_not_reveal_whether_the_account_exists(client, make_user):
    make_user("victim", "city")
    for _ in range(LIMIT):
        sign_in(client, "victim", "wrong")
        sign_in(client, "nobody-here", "wrong")
    real = sign_in(client, "victim", "wrong")
    fake = sign_in(client, "nobody-here", "wrong")
    assert real.status_code == fake.status_code == 429
    strip = lambda r, name: r.content.decode().replace(name, "NAME")  # noqa: E731
    body_real, body_fake = strip(real, "victim"), strip(fake, "nobody-here")
    # Only the CSRF tokens differ between the two pages.
    token = re.compile(r'(csrfmiddlewaretoken" value="|X-CSRFToken": ")[^"]+"')
    assert token.sub("", body_real) == token.sub("", body_fake)


def test_lockout_message_in_chinese(client, make_user):
    make_user("victim", "city")
    for _ in range(LIMIT):
        sign_in(client, "victim", "wrong", lang="/zh-hans")
    resp = sign_in(client, "victim", "pw-victim", lang="/zh-hans")
    assert resp.status_code == 429
    assert "登录失败次数过多" in resp.content.decode()


def test_cool_off_ends_the_lockout(client, make_user):
    from axes.models import AccessAttempt

    make_user("victim", "city")
    for _ in range(LIMIT):
        sign_in(client, "victim", "wrong")
    assert sign_in(client, "victim", "pw-victim").status_code == 429
    # Move the recorded failures back past the cool-off instead of waiting.
    AccessAttempt.objects.update(attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME
                                 - timedelta(seconds=1))
    assert sign_in(client, "victim", "pw-victim").status_code == 302


def test_authenticate_from_code_needs_a_request():
    from django.contrib.auth import authenticate

    request = RequestFactory().post("/accounts/login/", REMOTE_ADDR="203.0.113.9")
    assert authenticate(request, username="nobody", password="x") is None
