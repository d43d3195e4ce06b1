"""Uploads: CSV of points and scenario workbooks, checked row by row, all or nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from circularcities.core.errors import DataImportError
from circularcities.logistics import models as m
from circularcities.logistics.imports import read_points_csv

pytestmark = pytest.mark.django_db

HEADER = "id,name,municipality,lat,lon,quantity_t,service_min,earliest_min,latest_min\n"


def test_valid_csv_gives_points():
    pts = read_points_csv((HEADER + "a,Shop A,North,52.4,4.9,0.3,5,,\n"
                           "b,,South,52.3,4.8,\"0,5\",,10,60\n").encode())
    assert [p.id for p in pts] == ["a", "b"]
    assert pts[1].name == "b" and pts[1].quantity_t == 0.5 and pts[1].latest_min == 60


def test_semicolon_separated_csv_is_read():
    pts = read_points_csv(b"id;municipality;lat;lon;quantity_t\na;North;52.4;4.9;0.3\n")
    assert pts[0].lat == 52.4


def _problems(text):
    with pytest.raises(DataImportError) as exc:
        read_points_csv(text.encode())
    return [str(p) for p in exc.value.problems]


def test_every_bad_row_is_reported_with_row_and_column():
    problems = _problems(HEADER + "a,,North,,4.9,0.3,,,\n"        # row 2: no lat
                         "b,,North,52.4,east,0.3,,,\n"             # row 3: lon not a number
                         "c,,North,95,4.9,0.3,,,\n"                # row 4: lat out of range
                         "d,,North,52.4,4.9,-1,,,\n"               # row 5: negative quantity
                         "d,,North,52.4,4.9,1,,,\n"                # row 6: duplicate id
                         "e,,North,52.4,4.9,1,,90,30\n")           # row 7: window reversed
    assert any(p.startswith("Sheet 'points', row 2, column D 'lat'") for p in problems), problems
    assert any("row 3, column E 'lon'" in p and "Expected a number" in p for p in problems)
    assert any("row 4, column D 'lat'" in p and "latitude" in p for p in problems)
    assert any("row 5, column F 'quantity_t'" in p for p in problems)
    assert any("row 6, column A 'id'" in p and "row 5" in p for p in problems)
    assert any("row 7, column H 'earliest_min'" in p for p in problems)


def test_missing_required_column_is_named():
    assert _problems("id,municipality,lat,quantity_t\na,N,1,1\n") == [
        "Sheet 'points', row 1, column 'lon': Expected a column 'lon' in the header row (columns: id, "
        "municipality, lat, lon, quantity_t, name, service_min, earliest_min, latest_min)."]


def test_empty_file_is_refused():
    assert _problems(HEADER) == ["Sheet 'points', row 2: Expected at least one collection point."]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300) | st.text(max_size=300).map(lambda t: (HEADER + t).encode()))
def test_junk_is_refused_cleanly_or_read(junk):
    try:
        pts = read_points_csv(junk)
    except DataImportError as exc:
        assert exc.problems
    else:
        assert all(p.quantity_t >= 0 and -90 <= p.lat <= 90 for p in pts)


def _upload(client, scenario, text, replace=True):
    data = {"file": SimpleUploadedFile("points.csv", text.encode(), "text/csv")}
    if replace:
        data["replace"] = "on"
    return client.post(f"/logistics/{scenario.pk}/points/", data)


def test_upload_of_a_bad_csv_changes_nothing(client, owner, scenario):
    client.force_login(owner)
    before = list(scenario.points.values_list("code", "lat"))
    resp = _upload(client, scenario, HEADER + "N0,,North,52.5,4.9,0.3,,,\nX,,North,abc,4.9,1,,,\n")
    assert resp.status_code == 400
    body = resp.content.decode()
    assert "row 3, column D &#x27;lat&#x27;" in body and "The file has 1 problem; nothing was imported." in body
    row = body.split('data-testid="import-error"')[1].split("</tr>")[0]
    assert ">3</td>" in row and "D lat" in row
    assert list(scenario.points.values_list("code", "lat")) == before


def test_upload_of_points_ends_on_the_one_summary(client, owner, scenario):
    """Rows read and written are the file's: 3 points, 1 new (Q), 2 updated (issue #13)."""
    client.force_login(owner)
    text = HEADER + "N0,,North,52.5,4.9,0.3,,,\nZ,Zed,South,52.3,4.9,1,,,\nQ,Cue,South,52.31,4.91,0.5,,,\n"
    _upload(client, scenario, HEADER + "N0,,North,52.5,4.9,0.3,,,\nZ,Zed,South,52.3,4.9,1,,,\n")
    resp = _upload(client, scenario, text)
    assert resp.status_code == 302
    body = client.get(resp["Location"]).content.decode()
    assert "Import finished. Rows read: 3 · written: 3 · skipped (already as in the file): 0 · errors: 0" in body
    assert "1 new, 2 updated" in body


def test_upload_of_a_good_csv_replaces_points_and_again_changes_nothing(client, owner, scenario):
    client.force_login(owner)
    text = HEADER + "N0,,North,52.5,4.9,0.3,,,\nZ,Zed,South,52.3,4.9,1,,,\n"
    assert _upload(client, scenario, text).status_code == 302
    assert dict(scenario.points.values_list("code", "lat")) == {"N0": 52.5, "Z": 52.3}
    pks = sorted(scenario.points.values_list("pk", flat=True))
    assert _upload(client, scenario, text).status_code == 302
    assert sorted(scenario.points.values_list("pk", flat=True)) == pks


def test_upload_without_replace_keeps_other_points(client, owner, scenario):
    client.force_login(owner)
    _upload(client, scenario, HEADER + "Z,Zed,South,52.3,4.9,1,,,\n", replace=False)
    assert scenario.points.count() == 7


def test_workbook_upload_creates_a_scenario(client, owner, city, workbook_bytes):
    client.force_login(owner)
    resp = client.post("/logistics/upload/", {"city": city.pk, "name": "Uploaded", "file":
                       SimpleUploadedFile("s.xlsx", workbook_bytes())})
    assert resp.status_code == 302
    s = m.Scenario.objects.get(name="Uploaded")
    assert s.city == city and s.points.count() == 6 and s.plans.count() == 2
    # The one summary: 6 points + 2 depots + 1 facility + 2 vehicle types + 2 plans = 13 rows, all written.
    rows = 13
    body = client.get(resp["Location"]).content.decode()
    assert f"Rows read: {rows} · written: {rows} · skipped (already as in the file): 0 · errors: 0" in body
    # Same file again: the same scenario, nothing new.
    client.post("/logistics/upload/", {"city": city.pk, "name": "Uploaded", "file":
                SimpleUploadedFile("s.xlsx", workbook_bytes())})
    assert m.Scenario.objects.filter(name="Uploaded").count() == 1
    assert s.points.count() == 6


def test_bad_workbook_lists_sheet_row_and_column_and_stores_nothing(client, owner, city, tmp_path):
    from openpyxl import load_workbook

    from circularcities.core import routing

    from .conftest import two_towns

    path = tmp_path / "bad.xlsx"
    routing.write_scenario(path, two_towns())
    wb = load_workbook(path)
    wb["points"]["D3"] = "north-ish"   # lat of the second point
    wb["vehicles"]["E2"] = 0           # capacity of the first vehicle type
    wb.save(path)
    client.force_login(owner)
    resp = client.post("/logistics/upload/", {"city": city.pk, "name": "Bad", "file":
                       SimpleUploadedFile("bad.xlsx", path.read_bytes())})
    assert resp.status_code == 400
    html = resp.content.decode()
    assert "Sheet &#x27;points&#x27;, row 3, column D &#x27;lat&#x27;" in html
    assert "Sheet &#x27;vehicles&#x27;, row 2, column E &#x27;capacity_t&#x27;" in html
    cells = [r.split("</tr>")[0] for r in html.split('data-testid="import-error"')[1:]]
    assert any(">points</td>" in c and ">3</td>" in c and "D lat" in c for c in cells)
    assert not m.Scenario.objects.filter(name="Bad").exists()


def test_not_a_workbook_is_refused(client, owner, city):
    client.force_login(owner)
    resp = client.post("/logistics/upload/", {"city": city.pk, "file":
                       SimpleUploadedFile("s.xlsx", b"not a zip")})
    assert resp.status_code == 400
    assert "is not an Excel workbook (.xlsx)" in resp.content.decode()


def test_placing_a_point_on_the_map(client, owner, scenario):
    client.force_login(owner)
    resp = client.post(f"/logistics/{scenario.pk}/place/", {
        "kind": "point", "code": "P9", "name": "Canteen", "municipality": "North",
        "lat": "52.41", "lon": "4.93", "quantity_t": "0.7", "service_min": "4"})
    assert resp.status_code == 302
    p = scenario.points.get(code="P9")
    assert (p.lat, p.lon, p.quantity_t, p.service_min) == (52.41, 4.93, 0.7, 4.0)


def test_placing_a_point_needs_its_quantity_and_a_new_id(client, owner, scenario):
    client.force_login(owner)
    resp = client.post(f"/logistics/{scenario.pk}/place/", {
        "kind": "point", "code": "N0", "municipality": "North", "lat": "52.41", "lon": "4.93"})
    assert resp.status_code == 400
    html = resp.content.decode()
    assert "already used" in html and "quantity collected" in html


@pytest.mark.parametrize("field, value", [("currency", "QQQ"), ("circuity", "1e300"), ("circuity", "0.5")])
def test_new_scenario_junk_is_refused(client, owner, city, field, value):
    from circularcities.logistics.models import Scenario

    client.force_login(owner)
    before = Scenario.objects.count()
    data = {"city": city.pk, "name": "junk scenario", "currency": "EUR", "circuity": "1.3", field: value}
    resp = client.post("/logistics/new/", data)
    assert resp.status_code in (200, 400)
    assert Scenario.objects.count() == before


def test_workbook_without_an_expected_sheet_is_refused_before_any_row_is_read(client, owner, city):
    """A workbook whose 'points' sheet declares 3 million rows but that lacks 'plans': the
    missing sheet is reported at once, the rows are never parsed, nothing is stored."""
    import time

    from tests.core.test_tables import _bomb

    data = _bomb(3_000_000)  # one sheet 'points' only
    client.force_login(owner)
    started = time.process_time()
    resp = client.post("/logistics/upload/", {"city": city.pk, "name": "Bomb",
                                              "file": SimpleUploadedFile("s.xlsx", data)})
    elapsed = time.process_time() - started
    html = resp.content.decode()
    assert resp.status_code == 400 and elapsed < 2, elapsed
    assert "Expected a sheet named &#x27;plans&#x27;" in html
    assert "more than 100,000 rows" not in html
    assert not m.Scenario.objects.filter(name="Bomb").exists()


def test_upload_larger_than_the_limit_is_refused_unread(client, owner, city, settings):
    settings.IMPORT_MAX_UPLOAD_MB = 1
    client.force_login(owner)
    resp = client.post("/logistics/upload/", {"city": city.pk, "name": "Big",
                                              "file": SimpleUploadedFile("s.xlsx", b"x" * (1024 * 1024 + 10))})
    assert resp.status_code == 413 and "larger than 1 MB" in resp.content.decode()
    assert not m.Scenario.objects.filter(name="Big").exists()
