"""``circularcities match``: output formats and every kind of bad row."""

import json

import pytest

from circularcities.cli import main
from circularcities.core.errors import DataImportError
from circularcities.core.matching import parse_listings_csv

HEADER = "id,material,quantity_t,lat,lon\n"
OFFERS = HEADER + "A,15 01 01,10,51.5,-0.1\nB,170101,5,51.6,-0.2\n"
WANTS = HEADER + "X,150101,4,51.52,-0.12\nY,170101,8,51.7,-0.1\n"


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return str(p)


def run(tmp_path, capsys, offers, wants, *extra):
    code = main(["match", write(tmp_path, "offers.csv", offers),
                 write(tmp_path, "wants.csv", wants), *extra])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_output_exact_shape(tmp_path, capsys):
    code, out, _ = run(tmp_path, capsys, OFFERS, WANTS, "--max-km", "50", "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"matched_t", "tonne_km", "matches"}
    assert data["matched_t"] == pytest.approx(9.0)
    assert [set(m) for m in data["matches"]] == [{"offer", "want", "quantity_t",
                                                   "distance_km"}] * 2
    assert [(m["offer"], m["want"]) for m in data["matches"]] == [("A", "X"), ("B", "Y")]
    assert all(isinstance(m["offer"], str) for m in data["matches"])


def test_ids_stay_strings(tmp_path, capsys):
    code, out, _ = run(tmp_path, capsys, HEADER + "007,x,1,0,0\n", HEADER + "01,x,1,0,0\n",
                       "--json")
    assert json.loads(out)["matches"][0] == {"offer": "007", "want": "01", "quantity_t": 1.0,
                                             "distance_km": 0.0}


def test_table_output(tmp_path, capsys):
    code, out, _ = run(tmp_path, capsys, OFFERS, WANTS)
    assert code == 0 and "9.000 t matched" in out and "A" in out


def test_header_only_gives_zero_matches(tmp_path, capsys):
    code, out, _ = run(tmp_path, capsys, HEADER, HEADER, "--json")
    assert code == 0
    assert json.loads(out) == {"matched_t": 0.0, "tonne_km": 0.0, "matches": []}


def test_compatibility_default_table(tmp_path, capsys):
    _, out, _ = run(tmp_path, capsys, HEADER + "A,150101,3,0,0\n", HEADER + "X,200101,3,0,0\n",
                    "--json", "--compatibility", "default")
    assert json.loads(out)["matched_t"] == pytest.approx(3)


def problems_of(text):
    with pytest.raises(DataImportError) as exc:
        parse_listings_csv(text)
    return [(p.row, p.column) for p in exc.value.problems]


@pytest.mark.parametrize("text,expected", [
    ("", [(1, None)]),
    ("id,material,quantity_t,lat\n", [(1, "lon")]),
    (HEADER.strip() + ",colour\n", [(1, "colour")]),
    (HEADER + "A,x,abc,0,0\n", [(2, "quantity_t")]),
    (HEADER + "A,x,-1,0,0\n", [(2, "quantity_t")]),
    (HEADER + "A,x,nan,0,0\n", [(2, "quantity_t")]),
    (HEADER + "A,x,1,95,0\n", [(2, "lat")]),
    (HEADER + "A,x,1,0,-200\n", [(2, "lon")]),
    (HEADER + "A,x,1,,0\n", [(2, "lat")]),
    (HEADER + "A, ,1,0,0\n", [(2, "material")]),
    (HEADER + ",x,1,0,0\n", [(2, "id")]),
    (HEADER + "A,x,1,0,0\nA,y,2,0,0\n", [(3, "id")]),
    (HEADER + "A,x,1,0\n", [(2, "lon")]),  # a short row reads as empty cells, as a spreadsheet shows it
    (HEADER + "A,x,1,0,0,9\n", [(2, None)]),
])
def test_each_kind_of_bad_row(text, expected):
    assert problems_of(text) == expected


def test_all_problems_collected_across_rows_and_files(tmp_path, capsys):
    bad_o = HEADER + "A,,x,91,0\nB,y,1,0,0\nB,y,-5,0,500\n"
    bad_w = HEADER + "W,x,1,0,abc\n"
    code, out, err = run(tmp_path, capsys, bad_o, bad_w, "--json")
    assert code == 1 and out == ""
    for piece in ("row 2, column 'material'", "row 2, column 'quantity_t'",
                  "row 2, column 'lat'", "row 4, column 'id'", "row 4, column 'quantity_t'",
                  "row 4, column 'lon'", "'wants.csv', row 2, column 'lon'"):
        assert piece in err


def test_missing_file_is_a_clean_error(tmp_path, capsys):
    code = main(["match", str(tmp_path / "nope.csv"), write(tmp_path, "w.csv", HEADER)])
    assert code == 1 and "readable" in capsys.readouterr().err


def test_bom_and_blank_lines_are_fine():
    rows = parse_listings_csv("\ufeff" + HEADER + "A,x,1,0,0\n\n")
    assert [r.id for r in rows] == ["A"]


def test_command_line_reads_files_larger_than_an_upload(tmp_path, capsys):
    """The 1,000,000-listing scale run reads files over the upload limits (100,000 rows,
    20 MB); files on the user's own disk get ``--max-rows`` instead."""
    rows = "".join(f"o{i},170101,1,52.0,4.{i % 1000:03d}\n" for i in range(120_000))
    offers = write(tmp_path, "offers.csv", HEADER + rows)
    wants = write(tmp_path, "wants.csv", HEADER + "w1,170101,2,52.0,4.0\n")
    assert main(["match", offers, wants, "--max-km", "1", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["matched_t"] == pytest.approx(2.0)
    assert main(["match", offers, wants, "--max-rows", "1000", "--json"]) != 0
    assert "more than 1,001 rows" in capsys.readouterr().err
