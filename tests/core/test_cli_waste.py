"""``circularcities waste rates`` via ``cli.main``."""

from __future__ import annotations

import json

import pytest

from circularcities.cli import main

HEADER = "stream,year,generated_t,reuse_t,recycling_t,composting_t,energy_recovery_t,incineration_t,landfill_t,other_t\n"


def write(tmp_path, body, name="streams.csv"):
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    return str(path)


def test_rates_json_shape_and_values(tmp_path, capsys):
    path = write(tmp_path, "household,2022,1000,10,300,90,200,25,350,5\n"
                           "fly ash,2023,500,0,400,0,0,0,50,0\n")
    assert main(["waste", "rates", path, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert list(out) == ["rows"]
    first, second = out["rows"]
    assert list(first) == ["stream", "year", "recycling_rate", "energy_recovery_rate", "incineration_rate",
                           "landfill_rate", "other_rate", "untreated_t"]
    assert first == {"stream": "household", "year": 2022, "recycling_rate": 0.4, "energy_recovery_rate": 0.2,
                     "incineration_rate": 0.025, "landfill_rate": 0.35, "other_rate": 0.005, "untreated_t": 20.0}
    assert second["recycling_rate"] == 0.8 and second["landfill_rate"] == 0.1 and second["untreated_t"] == 50.0


def test_bad_rows_reported_by_line_and_nothing_computed(tmp_path, capsys):
    path = write(tmp_path, "ok,2022,100,0,50,0,0,0,50,0\n"
                           "over,2022,100,50,60,0,0,0,0,0\n"
                           "neg,2022,100,-1,0,0,0,0,0,0\n"
                           "rounding,2022,100,0,0,0,0,0,100.0009,0\n")
    assert main(["waste", "rates", path, "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert "rows" not in out
    assert [(e["line"], e["column"]) for e in out["errors"]] == [(3, "generated_t"), (4, "reuse_t")]
    assert "110 t" in out["errors"][0]["reason"]


def test_missing_column_and_table_output(tmp_path, capsys):
    path = tmp_path / "short.csv"
    path.write_text("stream,year,generated_t\na,2022,1\n")
    assert main(["waste", "rates", str(path)]) == 1
    assert "reuse_t" in capsys.readouterr().err
    ok = write(tmp_path, "household,2022,1000,0,400,0,0,0,600,0\n")
    assert main(["waste", "rates", ok]) == 0
    assert "40.0%" in capsys.readouterr().out


@pytest.mark.parametrize("body", ["x,2022,abc,0,0,0,0,0,0,0\n", "x,20222,1,0,0,0,0,0,0,0\n", ",2022,1,0,0,0,0,0,0,0\n"])
def test_junk_refused(tmp_path, capsys, body):
    assert main(["waste", "rates", write(tmp_path, body), "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["errors"][0]["line"] == 2
