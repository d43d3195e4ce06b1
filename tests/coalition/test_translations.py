"""Content per language (django-parler): the two old columns moved into translation rows,
further languages come from content_<lang>.json, and a reader whose language has no
text sees English marked "not yet translated"."""

import json

import pytest
from django.utils.html import escape

from circularcities.coalition import demo as coalition_demo
from circularcities.coalition.content_files import ContentFileError, read_content
from circularcities.coalition.models import City, ThematicArea
from circularcities.knowledge import demo as knowledge_demo
from circularcities.knowledge.models import Case
from circularcities.web.translated import translated

pytestmark = pytest.mark.django_db

JA = {
    "cases": {"shenzhen-electric-buses": {
        "title": "深圳の電気バス", "summary": "深圳市はすべての路線バスを電気バスに切り替えた。",
        "keywords": ["電気バス"], "figures": [{"label": "電気バスの台数", "note": ""}]}},
    "areas": {"procurement": {"name": "食品廃棄物", "description": ""}},
    "cities": {"amsterdam": {"name": "アムステルダム", "country_name": "オランダ"}},
}


@pytest.fixture
def with_japanese(settings):
    """A platform that ran in English and Chinese (no Japanese text anywhere) now adds Japanese."""
    from django.apps import apps
    from parler.models import TranslatedFieldsModel

    for model in apps.get_models():
        if issubclass(model, TranslatedFieldsModel):
            model.objects.filter(language_code="ja").delete()
    settings.LANGUAGES = [("en", "English"), ("zh-hans", "简体中文"), ("ja", "日本語")]


def test_english_and_chinese_moved_into_translation_rows(demo):
    case = Case.objects.get(slug="shenzhen-electric-buses")
    assert set(case.get_available_languages()) >= {"en", "zh-hans"}
    assert case.title_en and case.title_zh and case.title_en != case.title_zh
    assert translated(case, "title", "zh-hans").text == case.title_zh
    assert case.figures.first().label_zh


def test_content_file_adds_a_language(tmp_path, demo, with_japanese):
    (tmp_path / "content_ja.json").write_text(json.dumps(JA, ensure_ascii=False), encoding="utf-8")
    coalition_demo.load(log=lambda *a: None, content_dir=tmp_path)
    knowledge_demo.load(log=lambda *a: None, content_dir=tmp_path)
    case = Case.objects.get(slug="shenzhen-electric-buses")
    assert translated(case, "title", "ja").text == "深圳の電気バス"
    assert translated(case, "title", "ja").is_fallback is False
    assert case.keywords_ja == ["電気バス"]
    assert case.figures.get(order=0).label_ja == "電気バスの台数"
    assert case.title_en  # English untouched
    assert City.objects.get(slug="amsterdam").t("name", "ja") == "アムステルダム"
    assert ThematicArea.objects.get(slug="procurement").t("name", "ja") == "食品廃棄物"
    other = Case.objects.exclude(slug="shenzhen-electric-buses").first()
    fallback = translated(other, "title", "ja")
    assert fallback.is_fallback and fallback.text == other.title_en and fallback.language == "en"


def test_a_content_file_with_an_unknown_field_is_refused(tmp_path):
    path = tmp_path / "content_ja.json"
    path.write_text(json.dumps({"cases": {"x": {"titel": "typo"}}}), encoding="utf-8")
    with pytest.raises(ContentFileError, match="titel"):
        read_content(path)
    path.write_text(json.dumps({"recipes": {}}), encoding="utf-8")
    with pytest.raises(ContentFileError, match="recipes"):
        read_content(path)


def test_a_page_without_the_readers_language_says_so(client, demo):
    case = Case.objects.get(slug="shenzhen-electric-buses")
    other = Case.objects.exclude(pk=case.pk).first()
    urls = case.get_absolute_url(), other.get_absolute_url()
    case.translations.filter(language_code="zh-hans").delete()
    page = client.get(f"/zh-hans{urls[0]}").content.decode()
    assert 'class="untranslated"' in page and escape(case.title_en) in page
    page = client.get(f"/zh-hans{urls[1]}").content.decode()
    assert escape(other.title_zh) in page and 'data-testid="case-title"><span lang' not in page


def test_new_content_in_one_language_only(demo, two_languages):
    city = City.objects.get(slug="amsterdam")
    area = ThematicArea(slug="test-area", order=99, name_en="Test area")
    area.save()
    area = ThematicArea.objects.get(pk=area.pk)
    assert area.name_zh == "" and area.t("name", "zh-hans") == "Test area"
    assert translated(area, "name", "zh-hans").is_fallback
    assert city.t("name", "ko") == city.name_en  # Korean not a platform language here: English
