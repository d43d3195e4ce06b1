"""The secretariat runs the coalition in the browser: registers a city, invites its editor,
publishes a case written in four languages, creates an event a partner registers for, and
publishes a working group's result that then shows on the city's page, where the city's
editor reads it in Japanese."""

import re
from datetime import date, timedelta

from django.core import mail

from circularcities.coalition.models import City, Partner, Registration
from circularcities.knowledge.models import Case
from tests.conftest import _user
from tests.e2e.conftest import sign_in


def _save(page, form):
    form.locator("[data-testid=save]").click()
    page.wait_for_load_state()


def test_secretariat_runs_a_year_of_the_coalition(page, browser):
    _user("office-sec", "secretariat")
    partner_org = Partner.objects.exclude(kind="secretariat").first()
    _user("office-partner", "partner", organisation=partner_org)
    sign_in(page, "office-sec", "pw-office-sec")

    # 1. Register a member city with two focal areas.
    page.goto(page.base + "/office/")
    page.click("[data-testid=new-city]")
    form = page.locator("[data-testid=office-form]")
    form.locator("#id_slug").fill("lisbon")
    form.locator("#id_name_en").fill("Lisbon")
    form.locator("#id_name_zh").fill("里斯本")
    form.locator("#id_country").fill("PT")
    form.locator("#id_member_since").fill("2024-05-01")
    form.locator("#id_population").fill("545000")
    form.locator("#id_population_year").fill("2021")
    form.locator("#id_lat").fill("38.72")
    form.locator("#id_lon").fill("-9.14")
    form.locator("#id_contact_email").fill("ana@example.org")
    boxes = form.locator("input[name=focal_areas]")
    boxes.nth(0).check()
    boxes.nth(1).check()
    _save(page, form)
    assert page.url.endswith("/cities/lisbon/")
    city = City.objects.get(slug="lisbon")
    assert city.focal_areas.count() == 2 and city.name_zh == "里斯本"

    # 2. Invite its editor, who accepts.
    page.goto(page.base + "/accounts/invite/?city=lisbon")
    page.fill("#id_email", "editor@lisbon.example.org")
    page.locator("form.stack button[type=submit]").click()
    page.wait_for_load_state()
    link = re.search(r"https?://\S+/accounts/invitation/\S+/", mail.outbox[-1].body).group(0)
    editor = browser.new_context(viewport={"width": 1280, "height": 900})
    ep = editor.new_page()
    ep.goto(link)
    ep.fill("#id_username", "lisbon-editor")
    ep.fill("#id_password1", "A-long-pass-phrase-2026")
    ep.fill("#id_password2", "A-long-pass-phrase-2026")
    ep.locator("form.stack button[type=submit]").click()
    ep.wait_for_load_state()
    from django.contrib.auth import get_user_model

    new_editor = get_user_model().objects.get(username="lisbon-editor")
    assert new_editor.city_memberships.filter(city=city).exists()
    editor.close()

    # 3. A case in English and Chinese, sent for review and published with the reviewer.
    page.goto(page.base + "/cases/manage/")
    page.click("[data-testid=new-case]")
    form = page.locator("[data-testid=case-form]")
    form.locator("#id_slug").fill("lisbon-repair-network")
    form.locator("#id_title_en").fill("Lisbon repair network")
    form.locator("#id_title_zh").fill("里斯本维修网络")
    form.locator("#id_summary_en").fill("Twelve repair points opened in 2024.")
    form.locator("#id_summary_zh").fill("2024年开设了十二个维修点。")
    form.locator("#id_title_ja").fill("リスボンの修理ネットワーク")
    form.locator("#id_summary_ja").fill("2024年に12か所の修理拠点が開設された。")
    form.locator("#id_title_ko").fill("리스본 수리 네트워크")
    form.locator("#id_summary_ko").fill("2024년에 수리 거점 12곳이 문을 열었다.")
    form.locator("#id_city").select_option(str(city.pk))
    form.locator("#id_fig-0-label_en").fill("Repair points")
    form.locator("#id_fig-0-value").fill("12")
    form.locator("#id_fig-0-unit").fill("points")
    form.locator("#id_fig-0-year").fill("2024")
    _save(page, form)
    page.click("[data-testid=submit]")
    page.wait_for_load_state()
    page.click("[data-testid=publish]")
    page.wait_for_load_state()
    case = Case.objects.get(slug="lisbon-repair-network")
    assert case.published and case.reviewer.username == "office-sec"
    for lang, title in (("zh-hans", "里斯本维修网络"), ("ja", "リスボンの修理ネットワーク"),
                        ("ko", "리스본 수리 네트워크")):
        page.goto(page.base + f"/{lang}/cases/lisbon-repair-network/")
        assert title in page.locator("[data-testid=case-title]").inner_text()

    # 4. An event with one seat; the partner registers.
    page.goto(page.base + "/office/events/new/")
    form = page.locator("[data-testid=office-form]")
    form.locator("#id_slug").fill("lisbon-study-tour")
    form.locator("#id_title_en").fill("Study tour to Lisbon")
    form.locator("#id_kind").select_option("study-tour")
    form.locator("#id_date").fill((date.today() + timedelta(days=30)).isoformat())
    form.locator("#id_capacity").fill("1")
    form.locator("#id_registration_open").check()
    _save(page, form)
    partner = browser.new_context(viewport={"width": 1280, "height": 900})
    pp = partner.new_page()
    pp.base = page.base
    sign_in(pp, "office-partner", "pw-office-partner")
    pp.goto(page.base + "/events/lisbon-study-tour/")
    pp.click("[data-testid=register]")
    pp.wait_for_load_state()
    assert "Registered" in pp.locator("[data-testid=my-registration]").inner_text()
    assert Registration.objects.get(event__slug="lisbon-study-tour").status == "registered"
    partner.close()

    # 5. A working group's result concerning Lisbon shows on Lisbon's page.
    area = city.focal_areas.first().area
    page.goto(page.base + f"/office/working-groups/{area.slug}/")
    form = page.locator("[data-testid=result-form]")
    form.locator("#id_slug").fill("lisbon-diagnosis-summary")
    form.locator("#id_title_en").fill("Lisbon circularity diagnosis summary")
    form.locator("#id_summary_en").fill("Where Lisbon's materials go.")
    form.locator("#id_title_ja").fill("リスボンの循環性診断のまとめ")
    form.locator("#id_summary_ja").fill("リスボンの資材の行き先。")
    form.locator("#id_year").fill("2025")
    form.locator(f"input[name=cities][value='{city.pk}']").check()
    page.click("[data-testid=publish-result]")
    page.wait_for_load_state()
    page.goto(page.base + "/cities/lisbon/")
    assert "Lisbon circularity diagnosis summary" in page.locator("[data-testid=city-results]").inner_text()

    # 6. The city's editor, signed in with the Japanese interface, reads it in Japanese.
    editor = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ja-JP")
    ep = editor.new_page()
    ep.base = page.base
    sign_in(ep, "lisbon-editor", "A-long-pass-phrase-2026")
    ep.goto(page.base + "/cities/lisbon/")  # the Japanese browser is sent to /ja/
    assert "/ja/cities/lisbon/" in ep.url and ep.locator("html").get_attribute("lang") == "ja"
    results = ep.locator("[data-testid=city-results]").inner_text()
    assert "リスボンの循環性診断のまとめ" in results and "Lisbon circularity" not in results
    assert "未翻訳" not in results  # written in Japanese: no fallback mark
    editor.close()
