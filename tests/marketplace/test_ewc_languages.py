"""The EU List of Waste in the reader's language: the listing page, the material picker,
the chapter filter and deal notifications; the official English stays beside it."""

from __future__ import annotations

import pytest

from circularcities.core.waste import ewc

CONCRETE = ("entry", "170101")


def _tr(lang, key=CONCRETE):
    return ewc.translations()[lang][key]


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["zh-hans", "ja", "ko"])
def test_listing_page_names_the_waste_in_the_readers_language(client, offer, lang):
    html = client.get(f"/{lang}/marketplace/listings/{offer.pk}/").content.decode()
    assert _tr(lang) in html
    assert '<span lang="en">Concrete</span>' in html  # the official English beside it


@pytest.mark.django_db
def test_english_page_shows_the_official_text_only(client, offer):
    html = client.get(f"/marketplace/listings/{offer.pk}/").content.decode()
    assert "Concrete" in html
    for lang in ("zh-hans", "ja", "ko"):
        assert _tr(lang) not in html


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["zh-hans", "ja", "ko"])
def test_material_picker_searches_and_answers_in_the_readers_language(client, lang):
    word = _tr(lang)
    rows = client.get("/api/marketplace/materials", {"q": word},
                      HTTP_ACCEPT_LANGUAGE=lang).json()
    hit = [r for r in rows if r["key"] == "17 01 01"]
    assert hit and hit[0]["label"] == word
    assert hit[0]["group"] == _tr(lang, ("subchapter", "1701"))
    # an English word finds it too, named in the reader's language
    rows = client.get("/api/marketplace/materials", {"q": "170101"}, HTTP_ACCEPT_LANGUAGE=lang).json()
    assert rows[0]["label"] == word


@pytest.mark.django_db
def test_chapter_filter_is_in_the_readers_language(client, offer):
    html = client.get("/ko/marketplace/").content.decode()
    assert _tr("ko", ("chapter", "17")) in html


@pytest.mark.django_db
def test_listing_material_label_follows_the_language_and_exchanges_store_english(offer):
    from django.utils.translation import override

    from circularcities.marketplace.services import _stored_label

    with override("ja"):
        assert offer.material_label == f"17 01 01 {_tr('ja')}"
        assert _stored_label(offer) == "17 01 01 Concrete"
