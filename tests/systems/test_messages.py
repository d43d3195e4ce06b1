"""A refused system definition reaches the page in the reader's language (issues #12, #13):
the import summary (sheet, row, column), the edit forms' messages and the API's 422."""

from __future__ import annotations

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from circularcities.core.mfa.system_io import to_json, to_xlsx
from circularcities.systems import services
from circularcities.systems.models import System
from tests.conftest import login

pytestmark = pytest.mark.django_db


def _rows(html: str) -> list[str]:
    return [r.split("</tr>")[0] for r in html.split('data-testid="import-error"')[1:]]


def test_a_workbook_naming_an_unknown_layer_is_refused_in_japanese_with_its_place(client, system, owner,
                                                                                  four_languages):
    wb = load_workbook(io.BytesIO(to_xlsx(services.definition(system, "en"))))
    wb["flows"]["C2"] = "gold"
    buf = io.BytesIO()
    wb.save(buf)
    n = System.objects.filter(city=system.city).count()
    response = login(client, owner).post(f"/ja/systems/import/{system.city.slug}/",
                                         {"file": SimpleUploadedFile("bad.xlsx", buf.getvalue())})
    html = response.content.decode()
    assert response.status_code == 400
    (row,) = _rows(html)
    assert ">flows</td>" in row and ">2</td>" in row and ">C layer</td>" in row
    assert "レイヤーはシート「layers」にあるレイヤーにしてください。入力値：&#x27;gold&#x27;。" in row
    assert "Expected a layer listed" not in html
    assert System.objects.filter(city=system.city).count() == n


def test_a_loop_of_conversions_in_a_json_file_is_refused_in_japanese(client, system, owner, four_languages):
    doc = to_json(services.definition(system, "en"))
    doc["conversions"] = [
        {"process": "plant", "from_layer": "water", "to_layer": "energy", "factor": 0.05, "consumed": 0.1},
        {"process": "house", "from_layer": "energy", "to_layer": "water", "factor": 1.0, "consumed": 0.1}]
    before = to_json(services.definition(system, "en"))
    response = login(client, owner).post(f"/ja/systems/{system.pk}/import",
                                         {"file": SimpleUploadedFile("loop.json", json.dumps(doc).encode())})
    html = response.content.decode()
    assert response.status_code == 400
    (row,) = _rows(html)
    assert ">JSON</td>" in row
    assert "レイヤー間の変換がループになっています。互いに変換し合うレイヤー：water, energy。" in row
    assert "without a loop" not in html
    assert to_json(services.definition(system, "en")) == before


def test_an_edit_refused_by_the_definition_is_shown_in_korean(client, system, owner, four_languages):
    response = login(client, owner).post(f"/ko/systems/{system.pk}/edit/conversion", {
        "process": "plant", "from_layer": "water", "to_layer": "energy", "consumed": "0.1",
        "factor": "no_such_parameter"}, follow=True)
    html = response.content.decode()
    assert "알 수 없는 매개변수 &#x27;no_such_parameter&#x27;입니다." in html
    assert "unknown parameter" not in html


def test_the_same_import_in_english_keeps_the_english_sentence(client, system, owner):
    wb = load_workbook(io.BytesIO(to_xlsx(services.definition(system, "en"))))
    wb["flows"]["C2"] = "gold"
    buf = io.BytesIO()
    wb.save(buf)
    response = login(client, owner).post(f"/systems/import/{system.city.slug}/",
                                         {"file": SimpleUploadedFile("bad.xlsx", buf.getvalue())})
    (row,) = _rows(response.content.decode())
    assert "Expected a layer listed on the sheet &#x27;layers&#x27;, got &#x27;gold&#x27;." in row


def test_the_api_refuses_a_definition_in_the_readers_language(client, system, owner):
    login(client, owner)
    url = f"/api/systems/{system.pk}"
    doc = to_json(services.definition(system, "en"))
    doc["conversions"] = [
        {"process": "plant", "from_layer": "water", "to_layer": "energy", "factor": 0.05, "consumed": 0.1},
        {"process": "house", "from_layer": "energy", "to_layer": "water", "factor": 1.0, "consumed": 0.1}]
    response = client.put(url, json.dumps({"definition": doc}), content_type="application/json",
                          HTTP_ACCEPT_LANGUAGE="ja")
    assert response.status_code == 422
    body = response.json()
    assert body["errors"][0]["sheet"] == "JSON"
    assert body["errors"][0]["message"] == ("レイヤー間の変換がループになっています。"
                                            "互いに変換し合うレイヤー：water, energy。")
    # read, then refused when computed: the shares leaving the plant add up to 1.4
    doc = to_json(services.definition(system, "en"))
    doc["flows"].append({"from_process": "plant", "to_process": "house", "layer": "water", "share": 0.4})
    response = client.put(url, json.dumps({"definition": doc}), content_type="application/json",
                          HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert response.status_code == 422
    assert response.json()["detail"] == "流出 plant 的分配比例（water，2020 年）之和应不大于 1；得到 1.4。"
    response = client.put(url, json.dumps({"definition": doc}), content_type="application/json",
                          HTTP_ACCEPT_LANGUAGE="en")
    assert response.json()["detail"] == ("Expected the shares leaving plant (water, 2020) to add up to at most 1, "
                                         "got 1.4.")


def test_removing_a_flow_that_is_not_there_is_refused_in_chinese(client, system, owner, four_languages):
    response = login(client, owner).post(f"/zh-hans/systems/{system.pk}/edit/flow-delete", {
        "origin": "plant", "destination": "house", "layer": "energy"}, follow=True)
    html = response.content.decode()
    assert "层 energy 中没有流量 plant → house。" in html
    assert "No flow" not in html
