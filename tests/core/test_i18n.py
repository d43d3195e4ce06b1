"""core's messages in every platform language, from gettext catalogues, without Django."""

import pytest

from circularcities.core import i18n, tables
from circularcities.core.errors import DataImportError, Problem
from circularcities.core.i18n import Message


def test_every_platform_language_has_a_catalogue():
    assert {"zh_Hans", "ja", "ko"} <= set(i18n.languages())


@pytest.mark.parametrize(("code", "locale"), [("zh-hans", "zh_Hans"), ("en-gb", "en_GB"), ("ja", "ja")])
def test_locale_names_follow_django(code, locale):
    assert i18n.to_locale(code) == locale


def test_a_message_is_its_english_text_and_renders_in_any_language():
    m = Message("row %(row)d", row=3)
    assert m == "row 3" and isinstance(m, str)
    assert m.render("zh-hans") == "第 3 行"
    assert m.render("zh-CN") == "第 3 行"  # a regional Chinese finds the Simplified catalogue
    assert m.render("ja") == "3 行目"
    assert m.render("ko") == "3행"
    assert m.render("pt") == "row 3"  # no catalogue: English


def test_nested_messages_render_in_the_same_language():
    m = Message("%(where)s: %(message)s", where=Message("The file"), message="x")
    assert m.render("ja") == "このファイル：x"


def test_the_active_language_comes_from_the_host(monkeypatch):
    monkeypatch.setattr(i18n, "_provider", [lambda: "ko"])
    p = Problem(Message("The file is empty: expected a header row and data rows."), "flows", 1)
    assert str(p) == "시트 'flows', 1행: 파일이 비어 있습니다. 머리글 행과 데이터 행이 필요합니다."
    assert p.as_dict("en")["text"] == "Sheet 'flows', row 1: The file is empty: expected a header row and data rows."


@pytest.mark.parametrize("lang", ["zh-hans", "ja", "ko"])
def test_table_reader_errors_in_every_language(lang):
    with pytest.raises(DataImportError) as exc:
        tables.read_table(b"a,b\n1,2\n", "x.csv", None, required=("tonnes",), csv_sheet="flows")
    problem = exc.value.problems[0]
    english = problem.full("en")
    assert english.startswith("Sheet 'flows', row 1, column 'tonnes': Expected a column 'tonnes'")
    translated = problem.full(lang)
    assert translated != english and "tonnes" in translated and "Expected" not in translated


def test_pdf_is_refused_in_japanese():
    with pytest.raises(DataImportError) as exc:
        tables.open_table(b"%PDF-1.4 ...", "x.xlsx")
    text = exc.value.problems[0].full("ja")
    assert text.startswith("このファイルは Excel ブック（.xlsx）ではありません：PDF 文書です。")
