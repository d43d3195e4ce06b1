"""Typing a value: same rules on the form and the API; every change is kept."""

import pytest

from circularcities.core.errors import ValidationError
from circularcities.diagnosis.imports import import_file, read_files
from circularcities.diagnosis.models import IndicatorValue, IndicatorValueChange
from circularcities.diagnosis.values import ComputedValueError, set_typed_value
from tests.diagnosis.helpers import workbook

pytestmark = pytest.mark.django_db


@pytest.fixture
def imported(other_city):
    import_file(other_city, read_files([("c.xlsx", workbook())]))
    return other_city


def test_computed_value_needs_an_explicit_override(imported, owner):
    with pytest.raises(ComputedValueError, match="computed from the metabolism model"):
        set_typed_value(imported, "SW-RECYCLING", 2021, 70.0, source="stats", quality="measured",
                        user=owner, via="form")
    assert IndicatorValue.objects.get(city=imported, indicator_id="SW-RECYCLING", year=2021).quality == "computed"
    set_typed_value(imported, "SW-RECYCLING", 2021, 70.0, source="stats", quality="measured", user=owner,
                    via="form", override=True)
    assert IndicatorValue.objects.get(city=imported, indicator_id="SW-RECYCLING", year=2021).value == 70.0


@pytest.mark.parametrize("kwargs,field", [
    ({"quality": "computed"}, "quality"),
    ({"value": -1.0}, "value"),
    ({"value": float("nan")}, "value"),
    ({"source": "  "}, "source"),
])
def test_typed_value_rules(city, owner, kwargs, field):
    args = {"value": 10.0, "source": "stats", "quality": "measured"} | kwargs
    with pytest.raises(ValidationError, match=f"Field '{field}'"):
        set_typed_value(city, "EN-RENEWABLE", 2022, args["value"], source=args["source"],
                        quality=args["quality"], user=owner, via="form")


def test_history_keeps_who_when_old_and_new(city, owner, secretariat):
    set_typed_value(city, "EN-RENEWABLE", 2022, 10.0, source="a", quality="estimated", user=owner, via="form")
    set_typed_value(city, "EN-RENEWABLE", 2022, 12.0, source="b", quality="measured", user=secretariat, via="api")
    set_typed_value(city, "EN-RENEWABLE", 2022, 12.0, source="b", quality="measured", user=owner, via="form")
    changes = list(IndicatorValueChange.objects.filter(city=city, indicator_id="EN-RENEWABLE", year=2022)
                   .order_by("id"))
    assert [(c.old_value, c.new_value, c.changed_by) for c in changes] == [(None, 10.0, owner),
                                                                           (10.0, 12.0, secretariat)]
    assert changes[1].old_quality == "estimated" and changes[1].new_source == "b"


def test_form_saves_and_history_page_shows_the_change(client, city, owner):
    client.force_login(owner)
    url = f"/diagnosis/{city.slug}/values/edit/"
    resp = client.post(url, {"indicator": "EN-RENEWABLE", "year": 2022, "value": "17.5", "quality": "proxy",
                             "source": "national energy statistics"})
    assert resp.status_code == 302
    v = IndicatorValue.objects.get(city=city, indicator_id="EN-RENEWABLE", year=2022)
    assert (v.value, v.quality, v.updated_by) == (17.5, "proxy", owner)
    client.post(url, {"indicator": "EN-RENEWABLE", "year": 2022, "value": "18", "quality": "measured",
                      "source": "energy office"})
    page = client.get(f"/diagnosis/{city.slug}/history/?code=EN-RENEWABLE").content.decode()
    assert "owner" in page and "17.500" in page and "→ 18.000" in page and "proxy → measured" in page


def test_form_refuses_to_type_over_a_computed_value_silently(client, imported, make_user):
    editor = make_user("chn-ed", "city", [imported])
    client.force_login(editor)
    url = f"/diagnosis/{imported.slug}/values/edit/"
    form = {"indicator": "SW-RECYCLING", "year": 2021, "value": "70", "quality": "measured", "source": "stats"}
    resp = client.post(url, form)
    assert resp.status_code == 400 and "Tick the box" in resp.content.decode()
    assert IndicatorValue.objects.get(city=imported, indicator_id="SW-RECYCLING", year=2021).quality == "computed"
    resp = client.post(url, form | {"override": "on"})
    assert resp.status_code == 302
    assert IndicatorValue.objects.get(city=imported, indicator_id="SW-RECYCLING", year=2021).value == 70.0


def test_form_shows_errors_for_bad_input(client, city, owner):
    client.force_login(owner)
    resp = client.post(f"/diagnosis/{city.slug}/values/edit/", {"indicator": "NOPE", "year": 3000, "value": "x",
                                                                "quality": "computed", "source": ""})
    assert resp.status_code == 400
    form = resp.context["form"]
    assert {"indicator", "year", "value", "quality", "source"} <= set(form.errors)


def test_assessment_form_saves_and_dashboard_shows_the_change(client, city, owner):
    import datetime as dt

    from circularcities.core.maturity import R_STRATEGIES
    from circularcities.diagnosis.models import MaturityAssessment

    client.force_login(owner)
    url = f"/diagnosis/{city.slug}/maturity/new/"
    form = {"date": "2025-03-01", "subject": "city"} | {f"level_{r}": 5 for r in R_STRATEGIES}
    resp = client.post(url, form | {"note_repair": "two new repair cafés"})
    assert resp.status_code == 302
    a = MaturityAssessment.objects.get(city=city, subject="city", date=dt.date(2025, 3, 1))
    assert a.levels == {r: 5 for r in R_STRATEGIES} and a.assessor == owner
    assert a.notes == {"repair": "two new repair cafés"}
    view = client.get(f"/diagnosis/{city.slug}/").context["maturity"]
    assert view.latest == a and view.overall == 5 and view.overall_change > 0


def test_assessment_form_needs_every_r(client, city, owner):
    from circularcities.diagnosis.models import MaturityAssessment

    client.force_login(owner)
    before = MaturityAssessment.objects.count()
    resp = client.post(f"/diagnosis/{city.slug}/maturity/new/",
                       {"date": "2025-03-01", "subject": "city", "level_rethink": 3})
    assert resp.status_code == 400 and "level_recover" in resp.context["form"].errors
    assert MaturityAssessment.objects.count() == before
