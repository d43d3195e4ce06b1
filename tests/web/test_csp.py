"""The Content-Security-Policy and the template rules that let it be strict (issue #11)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import circularcities
from circularcities.web.env import tile_origin

SRC = Path(circularcities.__file__).parent
TEMPLATES = sorted(SRC.rglob("templates/**/*.html"))


def _policy(resp) -> dict[str, list[str]]:
    parts = [p.strip().split() for p in resp.headers["Content-Security-Policy"].split(";")]
    return {p[0]: p[1:] for p in parts if p}


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/zh-hans/cities/", "/marketplace/", "/api/docs", "/no-such-page/"])
def test_every_page_carries_the_strict_policy(client, demo, url):
    policy = _policy(client.get(url))
    assert policy["script-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"] and policy["form-action"] == ["'self'"]
    assert policy["img-src"][:2] == ["'self'", "data:"]
    assert not [v for values in policy.values() for v in values if v in ("'unsafe-eval'", "*")]
    assert "'unsafe-inline'" not in policy.get("script-src", []) + policy.get("default-src", [])


@pytest.mark.parametrize("url, origin", [
    ("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png", "https://*.tile.openstreetmap.org"),
    ("https://tiles.example.org:8443/{z}/{x}/{y}.png?key=1", "https://tiles.example.org:8443"),
    ("javascript:alert(1)", None), ("", None), ("/tiles/{z}/{x}/{y}.png", None),
])
def test_a_configured_tile_server_is_the_only_other_image_origin(url, origin):
    assert tile_origin(url) == origin


def test_templates_hold_no_inline_script_no_handler_and_no_safe_filter():
    assert TEMPLATES
    found = []
    for path in TEMPLATES:
        text = path.read_text("utf-8")
        rel = path.relative_to(SRC)
        for m in re.finditer(r"<script\b(?![^>]*\bsrc=)[^>]*>", text):
            found.append(f"{rel}: inline {m.group(0)}")
        for m in re.finditer(r"<[a-z][^>]*\s(on[a-z]+)\s*=", text):
            found.append(f"{rel}: handler {m.group(1)}")
        for m in re.finditer(r"\|\s*safe\b|\{%\s*autoescape\s+off|javascript:", text):
            found.append(f"{rel}: {m.group(0)}")
    assert not found, found


def test_static_scripts_build_no_html_from_strings():
    scripts = [p for p in SRC.rglob("static/**/*.js") if "vendor" not in p.parts]
    assert scripts
    found = [f"{p.relative_to(SRC)}: {m.group(0)}" for p in scripts
             for m in re.finditer(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|"
                                  r"bind(?:Tooltip|Popup)\(\s*['\"]", p.read_text("utf-8"))]
    assert not found, found
