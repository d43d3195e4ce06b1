"""The case library's workflow: draft -> in review -> published with the reviewer,
every change kept (history, revert), bulk import all or nothing; permissions for the
secretariat, a city editor, a partner and an outsider."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from circularcities.knowledge.models import Case
from circularcities.knowledge.search import search_cases

pytestmark = pytest.mark.django_db


def _form(city, slug="zz-repair-network", title="Zyxqu repair network", **extra):
    data = {"slug": slug, "city": city.pk, "title_en": title, "title_zh": "维修网络", "summary_en": "Repairs.",
            "summary_zh": "", "keywords_en": "repair, reuse", "keywords_zh": "", "source_document": "Report 2024",
            "sources": "", "comment": "", "fig-TOTAL_FORMS": "1", "fig-INITIAL_FORMS": "0",
            "fig-MIN_NUM_FORMS": "0", "fig-MAX_NUM_FORMS": "60", "fig-0-label_en": "Items repaired",
            "fig-0-label_zh": "", "fig-0-note_en": "", "fig-0-note_zh": "", "fig-0-value": "1200",
            "fig-0-unit": "items", "fig-0-year": "2023", "fig-0-source": ""}
    data.update(extra)
    return data


@pytest.mark.parametrize("who,allowed", [("secretariat", True), ("editor", True), ("partner", False),
                                         ("outsider", False)])
def test_who_may_draft_a_case_for_a_city(client, people, city, who, allowed):
    client.force_login(people[who])
    resp = client.post("/cases/manage/new/", _form(city))
    assert Case.objects.filter(slug="zz-repair-network").exists() is allowed
    assert resp.status_code == (302 if allowed else 403)


def test_workflow_draft_review_published_with_reviewer(client, people, city):
    client.force_login(people["editor"])
    client.post("/cases/manage/new/", _form(city))
    case = Case.objects.get(slug="zz-repair-network")
    assert case.status == "draft" and not case.published and case.figures.get().unit == "items"
    assert search_cases("zyxqu") == []
    client.post(f"/cases/manage/{case.slug}/status/", {"action": "submit"})
    assert Case.objects.get(pk=case.pk).status == "review"
    client.post(f"/cases/manage/{case.slug}/status/", {"action": "publish"})  # an editor may not publish
    assert Case.objects.get(pk=case.pk).status == "review"
    for who in ("partner", "outsider"):
        client.force_login(people[who])
        assert client.post(f"/cases/manage/{case.slug}/status/", {"action": "publish"}).status_code == 403
    client.force_login(people["secretariat"])
    client.post(f"/cases/manage/{case.slug}/status/", {"action": "publish"})
    case = Case.objects.get(pk=case.pk)
    assert case.status == "published" and case.published and case.reviewer == people["secretariat"]
    assert [h.case.slug for h in search_cases("zyxqu")] == [case.slug]
    # once published, the city editor no longer changes it
    client.force_login(people["editor"])
    assert client.post(f"/cases/manage/{case.slug}/edit/", _form(city, title="Changed")).status_code == 403


def test_every_change_is_kept_and_can_be_put_back(client, people, city):
    client.force_login(people["secretariat"])
    client.post("/cases/manage/new/", _form(city))
    case = Case.objects.get(slug="zz-repair-network")
    form = _form(city, title="Zyxqu repair network, second edition", comment="New title")
    form.pop("slug")
    assert client.post(f"/cases/manage/{case.slug}/edit/", form).status_code == 302
    page = client.get(f"/cases/manage/{case.slug}/history/")
    versions = page.context["versions"]
    assert len(versions) == 2 and versions[0].who == people["secretariat"].username
    assert versions[0].comment == "New title"
    assert any(c.field == "title (en)" and "second edition" in c.after for c in versions[0].changes)
    client.force_login(people["editor"])
    assert client.post(f"/cases/manage/{case.slug}/history/{versions[1].version_id}/revert/").status_code == 403
    client.force_login(people["secretariat"])
    client.post(f"/cases/manage/{case.slug}/history/{versions[1].version_id}/revert/")
    assert Case.objects.get(pk=case.pk).title_en == "Zyxqu repair network"


def test_an_image_needs_its_alternative_text(client, people, city, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(people["secretariat"])
    client.post("/cases/manage/new/", _form(city))
    case = Case.objects.get(slug="zz-repair-network")
    gif = (b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,"
           b"\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")
    client.post(f"/cases/manage/{case.slug}/image/", {"image": SimpleUploadedFile("a.gif", gif, "image/gif"),
                                                      "alt_text": ""})
    assert case.images.count() == 0
    client.post(f"/cases/manage/{case.slug}/image/", {"image": SimpleUploadedFile("a.gif", gif, "image/gif"),
                                                      "alt_text": "Volunteers repairing a bicycle"})
    assert case.images.get().alt_text == "Volunteers repairing a bicycle"


def _sheet(rows):
    wb = Workbook()
    ws = wb.active
    ws.title = "cases"
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return SimpleUploadedFile("cases.xlsx", buf.getvalue())


HEADER = ["slug", "city", "title_en", "summary_en", "title_zh", "keywords_en", "areas"]


def test_bulk_import_all_or_nothing_with_row_errors(client, people, city):
    client.force_login(people["secretariat"])
    bad = _sheet([HEADER, ["imp-one", "amsterdam", "Imported one", "Text.", "导入一", "a, b", "procurement"],
                  ["imp-two", "atlantis", "Imported two", "Text.", "", "", ""]])
    resp = client.post("/cases/manage/import/", {"file": bad})
    assert resp.status_code == 400
    problems = [str(p) for p in resp.context["problems"]]
    assert len(problems) == 1 and "3" in problems[0]
    assert not Case.objects.filter(slug__startswith="imp-").exists()
    good = _sheet([HEADER, ["imp-one", "amsterdam", "Imported one", "Text.", "导入一", "a, b", "procurement"],
                   ["imp-two", "changchun", "Imported two", "Text.", "", "", ""]])
    assert client.post("/cases/manage/import/", {"file": good}).status_code == 302
    one = Case.objects.get(slug="imp-one")
    assert one.status == "draft" and one.title_zh == "导入一" and one.keywords_en == ["a", "b"]
    assert [a.slug for a in one.areas.all()] == ["procurement"]
    template = client.get("/cases/manage/import/template.xlsx")
    assert template.status_code == 200 and template.content[:2] == b"PK"


@pytest.mark.parametrize("who", ["editor", "partner", "outsider"])
def test_only_the_secretariat_imports(client, people, who):
    client.force_login(people[who])
    good = _sheet([HEADER, ["imp-one", "amsterdam", "Imported one", "Text.", "", "", ""]])
    assert client.post("/cases/manage/import/", {"file": good}).status_code == 403
    assert not Case.objects.filter(slug="imp-one").exists()
