"""City-defined indicators: the write path, permissions, pages and API."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import PermissionDenied

from circularcities.core.rules import FieldError
from circularcities.diagnosis.models import Indicator, IndicatorValue, IndicatorValueChange
from circularcities.diagnosis.services import save_indicator, set_value
from circularcities.diagnosis.values import set_typed_value
from circularcities.web.translated import translated
from tests.conftest import login

pytestmark = pytest.mark.django_db


def _define(user, city, code="EBUS-FLEET", **kw):
    args = {"names": {"en": "Electric buses in service", "zh-hans": "运营中的电动公交车"}, "unit": "buses",
            "direction": "higher_is_better", "frequency": "quarterly",
            "frameworks": [{"framework": "sdg", "ref": "11.2"}, {"framework": "iso37120", "ref": "19.1"}]}
    args.update(kw)
    return save_indicator(user=user, city=city, code=code, **args)


def test_an_editor_defines_a_quarterly_indicator_and_enters_quarters(city, owner):
    ind = _define(owner, city)
    assert ind.city == city and ind.frequency == "quarterly"
    assert translated(ind, "name", "zh-hans").text == "运营中的电动公交车"
    assert translated(ind, "name", "ja").is_fallback or translated(ind, "name", "ja").text
    set_typed_value(city, ind.code, 2024, 100, period=1, source="test", quality="measured", user=owner, via="form")
    set_typed_value(city, ind.code, 2024, 120, period=2, source="test", quality="estimated", user=owner, via="form")
    assert list(IndicatorValue.objects.filter(indicator=ind).values_list("period", "value")) == [(1, 100), (2, 120)]
    change = IndicatorValueChange.objects.filter(indicator=ind, period=2).get()
    assert change.changed_by == owner and change.new_value == 120


def test_a_quarterly_indicator_needs_a_quarter_and_an_annual_one_refuses_it(city, owner):
    ind = _define(owner, city)
    with pytest.raises(FieldError) as exc:
        set_value(city, ind.code, 2024, 1.0, period=5, source="x")
    assert exc.value.field == "period"
    with pytest.raises(FieldError):
        set_value(city, ind.code, 2024, 1.0, period=0, source="x")
    annual = _define(owner, city, code="EBUS-ANNUAL", frequency="annual")
    with pytest.raises(FieldError):
        set_value(city, annual.code, 2024, 1.0, period=2, source="x")


def test_bad_definitions_are_named(city, owner):
    for kw, field in [({"code": "bad code"}, "code"), ({"unit": ""}, "unit"),
                      ({"direction": "up"}, "direction"), ({"frequency": "weekly"}, "frequency"),
                      ({"names": {"zh-hans": "只有中文"}}, "name_en"),
                      ({"frameworks": [{"framework": "iso37120", "ref": "24.1"}]}, "frameworks"),
                      ({"computation": "formula", "expression": "NOPE_1 * 2"}, "formula"),
                      ({"computation": "formula", "expression": "a ** 2"}, "formula")]:
        args = {"code": "OK-CODE", **kw}
        with pytest.raises(FieldError) as exc:
            _define(owner, city, **args)
        assert exc.value.field == field, kw
    _define(owner, city, code="TAKEN")
    with pytest.raises(FieldError) as exc:
        _define(owner, city, code="TAKEN")
    assert exc.value.field == "code"


def test_unknown_term_error_names_it(city, owner):
    with pytest.raises(FieldError) as exc:
        _define(owner, city, code="RATIO", computation="formula", expression="EBUS_FLEET / DIESEL_BUSES")
    assert "EBUS_FLEET" in str(exc.value)


def test_formula_over_other_indicators_is_computed_and_follows_them(city, owner):
    fleet = _define(owner, city)
    ratio = _define(owner, city, code="EBUS-THOUSANDS", unit="thousand buses", computation="formula",
                    expression="EBUS_FLEET / 1000", frameworks=[])
    set_typed_value(city, fleet.code, 2024, 16000, period=1, source="s", quality="measured", user=owner, via="api")
    v = IndicatorValue.objects.get(indicator=ratio, year=2024, period=1)
    assert v.value == 16 and v.quality == "computed"
    set_typed_value(city, fleet.code, 2024, 15000, period=1, source="s", quality="measured", user=owner, via="api")
    v.refresh_from_db()
    assert v.value == 15
    with pytest.raises(FieldError):  # formula values are not typed
        set_typed_value(city, ratio.code, 2024, 1, period=1, source="s", quality="measured", user=owner, via="api")


def test_division_by_zero_skips_the_period_and_says_so(city, owner):
    from circularcities.diagnosis.services import recompute_formula

    a = _define(owner, city, code="A-IND", frequency="annual", frameworks=[])
    b = _define(owner, city, code="B-IND", frequency="annual", frameworks=[])
    set_value(city, a.code, 2023, 5.0, source="s")
    set_value(city, b.code, 2023, 0.0, source="s")
    ratio = _define(owner, city, code="A-PER-B", frequency="annual", computation="formula",
                    expression="A_IND / B_IND", frameworks=[])
    assert not IndicatorValue.objects.filter(indicator=ratio).exists()
    written, problems = recompute_formula(city, ratio, dry_run=True)
    assert written == 0 and "2023" in problems[0] and "B_IND" in problems[0]


def test_a_formula_cannot_read_itself_through_another(city, owner):
    _define(owner, city, code="X-IND", frequency="annual", frameworks=[])
    y = _define(owner, city, code="Y-IND", frequency="annual", computation="formula", expression="X_IND * 2",
                frameworks=[])
    x = Indicator.objects.get(code="X-IND")
    with pytest.raises(FieldError) as exc:
        save_indicator(user=owner, indicator=x, names={"en": "X"}, unit="t", direction="higher_is_better",
                       frequency="annual", computation="formula", expression="Y_IND + 1")
    assert exc.value.field == "formula"
    assert y.expression == "X_IND * 2"


def test_formula_over_a_system_flow(city, owner):
    from circularcities.systems.models import Flow, Layer, Process, System

    system = System.objects.create(city=city, first_year=2020, last_year=2021, name="Test system")
    layer = Layer.objects.create(system=system, code="material", unit="t")
    a = Process.objects.create(system=system, code="collection", name="Collection")
    b = Process.objects.create(system=system, code="recycling", name="Recycling")
    Flow.objects.create(system=system, origin=a, destination=b, layer=layer, values={"2020": 30, "2021": {"x": 10, "y": 5}})
    ind = _define(owner, city, code="RECYCLED-KT", unit="kt", frequency="annual", computation="formula",
                  expression='flow("collection", "recycling", "material") / 1000', system=system, frameworks=[])
    assert dict(IndicatorValue.objects.filter(indicator=ind).values_list("year", "value")) == {2020: 0.03, 2021: 0.015}
    with pytest.raises(FieldError) as exc:
        _define(owner, city, code="NO-FLOW", frequency="annual", computation="formula",
                expression='flow("recycling", "collection", "material")', system=system, frameworks=[])
    assert 'flow("recycling", "collection", "material")' in str(exc.value)


# -- permissions: secretariat, the owning city's editor, another city's editor, an outsider ----
def test_permissions(city, other_city, owner, member, outsider, secretariat):
    from circularcities.diagnosis.permissions import (
        can_create_indicator,
        can_edit_indicator,
        can_enter_values,
    )

    ind = _define(owner, city)
    coalition = Indicator.objects.filter(city__isnull=True).first()
    assert can_edit_indicator(secretariat, ind) and can_edit_indicator(owner, ind)
    assert not can_edit_indicator(outsider, ind) and not can_edit_indicator(member, ind)
    assert can_edit_indicator(secretariat, coalition) and not can_edit_indicator(owner, coalition)
    assert can_create_indicator(secretariat, None) and not can_create_indicator(owner, None)
    assert can_enter_values(owner, city, coalition) and can_enter_values(owner, city, ind)
    assert not can_enter_values(outsider, other_city, ind)
    with pytest.raises(PermissionDenied):
        _define(outsider, city, code="NOT-MINE")
    with pytest.raises(PermissionDenied):
        _define(member, city, code="NOT-MINE")
    with pytest.raises(PermissionDenied):
        save_indicator(user=owner, city=None, code="COALITION-NEW", names={"en": "x"}, unit="t",
                       direction="higher_is_better")
    with pytest.raises(FieldError):  # another city's own indicator takes no value from this city
        set_value(other_city, ind.code, 2024, 1.0, period=1, source="x")


def test_pages(client, city, owner, outsider):
    ind = _define(owner, city)
    set_typed_value(city, ind.code, 2024, 10, period=1, source="s", quality="measured", user=owner, via="form")
    page = client.get(f"/diagnosis/{city.slug}/indicators/")
    assert page.status_code == 200 and b"EBUS-FLEET" in page.content and b"SW-RECYCLING" in page.content
    assert b"new-indicator" not in page.content
    detail = client.get(f"/diagnosis/{city.slug}/indicators/EBUS-FLEET/")
    assert detail.status_code == 200 and b'data-testid="bar-value">10<' in detail.content
    assert b"Q1" in detail.content and b"SDG target" in detail.content and b"period-value-form" not in detail.content
    assert client.get(f"/diagnosis/{city.slug}/indicators/new/").status_code == 302  # to the login
    login(client, outsider)
    assert client.get(f"/diagnosis/{city.slug}/indicators/new/").status_code == 403
    assert client.post(f"/diagnosis/{city.slug}/indicators/EBUS-FLEET/",
                       {"year": 2024, "period": 2, "value": 5, "quality": "measured", "source": "x"}).status_code == 403
    login(client, owner)
    r = client.post(f"/diagnosis/{city.slug}/indicators/new/", {
        "code": "GLA-TEST", "name_en": "Test", "unit": "t", "direction": "lower_is_better", "frequency": "annual",
        "computation": "direct", "framework_1": "iso37120", "ref_1": "99.1"})
    assert r.status_code == 400 and b"16.1" in r.content
    r = client.post(f"/diagnosis/{city.slug}/indicators/new/", {
        "code": "GLA-TEST", "name_en": "Test", "unit": "t", "direction": "lower_is_better", "frequency": "annual",
        "computation": "direct", "framework_1": "iso37120", "ref_1": "16.1"})
    assert r.status_code == 302
    r = client.post(f"/diagnosis/{city.slug}/indicators/EBUS-FLEET/",
                    {"year": 2024, "period": 2, "value": 12, "quality": "estimated", "source": "x"})
    assert r.status_code == 302
    assert IndicatorValue.objects.get(indicator=ind, year=2024, period=2).value == 12


# -- API ----------------------------------------------------------------------------------------
def test_api_create_patch_and_enter_values(client, city, owner, outsider):
    login(client, owner)
    body = {"code": "API-IND", "name": {"en": "From the API", "ja": "APIから"}, "unit": "t",
            "direction": "lower_is_better", "frequency": "monthly",
            "frameworks": [{"framework": "eu_cmu", "ref": "7b"}]}
    r = client.post(f"/api/diagnosis/cities/{city.slug}/own-indicators", json.dumps(body),
                    content_type="application/json")
    assert r.status_code == 201, r.content
    out = r.json()
    assert out["city"] == city.slug and out["name"]["en"] == "From the API" and out["frequency"] == "monthly"
    r = client.patch("/api/diagnosis/indicators/API-IND", json.dumps({"unit": "kt"}), content_type="application/json")
    assert r.status_code == 200 and r.json()["unit"] == "kt" and r.json()["name"]["ja"] == "APIから"
    assert r.json()["frameworks"] == [{"framework": "eu_cmu", "ref": "7b"}]
    r = client.put(f"/api/diagnosis/cities/{city.slug}/indicators/API-IND/2024",
                   json.dumps({"value": 3, "period": 11, "source": "api", "quality": "measured"}),
                   content_type="application/json")
    assert r.status_code == 200 and r.json()["period"] == 11
    r = client.put(f"/api/diagnosis/cities/{city.slug}/indicators/API-IND/2024",
                   json.dumps({"value": 3, "source": "api", "quality": "measured"}), content_type="application/json")
    assert r.status_code == 422 and "period" in r.json()["detail"]
    r = client.post(f"/api/diagnosis/cities/{city.slug}/own-indicators", json.dumps({**body, "code": "API-TWO",
                    "frameworks": [{"framework": "iso37120", "ref": "30.1"}]}), content_type="application/json")
    assert r.status_code == 422 and "frameworks" in r.json()["detail"]
    listed = client.get(f"/api/diagnosis/indicators?city={city.slug}").json()
    assert "API-IND" in {i["code"] for i in listed}
    assert "API-IND" not in {i["code"] for i in client.get("/api/diagnosis/indicators").json()}
    login(client, outsider)
    r = client.patch("/api/diagnosis/indicators/API-IND", json.dumps({"unit": "g"}), content_type="application/json")
    assert r.status_code == 403
    r = client.post(f"/api/diagnosis/cities/{city.slug}/own-indicators", json.dumps({**body, "code": "API-3"}),
                    content_type="application/json")
    assert r.status_code == 403
