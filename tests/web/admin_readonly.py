"""Checks shared by the tests/<app>/test_admin.py modules of read-only admins."""

from __future__ import annotations


def assert_read_only(client, *, secretariat, others, changelists, change_url, data=None):
    """The secretariat sees the lists and the object but may not add, change or delete;
    owner, member and outsider do not get in at all."""
    for user in others:
        client.force_login(user)
        for url in changelists:
            assert client.get(url).status_code in (302, 403), (user, url)
    client.force_login(secretariat)
    for url in changelists:
        assert client.get(url).status_code == 200, url
        assert client.get(url + "add/").status_code == 403, url
    assert client.get(change_url).status_code == 200
    assert client.post(change_url, data or {}).status_code == 403
    assert client.post(change_url.replace("/change/", "/delete/"), {"post": "yes"}).status_code == 403
