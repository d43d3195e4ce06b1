"""The platform's one set of input rules (core.rules): bounds, messages in both languages."""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal

import pytest

from circularcities.core import rules
from circularcities.core.errors import CircularCitiesError, ValidationError
from circularcities.core.rules import FieldError


def test_field_error_is_a_core_validation_error_naming_the_field():
    exc = FieldError("population", rules.AT_MOST, maximum="100,000,000", value="1e+12")
    assert isinstance(exc, ValidationError) and isinstance(exc, CircularCitiesError)
    assert exc.field == "population"
    assert str(exc) == "Field 'population': Expected at most 100,000,000; got 1e+12."
    assert exc.text("zh-hans") == "应不大于 100,000,000；收到 1e+12。"
    assert exc.full("zh-hans") == "字段“population”：应不大于 100,000,000；收到 1e+12。"


@pytest.mark.parametrize("lang", ["zh-hans", "ja", "ko"])
def test_every_message_exists_in_every_platform_language_and_formats(lang):
    params = {"value": "x", "minimum": 1, "maximum": 2, "today": "2024-01-01", "choices": "a, b",
              "char": "U+0002", "position": 3, "length": 9, "field": "f", "message": "m"}
    msgs = [v for v in vars(rules).values() if isinstance(v, rules.Msg)] + [FieldError.PREFIX]
    assert len(msgs) >= 20
    for m in msgs:
        english = m.render("en", params)
        assert "%" not in english.replace("100 %", "")  # every parameter filled
        translated = m.render(lang, params)
        assert translated != english, (lang, m.en)
        assert "%" not in translated.replace("100 %", ""), (lang, m.en)


def test_japanese_and_korean_field_errors():
    exc = FieldError("year", rules.YEAR, minimum=1900, maximum=2100, value="20230")
    assert exc.full("ja") == "項目「year」：1900～2100 の年を入力してください。入力値：20230。"
    assert exc.text("ko") == "1900~2100년 사이여야 합니다. 입력값: 20230."
    assert exc.text("fr") == exc.text("en")  # a language without a catalogue reads English


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf, "nan", "Infinity", Decimal("NaN")])
def test_numbers_refuse_nan_and_infinity(bad):
    with pytest.raises(FieldError) as exc:
        rules.non_negative("tonnes", bad, maximum=rules.MAX_TONNES)
    assert exc.value.field == "tonnes"


def test_numbers_are_bounded_with_explicit_maxima():
    assert rules.non_negative("t", "1,200", maximum=rules.MAX_TONNES) == 1200.0
    assert rules.positive("a", Decimal("2.5"), maximum=10) == Decimal("2.5")
    assert rules.non_negative("p", 5.0, maximum=rules.MAX_POPULATION, integer=True) == 5
    assert rules.non_negative("x", None, maximum=1, required=False) is None
    with pytest.raises(FieldError, match="at most 100,000,000"):
        rules.non_negative("population", 10**12, maximum=rules.MAX_POPULATION)
    with pytest.raises(FieldError, match="at most"):
        rules.non_negative("money", 10**400, maximum=rules.MAX_MONEY)  # int too large for a float
    with pytest.raises(FieldError, match="above 0"):
        rules.positive("area_km2", 0, maximum=rules.MAX_AREA_KM2)
    with pytest.raises(FieldError, match="0 or more"):
        rules.non_negative("tonnes", -1, maximum=rules.MAX_TONNES)
    with pytest.raises(FieldError, match="whole number"):
        rules.non_negative("population", 1.5, maximum=rules.MAX_POPULATION, integer=True)
    with pytest.raises(FieldError, match="not a number"):
        rules.non_negative("t", "ten", maximum=10)
    with pytest.raises(FieldError, match="not a number"):
        rules.non_negative("t", True, maximum=10)
    with pytest.raises(FieldError, match="required"):
        rules.non_negative("t", "", maximum=10)


def test_shares_fractions_and_indicator_values():
    assert rules.share("s", 100) == 100.0
    with pytest.raises(FieldError, match="between 0 and 100 %"):
        rules.share("s", 100.5)
    with pytest.raises(FieldError, match="between 0 and 1"):
        rules.fraction("f", 1.01)
    assert rules.indicator_value("v", "kg/cap", -5) == -5.0
    with pytest.raises(FieldError, match="between 0 and 100 %"):
        rules.indicator_value("v", "%", 1e308)
    with pytest.raises(FieldError, match="at most 1e\\+15"):
        rules.indicator_value("v", "t", 2e15)


def test_one_range_of_data_years():
    assert (rules.YEAR_MIN, rules.YEAR_MAX) == (1900, 2100)
    assert rules.year("year", 2023) == 2023 and rules.year("year", "2023") == 2023
    assert rules.year("year", 2023.0) == 2023
    for bad in (1899, 2101, 2023.5, "20230", True, math.nan, "next year"):
        with pytest.raises(FieldError, match="from 1900 to 2100"):
            rules.year("year", bad)
    rules.year_after("target_year", 2030, 2020)
    with pytest.raises(FieldError, match="after the baseline"):
        rules.year_after("target_year", 2020, 2020)


def test_dates_are_bounded_and_not_in_the_future_when_asked():
    today = dt.date(2024, 6, 1)
    assert rules.date("date", "2024-05-31", not_future=True, today=today) == dt.date(2024, 5, 31)
    with pytest.raises(FieldError, match="not in the future"):
        rules.date("date", dt.date(2024, 6, 2), not_future=True, today=today)
    with pytest.raises(FieldError, match="from 1990-01-01"):
        rules.date("date", dt.date(1989, 12, 31))
    with pytest.raises(FieldError, match="such as 2024-03-31"):
        rules.date("date", "31/03/2024")


def test_the_full_iso_4217_list_and_one_check():
    assert len(rules.ISO_4217) == 157
    for code in ("EUR", "CNY", "GBP", "BRL", "XOF", "ZWG", "VED", "XCG"):
        assert code in rules.ISO_4217
    for gone in ("HRK", "SLL", "ZWL", "RMB", "XAU", "XTS"):
        assert gone not in rules.ISO_4217
    assert rules.currency("currency", " eur ") == "EUR"
    assert rules.currency("currency", "", required=False) == ""
    with pytest.raises(FieldError, match="ISO 4217") as exc:
        rules.currency("currency", "RMB")
    assert "RMB" in str(exc.value)
    assert rules.money_currency("currency", "", None) == ""
    with pytest.raises(FieldError, match="needs its currency"):
        rules.money_currency("currency", "", 100)


@pytest.mark.parametrize("char", ["\x00", "\x02", "\x1b", "\x7f", "\x85", "\u2028", "\u2029", "\ud800"])
def test_names_and_texts_refuse_control_characters(char):
    with pytest.raises(FieldError, match="control character") as exc:
        rules.name("receiver_name", f"Acme{char}Ltd")
    assert exc.value.params["char"] == f"U+{ord(char):04X}" and exc.value.params["position"] == 5
    assert "控制字符" in exc.value.text("zh-hans")
    with pytest.raises(FieldError, match="control character"):
        rules.text("description", f"line one\nline{char}two")


def test_single_line_names_refuse_line_breaks_and_texts_keep_them():
    with pytest.raises(FieldError, match="one line"):
        rules.name("title_en", "Two\nlines")
    with pytest.raises(FieldError, match="one line"):
        rules.name("title_en", "tab\there")
    assert rules.text("profile_en", " a\r\nb\tc\r") == "a\nb\tc"
    assert rules.name("title_en", "  Crushed concrete 碎混凝土  ") == "Crushed concrete 碎混凝土"


def test_text_lengths_and_required():
    with pytest.raises(FieldError, match="at most 5 characters; got 6"):
        rules.name("code", "abcdef", max_length=5)
    with pytest.raises(FieldError, match="required"):
        rules.name("name_en", "   ", required=True)
    assert rules.plain("ok\n") and not rules.plain("bad\x02")


def test_coordinates_and_choices():
    assert rules.latitude("lat", "52.1") == 52.1
    with pytest.raises(FieldError, match="latitude"):
        rules.latitude("lat", 95)
    with pytest.raises(FieldError, match="longitude"):
        rules.longitude("lon", -181)
    assert rules.choice("unit", "t", ("t", "m3", "pcs")) == "t"
    with pytest.raises(FieldError, match="one of t, m3, pcs"):
        rules.choice("unit", "kg", ("t", "m3", "pcs"))


def test_slug_country_and_email_rules():
    import pytest as _pytest

    from circularcities.core import rules as r

    assert r.slug("slug", " new-city ") == "new-city"
    for bad in ("New City", "-x", "a--b", "", "é"):
        with _pytest.raises(r.FieldError):
            r.slug("slug", bad)
    assert r.country("country", "nl") == "NL"
    assert r.country("country", "", required=False) == ""
    for bad in ("NLD", "1A", "", "ÉÉ"):
        with _pytest.raises(r.FieldError):
            r.country("country", bad)
    assert r.email("email", " a@b.org ") == "a@b.org"
    with _pytest.raises(r.FieldError):
        r.email("email", "not an address")
