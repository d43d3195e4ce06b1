"""Stored text never runs as script (issue #11), in a real browser under the CSP.

Known payloads are stored in the text fields users can write and that pages show
(city names and profiles, organisations, listings, parks, targets, measures,
programmes, scenarios and their points, cases, events, flows). Every page that
shows them must show the text literally, run none of it, raise no dialog and
report no Content-Security-Policy violation; a crawl of the site checks the
last point (and that nothing ran) on every page a signed-in user can reach.
"""

from __future__ import annotations

from collections import deque
from urllib.parse import urldefrag, urlsplit

import pytest

from tests.conftest import _user
from tests.e2e.conftest import sign_in

PAYLOADS = [
    "</script><script>window.__xss=1</script>",
    '<img src=x onerror="window.__xss=1">',
    '"><svg onload=window.__xss=1>',
    "javascript:window.__xss=1//",
]

# Collects CSP violations before any page script runs (Playwright injects it outside the CSP).
WATCH = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__csp.push(e.violatedDirective + " " + e.blockedURI + " " + (e.sourceFile || "") + ":" + e.lineNumber);
});
"""


def hostile(n: int) -> str:
    """A short marker and one payload: fits every field's length (120 characters at least)."""
    return f"X{n:02d} {PAYLOADS[n % len(PAYLOADS)]}"


def _store():
    """Store payloads past the forms, as text a user could have saved; returns what pages show."""
    from circularcities.coalition.models import City, Event, Partner
    from circularcities.diagnosis.models import MetabolismFlow
    from circularcities.knowledge.models import Case
    from circularcities.logistics.models import CollectionPoint, Depot, Scenario
    from circularcities.marketplace.models import Listing, Park
    from circularcities.planning.models import Measure, Programme, Target

    n = iter(range(100))
    shown: dict[str, str] = {}

    def put(label, model, pk, **fields):
        values = {f: hostile(next(n)) for f in fields}
        rows = model.objects.filter(pk=pk) if not isinstance(pk, dict) else model.objects.filter(**pk)
        is_legacy = getattr(model, "_is_legacy", lambda name: False)
        text = {f: v for f, v in values.items() if is_legacy(f)}  # translated content (parler)
        if text:
            for obj in rows:
                for f, v in text.items():
                    setattr(obj, f, v)
                obj.save()
        rest = {f: v for f, v in values.items() if f not in text}
        if rest:
            rows.update(**rest)
        for f, v in values.items():
            shown[f"{label}.{f}"] = v

    flow_city = MetabolismFlow.objects.values_list("city_id", flat=True).first()
    plan_city = Target.objects.values_list("city_id", flat=True).first()
    for pk in {flow_city, plan_city}:
        put(f"city{pk}", City, pk, name_en=None, profile_en=None, data_notes_en=None)
    put("flow", MetabolismFlow, MetabolismFlow.objects.filter(city_id=flow_city).order_by("-value").first().pk,
        material=None)
    target = Target.objects.filter(city_id=plan_city).first()
    put("target", Target, target.pk, title_en=None, owner_name=None)
    measure = Measure.objects.filter(city_id=plan_city).first()
    put("measure", Measure, measure.pk, title_en=None, description_en=None, lead_name=None)
    programme = Programme.objects.first()
    put("programme", Programme, programme.pk, name_en=None, description_en=None)
    listing = Listing.objects.filter(organisation__isnull=False).order_by("pk").first()
    put("listing", Listing, listing.pk, title_en=None, description=None)
    put("org", Partner, listing.organisation_id, name_en=None, description_en=None)
    park = Park.objects.first()
    put("park", park.translations.model, {"master": park, "language_code": "en"}, name=None)
    from parler.cache import _delete_cached_translations

    _delete_cached_translations(park)  # update() above bypasses parler's cache of translations
    scenario = Scenario.objects.first()
    put("scenario", Scenario, scenario.pk, name=None)
    put("scenario_text", scenario.translations.model, {"master": scenario, "language_code": "en"},
        title=None, description=None)
    _delete_cached_translations(scenario)
    # Every point and depot of the scenario, so any marker's tooltip shows a payload.
    put("point", CollectionPoint, {"scenario": scenario}, name=None, municipality=None)
    put("depot", Depot, {"scenario": scenario}, name=None)
    case = Case.objects.filter(published=True).first()
    put("case", Case, case.pk, title_en=None, summary_en=None)
    event = Event.objects.first()
    put("event", Event, event.pk, title_en=None, place_en=None)
    return shown, {
        "flow_city": City.objects.get(pk=flow_city), "plan_city": City.objects.get(pk=plan_city),
        "target": target, "measure": measure, "programme": programme, "listing": listing, "park": park,
        "scenario": scenario, "case": case, "event": event,
    }


class Watch:
    """What a page did: dialogs opened and console messages about the CSP."""

    def __init__(self, page):
        self.dialogs: list[str] = []
        self.console: list[str] = []
        self.errors: list[str] = []
        page.context.add_init_script(WATCH)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.on("console", lambda m: self.console.append(m.text)
                if "Content Security Policy" in m.text or "Content-Security-Policy" in m.text else None)

    def check(self, page, where: str):
        page.wait_for_load_state("load")
        page.wait_for_timeout(150)  # let deferred scripts, tooltips and charts finish
        assert page.evaluate("window.__xss") is None, f"a stored payload ran on {where}"
        violations = page.evaluate("window.__csp || []")
        assert not violations, f"CSP violations on {where}: {violations}"
        assert not self.dialogs, f"dialog on {where}: {self.dialogs}"
        assert not self.console, f"CSP console messages on {where}: {self.console}"
        assert not self.errors, f"script errors on {where}: {self.errors}"
        bad = page.evaluate("""Array.from(document.querySelectorAll('[href],[src],[action]')).map(
            e => e.getAttribute('href') || e.getAttribute('src') || e.getAttribute('action') || '')
            .filter(u => /^\\s*javascript:/i.test(u))""")
        assert not bad, f"javascript: URL on {where}: {bad}"


def _text(page) -> str:
    return page.evaluate("document.body.innerText")


def test_stored_payloads_show_as_text_on_every_page(page):
    shown, o = _store()
    watch = Watch(page)
    _user("sec", "secretariat")
    sign_in(page, "sec", "pw-sec")
    city, plan_city = o["flow_city"], o["plan_city"]
    visits = [
        # (the home page's featured cases are drawn at random: checked on their own pages)
        ("/", "#citymap[data-ready]", [f"city{city.pk}.name_en", f"city{plan_city.pk}.name_en"]),
        ("/cities/", "#citymap[data-ready]", [f"city{city.pk}.name_en"]),
        (f"/cities/{city.slug}/", "#citymap[data-ready]", [f"city{city.pk}.name_en", f"city{city.pk}.profile_en",
                                                          f"city{city.pk}.data_notes_en"]),
        ("/marketplace/", "#listing-map[data-ready]", ["listing.title_en"]),
        (f"/marketplace/listings/{o['listing'].pk}/", None, ["listing.title_en", "listing.description", "org.name_en"]),
        (f"/marketplace/parks/{o['park'].slug}/", "#park-sankey[data-ready]", ["park.name"]),
        ("/marketplace/metrics/", "#chart-exchanges[data-ready]", []),
        ("/partners/", None, ["org.name_en"]),
        (f"/diagnosis/{city.slug}/", "#sankey[data-ready]", [f"city{city.pk}.name_en", "flow.material"]),
        (f"/plans/{plan_city.slug}/", None, ["target.title_en", "measure.title_en"]),
        (f"/plans/targets/{o['target'].pk}/", "#target-chart .main-svg", ["target.title_en", "target.owner_name"]),
        (f"/plans/measures/{o['measure'].pk}/", None, ["measure.title_en", "measure.description_en",
                                                      "measure.lead_name"]),
        (f"/plans/programmes/{o['programme'].slug}/", None, ["programme.name_en", "programme.description_en"]),
        (f"/logistics/{o['scenario'].pk}/", "#lmap[data-ready]", ["scenario_text.title", "scenario_text.description",
                                                                  "point.municipality", "depot.name"]),
        (f"/cases/{o['case'].slug}/", None, ["case.title_en", "case.summary_en"]),
        ("/cases/", None, []),
        ("/events/", None, ["event.title_en"]),
        (f"/events/{o['event'].slug}/", None, ["event.title_en", "event.place_en"]),
    ]
    for url, ready, expected in visits:
        resp = page.goto(page.base + url)
        assert resp.status == 200, url
        if ready:
            try:
                page.wait_for_selector(ready, state="attached", timeout=10_000)
            except Exception:
                watch.check(page, url)  # says why the page's script did not finish
                raise
        watch.check(page, url)
        text = _text(page)
        missing = [k for k in expected if shown[k] not in text]
        assert not missing, f"{url} does not show literally: {[shown[k] for k in missing]}"
    # Map labels are text nodes: the city's name is in its permanent tooltip, as text.
    page.goto(page.base + "/cities/")
    page.wait_for_selector("#citymap[data-ready]")
    labels = page.locator(".city-label").all_inner_texts()
    assert shown[f"city{city.pk}.name_en"] in labels
    # The city page's popup: the name is a link's text, the link goes to the city page.
    page.goto(page.base + f"/cities/{city.slug}/")
    page.wait_for_selector("#citymap[data-ready]")
    page.locator("#citymap path.leaflet-interactive").first.click(force=True)
    popup_link = page.locator(".leaflet-popup-content a")
    popup_link.wait_for()
    assert popup_link.inner_text() == shown[f"city{city.pk}.name_en"]
    assert popup_link.get_attribute("href").endswith(f"/cities/{city.slug}/")
    watch.check(page, "city popup")
    # The scenario map's tooltips and legend are text nodes too.
    page.goto(page.base + f"/logistics/{o['scenario'].pk}/")
    page.wait_for_selector("#lmap[data-ready]")
    for marker, key in [(".leaflet-marker-icon.lg-depot", "depot.name"), ("path.leaflet-interactive", "point.name")]:
        page.locator(marker).first.hover(force=True)
        page.wait_for_selector(".leaflet-tooltip")
        assert shown[key] in page.locator(".leaflet-tooltip").last.inner_text()
    assert shown["point.municipality"] in page.locator(".lg-legend").inner_text()
    watch.check(page, "scenario map tooltips")


def _same_site_links(page, base: str) -> list[str]:
    hrefs = page.evaluate("Array.from(document.querySelectorAll('a[href]')).map(a => a.href)")
    out = []
    for href in hrefs:
        url = urldefrag(href)[0]
        path = urlsplit(url).path
        if not url.startswith(base) or path.endswith((".xlsx", ".csv", ".pdf", ".json", ".geojson", ".zip", ".txt")):
            continue
        if path.startswith(("/api/", "/static/", "/media/", "/jsi18n/")) or "/export." in path:
            continue
        out.append(url)
    return out


@pytest.mark.parametrize("lang", ["", "/zh-hans"])
def test_site_crawl_has_no_csp_violation(page, lang):
    _store()
    watch = Watch(page)
    _user("sec", "secretariat")
    sign_in(page, "sec", "pw-sec")
    start = page.base + lang + "/"
    queue, seen, visited = deque([start, page.base + "/api/docs"]), {start}, 0
    limit = 90 if not lang else 40  # a breadth-first sample of every section
    while queue and visited < limit:
        url = queue.popleft()
        try:
            resp = page.goto(url)
        except Exception as exc:  # a link to a file download: not a page
            if "Download is starting" in str(exc):
                continue
            raise
        visited += 1
        if resp is None or resp.status >= 500:
            pytest.fail(f"{url} answered {resp and resp.status}")
        if url.endswith("/api/docs"):
            page.wait_for_selector(".swagger-ui .info", timeout=20_000)  # Swagger UI renders under the CSP
        watch.check(page, url)
        for link in _same_site_links(page, page.base):
            if link not in seen and (not lang or "/zh-hans/" in link):
                seen.add(link)
                queue.append(link)
    assert visited >= min(limit, 30)
