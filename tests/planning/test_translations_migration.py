"""The move of plan text to django-parler keeps what was written: English into ``en``,
Chinese into ``zh-hans``; nothing is written for a language that had no text."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from circularcities.planning.models import Programme, Project


@pytest.mark.django_db(transaction=True)
def test_migration_copies_english_and_chinese_columns():
    executor = MigrationExecutor(connection)
    executor.migrate([("planning", "0004_office_order_by_city_slug")])
    old = executor.loader.project_state([("planning", "0004_office_order_by_city_slug")]).apps
    OldProgramme = old.get_model("planning", "Programme")
    OldProject = old.get_model("planning", "Project")
    both = OldProgramme.objects.create(slug="legacy-fund", name_en="Legacy fund", name_zh="旧基金",
                                       description_en="Grants", description_zh="资助")
    OldProgramme.objects.create(slug="english-only", name_en="English only")
    OldProject.objects.create(programme=both, code="legacy-hub", title_en="Hub", title_zh="中心",
                              description_en="Repairs")
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    p = Programme.objects.get(slug="legacy-fund")
    assert (p.name_en, p.name_zh, p.description_en, p.description_zh) == ("Legacy fund", "旧基金", "Grants", "资助")
    assert sorted(p.get_available_languages()) == ["en", "zh-hans"]
    assert sorted(Programme.objects.get(slug="english-only").get_available_languages()) == ["en"]
    hub = Project.objects.get(code="legacy-hub")
    assert (hub.title_en, hub.title_zh, hub.description_en, hub.description_zh) == ("Hub", "中心", "Repairs", "")
