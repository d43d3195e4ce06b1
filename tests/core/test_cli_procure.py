"""``circularcities procure compare``: the JSON shape of the issue, and bad rows by line."""

import json
import subprocess
import sys

import pytest

from circularcities.cli import main

HEADER = "item,alternative,module,quantity,unit,kgco2e_per_unit\n"
GOOD = HEADER + (
    "outer wall,new bricks,A1-A3,300,t,241.79306\n"
    "outer wall,new bricks,C4,300,t,1.26338\n"
    "outer wall,reused bricks,A1-A3,300,t,15\n"
    "outer wall,reused bricks,A4,3000,t·km,0.1\n"
    "outer wall,reused bricks,C4,300,t,1.26338\n"
    "outer wall,reused bricks,D,300,t,-100\n"
    "roof,steel,A1-A3,20,t,1500\n"
    "roof,glulam,A1-A3,90,m3,120\n"
    "roof,glulam,D,90,m3,-400\n")


def run(tmp_path, capsys, text, *extra):
    p = tmp_path / "items.csv"
    p.write_text(text, encoding="utf-8")
    code = main(["procure", "compare", str(p), *extra])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_shape_and_figures(tmp_path, capsys):
    code, out, _ = run(tmp_path, capsys, GOOD, "--json")
    assert code == 0
    data = json.loads(out)
    assert list(data) == ["items"]
    wall, roof = data["items"]
    assert list(wall) == ["item", "chosen", "reference", "saving_kgco2e", "alternatives"]
    assert (wall["item"], wall["chosen"], wall["reference"]) == ("outer wall", "reused bricks", "new bricks")
    new, reused = wall["alternatives"]
    assert list(new) == ["alternative", "total_a_c_kgco2e", "module_d_kgco2e", "by_module"]
    assert new["total_a_c_kgco2e"] == pytest.approx(300 * 241.79306 + 300 * 1.26338)
    assert new["module_d_kgco2e"] is None
    assert reused["by_module"] == {"A1-A3": 4500.0, "A4": 300.0, "C4": pytest.approx(379.014)}
    assert reused["module_d_kgco2e"] == -30000.0
    assert wall["saving_kgco2e"] == pytest.approx(300 * 241.79306 - 4500 - 300, abs=1e-6)
    assert (roof["chosen"], roof["saving_kgco2e"]) == ("glulam", pytest.approx(30000 - 10800))


def test_table_output(tmp_path, capsys):
    code, out, _ = run(tmp_path, capsys, GOOD)
    assert code == 0 and "outer wall: chosen reused bricks" in out and "module D (apart)" in out


def test_bad_rows_reported_by_line_nothing_computed(tmp_path, capsys):
    bad = HEADER + ("wall,a,A1-A3,1,t,1\n"
                    "wall,b,X9,1,t,1\n"        # line 3: not a module
                    "wall,b,A4,-2,t,1\n"       # line 4: negative quantity
                    "door,only,A1-A3,1,piece,1\n")  # line 5: one alternative
    code, out, err = run(tmp_path, capsys, bad, "--json")
    assert code == 1 and out == ""
    assert "row 3" in err.lower() and "X9" in err
    assert "row 4" in err.lower() and "-2" in err
    assert "row 5" in err.lower() and "door" in err and "at least two alternatives" in err


def test_missing_column_and_missing_file(tmp_path, capsys):
    code, _, err = run(tmp_path, capsys, "item,alternative,module,quantity,unit\nx,y,A4,1,t\n")
    assert code == 1 and "kgco2e_per_unit" in err
    assert main(["procure", "compare", str(tmp_path / "nope.csv")]) == 1


def test_runs_as_a_process(tmp_path):
    p = tmp_path / "items.csv"
    p.write_text(GOOD, encoding="utf-8")
    res = subprocess.run([sys.executable, "-m", "circularcities", "procure", "compare", str(p), "--json"],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["items"][0]["chosen"] == "reused bricks"
