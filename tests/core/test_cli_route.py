"""``circularcities route ...`` through the CLI entry point."""

from __future__ import annotations

import json

from openpyxl import load_workbook

from circularcities.cli import main
from circularcities.core.routing import vrplib_cost, write_scenario
from tests.core.test_routing_support import (  # noqa: F401
    DATA,
    small_scenario,
)


def test_solve_json(capsys):
    code = main(["route", "solve", str(DATA / "routing_tiny6.vrp"), "--seconds", "0.3",
                 "--json", "--quiet"])
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"cost", "routes"}
    assert out["cost"] == 39 == vrplib_cost(DATA / "routing_tiny6.vrp", out["routes"])


def test_solve_summary(capsys):
    assert main(["route", "solve", str(DATA / "routing_explicit4.vrp"), "--seconds", "0.2"]) == 0
    out = capsys.readouterr().out
    assert "Cost: 26" in out and "Route #1:" in out


def test_solve_bad_file_and_bad_seconds(capsys, tmp_path):
    bad = tmp_path / "bad.vrp"
    bad.write_text("nonsense")
    assert main(["route", "solve", str(bad), "--seconds", "0.1", "--quiet"]) == 1
    assert "error:" in capsys.readouterr().err
    try:
        main(["route", "solve", str(bad), "--seconds", "0"])
    except SystemExit as exc:
        assert exc.code == 2
    assert "seconds > 0" in capsys.readouterr().err


def test_template_then_plan(capsys, tmp_path):
    template = tmp_path / "template.xlsx"
    assert main(["route", "template", str(template)]) == 0
    assert load_workbook(template).sheetnames[0] == "settings"
    scenario = tmp_path / "s.xlsx"
    write_scenario(scenario, small_scenario())
    out_xlsx = tmp_path / "result.xlsx"
    capsys.readouterr()
    assert main(["route", "plan", str(scenario), "--seconds", "0.2", "--out", str(out_xlsx),
                 "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "Cheapest plan" in out and "together" in out and "apart" in out
    assert load_workbook(out_xlsx).sheetnames == ["comparison", "routes", "stops"]


def test_plan_all_partitions_json(capsys, tmp_path):
    scenario = tmp_path / "s.xlsx"
    write_scenario(scenario, small_scenario())
    assert main(["route", "plan", str(scenario), "--seconds", "0.2", "--all-partitions",
                 "--json", "--quiet"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["currency"] == "JPY"
    assert {r["plan"] for r in data["table"]} == {"North | South", "North + South"}


def test_plan_reports_bad_rows(capsys, tmp_path):
    scenario = tmp_path / "s.xlsx"
    write_scenario(scenario, small_scenario())
    wb = load_workbook(scenario)
    for row in range(2, 9):
        wb["points"].cell(row=row, column=4, value="x")
    wb.save(scenario)
    assert main(["route", "plan", str(scenario), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert "Sheet 'points', row 2, column D 'lat'" in err
    assert "row 8" in err  # problems beyond the first five are listed too


def test_route_without_subcommand_prints_help(capsys):
    assert main(["route"]) == 2
    assert "solve" in capsys.readouterr().out
