"""The Beijing Chaoyang park demo and the demo loader."""

from __future__ import annotations

import pytest

from circularcities.marketplace import demo
from circularcities.marketplace.models import Exchange, Flow, Listing, Park, ProgrammeFigure

pytestmark = pytest.mark.django_db


def test_chaoyang_flows_and_both_waste_heat_figures():
    park = Park.objects.get(slug="beijing-chaoyang")
    names = {fl.name_en for fl in park.flows.prefetch_related("translations")}
    assert {"Municipal waste", "Electricity", "Electricity to the grid", "Bio-residues",
            "Waste heat for heating and hot water"} <= names
    assert any(n.startswith("Bottom ash") for n in names)
    heat = Flow.objects.get(park=park, translations__language_code="en",
                            translations__name__startswith="Waste heat")
    values = {(v.source, int(v.amount)) for v in heat.values.all()}
    assert values == {("Green Circular Cities Coalition brochure (English text)", 233_000_000),
                      ("Green Circular Cities Coalition brochure (Chinese text)", 2_330_000)}


def test_park_page_shows_sankey_disagreement_and_matches(client):
    body = client.get("/marketplace/parks/beijing-chaoyang/").content.decode()
    assert 'data-testid="park-sankey"' in body
    assert body.count('data-testid="sources-disagree"') == 1  # heat disagrees; electricity agrees
    assert "233,000,000 CNY" in body and "2,330,000 CNY" in body
    assert 'data-testid="park-matches"' in body  # the demo ash offer and want near the park
    zh = client.get("/zh-hans/marketplace/parks/beijing-chaoyang/").content.decode()
    assert "北京市朝阳循环经济产业园" in zh and "233 万元" in zh


def test_demo_is_idempotent_and_labelled():
    before = (Listing.objects.count(), Exchange.objects.count(), Flow.objects.count(),
              ProgrammeFigure.objects.count())
    remaining = list(Listing.objects.order_by("pk").values_list("remaining_t", flat=True))
    demo.load(log=lambda *a: None)
    assert (Listing.objects.count(), Exchange.objects.count(), Flow.objects.count(),
            ProgrammeFigure.objects.count()) == before
    assert list(Listing.objects.order_by("pk").values_list("remaining_t", flat=True)) == remaining
    assert all(x.is_demo and x.organisation.name_en.startswith("Demo:")
               for x in Listing.objects.filter(demo_key__gt=""))
    assert Exchange.objects.filter(is_demo=True, is_share=True).count() == 3


def test_pages_render_in_both_languages(client):
    for url in ["/marketplace/", "/marketplace/exchanges/", "/marketplace/metrics/", "/marketplace/parks/",
                f"/marketplace/listings/{Listing.objects.first().pk}/",
                f"/marketplace/exchanges/{Exchange.objects.first().pk}/"]:
        assert client.get(url).status_code == 200, url
        assert client.get("/zh-hans" + url).status_code == 200, url


def test_share_peterborough_metrics_count_items_and_kg(client):
    body = client.get("/marketplace/metrics/?city=peterborough").content.decode()
    assert 'data-testid="m-items">22<' in body  # 1 drill + 1 pram + 20 clothes
    assert "kg kept from waste" not in body and "2,141+" in body  # lending keeps nothing from waste


def test_method_page(client):
    body = client.get("/marketplace/method/").content.decode()
    assert "avoided [kg CO2e] = q × (S + E) − T" in body
