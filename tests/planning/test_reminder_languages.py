"""Reminder e-mails in each recipient's language, with names in that language (issue #12)."""

from datetime import date

import pytest

from circularcities.core.planning import Quarter
from circularcities.planning.models import Milestone, Programme, Project
from circularcities.planning.review import overdue_for_reminders, reminders, send_reminders

pytestmark = pytest.mark.django_db

AS_OF = date(2024, 10, 5)  # last complete quarter: 2024-Q3, no report yet


@pytest.fixture
def overdue(measure, project, owner):
    measure.owner = owner
    measure.title_ja = "生ごみの収集"
    measure.save()
    Milestone.objects.create(measure=measure, title_en="Late step", title_ja="遅れた段階", due=date(2024, 5, 1))
    project.title_ja = "修理ハブ"
    project.save()
    return project


def _mail_to(mailoutbox, user):
    (mail,) = [m for m in mailoutbox if m.to == [user.email]]
    return mail


def test_japanese_profile_gets_a_japanese_email_with_japanese_names(mailoutbox, overdue, project_owner, owner, city):
    project_owner.profile.language = "ja"
    project_owner.profile.save()
    assert send_reminders(AS_OF) == len(mailoutbox) >= 2
    ja = _mail_to(mailoutbox, project_owner)
    assert ja.subject == "Circular Cities プラットフォーム：期限超過の報告とマイルストーン"
    assert "時点で、以下の項目が期限を過ぎています" in ja.body and "進捗報告" in ja.body
    assert "修理ハブ" in ja.body and "Repair hub" not in ja.body
    assert city.t("name", "ja") in ja.body
    assert "プラットフォームで進捗を記録" in ja.body
    # The owner has no profile language: English, with the English names.
    en = _mail_to(mailoutbox, owner)
    assert en.subject == "Circular Cities Platform: overdue reports and milestones"
    assert "Milestone 'Late step' of measure 'Collect food waste'" in en.body and "遅れた段階" not in en.body
    assert "The following items are overdue as of 2024-10-05:" in en.body


def test_names_nobody_translated_fall_back_to_english(mailoutbox, overdue, owner, measure):
    owner.profile.language = "ko"
    owner.profile.save()
    language, lines = reminders(AS_OF)[owner.email]
    assert language == "ko"
    (line,) = [line for line in lines if "Late step" in line]  # no Korean title: the English one
    assert line.startswith("조치 'Collect food waste'") and "마일스톤 'Late step'" in line
    send_reminders(AS_OF)
    assert _mail_to(mailoutbox, owner).subject == "Circular Cities 플랫폼: 기한이 지난 보고와 마일스톤"


def test_one_email_per_recipient_and_coalition_wide_is_translated(mailoutbox, overdue, project_owner, org):
    project_owner.profile.language = "zh-hans"
    project_owner.profile.save()
    wide = Programme.objects.create(slug="wide", city=None, name_en="Coalition fund")
    Project.objects.create(programme=wide, code="wide-1", title_en="Shared tool", title_zh="共享工具", organisation=org)
    lines = overdue_for_reminders(AS_OF)[project_owner.email]
    assert any("共享工具" in line and "联盟范围" in line for line in lines)
    assert any("修理ハブ" not in line and "Repair hub" in line for line in lines)  # no Chinese title: English
    send_reminders(AS_OF)
    mail = _mail_to(mailoutbox, project_owner)  # both projects in one e-mail
    assert "共享工具" in mail.body and "Repair hub" in mail.body and str(Quarter(2024, 3)) in mail.body
