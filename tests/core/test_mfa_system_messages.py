"""A refused system definition is a Message: the same English as before, and the reader's
language (Chinese, Japanese, Korean) wherever it is shown (issues #12, #13)."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from circularcities.core.errors import DataImportError, ValidationError
from circularcities.core.i18n import Message
from circularcities.core.mfa.lifetimes import parse_lifetime
from circularcities.core.mfa.system import (
    BOUNDARY,
    Conversion,
    FlowSpec,
    Layer,
    Process,
    SystemDefinition,
    error_message,
)
from circularcities.core.mfa.system_io import from_json, read_xlsx, to_json, to_xlsx


def _defn(**kw) -> SystemDefinition:
    base = dict(name="Test", years=(2020, 2021, 2022),
                layers=(Layer("water", "m3"), Layer("energy", "MWh")),
                processes=(Process(BOUNDARY), Process("plant")),
                flows=(FlowSpec(BOUNDARY, "plant", "water", dict.fromkeys((2020, 2021, 2022), 10.0)),
                       FlowSpec("plant", BOUNDARY, "water", share=1.0)))
    base.update(kw)
    return SystemDefinition(**base)


def _refusal(defn: SystemDefinition) -> Message:
    with pytest.raises(ValidationError) as info:
        defn.validate()
    msg = error_message(info.value)
    assert isinstance(msg, Message)
    return msg


def test_a_loop_of_conversions_is_refused_in_every_language():
    msg = _refusal(_defn(conversions=(Conversion("plant", "water", "energy", 0.1),
                                      Conversion("plant", "energy", "water", 0.5))))
    assert str(msg) == ("Expected conversions between layers without a loop; these layers convert into each "
                        "other: water, energy.")
    assert msg.render("zh-hans") == "层之间的转换不应构成循环；以下层相互转换：water, energy。"
    assert msg.render("ja") == "レイヤー間の変換がループになっています。互いに変換し合うレイヤー：water, energy。"
    assert msg.render("ko") == "레이어 간 변환이 순환을 이룹니다. 서로 변환되는 레이어: water, energy."


def test_where_a_flow_is_and_what_is_wrong_are_both_translated():
    msg = _refusal(_defn(flows=(FlowSpec(BOUNDARY, "plant", "gold", {2020: 1.0}),)))
    assert str(msg) == "flow sysenv → plant (gold): unknown layer 'gold'."
    assert msg.render("zh-hans") == "流量 sysenv → plant（gold）：未知的层 'gold'。"
    assert msg.render("ja") == "フロー sysenv → plant（gold）：不明なレイヤー 'gold' です。"
    assert msg.render("ko") == "흐름 sysenv → plant (gold): 알 수 없는 레이어 'gold'입니다."


def test_a_missing_boundary_and_a_lifetime_missing_a_key():
    msg = _refusal(_defn(processes=(Process("plant"),), flows=()))
    assert (str(msg), msg.render("ja")) == ("Expected the boundary process 'sysenv'.",
                                            "システム境界のプロセス 'sysenv' が必要です。")
    with pytest.raises(ValidationError) as info:
        parse_lifetime({"distribution": "normal", "mean": 30})
    life = info.value.args[0]
    assert str(life) == "Expected keys mean, std for a normal lifetime; missing std."
    assert life.render("zh-hans") == "normal 寿命应有键 mean, std；缺少 std。"
    assert life.render("ko") == "normal 수명에는 키 mean, std가 필요합니다(누락: std)."


def test_a_workbook_problem_keeps_its_sheet_row_and_column_and_renders_in_japanese():
    wb = load_workbook(io.BytesIO(to_xlsx(_defn())))
    wb["flows"]["C2"] = "gold"
    wb["layers"]["B3"] = "furlongs"
    buf = io.BytesIO()
    wb.save(buf)
    with pytest.raises(DataImportError) as info:
        read_xlsx(buf.getvalue())
    by_sheet = {p.sheet: p for p in info.value.problems}
    flow = by_sheet["flows"]
    assert (flow.row, flow.column, flow.letter) == (2, "layer", "C")
    assert flow.text("en") == "Expected a layer listed on the sheet 'layers', got 'gold'."
    assert flow.text("ja") == "レイヤーはシート「layers」にあるレイヤーにしてください。入力値：'gold'。"
    unit = by_sheet["layers"]
    assert (unit.row, unit.column) == (3, "unit")
    assert unit.text("en").startswith("Field 'unit': ")
    assert unit.text("zh-hans").startswith("字段“unit”：") and unit.text("zh-hans") != unit.text("en")


def test_a_json_definition_refused_after_reading_speaks_korean():
    doc = to_json(_defn())
    doc["flows"][0]["layer"] = "gold"
    with pytest.raises(DataImportError) as info:
        from_json(doc)
    (problem,) = info.value.problems
    assert problem.sheet == "JSON"
    assert problem.text("en") == "flow sysenv → plant (gold): unknown layer 'gold'."
    assert problem.text("ko") == "흐름 sysenv → plant (gold): 알 수 없는 레이어 'gold'입니다."


def test_a_dynamic_stock_model_refuses_a_short_series_in_japanese():
    from circularcities.core.mfa.stock import compute_stock

    with pytest.raises(ValidationError) as info:
        compute_stock([2020, 2021, 2022], inflow=[1.0, 2.0], lifetime={"distribution": "normal", "mean": 5, "std": 1})
    msg = info.value.args[0]
    assert str(msg) == "Expected inflow to have one value per year (3), got 2."
    assert msg.render("ja") == "流入量は各年 1 つずつ（3 個）の値にしてください。入力：2 個。"
