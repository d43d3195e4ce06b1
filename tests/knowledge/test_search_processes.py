"""Two processes over one database: each index sees the other's edits at its next query."""

import pytest
from django.utils import timezone

from circularcities.coalition.models import City, ThematicArea
from circularcities.knowledge.models import Case, KeyFigure, SearchState
from circularcities.knowledge.search import CaseSearch, _snapshot_path


def slugs(hits):
    return [h.case.slug for h in hits]


@pytest.mark.django_db
def test_an_edit_through_one_index_is_seen_by_the_other(demo):
    web1, web2 = CaseSearch(), CaseSearch()
    assert web1.search("zyxwvu") == [] and web2.search("zyxwvu") == []
    case = Case.objects.get(slug="copenhagen-reused-bricks-lca")
    case.summary_en += " zyxwvu"
    case.save()
    assert slugs(web2.search("zyxwvu")) == [case.slug]
    assert slugs(web1.search("zyxwvu")) == [case.slug]
    case.published = False
    case.save()
    assert web2.search("zyxwvu") == [] and web1.search("zyxwvu") == []


@pytest.mark.django_db
def test_figures_tags_and_city_names_are_seen(demo):
    web1, web2 = CaseSearch(), CaseSearch()
    web1.search("bricks"), web2.search("bricks")
    case = Case.objects.get(slug="copenhagen-reused-bricks-lca")
    KeyFigure.objects.create(case=case, label_en="Qwertyuiop bricks", label_zh="砖", value=1, unit="t")
    assert slugs(web2.search("qwertyuiop")) == [case.slug]
    case.areas.clear()
    area = ThematicArea.objects.order_by("slug").first()
    assert web1.search("qwertyuiop", area=area.slug) == []
    case.areas.add(area)
    assert slugs(web1.search("qwertyuiop", area=area.slug)) == [case.slug]
    city = City.objects.get(pk=case.city_id)
    city.name_en = "Kopenhagenstadt"
    city.save()
    assert case.slug in slugs(web2.search("Kopenhagenstadt"))


@pytest.mark.django_db
def test_a_new_process_starts_from_the_saved_index(demo):
    first = CaseSearch()
    first.search("bricks")
    path = _snapshot_path()
    assert path.exists()
    saved_at = first.version
    case = Case.objects.get(slug="shenzhen-electric-buses")
    case.title_en += " zyxwvu"
    case.save()
    # A new process loads the file (made before the edit) and applies the logged edit.
    second = CaseSearch()
    assert slugs(second.search("zyxwvu")) == [case.slug]
    assert second.version != saved_at
    assert second.version == tuple(SearchState.objects.values_list("version", "token").get())


@pytest.mark.django_db
def test_a_saved_index_from_another_history_is_not_used(demo):
    first = CaseSearch()
    first.search("bricks")
    # Pretend the database was reset: the saved version is not in its change log.
    SearchState.objects.update(version=10**9, token="elsewhere")
    from circularcities.knowledge.models import SearchChange

    SearchChange.objects.all().delete()
    case = Case.objects.get(slug="shenzhen-electric-buses")
    Case.translations.rel.related_model.objects.filter(master=case, language_code="en").update(
        title="Shenzhen zyxwvu buses")
    # A write behind the models' back: the case's timestamp says its text changed.
    Case.objects.filter(pk=case.pk).update(updated_at=timezone.now())
    second = CaseSearch()
    assert slugs(second.search("zyxwvu")) == [case.slug]
