"""Importing a city's targets and measures: permissions, all or nothing, idempotent, templates."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from circularcities.planning.models import Measure, MeasureStatusChange, Target

pytestmark = pytest.mark.django_db

TARGETS = (b"indicator,programme,programme_indicator,baseline_year,baseline_value,target_year,target_value,title_en\n"
           b"SW-RECYCLING,,,2020,25,2030,50,Recycle half\n"
           b",ams-fund,items_refurbished,2023,800,2026,1200,Refurbish more\n")
MEASURES = (b"code,title_en,status,budget,currency,r_strategies,start,end\n"
            b"M-1,Repair cafes,started,5000,EUR,repair;reuse,2024-01-01,2025-12-31\n"
            b"M-2,Second-hand market,,,,,,\n")


def _post(client, city, kind, data, name="f.csv"):
    return client.post(reverse("planning:import_plan", args=[city.slug]),
                       {"kind": kind, "file": SimpleUploadedFile(name, data)}, follow=True)


@pytest.mark.parametrize("who", ["owner", "member", "outsider", "anonymous", "secretariat", "project_owner"])
def test_who_may_import(client, request, who, city, programme):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    resp = client.post(reverse("planning:import_plan", args=[city.slug]),
                       {"kind": "measures", "file": SimpleUploadedFile("m.csv", MEASURES)})
    allowed = who in ("owner", "secretariat")
    assert Measure.objects.filter(city=city, code="M-1").exists() == allowed
    if not allowed:
        assert resp.status_code == (302 if who == "anonymous" else 403)


def test_targets_import_is_idempotent_and_says_so(client, owner, city, programme):
    client.force_login(owner)
    html = _post(client, city, "targets", TARGETS).content.decode()
    assert "Rows read: 2 · written: 2" in html
    assert Target.objects.filter(city=city, translations__title="Refurbish more", programme=programme).exists()
    before = list(Target.objects.filter(city=city).order_by("pk").values())
    html = _post(client, city, "targets", TARGETS).content.decode()
    assert "Rows read: 2 · written: 0" in html
    assert list(Target.objects.filter(city=city).order_by("pk").values()) == before
    changed = TARGETS.replace(b"2030,50,", b"2030,55,")
    assert "Rows read: 2 · written: 1" in _post(client, city, "targets", changed).content.decode()
    assert Target.objects.get(city=city, indicator_id="SW-RECYCLING", target_year=2030).target_value == 55


def test_measures_import_is_all_or_nothing_and_idempotent(client, owner, city):
    client.force_login(owner)
    bad = MEASURES + b"M-3,,finished,,,,,\n"
    resp = _post(client, city, "measures", bad)
    html = resp.content.decode()
    assert resp.status_code == 400 and "nothing was imported" in html
    assert "Row 4, column B &#x27;title_en&#x27;" in html and "Row 4, column C &#x27;status&#x27;" in html
    assert not Measure.objects.filter(city=city, code__in=["M-1", "M-2"]).exists()
    assert "Rows read: 2 · written: 2" in _post(client, city, "measures", MEASURES).content.decode()
    m1 = Measure.objects.get(city=city, code="M-1")
    assert m1.status == "started" and m1.currency == "EUR" and set(m1.r_strategies.values_list("slug", flat=True)) == {
        "repair", "reuse"}
    assert Measure.objects.get(city=city, code="M-2").status == "not_started"
    assert "written: 0" in _post(client, city, "measures", MEASURES).content.decode()
    # A status change through the import is recorded in the history.
    _post(client, city, "measures", MEASURES.replace(b"started,5000", b"completed,5000"))
    (h,) = MeasureStatusChange.objects.filter(measure=m1)
    assert (h.old, h.new, h.changed_by, h.via) == ("started", "completed", owner, "import")


def test_excel_import_names_the_sheet(client, owner, city):
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.title = "measures"
    wb.active.append(["code", "title_en", "budget"])
    wb.active.append(["M-9", "Thing", 100])
    buf = io.BytesIO()
    wb.save(buf)
    client.force_login(owner)
    html = _post(client, city, "measures", buf.getvalue(), "m.xlsx").content.decode()
    assert "Sheet &#x27;measures&#x27;, row 2, column &#x27;currency&#x27;" in html


@pytest.mark.parametrize("kind", ["targets", "measures"])
def test_templates_import_cleanly_once_references_exist(client, owner, city, kind):
    csv_body = client.get(reverse("planning:plan_template", args=[kind, "csv"])).content
    xlsx = client.get(reverse("planning:plan_template", args=[kind, "xlsx"])).content
    book = load_workbook(io.BytesIO(xlsx))
    assert book.sheetnames[0] == kind
    # example rows and drop-down lists on the coded columns (issue #13)
    assert book[kind].max_row >= 2
    validated = {str(dv.sqref).split(":")[0].rstrip("0123456789") for dv in book[kind].data_validations.dataValidation
                 if dv.type == "list"}
    assert len(validated) == 3
    client.force_login(owner)
    if kind == "measures":
        assert "Rows read: 1 · written: 1" in _post(client, city, kind, csv_body).content.decode()
        assert "written: 0" in _post(client, city, kind, xlsx, "t.xlsx").content.decode()
    else:
        html = _post(client, city, kind, csv_body).content.decode()
        assert "No programme &#x27;my-programme&#x27; in this city" in html


def test_import_page_renders_in_both_languages(client, owner, city):
    client.force_login(owner)
    for prefix in ("", "/zh-hans"):
        assert client.get(f"{prefix}/plans/{city.slug}/import/").status_code == 200


def test_large_measures_file_is_imported_by_a_job(client, owner, city, settings):
    from circularcities.jobs.models import Job

    settings.IMPORT_JOB_ROWS = 2  # MEASURES has 3 rows with its header
    settings.JOBS_INLINE = True
    client.force_login(owner)
    resp = _post(client, city, "measures", MEASURES)
    assert resp.status_code == 202 and 'data-testid="import-job"' in resp.content.decode()
    job = Job.objects.get(kind="planning-import")
    assert job.status == Job.Status.DONE and job.result["rows"] == 2, job.error
    assert Measure.objects.filter(city=city, code__in=["M-1", "M-2"]).count() == 2
    _post(client, city, "measures", MEASURES + b"M-3,,finished,,,,,\n")
    failed = Job.objects.filter(kind="planning-import").order_by("-created_at").first()
    assert failed.status == Job.Status.FAILED and "Row 4, column B 'title_en'" in failed.error
    assert not Measure.objects.filter(city=city, code="M-3").exists()


def test_japanese_and_korean_columns_land_in_their_translation_rows(client, owner, city, settings):
    assert [c for c, _n in settings.LANGUAGES] == ["en", "zh-hans", "ja", "ko"]
    client.force_login(owner)
    measures = ("code,title_en,title_ja,title_ko,description_en,description_ja,description_ko\n"
                "M-7,Repair cafés,リペアカフェ,수리 카페,Every district,全区で,모든 구에서\n").encode()
    assert "written: 1" in _post(client, city, "measures", measures).content.decode()
    m = Measure.objects.get(city=city, code="M-7")
    rows = {t.language_code: (t.title, t.description) for t in m.translations.all()}
    assert rows == {"en": ("Repair cafés", "Every district"), "ja": ("リペアカフェ", "全区で"),
                    "ko": ("수리 카페", "모든 구에서")}
    assert "written: 0" in _post(client, city, "measures", measures).content.decode()
    targets = ("indicator,baseline_year,baseline_value,target_year,target_value,title_en,title_ja,title_ko\n"
               "SW-RECYCLING,2020,25,2035,50,Recycle half,半分をリサイクル,절반 재활용\n").encode()
    assert "written: 1" in _post(client, city, "targets", targets).content.decode()
    t = Target.objects.get(city=city, indicator_id="SW-RECYCLING", target_year=2035)
    assert (t.title_en, t.title_ja, t.title_ko, t.title_zh) == ("Recycle half", "半分をリサイクル", "절반 재활용", "")
    assert t.translations.get(language_code="ko").title == "절반 재활용"


def test_old_english_chinese_file_still_imports_and_keeps_other_languages(client, owner, city):
    client.force_login(owner)
    old = ("code,title_en,title_zh,description_en,description_zh\n"
           "M-8,Sharing library,共享图书馆,Tools to borrow,借用工具\n").encode()
    assert "written: 1" in _post(client, city, "measures", old).content.decode()
    m = Measure.objects.get(city=city, code="M-8")
    assert (m.title_en, m.title_zh, m.description_zh) == ("Sharing library", "共享图书馆", "借用工具")
    assert m.translations.get(language_code="zh-hans").title == "共享图书馆"
    m.title_ja = "シェアリング図書館"
    m.save()
    changed = old.replace("共享图书馆".encode(), "共享工具馆".encode())
    assert "written: 1" in _post(client, city, "measures", changed).content.decode()
    m = Measure.objects.get(city=city, code="M-8")
    assert (m.title_zh, m.title_ja) == ("共享工具馆", "シェアリング図書館")  # no ja column: ja text kept


@pytest.mark.parametrize("kind", ["targets", "measures"])
def test_templates_offer_a_text_column_per_platform_language(client, owner, city, kind):
    xlsx = client.get(reverse("planning:plan_template", args=[kind, "xlsx"])).content
    header = [c.value for c in load_workbook(io.BytesIO(xlsx))[kind][1]]
    csv_header = client.get(reverse("planning:plan_template", args=[kind, "csv"])).content.decode().splitlines()[0]
    fields = ("title",) if kind == "targets" else ("title", "description")
    for field in fields:
        want = [f"{field}_{lang}" for lang in ("en", "zh", "ja", "ko")]
        assert [h for h in header if h.startswith(f"{field}_")] == want
        assert all(w in csv_header.split(",") for w in want)
    client.force_login(owner)
    page = client.get(reverse("planning:import_plan", args=[city.slug])).content.decode()
    assert "title_ja" in page and "description_ko" in page
