"""Chinese, Japanese and Korean glyphs in PDF reports: the text comes back out of the PDF
(pdftotext, from poppler-utils) and the font that draws it is embedded or is the
language's own CID font."""

import shutil
import subprocess

import pytest

from circularcities.core import pdf_fonts
from circularcities.core.reports import Report, Section, Table, to_pdf

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")

TEXT = {
    "zh-hans": ("城市诊断报告", "食物垃圾回收率"),
    "ja": ("山口県の食品廃棄物", "回収量（トン／年）"),
    "ko": ("암스테르담 공유 경제", "공유 플랫폼 이용자 수"),
}


def _report(lang: str) -> Report:
    title, label = TEXT[lang]
    return Report(title=title, footer="Circular Cities Platform",
                  sections=[Section(heading=label, paragraphs=[f"{title}: {label}"],
                                    tables=[Table(columns=[label, "t"], rows=[[title, 1200.0]])])])


def _text(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "r.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def _fonts(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "f.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout


@needs_poppler
@pytest.mark.parametrize("lang", list(TEXT))
def test_cjk_text_comes_back_out_of_the_pdf(lang, tmp_path):
    pdf = to_pdf(_report(lang), lang)
    text = _text(pdf, tmp_path)
    for phrase in TEXT[lang]:
        assert phrase in text.replace("\n", ""), (lang, text)


@needs_poppler
@pytest.mark.parametrize("lang", ["ja", "ko"])
def test_the_installed_truetype_font_is_embedded_when_it_has_the_glyphs(lang, tmp_path):
    font = pdf_fonts._truetype()
    if font is None:
        pytest.skip("no TrueType CJK font installed (CI installs fonts-wqy-zenhei)")
    assert pdf_fonts.covers(font, pdf_fonts.SAMPLES[lang])
    fonts = _fonts(to_pdf(_report(lang)), tmp_path)
    line = next(line for line in fonts.splitlines() if "WenQuanYi" in line or "CC-CJK" in line or "+" in line)
    assert " yes " in line  # embedded (a subset)


@needs_poppler
@pytest.mark.parametrize(("lang", "cid"), [("ja", "HeiseiKakuGo-W5"), ("ko", "HYGothic-Medium")])
def test_without_a_truetype_font_each_language_gets_its_own_cid_font(lang, cid, tmp_path, monkeypatch):
    monkeypatch.setattr(pdf_fonts, "_truetype", lambda: None)
    pdf_fonts.register_fonts.cache_clear()
    try:
        assert pdf_fonts.register_fonts(lang) == (cid, cid)
        pdf = to_pdf(_report(lang))  # the language read from the report's script
        assert cid in _fonts(pdf, tmp_path)
    finally:
        pdf_fonts.register_fonts.cache_clear()


def test_script_language():
    assert pdf_fonts.script_language("Plan 山口県の計画") == "ja"
    assert pdf_fonts.script_language("서울 計劃") == "ko"
    assert pdf_fonts.script_language("北京 plan") == "zh"
