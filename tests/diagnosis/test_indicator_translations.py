"""Indicator names and definitions on django-parler: the migration moves the English and
Chinese columns into translation rows; the catalogue loader reads any language it is given."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from circularcities.core.indicators.catalogue import Indicator as CoreIndicator
from circularcities.diagnosis.models import Indicator
from circularcities.diagnosis.services import register_indicators
from circularcities.web.translated import translated

BEFORE = ("diagnosis", "0002_dataupload_maturityassessment_metabolismflow_and_more")
AFTER = ("diagnosis", "0003_indicator_parler_ind")


@pytest.mark.django_db(transaction=True)
def test_the_migration_moves_english_and_chinese_text_and_back():
    executor = MigrationExecutor(connection)
    executor.migrate([BEFORE])
    old = executor.loader.project_state([BEFORE]).apps.get_model("diagnosis", "Indicator")
    old.objects.create(code="MIG-TEST", name_en="Migrated", name_zh="已迁移", definition_en="Def", definition_zh="",
                       unit="t", theme="x", direction="higher_is_better")
    old.objects.create(code="MIG-EN-ONLY", name_en="English only", name_zh="", unit="t", theme="x",
                       direction="lower_is_better")
    executor = MigrationExecutor(connection)
    executor.migrate([AFTER])
    new = executor.loader.project_state([AFTER]).apps.get_model("diagnosis", "IndicatorTranslation")
    rows = {(r.master_id, r.language_code): (r.name, r.definition) for r in new.objects.all()}
    assert rows[("MIG-TEST", "en")] == ("Migrated", "Def")
    assert rows[("MIG-TEST", "zh-hans")] == ("已迁移", "")
    assert ("MIG-EN-ONLY", "zh-hans") not in rows and rows[("MIG-EN-ONLY", "en")] == ("English only", "")
    executor = MigrationExecutor(connection)
    executor.migrate([BEFORE])  # and back
    old = executor.loader.project_state([BEFORE]).apps.get_model("diagnosis", "Indicator")
    assert old.objects.get(code="MIG-TEST").name_zh == "已迁移"
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db
def test_the_loader_reads_every_language_it_is_given(demo, four_languages):
    row = {"code": "LANG-TEST", "name_en": "Recycling", "name_zh": "回收", "name_ja": "リサイクル", "name_ko": "재활용",
           "definition_en": "d", "definition_ja": "定義", "formula": "", "unit": "%", "theme": "Solid waste",
           "direction": "higher_is_better", "source": "ISO 37120:2018 16.3", "computable_from_mfa": False,
           "related_areas": []}
    core = CoreIndicator.from_row(row)
    assert core.names == {"en": "Recycling", "zh": "回收", "ja": "リサイクル", "ko": "재활용"}
    assert core.framework_refs() == (("iso37120", "16.3"),)
    register_indicators([core])
    ind = Indicator.objects.get(code="LANG-TEST")
    assert translated(ind, "name", "ja").text == "リサイクル" and translated(ind, "name", "ko").text == "재활용"
    assert translated(ind, "name", "zh-hans").text == "回收"
    assert translated(ind, "definition", "ja").text == "定義"
    fallback = translated(ind, "definition", "ko")
    assert fallback.text == "d" and fallback.is_fallback
    assert ind.frameworks == [{"framework": "iso37120", "ref": "16.3"}]
    with pytest.raises(ValueError):
        CoreIndicator.from_row({**row, "name_fr": "Recyclage"})


@pytest.mark.django_db
@pytest.mark.parametrize(("lang", "words"), [
    ("zh-hans", ["报告频率", "每季度", "框架引用", "减少的碳排放"]),
    ("ja", ["報告頻度", "四半期", "フレームワーク参照", "削減した炭素排出量"]),
    ("ko", ["보고 주기", "분기별", "프레임워크 참조", "감축한 탄소 배출량"]),
])
def test_indicator_pages_speak_the_readers_language(client, demo, four_languages, lang, words):
    page = client.get(f"/{lang}/diagnosis/glasgow/indicators/GLA-CO2-REDUCED/").content.decode()
    for word in words:
        assert word in page, word
    for english in ("Reporting frequency", "Framework references", "How it is computed", "axis from 0",
                    "Series for", "higher is better", "SDG target"):
        assert english not in page, english
    listing = client.get(f"/{lang}/diagnosis/glasgow/indicators/").content.decode()
    assert "The city's own indicators" not in listing and "Coalition indicators" not in listing
