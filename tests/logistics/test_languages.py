"""A scenario's description is written per language (django-parler) and read with a
visible "not yet translated" fallback to English."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test.utils import CaptureQueriesContext

from circularcities.logistics import models as m

pytestmark = pytest.mark.django_db


def test_a_scenario_is_described_in_every_configured_language(client, owner, city, four_languages):
    client.force_login(owner)
    resp = client.post("/logistics/new/", {"city": city.pk, "name": "Fresh", "currency": "JPY", "circuity": 1.3,
                                           "description__en": "Food waste rounds.",
                                           "description__ja": "食品廃棄物の収集ルート。"})
    assert resp.status_code == 302, resp.content.decode()[:2000]
    scenario = m.Scenario.objects.get(name="Fresh")
    assert scenario.safe_translation_getter("description", language_code="ja") == "食品廃棄物の収集ルート。"
    ja = client.get(f"/ja/logistics/{scenario.pk}/").content.decode()
    assert "食品廃棄物の収集ルート。" in ja and "not yet translated" not in ja.split('data-testid="scenario-description"')[1][:300]
    ko = client.get(f"/ko/logistics/{scenario.pk}/").content.decode()
    described = ko.split('data-testid="scenario-description"')[1][:400]
    assert "Food waste rounds." in described and 'class="untranslated"' in described


def test_the_new_scenario_form_has_a_description_per_language(client, owner, four_languages):
    client.force_login(owner)
    html = client.get("/logistics/").content.decode()
    for code in ("en", "zh_hans", "ja", "ko"):
        assert f'name="description__{code}"' in html


def test_the_scenario_page_reads_its_translations_in_constant_queries(client, owner, scenario, four_languages):
    from circularcities.web.translated_forms import save_translations

    save_translations(scenario, {"description": {"en": "Two towns.", "ko": "두 도시."}})
    client.force_login(owner)
    client.get(f"/ko/logistics/{scenario.pk}/")
    client.get(f"/ja/logistics/{scenario.pk}/")
    with CaptureQueriesContext(connection) as one:
        assert "두 도시." in client.get(f"/ko/logistics/{scenario.pk}/").content.decode()
    with CaptureQueriesContext(connection) as other:
        assert "Two towns." in client.get(f"/ja/logistics/{scenario.pk}/").content.decode()
    assert len(one) == len(other)


def test_migration_copies_english_and_chinese_columns(transactional_db):
    executor = MigrationExecutor(connection)
    executor.migrate([("logistics", "0001_initial")])
    old = executor.loader.project_state([("logistics", "0001_initial")]).apps
    Old = old.get_model("logistics", "Scenario")
    Old.objects.create(name="Legacy", description_en="Rounds", description_zh="收运路线", currency="EUR")
    Old.objects.create(name="English only", description_en="Only English", currency="EUR")
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    legacy = m.Scenario.objects.get(name="Legacy")
    assert legacy.safe_translation_getter("description", language_code="zh-hans") == "收运路线"
    assert legacy.safe_translation_getter("description", language_code="en") == "Rounds"
    only = m.Scenario.objects.get(name="English only")
    assert sorted(only.get_available_languages()) == ["en"]
