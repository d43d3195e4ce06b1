"""ORDS repair records: reading, refusals, counts, fix rates, mass kept in use,
and the ``circularcities repair import`` command."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from circularcities.cli import main
from circularcities.core import repair
from circularcities.core.errors import DataImportError

DATA = Path(__file__).resolve().parents[1] / "data" / "openrepair"
EXCERPT = DATA / "ords_excerpt.csv"
SHARED = Path("/work/shared/data/openrepair/OpenRepairData_v0.3_RepairCafeWales_202507.csv")
SAMPLES = [p for p in (EXCERPT, SHARED) if p.exists()]

HEADER = ",".join(repair.ORDS_COLUMNS)


def ords(*rows: str) -> bytes:
    return ("\n".join((HEADER, *rows)) + "\n").encode()


def row(ident="r1", status="Fixed", date="2024-05-04", category="Kettle", age="", year=""):
    return f"{ident},Repair Cafe X,GBR,Kettle,{category},14,Acme,{year},{age},{status},,Group A,{date},Won't heat"


def independent_counts(path: Path) -> tuple[Counter, Counter]:
    """Counts by status and category made with the csv module alone."""
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return Counter(r["repair_status"] for r in rows), Counter(r["product_category"] for r in rows)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_shared_sample_counts_equal_an_independent_count(path):
    result = repair.parse_ords(path.read_bytes(), path.name, today=dt.date(2026, 1, 1))
    status, category = independent_counts(path)
    assert result.refused == []
    assert len(result.records) == sum(status.values())
    assert repair.by_status(result.records) == dict(status)
    assert repair.by_category(result.records) == dict(category)


def test_sample_command_json_equals_independent_count(capsys):
    status, category = independent_counts(EXCERPT)
    assert main(["repair", "import", str(EXCERPT), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"records", "by_status", "by_category", "refused"}
    assert out["records"] == sum(status.values()) == 1500
    assert out["by_status"] == dict(status)
    assert out["by_category"] == dict(category)
    assert out["refused"] == []


@pytest.mark.parametrize("bad, reason", [
    (row(status="Mended"), "Unknown repair status 'Mended'"),
    (row(date="2023-02-30"), "Impossible date '2023-02-30'"),
    (row(date="31/01/2023"), "Impossible date"),
    (row(date=""), "Impossible date"),
    (row(ident=""), "The record has no id"),
    (row(age="old"), "'old' is not a number"),
    (row(age="-2"), "Expected 0 or more"),
    (row(year="20230"), "Expected a year"),
])
def test_malformed_rows_are_refused_by_line(bad, reason):
    result = repair.parse_ords(ords(row("a"), bad, row("c")))
    assert [r.line for r in result.refused] == [3]
    assert reason in result.refused[0].reason
    assert [r.id for r in result.records] == ["a", "c"]


def test_duplicate_id_in_the_file_is_refused_and_names_the_first_line():
    result = repair.parse_ords(ords(row("a"), row("b"), row("a", status="Repairable")))
    assert [(r.line, r.reason) for r in result.refused] == [
        (4, "Duplicate id 'a': already on line 2 of this file.")]
    assert repair.by_status(result.records) == {"Fixed": 2}


def test_statuses_are_read_without_regard_to_case_and_unknown_is_a_status():
    result = repair.parse_ords(ords(row("a", "fixed"), row("b", "END OF LIFE"), row("c", "Unknown")))
    assert result.ok
    assert [r.repair_status for r in result.records] == ["Fixed", "End of life", "Unknown"]


def test_future_date_refused_when_today_given():
    result = repair.parse_ords(ords(row("a", date="2030-01-01")), today=dt.date(2026, 1, 1))
    assert "not in the future" in result.refused[0].reason


def test_missing_required_column_is_a_file_error():
    with pytest.raises(DataImportError, match="repair_status"):
        repair.parse_ords(b"id,product_category,event_date\nx,Kettle,2024-01-01\n")


def test_import_report_all_or_nothing():
    result = repair.parse_ords(ords(row("a"), row("b", status="Broken"), row("c", status="Repairable")))
    nothing = repair.import_report(result, skip_invalid=False)
    assert nothing == {"records": 0, "by_status": {}, "by_category": {},
                       "refused": [{"line": 3, "reason": result.refused[0].reason}]}
    valid = repair.import_report(result, skip_invalid=True)
    assert valid["records"] == 2 and valid["by_status"] == {"Fixed": 1, "Repairable": 1}
    assert valid["by_category"] == {"Kettle": 2}


def test_command_refuses_and_imports_nothing_without_skip(tmp_path, capsys):
    f = tmp_path / "log.csv"
    f.write_bytes(ords(row("a"), row("a"), row("b", date="2021-13-01"), row("c")))
    assert main(["repair", "import", str(f), "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["records"] == 0 and out["by_status"] == {}
    assert [r["line"] for r in out["refused"]] == [3, 4]
    assert main(["repair", "import", str(f), "--json", "--skip-invalid"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["records"] == 2 and out["by_status"] == {"Fixed": 2}


def test_fix_rate_leaves_unknown_out():
    assert repair.fix_rate({"Fixed": 3, "Repairable": 1, "End of life": 2, "Unknown": 10}) == pytest.approx(0.5)
    assert repair.fix_rate({"Unknown": 4}) is None


def test_summary_mass_kept_counts_fixed_items_at_category_weight():
    weights = repair.category_weights()
    pairs = [("Kettle", "Fixed")] * 3 + [("Kettle", "End of life"), ("Vacuum", "Fixed"),
                                         ("Vacuum", "Repairable"), ("Iron", "Fixed"), ("Made-up", "Fixed")]
    s = repair.summarise(pairs, weights)
    # by hand: 3 kettles x 1.4 kg + 1 vacuum x 7.78 kg + 1 iron x 1.3 kg (an estimate)
    assert s.kg_kept == pytest.approx(3 * 1.4 + 7.78 + 1.3)
    assert s.kg_kept_estimated == pytest.approx(1.3)
    assert s.fixed_without_weight == 1
    assert s.fix_rate == pytest.approx(6 / 8)
    kettle = next(r for r in s.categories if r.category == "Kettle")
    assert kettle.fix_rate == pytest.approx(0.75) and kettle.weight_basis == "source"


def test_weights_cover_every_ords_category_and_label_estimates():
    weights = repair.category_weights()
    assert len(weights) == 40 and [i for i, _ in repair.ords_categories()] == list(range(1, 41))
    assert weights["Vacuum"].basis == "source" and weights["Laptop"].is_estimate
    assert all(w.kg > 0 for w in weights.values())


def test_record_round_trips_through_its_row():
    rec = repair.parse_ords(ords(row("a", age="3.5", year="2019"))).records[0]
    again = repair.parse_ords(ords(",".join(str(c) for c in rec.as_row()))).records[0]
    assert again == rec


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12),
                         min_size=0, max_size=16), max_size=8))
def test_junk_rows_are_either_records_or_refusals(rows):
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(repair.ORDS_COLUMNS)
    w.writerows(rows)
    try:
        result = repair.parse_ords(buf.getvalue().encode())
    except DataImportError:
        return
    lines = [r.line for r in result.records] + [r.line for r in result.refused]
    assert len(lines) == len(set(lines))
    assert all(r.repair_status in repair.STATUSES for r in result.records)
