"""Accessibility: axe-core (from npm, see package.json) checks every page of a crawl
of the site for WCAG 2.1 A and AA violations, in every platform language, as a
visitor and as the secretariat (who sees the forms), at desktop and phone widths."""

from __future__ import annotations

import os
from collections import deque
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest
from django.conf import settings

from tests.conftest import _user
from tests.e2e.conftest import sign_in

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SKIP = ("/api/", "/static/", "/media/", "/admin/", "/accounts/logout", "/accounts/reset/")
FILES = (".xlsx", ".csv", ".pdf", ".json", ".geojson", ".zip", ".txt", ".ics", ".vrp", ".sol")


def _axe_source() -> str:
    if not AXE.exists():
        if os.environ.get("CIRCULARCITIES_REQUIRE_BROWSER"):
            pytest.fail(f"{AXE} is missing: run `npm ci` in the repository (scripts/test does).")
        pytest.skip("axe-core is not installed (npm ci); accessibility crawl skipped.")
    return AXE.read_text(encoding="utf-8")


def _prefix(code: str) -> str:
    return "" if code == settings.LANGUAGE_CODE else f"/{code}"


def _links(page, base: str, prefix: str) -> list[str]:
    out = []
    for href in page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)"):
        url = urldefrag(href)[0]
        path = urlsplit(url).path
        if not url.startswith(base) or path.startswith(SKIP) or path.endswith(FILES) or "/export" in path:
            continue
        others = [f"/{c}/" for c, _n in settings.LANGUAGES if c != settings.LANGUAGE_CODE]
        if prefix and not path.startswith(prefix + "/"):
            continue
        if not prefix and path.startswith(tuple(others)):
            continue
        out.append(url)
    return out


def axe_violations(page, source: str) -> list[str]:
    """WCAG 2.1 A/AA violations of the page as 'rule (impact): selector' lines."""
    page.evaluate(source + "\n;0")  # evaluated by the browser, not an inline script the CSP refuses
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
    return [f"{v['id']} ({v['impact']}): {' '.join(map(str, n['target']))}"
            for v in result["violations"] for n in v["nodes"]]


def crawl(page, start: str, prefix: str, limit: int, source) -> dict[str, list[str]]:
    """Visit up to ``limit`` pages from ``start``; ``source`` is axe-core's source, or any
    ``check(page) -> [problem]`` (tests/e2e/test_pages_as_seen.py reuses the crawl)."""
    check = source if callable(source) else (lambda p: axe_violations(p, source))
    found: dict[str, list[str]] = {}
    queue, seen, visited = deque([start]), {start}, 0
    while queue and visited < limit:
        url = queue.popleft()
        try:
            resp = page.goto(url)
        except Exception as exc:  # a link to a download is not a page
            if "Download is starting" in str(exc):
                continue
            raise
        if resp is None or resp.status >= 400 or "html" not in (resp.headers.get("content-type") or ""):
            continue
        visited += 1
        page.wait_for_timeout(150)  # maps and charts draw after load
        bad = check(page)
        if bad:
            found[urlsplit(url).path] = bad
        for link in _links(page, page.base, prefix):
            if link not in seen:
                seen.add(link)
                queue.append(link)
    assert visited >= min(limit, 25), f"only {visited} pages reached from {start}"
    return found


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_every_page_passes_axe_as_a_visitor(page, language):
    source = _axe_source()
    prefix = _prefix(language)
    found = crawl(page, page.base + prefix + "/", prefix, 70 if not prefix else 40, source)
    assert not found, "\n".join(f"{path}: {v}" for path, vs in found.items() for v in vs[:5])


@pytest.mark.parametrize("language", [settings.LANGUAGE_CODE, "zh-hans"])
def test_every_page_passes_axe_as_the_secretariat_on_a_phone(page, language):
    source = _axe_source()
    _user("sec", "secretariat")
    sign_in(page, "sec", "pw-sec")
    page.set_viewport_size({"width": 390, "height": 844})
    prefix = _prefix(language)
    found = crawl(page, page.base + prefix + "/", prefix, 60 if not prefix else 30, source)
    assert not found, "\n".join(f"{path}: {v}" for path, vs in found.items() for v in vs[:5])


def test_axe_finds_a_violation_when_there_is_one(page):
    """The check itself works: an image without a text alternative is reported."""
    source = _axe_source()
    page.goto(page.base + "/")
    page.evaluate("document.querySelector('main').appendChild(Object.assign(document.createElement('img'), {src: '/x.png'}))")
    assert any(v.startswith("image-alt") for v in axe_violations(page, source))


def test_skip_link_is_first_and_moves_to_the_content(page):
    page.goto(page.base + "/marketplace/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.testid") == "skip-link"
    assert page.locator("[data-testid=skip-link]").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
