"""Browser tests: Playwright for Python driving Debian's Chromium, headless.

Playwright's sync API runs an event loop in the test thread; Django's ORM
calls in the test body are still synchronous, hence DJANGO_ALLOW_ASYNC_UNSAFE.
"""

from __future__ import annotations

import os
import shutil
import time

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage"]


def pytest_collection_modifyitems(config, items):
    here = os.path.dirname(__file__)
    for item in items:
        if str(item.fspath).startswith(here):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CIRCULARCITIES_REQUIRE_BROWSER"):
            pytest.fail(f"Chromium not found at {CHROMIUM}; install Debian's chromium package.")
        pytest.skip("Chromium is not installed (apt-get install chromium); browser tests skipped.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server, transactional_db):
    from circularcities.site.demo import load_demo

    load_demo(log=lambda *a, **k: None)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    context.set_default_timeout(20_000)
    pg = context.new_page()
    pg.base = live_server.url
    pg.wait_for_function = lambda expression, **kw: wait_for_function(pg, expression, **kw)
    yield pg
    context.close()


def wait_for_function(page, expression, *, arg=None, timeout=None, polling=None):
    """Wait until ``expression`` is truthy in the page, under the site's Content-Security-Policy.

    Playwright's own ``wait_for_function`` runs its string with ``eval()`` inside the page,
    which the policy (script-src 'self', no 'unsafe-eval') refuses; ``page.evaluate`` goes
    through the DevTools protocol, outside the policy, so it is polled instead.
    """
    from playwright.sync_api import Error, TimeoutError

    deadline = time.monotonic() + (20_000 if timeout is None else timeout) / 1000
    while True:
        try:
            value = page.evaluate(expression, arg)
        except Error as exc:  # a navigation replaced the page between two polls
            if "Execution context was destroyed" not in str(exc):
                raise
            value = None
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"wait_for_function: {expression!r} still false")
        page.wait_for_timeout(polling if isinstance(polling, (int, float)) else 100)


def sign_in(page, username, password):
    page.goto(page.base + "/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("[data-testid=login-submit]")
    page.wait_for_load_state()
