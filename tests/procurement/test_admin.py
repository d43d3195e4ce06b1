"""The admin shows procurement read-only; the secretariat only."""

import pytest

from circularcities.procurement import models as m
from tests.web.admin_readonly import assert_read_only


@pytest.mark.django_db
def test_procurement_admin_is_read_only(client, secretariat, owner, member, outsider):
    t = m.Tender.objects.get(slug="copenhagen-katrinedals-school-bricks")
    base = "/admin/procurement/"
    assert_read_only(client, secretariat=secretariat, others=[owner, member, outsider],
                     changelists=[base + x + "/" for x in ("comparisonproject", "tender", "requirementset",
                                                           "product", "pilot")],
                     change_url=f"{base}tender/{t.pk}/change/")
