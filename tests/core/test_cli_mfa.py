"""``circularcities mfa`` sub-commands, via ``cli.main``."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from circularcities.cli import main
from circularcities.core.mfa import compute_stock

DATA = Path(__file__).resolve().parents[1] / "data"


def test_stock_json(capsys):
    assert main(["mfa", "stock", str(DATA / "stock_inflow.json"), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    spec = json.loads((DATA / "stock_inflow.json").read_text())
    ref = compute_stock(spec["years"], inflow=spec["inflow"], lifetime=spec["lifetime"])
    assert out["years"] == spec["years"]
    np.testing.assert_allclose(out["stock"], ref.stock)
    np.testing.assert_allclose(out["outflow"], ref.outflow)


def test_stock_driven_table(capsys):
    assert main(["mfa", "stock", str(DATA / "stock_stock.json")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["year", "inflow", "outflow", "stock"]
    assert len(lines) == 6 and lines[1].split()[0] == "2018"


@pytest.mark.parametrize("content, message", [
    ("{not json", "Row 1: Expected valid JSON"),
    ('{"years": [2000, 2001, 2002], "inflow": [1, 2, 3]}', "Expected a lifetime"),
    ('{"years": [2000, 2001, 2002], "inflow": [1, 2, 3], "lifetime": {"distribution": "normal", '
     '"mean": 3, "std": 0}}', "Expected std > 0"),
    ('{"years": [2000], "flows": []}', "Expected only years"),
    ('[1, 2]', "JSON object"),
])
def test_stock_bad_files(tmp_path, capsys, content, message):
    path = tmp_path / "model.json"
    path.write_text(content)
    assert main(["mfa", "stock", str(path)]) == 1
    assert message in capsys.readouterr().err


def test_check_balanced(capsys):
    assert main(["mfa", "check", str(DATA / "flows_small.csv")]) == 0
    assert "The system balances" in capsys.readouterr().out


def test_check_reports_every_imbalance(capsys):
    assert main(["mfa", "check", str(DATA / "flows_unbalanced.csv")]) == 1
    out = capsys.readouterr().out
    assert "4 imbalance(s)" in out
    assert "landfill 2020 material: +90 t" in out
    assert "consumption 2020 material: +10 t" in out
    assert "incineration_energy_recovery 2021 energy: +6 MWh" in out
    assert "consumption 2021 energy: +4 MWh" in out


def test_check_bad_rows(capsys):
    assert main(["mfa", "check", str(DATA / "flows_bad_rows.csv")]) == 1
    err = capsys.readouterr().err
    assert "Row 3, column 'origin'" in err and "Row 7, column 'value'" in err


def test_check_missing_file(capsys, tmp_path):
    assert main(["mfa", "check", str(tmp_path / "nope.csv")]) == 1
    assert "Expected a readable file" in capsys.readouterr().err


def test_mfa_without_subcommand(capsys):
    assert main(["mfa"]) == 2


def test_system_json_and_xlsx(tmp_path, capsys):
    from circularcities.core.mfa.system import BOUNDARY, FlowSpec, Layer, Process, SystemDefinition
    from circularcities.core.mfa.system_io import to_json, to_xlsx

    defn = SystemDefinition(
        name="cli", years=(2020, 2021), layers=(Layer("water", "m3"),),
        processes=(Process(BOUNDARY), Process("plant")),
        flows=(FlowSpec(BOUNDARY, "plant", "water", {2020: 10.0, 2021: 10.0}),
               FlowSpec("plant", BOUNDARY, "water", {2020: 10.0, 2021: 8.0})))
    (tmp_path / "s.json").write_text(json.dumps(to_json(defn)))
    assert main(["mfa", "system", str(tmp_path / "s.json"), "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["status"] == "warning"
    assert [(i["process"], i["year"], i["amount"]) for i in out["issues"]] == [("plant", 2021, 2.0)]
    (tmp_path / "s.xlsx").write_bytes(to_xlsx(defn))
    assert main(["mfa", "system", str(tmp_path / "s.xlsx")]) == 1
    assert "plant water 2021: +2 m3 (20.0 %)" in capsys.readouterr().out
