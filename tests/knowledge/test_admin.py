"""Knowledge is read-only in the admin: cases come from the library import."""

import pytest

from tests.web.admin_readonly import assert_read_only

pytestmark = pytest.mark.django_db

CHANGELISTS = ["/admin/knowledge/case/", "/admin/knowledge/keyfigure/", "/admin/knowledge/searchstate/", ]


def test_read_only_for_the_secretariat_closed_to_city_people(client, secretariat, owner, member, outsider, city):
    from circularcities.knowledge.models import Case

    obj = Case.objects.first()
    assert_read_only(client, secretariat=secretariat, others=(owner, member, outsider), changelists=CHANGELISTS,
                     change_url=f"/admin/{obj._meta.app_label}/{obj._meta.model_name}/{obj.pk}/change/")
    assert type(obj).objects.filter(pk=obj.pk).exists()
