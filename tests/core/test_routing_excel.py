"""Scenario workbooks: template, round trip, and row-by-row error reports."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from circularcities.core.errors import DataImportError
from circularcities.core.routing import (
    compare_partitions,
    read_scenario,
    read_scenario_workbook,
    write_result,
    write_scenario,
    write_template,
)
from circularcities.core.routing.excel import SHEETS
from tests.core.test_routing_support import (  # noqa: F401
    small_scenario,
)


def test_template_has_every_sheet_and_header(tmp_path):
    path = tmp_path / "t.xlsx"
    write_template(path)
    wb = load_workbook(path)
    assert wb.sheetnames[:6] == ["settings", "points", "depots", "facilities", "vehicles", "plans"]
    for sheet, columns in SHEETS.items():
        assert [c.value for c in wb[sheet][1]] == [c.name for c in columns]
    scenario, settings_ = read_scenario_workbook(path)  # empty but readable
    assert scenario.points == () and settings_["currency"] == "JPY"


def test_round_trip(tmp_path):
    s = small_scenario()
    path = tmp_path / "s.xlsx"
    write_scenario(path, s, {"seconds": 2, "seed": 7})
    back, settings_ = read_scenario_workbook(path)
    assert back == s
    assert settings_["seconds"] == 2 and settings_["seed"] == 7


def _broken(tmp_path, edit):
    path = tmp_path / "bad.xlsx"
    write_scenario(path, small_scenario())
    wb = load_workbook(path)
    edit(wb)
    wb.save(path)
    with pytest.raises(DataImportError) as info:
        read_scenario(path)
    return info.value.problems


def test_bad_cells_are_all_reported_with_location(tmp_path):
    def edit(wb):
        wb["points"]["D2"] = "north"      # lat not a number
        wb["points"]["E3"] = 300          # lon out of range
        wb["points"]["H4"] = 200          # earliest > latest (latest empty -> fine) ...
        wb["points"]["I4"] = 100          # ... now earliest 200 > latest 100
        wb["vehicles"]["C2"] = "dX"       # unknown depot
        wb["vehicles"]["D3"] = 1.5        # count not whole
        wb["depots"]["A3"] = "dN"         # duplicate id
        wb["plans"]["B2"] = "North + Atlantis"
    problems = _broken(tmp_path, edit)
    where = {(p.sheet, p.row, p.column) for p in problems}
    assert ("points", 2, "lat") in where
    assert ("points", 3, "lon") in where
    assert ("points", 4, "earliest_min") in where
    assert ("vehicles", 2, "depot_id") in where
    assert ("vehicles", 3, "count") in where
    assert ("depots", 3, "id") in where
    assert ("plans", 2, "municipalities") in where
    texts = [str(p) for p in problems]
    assert any(t.startswith("Sheet 'points', row 2, column D 'lat': Expected a number") for t in texts)


def test_missing_sheet_is_refused_before_rows_and_missing_column_named(tmp_path):
    def no_sheet(wb):
        del wb["facilities"]
        wb["vehicles"]["E1"] = "payload"
    texts = [str(p) for p in _broken(tmp_path, no_sheet)]
    # The sheet is missing: said alone, since no row was read.
    assert texts == ["Sheet 'facilities': Expected a sheet named 'facilities'; the workbook's sheets are "
                     "'settings', 'points', 'depots', 'vehicles', 'plans', 'help'."]

    def no_column(wb):
        wb["vehicles"]["E1"] = "payload"
    texts = [str(p) for p in _broken(tmp_path, no_column)]
    assert any(t.startswith("Sheet 'vehicles', row 1, column 'capacity_t': Expected a column 'capacity_t'")
               for t in texts), texts


def test_bad_currency_and_incomplete_plan(tmp_path):
    def edit(wb):
        wb["settings"]["B3"] = "yen!"
        wb["plans"].delete_rows(3)  # plan 'apart' loses South
    problems = _broken(tmp_path, edit)
    texts = " ".join(str(p) for p in problems)
    assert "missing South" in texts


def test_not_a_workbook(tmp_path):
    path = tmp_path / "x.xlsx"
    path.write_text("not excel")
    with pytest.raises(DataImportError, match="not an Excel workbook"):
        read_scenario(path)


junk = st.one_of(st.none(), st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=8), st.floats(allow_nan=True, allow_infinity=True),
                 st.integers(min_value=-10**6, max_value=10**6))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(["points", "depots", "facilities", "vehicles", "plans"]),
                          st.integers(2, 5), st.integers(1, 9), junk), min_size=1, max_size=6))
def test_junk_cells_never_crash(tmp_path, edits):
    path = tmp_path / "junk.xlsx"
    write_scenario(path, small_scenario())
    wb = load_workbook(path)
    for sheet, row, col, value in edits:
        wb[sheet].cell(row=row, column=col, value=value)
    wb.save(path)
    try:
        read_scenario(path)
    except DataImportError as exc:
        assert exc.problems and all(p.message for p in exc.problems)


def test_write_result_sheets(tmp_path):
    s = small_scenario()
    cmp = compare_partitions(s, seconds=0.2)
    path = tmp_path / "r.xlsx"
    write_result(path, s, cmp)
    wb = load_workbook(path)
    assert wb.sheetnames == ["comparison", "routes", "stops"]
    header = [c.value for c in wb["comparison"][1]]
    assert "cost_JPY" in header and "co2e_kg" in header
    stops = list(wb["stops"].iter_rows(values_only=True))
    served = {r[7] for r in stops[1:] if r[7]}
    assert served == {p.id for p in s.points}
    assert dataclasses.is_dataclass(cmp.plans[0].partition)
