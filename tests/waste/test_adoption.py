"""After a city adopts the zero-waste set, the pages of the apps that read indicators still work
and show the computed values: diagnosis dashboard and reports, the action plan, the target page."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def adopted(city, owner, good_csv):
    from circularcities.planning.services import target_create
    from circularcities.waste.services import adopt_zero_waste, import_streams

    import_streams(city, good_csv, "s.csv", owner)
    adopt_zero_waste(city=city, user=owner)
    return target_create(city=city, user=owner, indicator="ZW-ISW-UTIL", baseline_year=2021, baseline_value=80,
                         target_year=2025, target_value=95)


@pytest.mark.parametrize("name", ["diagnosis:dashboard", "diagnosis:report_pdf", "diagnosis:report_xlsx",
                                  "diagnosis:history", "planning:city_plan"])
def test_pages_that_read_indicators(client, owner, city, adopted, name):
    client.force_login(owner)
    assert client.get(reverse(name, args=[city.slug])).status_code == 200


def test_target_page_judges_the_computed_value(client, city, adopted):
    html = client.get(reverse("planning:target_detail", args=[adopted.pk])).content.decode()
    # 90 % in 2022 against a path from 80 % (2021) to 95 % (2025): 83.75 % expected -> on track
    assert 'data-status="on_track"' in html
    assert "90" in html


def test_adopting_twice_changes_nothing(city, owner, adopted):
    from circularcities.waste.models import CatalogueAdoption
    from circularcities.waste.services import adopt_zero_waste, publish_rates

    adopt_zero_waste(city=city, user=owner)
    assert CatalogueAdoption.objects.filter(city=city).count() == 1
    assert publish_rates(city, owner) == 0


def test_set_a_target_link_preselects_the_indicator(client, owner, city, adopted):
    client.force_login(owner)
    html = client.get(reverse("waste:city", args=[city.slug])).content.decode()
    link = reverse("planning:create_target", args=[city.slug]) + "?indicator=ZW-HH-RECYCLING"
    assert link in html
    form = client.get(link).content.decode()
    assert '<option value="ZW-HH-RECYCLING" selected>' in form
