"""CSV import of listings: all or nothing, problems by row and column, re-import is a no-op."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from circularcities.core.errors import DataImportError
from circularcities.marketplace.imports import example_csv, import_listings_csv
from circularcities.marketplace.models import Listing

pytestmark = pytest.mark.django_db

GOOD = ("reference,kind,title_en,material,quantity,unit,mass_per_piece_kg,lat,lon,currency,avoided_cost_per_t\n"
        "R1,offer,Concrete,17 01 01,12,t,,,,EUR,20\n"
        "R2,want,Chairs,furniture,10,pcs,8,52.38,4.91,,\n")


def mine(org):
    return Listing.objects.filter(organisation=org)


def test_example_file_imports(seller, org_a):
    saved = import_listings_csv(seller, example_csv())
    assert len(saved) == 2 and mine(org_a).count() == 2


def test_import_then_reimport_changes_nothing(seller, org_a):
    import_listings_csv(seller, GOOD.encode())
    before = list(mine(org_a).order_by("reference").values_list("reference", "kind", "quantity_t", "lat", "lon"))
    assert before[0][:3] == ("R1", "offer", 12) and float(before[1][2]) == pytest.approx(0.08)
    assert (before[0][3], before[0][4]) == (org_a.lat, org_a.lon)  # empty lat/lon: the organisation's
    import_listings_csv(seller, GOOD.encode())
    after = list(mine(org_a).order_by("reference").values_list("reference", "kind", "quantity_t", "lat", "lon"))
    assert after == before


@pytest.mark.parametrize("row, column, words", [
    ("R3,offer,Bad code,99 99 99,1,t,,,,,", "material", "not in the EU List of Waste"),
    ("R3,offer,Pieces,furniture,3,pcs,,,,,", "mass_per_piece_kg", "mass of one piece"),
    ("R3,offer,Neg,17 01 01,-2,t,,,,,", "quantity", "above zero"),
    ("R3,offer,Lat,17 01 01,2,t,,x,4.9,,", "lat", "Expected a number"),
    ("R3,offer,Cur,17 01 01,2,t,,,,XYZ,5", "currency", "ISO 4217"),
    ("R1,offer,Dup,17 01 01,2,t,,,,,", "reference", "repeats row 2"),
])
def test_bad_row_is_named_and_nothing_is_saved(seller, org_a, row, column, words):
    with pytest.raises(DataImportError) as exc:
        import_listings_csv(seller, (GOOD + row + "\n").encode())
    problems = exc.value.problems
    assert any(p.row == 4 and p.column == column and words in p.message for p in problems), \
        [str(p) for p in problems]
    assert mine(org_a).count() == 0


def test_missing_and_unknown_columns(seller):
    with pytest.raises(DataImportError) as exc:
        import_listings_csv(seller, b"kind,material\noffer,17 01 01\n")
    assert [(p.row, p.column) for p in exc.value.problems] == [(1, "quantity")]
    with pytest.raises(DataImportError, match="Unknown column 'colour'"):
        import_listings_csv(seller, b"kind,material,quantity,colour\n")


def test_encodings_and_delimiters_are_detected_and_binary_is_refused(seller, org_a):
    # Excel's "Unicode text" (UTF-16, tabs) and Chinese Windows CSV (GB18030, semicolons) both read.
    utf16 = GOOD.replace(",", "\t").encode("utf-16")
    assert len(import_listings_csv(seller, utf16)) == 2
    gbk = GOOD.replace("Concrete", "混凝土").replace(",", ";").encode("gb18030")
    import_listings_csv(seller, gbk)
    assert mine(org_a).get(reference="R1").title_en == "混凝土"
    with pytest.raises(DataImportError, match="not a CSV text file") as exc:
        import_listings_csv(seller, b"\x00\x01\x02binary\x00" * 50)
    assert len(exc.value.problems) == 1
    with pytest.raises(DataImportError, match="PDF"):
        import_listings_csv(seller, b"%PDF-1.7\n...")


@pytest.mark.parametrize("who, status", [("seller", 302), ("owner", 403), ("anonymous", 302)])
def test_upload_page_permissions(client, request, org_a, who, status):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    resp = client.post("/marketplace/mine/import/", {"file": SimpleUploadedFile("l.csv", GOOD.encode())})
    assert resp.status_code == status
    assert mine(org_a).exists() == (who == "seller")


def test_upload_page_shows_problems_by_row(client, seller, org_a):
    client.force_login(seller)
    bad = GOOD + "R3,offer,Bad code,99 99 99,1,t,,,,,\n"
    resp = client.post("/marketplace/mine/import/", {"file": SimpleUploadedFile("l.csv", bad.encode())})
    assert resp.status_code == 400
    assert "Row 4, column D &#x27;material&#x27;" in resp.content.decode()
    assert not mine(org_a).exists()
