"""A visitor gets the language they asked for, it sticks, and every page links to the other one."""

import re

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

COOKIE = settings.LANGUAGE_COOKIE_NAME


def test_a_chinese_browser_is_sent_to_the_chinese_site(client, demo):
    resp = client.get("/", HTTP_ACCEPT_LANGUAGE="zh-CN,zh;q=0.9,en;q=0.5")
    assert resp.status_code == 302 and resp["Location"] == "/zh-hans/"
    assert "Accept-Language" in resp["Vary"]
    page = client.get(resp["Location"], HTTP_ACCEPT_LANGUAGE="zh-CN")
    assert page.status_code == 200 and 'lang="zh-Hans"' in page.content.decode()


def test_query_string_is_kept_and_english_browsers_stay(client, demo):
    resp = client.get("/cases/?q=bricks", HTTP_ACCEPT_LANGUAGE="zh-CN")
    assert resp["Location"] == "/zh-hans/cases/?q=bricks"
    assert client.get("/cases/", HTTP_ACCEPT_LANGUAGE="en-GB,en").status_code == 200
    assert client.get("/cases/").status_code == 200  # no preference: English


def test_the_chosen_language_sticks(client, demo):
    # Choosing Chinese sets the cookie; a later visit to an unprefixed page follows it.
    resp = client.get("/i18n/setlang/", {"language": "zh-hans", "next": "/cases/"})
    assert resp.status_code == 302 and resp["Location"] == "/zh-hans/cases/"
    assert client.cookies[COOKIE].value == "zh-hans"
    assert client.get("/cities/")["Location"] == "/zh-hans/cities/"
    # Choosing English wins over a Chinese browser from then on.
    resp = client.get("/i18n/setlang/", {"language": "en", "next": "/zh-hans/cities/"})
    assert resp["Location"] == "/cities/"
    assert client.get("/cities/", HTTP_ACCEPT_LANGUAGE="zh-CN").status_code == 200


def test_the_old_post_switch_still_works(client, demo):
    resp = client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/events/"})
    assert resp["Location"] == "/zh-hans/events/"


def test_api_posts_and_health_checks_are_never_redirected(client, demo):
    client.cookies[COOKIE] = "zh-hans"
    assert client.get("/api/cities", HTTP_ACCEPT_LANGUAGE="zh-CN").status_code == 200
    assert client.get("/healthz", HTTP_ACCEPT_LANGUAGE="zh-CN").status_code == 200
    resp = client.post("/accounts/login/", {"username": "x", "password": "y"}, HTTP_ACCEPT_LANGUAGE="zh-CN")
    assert resp.status_code == 200


def test_switch_refuses_other_sites_and_unknown_languages(client):
    resp = client.get("/i18n/setlang/", {"language": "zh-hans", "next": "https://evil.example/x"})
    assert resp["Location"] == "/zh-hans/"
    assert client.get("/i18n/setlang/", {"language": "fr", "next": "/"}).status_code == 400


@pytest.mark.parametrize("path", ["/", "/cities/", "/cases/?q=bricks", "/accounts/login/", "/events/"])
def test_every_page_links_to_itself_in_the_other_language(client, demo, path):
    html = client.get(path).content.decode()
    link = re.search(r'<a href="([^"]+)" hreflang="zh-Hans"[^>]*data-testid="lang-zh"', html)
    assert link, html[:2000]
    target = client.get(link.group(1).replace("&amp;", "&"))
    assert target.status_code == 302 and target["Location"] == "/zh-hans" + path
    zh = client.get("/zh-hans" + path).content.decode()
    back = re.search(r'<a href="([^"]+)" hreflang="en"[^>]*data-testid="lang-en"', zh)
    assert back
    assert client.get(back.group(1).replace("&amp;", "&"))["Location"] == path
    assert f'rel="alternate" hreflang="zh-Hans" href="/zh-hans{path}"' in html.replace("&amp;", "&")
