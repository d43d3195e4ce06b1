"""Repair events and the ORDS log in the database: logging, import (all or nothing),
export, figures."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import Counter
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied

from circularcities.core import repair as ords
from circularcities.core.errors import ValidationError
from circularcities.core.rules import FieldError
from circularcities.reuse import services
from circularcities.reuse.models import Repair

pytestmark = pytest.mark.django_db
SAMPLE = Path(__file__).resolve().parents[1] / "data" / "openrepair" / "ords_excerpt.csv"
HEADER = ",".join(ords.ORDS_COLUMNS)


def rows(*lines):
    return ("\n".join((HEADER, *lines)) + "\n").encode()


def line(ident, status="Fixed", date="2024-05-04", category="Kettle"):
    return f"{ident},X,GBR,,{category},14,Acme,,,{status},,G,{date},"


def test_web_import_stores_the_sample_with_counts_equal_to_an_independent_count(cafe, organiser):
    with SAMPLE.open(newline="", encoding="utf-8") as fh:
        expected = list(csv.DictReader(fh))
    report = services.import_ords(organiser, cafe, SAMPLE.read_bytes(), SAMPLE.name)
    assert report["refused"] == [] and report["records"] == len(expected)
    stored = Repair.objects.filter(place=cafe)
    assert stored.count() == len(expected)
    assert Counter(stored.values_list("repair_status", flat=True)) == Counter(r["repair_status"] for r in expected)
    assert Counter(stored.values_list("product_category", flat=True)) == \
        Counter(r["product_category"] for r in expected)


def test_import_with_a_bad_row_stores_nothing_then_valid_rows_when_asked(cafe, organiser):
    data = rows(line("a"), line("b", status="Mended"), line("c"), line("c"), line("d", date="2023-02-29"))
    report = services.import_ords(organiser, cafe, data, "log.csv")
    assert report["records"] == 0 and [r["line"] for r in report["refused"]] == [3, 5, 6]
    assert not Repair.objects.filter(place=cafe).exists()
    report = services.import_ords(organiser, cafe, data, "log.csv", skip_invalid=True)
    assert report["records"] == 2
    assert sorted(Repair.objects.filter(place=cafe).values_list("ords_id", flat=True)) == ["a", "c"]
    # importing again: the ids are in the log already, refused by line, nothing stored twice
    again = services.import_ords(organiser, cafe, rows(line("a"), line("e")), "log.csv")
    assert again["records"] == 0 and again["refused"][0]["line"] == 2
    assert Repair.objects.filter(place=cafe).count() == 2


def test_store_records_is_all_or_nothing_on_a_clash(cafe, organiser):
    recs = ords.parse_ords(rows(line("a"), line("b"))).records
    services.store_repair_records(organiser, cafe, recs[:1])
    with pytest.raises(ValidationError, match="already in the repair log"):
        services.store_repair_records(organiser, cafe, recs)
    assert Repair.objects.filter(place=cafe).count() == 1


def test_organiser_logs_an_event_and_its_repairs(cafe, organiser):
    event = services.create_event(organiser, cafe, date=dt.date(2025, 3, 1))
    r = services.log_repair(organiser, event, {"product_category": "Toaster", "repair_status": "fixed",
                                               "brand": "Acme", "product_age": "4"})
    assert (r.ords_id, r.repair_status, r.product_category_id, r.event_date) == \
        ("test-cafe_1", "Fixed", 31, dt.date(2025, 3, 1))
    with pytest.raises(FieldError, match="Unknown repair status"):
        services.log_repair(organiser, event, {"product_category": "Toaster", "repair_status": "Meh"})
    with pytest.raises(FieldError) as exc:
        services.log_repair(organiser, event, {"id": "test-cafe_1", "product_category": "Toaster",
                                               "repair_status": "Fixed"})
    assert exc.value.field == "id"
    s = services.repair_summary(Repair.objects.filter(place=cafe))
    assert (s.records, s.kg_kept) == (1, pytest.approx(1.04))


def test_export_round_trips_and_neutralises_formulas(cafe, organiser):
    event = services.create_event(organiser, cafe, date=dt.date(2025, 3, 1))
    services.log_repair(organiser, event, {"product_category": "Lamp", "repair_status": "Repairable",
                                           "problem": "=HYPERLINK(\"http://x\")", "brand": "+Brand"})
    text = services.ords_csv(Repair.objects.filter(place=cafe))
    got = list(csv.reader(io.StringIO(text)))
    assert tuple(got[0]) == ords.ORDS_COLUMNS
    assert got[1][ords.ORDS_COLUMNS.index("problem")].startswith("'=")
    assert got[1][ords.ORDS_COLUMNS.index("brand")].startswith("'+")
    back = ords.parse_ords(text.encode())
    assert back.ok and back.records[0].repair_status == "Repairable"


def test_outsiders_cannot_log_or_import(cafe, outsider, resident, member):
    event = services.create_event(cafe.organisers.first(), cafe, date=dt.date(2025, 3, 1))
    for user in (outsider, resident, member):
        with pytest.raises(PermissionDenied):
            services.create_event(user, cafe, date=dt.date(2025, 3, 1))
        with pytest.raises(PermissionDenied):
            services.log_repair(user, event, {"product_category": "Lamp", "repair_status": "Fixed"})
        with pytest.raises(PermissionDenied):
            services.import_ords(user, cafe, rows(line("z")), "x.csv")
    assert not Repair.objects.filter(place=cafe).exists()


def test_cli_import_into_a_place(cafe, capsys, tmp_path):
    from circularcities.cli import main

    f = tmp_path / "x.csv"
    f.write_bytes(rows(line("p1"), line("p2", status="End of life")))
    assert main(["repair", "import", str(f), "--json", "--place", "test-cafe"]) == 0
    assert Repair.objects.filter(place=cafe).count() == 2
