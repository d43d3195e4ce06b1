"""Quarterly reviews (page, PDF, Excel, both languages), reminders, and the roll-up's query count."""

import io
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from circularcities.coalition.models import City
from circularcities.core.planning import Quarter
from circularcities.planning.models import Measure, Milestone, Target
from circularcities.planning.review import overdue_for_reminders, send_reminders
from circularcities.planning.rollup import coalition_rollup
from circularcities.planning.services import log_progress

pytestmark = pytest.mark.django_db


@pytest.fixture
def quarter_data(city, measure, project, owner):
    measure.end = date(2024, 3, 31)
    measure.owner = owner
    measure.save()
    Milestone.objects.create(measure=measure, title_en="Late step", due=date(2024, 5, 1))
    Milestone.objects.create(measure=measure, title_en="Done step", due=date(2024, 5, 1), done=date(2024, 5, 2))
    log_progress(project, Quarter(2024, 2), "people_trained", 40)
    return Quarter(2024, 2)


def test_city_review_page(client, owner, city, quarter_data):
    client.force_login(owner)
    html = client.get(reverse("planning:city_review", args=[city.slug]) + "?quarter=2024-Q2").content.decode()
    assert "Quarterly review 2024-Q2" in html
    overdue = html[html.index('data-testid="overdue"'):]
    assert "Collect food waste" in overdue and "Late step" in overdue
    changes = html[html.index('data-testid="changes"'):]
    assert "Done step" in changes
    assert "Repair hub" in html and "40.0" in html


@pytest.mark.parametrize("lang", ["en", "zh-hans"])
def test_review_exports(client, owner, city, quarter_data, lang):
    client.force_login(owner)
    url = reverse("planning:city_review", args=[city.slug]) + f"?quarter=2024-Q2&lang={lang}"
    pdf = client.get(url + "&format=pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    xlsx = client.get(url + "&format=xlsx")
    wb = load_workbook(io.BytesIO(xlsx.content))
    text = " ".join(str(c) for ws in wb for row in ws.iter_rows(values_only=True) for c in row if c)
    assert ("季度审查" if lang == "zh-hans" else "Quarterly review 2024-Q2") in text
    assert "Late step" in text


def test_group_review_covers_member_cities(client, secretariat):
    client.force_login(secretariat)
    resp = client.get(reverse("planning:group_review", args=["municipal-resources"]) + "?quarter=2021-Q2")
    html = resp.content.decode()
    assert resp.status_code == 200 and "CRC refurbishment and training" in html


def test_reminders_go_to_owners(mailoutbox, quarter_data, project, project_owner, owner):
    items = overdue_for_reminders(date(2024, 10, 5))   # last complete quarter: 2024-Q3, no report
    assert any("Repair hub" in line for line in items[project_owner.email])
    assert any("Late step" in line for line in items[owner.email])
    n = send_reminders(date(2024, 10, 5))
    assert n == len(mailoutbox) >= 2
    to_owner = [m for m in mailoutbox if m.to == [project_owner.email]]
    assert to_owner and "2024-Q3" in to_owner[0].body
    # Once the report is in and the milestone is done, nobody is reminded of them.
    log_progress(project, Quarter(2024, 3), "people_trained", 10)
    Milestone.objects.filter(translations__title="Late step").update(done=date(2024, 10, 1))
    items = overdue_for_reminders(date(2024, 10, 5))
    assert project_owner.email not in items
    assert not any("Late step" in line for lines in items.values() for line in lines)


def test_secretariat_button_sends_mail(client, secretariat, quarter_data, mailoutbox):
    client.force_login(secretariat)
    resp = client.post(reverse("planning:remind"), follow=True)
    assert "reminder e-mails sent" in resp.content.decode() and mailoutbox


def _grow(n_cities, start):
    """n_cities extra cities each with 3 targets, 2 measures and values."""
    from circularcities.diagnosis.services import set_value

    for i in range(n_cities):
        c = City.objects.create(slug=f"bench-{start + i}", name_en=f"Bench {start + i}", name_zh="测", country="NL")
        for code in ("SW-RECYCLING", "SW-MSW-CAP", "SW-LANDFILL"):
            Target.objects.create(city=c, indicator_id=code, baseline_year=2020, baseline_value=10,
                                  target_year=2030, target_value=20)
            set_value(c, code, 2023, 12.0 + i, via="test")
        Measure.objects.create(city=c, title_en="m", status="started")
        Measure.objects.create(city=c, title_en="n", status="completed")


def test_rollup_query_count_does_not_grow_with_data(secretariat):
    _grow(2, 0)
    with CaptureQueriesContext(connection) as small:
        data = coalition_rollup()
    _grow(10, 100)
    with CaptureQueriesContext(connection) as large:
        data2 = coalition_rollup()
    assert len(small) == len(large) <= 10
    assert data2["total"].n_targets == data["total"].n_targets + 30


def test_rollup_page_counts(client, secretariat):
    client.force_login(secretariat)
    html = client.get(reverse("planning:rollup")).content.decode()
    assert "Brussels" in html and "Advance London" in html and "112" in html


def test_review_export_marks_english_shown_for_a_language_without_the_text(client, owner, city, quarter_data):
    """Names come through ``translated()``: a Japanese review shows an English-only
    milestone title marked "not yet translated", as the pages do."""
    client.force_login(owner)
    url = reverse("planning:city_review", args=[city.slug]) + "?quarter=2024-Q2&lang=ja&format=xlsx"
    wb = load_workbook(io.BytesIO(client.get(url).content))
    cells = [str(c) for ws in wb for row in ws.iter_rows(values_only=True) for c in row if c]
    assert any("Late step (未翻訳)" in c for c in cells)
    english = client.get(url.replace("lang=ja", "lang=en"))
    cells = [str(c) for ws in load_workbook(io.BytesIO(english.content)) for row in ws.iter_rows(values_only=True)
             for c in row if c]
    assert any("Late step" in c for c in cells) and not any("not yet translated" in c for c in cells)
