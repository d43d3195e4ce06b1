"""``circularcities passport mci``, via ``cli.main``."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from circularcities.cli import main
from circularcities.core.errors import DataImportError
from circularcities.core.passport.csv_io import read_flows

HEADER = ("id,mass_kg,recycled_in,reused_in,sustained_bio_in,recycled_out,reused_out,"
          "composted_out,energy_out,eff_collection,eff_feedstock,lifetime_ratio,use_ratio\n")


def test_mci_json(tmp_path, capsys):
    path = tmp_path / "c.csv"
    path.write_text(HEADER + "linear,300,0,0,0,0,0,0,0,1,1,1,1\n"
                    "restorative,100,0,1,0,0,1,0,0,1,1,1,1\n")
    assert main(["passport", "mci", str(path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"components", "building_mci"}
    first = out["components"][0]
    assert set(first) == {"id", "mci", "lfi", "utility", "virgin_kg", "waste_kg"}
    assert first["id"] == "linear" and first["mci"] == pytest.approx(0.1)
    assert first["virgin_kg"] == 300 and first["waste_kg"] == 300 and first["utility"] == 1
    assert out["building_mci"] == pytest.approx((300 * 0.1 + 100) / 400)


def test_mci_table(tmp_path, capsys):
    path = tmp_path / "c.csv"
    path.write_text(HEADER + "a,1,0,0,0,0,0,0,0,1,1,1,1\n")
    assert main(["passport", "mci", str(path)]) == 0
    assert "Building MCI" in capsys.readouterr().out


def test_bad_lines_reported_by_line_and_nothing_computed(tmp_path, capsys):
    path = tmp_path / "c.csv"
    path.write_text(HEADER + "ok,1,0,0,0,0,0,0,0,1,1,1,1\n"
                    "zero,0,0,0,0,0,0,0,0,1,1,1,1\n"
                    "over,1,0.6,0.5,0,0,0,0,0,1,1,1,1\n"
                    "outs,1,0,0,0,0.5,0.3,0.2,0.1,1,1,1,1\n"
                    "eff,1,0.5,0,0,0,0,0,0,1,0,1,1\n")
    assert main(["passport", "mci", str(path), "--json"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    err = captured.err
    assert "Row 3" in err and "mass_kg" in err
    assert "Row 4" in err and "recycled_in + reused_in" in err
    assert "Row 5" in err and "recycled_out + reused_out" in err
    assert "Row 6" in err and "eff_feedstock" in err
    assert "Row 2" not in err


def test_missing_column(tmp_path, capsys):
    path = tmp_path / "c.csv"
    path.write_text("id,mass_kg\na,1\n")
    assert main(["passport", "mci", str(path)]) == 1
    assert "recycled_in" in capsys.readouterr().err


cell = st.one_of(st.just(""), st.text(max_size=6), st.floats(allow_nan=True, allow_infinity=True).map(str),
                 st.integers(-5, 5).map(str))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(cell, min_size=13, max_size=13), min_size=0, max_size=5))
def test_junk_rows_are_rejected_or_computed_never_crash(rows):
    text = HEADER + "".join(",".join(c.replace(",", "").replace("\n", "").replace("\r", "")
                                     .replace('"', "") for c in r) + "\n" for r in rows)
    try:
        flows = read_flows(text.encode("utf-8"), "junk.csv")
    except DataImportError as exc:
        assert exc.problems
        return
    for f in flows:
        assert f.mass_kg > 0


@settings(max_examples=50, deadline=None)
@given(st.binary(max_size=300))
def test_junk_bytes_never_crash(data):
    try:
        read_flows(data, "junk.csv")
    except DataImportError:
        pass


def test_ifc_lists_components_and_what_is_missing(tmp_path, capsys):
    from tests.core.ifc_model import small_model

    path = tmp_path / "model.ifc"
    path.write_bytes(small_model())
    assert main(["passport", "ifc", str(path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)["components"]
    by_name = {c["name"]: c for c in out}
    assert by_name["Weighed wall"]["materials"] == [{"material": "Timber", "mass_kg": 1200.0}]
    assert by_name["Layered wall"]["materials"][0]["mass_kg"] is None
    assert any(m.startswith("mass") for m in by_name["Layered wall"]["missing"])
    assert main(["passport", "ifc", str(path)]) == 0
    assert "missing origin" in capsys.readouterr().out
