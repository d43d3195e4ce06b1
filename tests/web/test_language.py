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


# Every configured language, not just "the other one": the platform set to four.

@pytest.mark.parametrize(("accept", "prefix"), [("ja-JP,ja;q=0.9,en;q=0.5", "/ja/"), ("ko-KR,ko;q=0.9", "/ko/"),
                                                ("zh-TW,zh;q=0.9", "/zh-hans/")])
def test_japanese_and_korean_browsers_are_sent_to_their_site(client, demo, four_languages, accept, prefix):
    resp = client.get("/cases/?q=bricks", HTTP_ACCEPT_LANGUAGE=accept)
    assert resp.status_code == 302 and resp["Location"] == prefix + "cases/?q=bricks"
    page = client.get(resp["Location"], HTTP_ACCEPT_LANGUAGE=accept)
    tag = {"/ja/": "ja", "/ko/": "ko", "/zh-hans/": "zh-Hans"}[prefix]
    assert page.status_code == 200 and f'<html lang="{tag}">' in page.content.decode()


def test_japanese_is_not_served_unless_configured(client, demo, two_languages):
    # CIRCULARCITIES_LANGUAGES=en,zh-hans: a Japanese browser gets English, and /ja/ is no page.
    assert client.get("/cases/", HTTP_ACCEPT_LANGUAGE="ja-JP").status_code == 200  # stays English
    assert client.get("/ja/cases/").status_code == 404


def test_the_chosen_korean_sticks_over_a_japanese_browser(client, demo, four_languages):
    resp = client.get("/i18n/setlang/", {"language": "ko", "next": "/cities/"})
    assert resp["Location"] == "/ko/cities/" and client.cookies[COOKIE].value == "ko"
    assert client.get("/events/", HTTP_ACCEPT_LANGUAGE="ja-JP")["Location"] == "/ko/events/"


@pytest.mark.parametrize("path", ["/", "/cases/?q=bricks", "/ja/accounts/login/", "/ko/events/", "/zh-hans/cities/"])
def test_every_page_links_to_itself_in_every_language(client, demo, four_languages, path):
    from circularcities.web.language import unprefixed

    bare = unprefixed(path)
    html = client.get(path).content.decode().replace("&amp;", "&")
    current = {"ja": "ja", "ko": "ko", "zh-hans": "zh"}.get(path.split("/")[1], "en")
    assert f'data-testid="lang-current-{current}"' in html
    for code, tag, prefix in (("en", "en", ""), ("zh", "zh-Hans", "/zh-hans"), ("ja", "ja", "/ja"), ("ko", "ko", "/ko")):
        if code == current:
            assert f'data-testid="lang-{code}"' not in html
            continue
        link = re.search(rf'<a href="([^"]+)" hreflang="{tag}"[^>]*data-testid="lang-{code}"', html)
        assert link, (code, html[:3000])
        assert client.get(link.group(1))["Location"] == prefix + bare
        assert f'rel="alternate" hreflang="{tag}" href="{prefix}{bare}"' in html


def test_api_errors_follow_accept_language_in_every_language(client, demo, four_languages):
    for accept, expected in (("ja-JP", "ja"), ("ko-KR", "ko"), ("zh-CN", "zh-hans"), ("en", "en")):
        resp = client.get("/api/cities", HTTP_ACCEPT_LANGUAGE=accept)
        assert resp.status_code == 200 and resp["Content-Language"] == expected
