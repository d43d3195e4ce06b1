"""Pages load no script or style from another host: they must work offline."""

import re

import pytest

pytestmark = pytest.mark.django_db
EXTERNAL = re.compile(r"""<(?:script|link)[^>]+(?:src|href)=["'](?:https?:)?//""", re.I)


@pytest.mark.parametrize("url", ["/", "/cases/", "/cities/amsterdam/", "/api/docs", "/diagnosis/amsterdam/",
                                 "/plans/", "/marketplace/", "/marketplace/metrics/", "/logistics/"])
def test_no_external_assets(client, demo, url):
    resp = client.get(url)
    assert resp.status_code == 200, url
    html = resp.content.decode()
    assert not EXTERNAL.search(html), EXTERNAL.search(html).group(0)


@pytest.mark.parametrize("asset", ["/static/leaflet/leaflet.js", "/static/vendor/plotly.min.js",
                                   "/static/django_htmx/htmx-2.min.js", "/static/ninja/swagger-ui-bundle.js",
                                   "/static/circularcities/world-110m.geojson"])
def test_front_end_libraries_are_served_by_the_platform(client, asset):
    resp = client.get(asset)
    assert resp.status_code == 200, asset
    body = b"".join(resp.streaming_content) if resp.streaming else resp.content
    assert len(body) > 10_000
