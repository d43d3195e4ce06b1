"""Quarterly review exports in every configured language: one PDF and one Excel link per
language, and the programme indicators named in the export's language."""

import io
import shutil
import subprocess

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.planning.test_reviews import quarter_data  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


def test_the_review_links_an_export_per_language(client, owner, city, quarter_data, four_languages):  # noqa: F811
    client.force_login(owner)
    html = client.get("/ko" + reverse("planning:city_review", args=[city.slug]) + "?quarter=2024-Q2").content.decode()
    for short, code in (("en", "en"), ("zh", "zh-hans"), ("ja", "ja"), ("ko", "ko")):
        assert f'data-testid="review-pdf-{short}"' in html and f"format=pdf&lang={code}" in html
        assert f'data-testid="review-xlsx-{short}"' in html
    assert "PDF (English)" not in html


@pytest.mark.parametrize(("lang", "expected"), [("ja", "研修を受けた人数"), ("ko", "교육받은 인원"),
                                                 ("zh-hans", "受培训人数"), ("en", "People trained")])
def test_exports_name_indicators_in_their_language(client, owner, city, quarter_data, four_languages,  # noqa: F811
                                                   lang, expected, tmp_path):
    client.force_login(owner)
    url = reverse("planning:city_review", args=[city.slug]) + f"?quarter=2024-Q2&lang={lang}"
    xlsx = client.get(url + "&format=xlsx")
    wb = load_workbook(io.BytesIO(xlsx.content))
    text = " ".join(str(c) for ws in wb for row in ws.iter_rows(values_only=True) for c in row if c)
    assert expected in text
    pdf = client.get(url + "&format=pdf")
    assert pdf.content.startswith(b"%PDF") and pdf["Content-Disposition"].endswith(f'-{lang}.pdf"')
    if shutil.which("pdftotext"):
        path = tmp_path / "review.pdf"
        path.write_bytes(pdf.content)
        out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True).stdout
        assert expected in out.replace("\n", "")
