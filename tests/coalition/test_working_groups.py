"""A working group's cycle as stages with deliverables linked to the cities' diagnoses and
plans; a published result shows on the group's page, the cities' pages and in search."""

import pytest

from circularcities.coalition.models import Publication, Stage, WorkingGroup

pytestmark = pytest.mark.django_db


@pytest.fixture
def group(demo):
    return WorkingGroup.objects.select_related("area").get(area__slug="procurement")


def _result(city, slug="zq-procurement-guide"):
    return {"action": "result", "slug": slug, "title_en": "Zqx procurement guide", "title_zh": "采购指南",
            "summary_en": "What the cities learnt about circular tenders.", "summary_zh": "", "year": "2025",
            "url": "", "cities": [city.pk], "stage": ""}


@pytest.mark.parametrize("who", ["editor", "partner", "outsider"])
def test_only_the_secretariat_or_coordinators_run_a_group(client, people, group, city, who):
    client.force_login(people[who])
    url = f"/office/working-groups/{group.area.slug}/"
    assert client.get(url).status_code == 403
    assert client.post(url, {"action": "cycle"}).status_code == 403
    assert client.post(url, _result(city)).status_code == 403
    assert not group.stages.exists() and not Publication.objects.filter(slug="zq-procurement-guide").exists()


def test_a_coordinator_may_run_their_group(client, people, group, city):
    group.coordinators.add(people["editor"])
    client.force_login(people["editor"])
    assert client.post(f"/office/working-groups/{group.area.slug}/", {"action": "cycle"}).status_code == 302
    assert group.stages.count() == 3


def test_cycle_stages_deliverables_and_a_published_result(client, people, group, city):
    client.force_login(people["secretariat"])
    url = f"/office/working-groups/{group.area.slug}/"
    client.post(url, {"action": "cycle"})
    kinds = list(group.stages.order_by("id").values_list("kind", flat=True))
    assert kinds == ["diagnosis", "policies", "capacity"]
    diagnosis = group.stages.get(kind="diagnosis")
    resp = client.post(url, {"action": "stage", "kind": "diagnosis", "status": "ongoing", "start": "2025-01-01",
                             "end": "2024-01-01", "owner": "", "title_en": "", "title_zh": ""})
    assert resp.status_code == 400 and "end" in resp.context["stage_form"].errors
    resp = client.post(url, {"action": "deliverable", "stage": diagnosis.pk, "kind": "diagnosis-report",
                             "city": city.pk, "due": "2025-06-30"})
    assert resp.status_code == 302
    d = diagnosis.deliverables.get()
    assert d.link() == f"/diagnosis/{city.slug}/"
    assert client.post(url, _result(city)).status_code == 302
    pub = Publication.objects.get(slug="zq-procurement-guide")
    assert pub.published_by == people["secretariat"] and list(pub.cities.all()) == [city]
    group_page = client.get(f"/working-groups/{group.area.slug}/").content.decode()
    assert "Zqx procurement guide" in group_page and f'href="/diagnosis/{city.slug}/"' in group_page
    city_page = client.get(city.get_absolute_url()).content.decode()
    assert 'data-testid="city-results"' in city_page and "Zqx procurement guide" in city_page
    search = client.get("/cases/?q=Zqx").content.decode()
    assert 'data-testid="search-results"' in search and "Zqx procurement guide" in search
    zh = client.get("/zh-hans/cases/?q=采购指南").content.decode()
    assert "采购指南" in zh
    assert Stage.objects.filter(working_group=group).count() == 3
