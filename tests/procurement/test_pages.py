"""Pages: list, comparison (chart and table), scorecard, finder, pilot; exports."""

import io

import openpyxl
import pytest

from tests.conftest import login


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/procurement/", "/procurement/comparisons/copenhagen-katrinedals-school/",
                                 "/procurement/finder/", "/procurement/pilots/toronto-circular-procurement-pilots/",
                                 "/procurement/tenders/guangming-cultural-arts-center-ac/",
                                 "/zh-hans/procurement/", "/zh-hans/procurement/finder/"])
def test_public_pages(client, demo, url):
    resp = client.get(url)
    assert resp.status_code == 200, url


@pytest.mark.django_db
def test_comparison_page_shows_choice_saving_and_d_apart(client, demo):
    html = client.get("/procurement/comparisons/copenhagen-katrinedals-school/").content.decode()
    assert "<svg" in html and "Reused bricks" in html and "not declared" in html
    assert "300 t of bricks" in html  # the assumption is shown


@pytest.mark.django_db
def test_comparison_exports(client, demo):
    url = "/procurement/comparisons/copenhagen-katrinedals-school/"
    x = client.get(url + "?format=xlsx")
    assert x.status_code == 200 and x["Content-Type"].startswith("application/vnd.openxml")
    wb = openpyxl.load_workbook(io.BytesIO(x.content))
    text = " ".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value is not None)
    assert "Reused bricks" in text and "A-C total" in text
    p = client.get(url + "?format=pdf")
    assert p.status_code == 200 and p.content.startswith(b"%PDF")


@pytest.mark.django_db
def test_scorecard_page_and_exports_for_the_officer(client, sf_tender, sf_officer):
    login(client, sf_officer)
    url = sf_tender.get_absolute_url()
    html = client.get(url).content.decode()
    assert "lowest bid / bid × 40 points" in html and html.count('data-testid="bid-row"') == 3
    assert client.get(url + "?format=xlsx").status_code == 200
    assert client.get(url + "?format=pdf").content.startswith(b"%PDF")


@pytest.mark.django_db
def test_finder_page_says_why(client, demo):
    html = client.get("/procurement/finder/?set=san-francisco-carpet").content.decode()
    assert "Carpet maker D" in html and "No take-back offered." in html
