"""Chinese pages show Chinese labels for programme indicators and annualised values."""

import pytest

pytestmark = pytest.mark.django_db


def test_project_and_target_pages_in_chinese(client):
    html = client.get("/zh-hans/plans/projects/bh-crc-refurbishment/").content.decode()
    assert "翻新物品数" in html and "Items refurbished" not in html
    html = client.get("/zh-hans/plans/belo-horizonte/").content.decode()
    assert "基于 2 个季度，按全年折算" in html and "annualised" not in html
