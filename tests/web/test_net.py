"""The client address the rate limits and the audit log use."""

from __future__ import annotations

from django.test import RequestFactory, override_settings

from circularcities.web.net import client_ip


def _request(forwarded: str | None):
    extra = {"REMOTE_ADDR": "10.0.0.1"}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/api/cities", **extra)


def test_without_a_proxy_the_forwarded_header_is_ignored():
    assert client_ip(_request("203.0.113.9")) == "10.0.0.1"


@override_settings(BEHIND_PROXY=True)
def test_behind_a_proxy_only_the_entry_it_appended_counts():
    # The client wrote "1.2.3.4" itself to dodge its limit; the proxy appended the real one.
    assert client_ip(_request("1.2.3.4, 198.51.100.7")) == "198.51.100.7"
    assert client_ip(_request(None)) == "10.0.0.1"
