"""Every page as its users see it (issue #13), on the crawl of test_accessibility: no
internal file name or path where a source citation belongs, and no page wider than a
390 px phone screen (only elements meant to scroll, such as wide tables in their
scrolling box, may be wider)."""

from __future__ import annotations

import re

import pytest
from django.conf import settings

from tests.conftest import _user
from tests.e2e.conftest import sign_in
from tests.e2e.test_accessibility import _prefix, crawl

INTERNAL = re.compile(r"\b\d{3}_[0-9a-f]{16}\.txt\b|\bsrc/circularcities/|\bdata/[\w./-]+\.(?:csv|md|json|txt)\b")

# The elements wider than the screen that are not inside a box meant to scroll sideways.
OVERFLOW_JS = """() => {
  const vw = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth <= vw + 1) return [];
  const scrolls = el => { for (let e = el.parentElement; e; e = e.parentElement) {
    const o = getComputedStyle(e).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return true; }
    return false; };
  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= vw + 1 || scrolls(el)) continue;
    const tag = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
    out.push(tag + ' right=' + Math.round(r.right));
    if (out.length >= 3) break;
  }
  return out.length ? out : ['document ' + document.documentElement.scrollWidth + ' px wide'];
}"""


def internal_names(page) -> list[str]:
    text = page.evaluate("document.body.innerText")
    return sorted({m.group(0) for m in INTERNAL.finditer(text)})


def wider_than_screen(page) -> list[str]:
    return page.evaluate(OVERFLOW_JS)


def test_the_checks_find_what_they_look_for(page):
    page.goto(page.base + "/")
    page.evaluate("""() => { const p = document.createElement('p');
      p.textContent = 'Source: 000_d877be47d27d1b24.txt'; p.style.width = '2000px';
      document.querySelector('main').appendChild(p); }""")
    assert internal_names(page) == ["000_d877be47d27d1b24.txt"]
    page.set_viewport_size({"width": 390, "height": 844})
    assert wider_than_screen(page)


@pytest.mark.parametrize("language", [settings.LANGUAGE_CODE, "zh-hans"])
def test_no_internal_file_names_and_nothing_wider_than_a_phone(page, language):
    _user("sec", "secretariat")
    sign_in(page, "sec", "pw-sec")
    page.set_viewport_size({"width": 390, "height": 844})
    prefix = _prefix(language)
    found = crawl(page, page.base + prefix + "/", prefix, 60 if not prefix else 30,
                  lambda p: [f"internal name {n}" for n in internal_names(p)] + wider_than_screen(p))
    assert not found, "\n".join(f"{path}: {v}" for path, vs in found.items() for v in vs[:3])


@pytest.mark.parametrize("language", ["en", "zh-hans", "ja", "ko"])
def test_signed_in_header_is_one_line_at_1366(page, language):
    """The secretariat's header (the longest: every menu and the back office) fits on one line
    at 1366 px in every platform language: menu, languages and account side by side."""
    _user(f"hdr-{language}", "secretariat")
    page.set_viewport_size({"width": 1366, "height": 900})
    sign_in(page, f"hdr-{language}", f"pw-hdr-{language}")
    page.goto(page.base + ("/" if language == "en" else f"/{language}/"))
    middles = page.eval_on_selector_all(
        ".topbar .brand, .topbar .mainnav > *, .topbar .tools > *",
        "els => els.map(e => { const r = e.getBoundingClientRect(); return Math.round(r.top + r.height / 2); })")
    assert len(middles) >= 6
    assert max(middles) - min(middles) <= 12, middles
