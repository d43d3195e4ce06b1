"""The Django admin is the secretariat's second door (issue #12): only the secretariat
(by Profile role, not is_staff) gets in, and its pages keep the strict CSP."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_anonymous_is_sent_to_the_platform_sign_in(client):
    resp = client.get("/admin/")
    assert resp.status_code == 302
    # Following the admin's own login redirect lands on the platform's sign-in page.
    resp = client.get(resp.headers["Location"])
    assert resp.status_code == 302
    assert resp.headers["Location"].startswith("/accounts/login/")
    assert "next=/admin/" in resp.headers["Location"]


@pytest.mark.parametrize("who", ["owner", "member", "outsider"])
def test_city_people_are_refused(client, who, request):
    user = request.getfixturevalue(who)
    client.force_login(user)
    resp = client.get("/admin/", follow=True)
    assert resp.status_code == 403
    assert client.get("/admin/coalition/city/").status_code in (302, 403)


def test_is_staff_alone_does_not_open_the_admin(client, owner):
    owner.is_staff = True
    owner.save()
    client.force_login(owner)
    assert client.get("/admin/", follow=True).status_code == 403


def test_secretariat_gets_in_under_the_strict_csp(client, secretariat):
    client.force_login(secretariat)
    for url in ("/admin/", "/admin/coalition/city/", "/admin/planning/target/", "/admin/marketplace/listing/",
                "/admin/accounts/auditevent/", "/admin/jobs/job/"):
        resp = client.get(url)
        assert resp.status_code == 200, url
        csp = resp.headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
        html = resp.content.decode()
        # Every script is a file from this site: nothing inline for the CSP to block.
        for attrs, body in re.findall(r"<script([^>]*)>(.*?)</script>", html, flags=re.S):
            assert "src=" in attrs and not body.strip(), (url, attrs, body[:80])
            assert "//" not in attrs.split("src=")[1].split()[0].strip("\"'")[:2], attrs


def test_django_user_admin_is_not_offered(client, secretariat):
    # It would let a user set is_superuser, a way around the roles in Profile.
    client.force_login(secretariat)
    assert client.get("/admin/auth/user/").status_code == 404
