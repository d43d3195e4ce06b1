"""Diagnosis is read-only in the admin: values are written by diagnosis.services.set_value."""

import pytest

from tests.web.admin_readonly import assert_read_only

pytestmark = pytest.mark.django_db

CHANGELISTS = ["/admin/diagnosis/indicator/", "/admin/diagnosis/indicatorvalue/", "/admin/diagnosis/indicatorvaluechange/", "/admin/diagnosis/dataupload/", ]


def test_read_only_for_the_secretariat_closed_to_city_people(client, secretariat, owner, member, outsider, city):
    from circularcities.diagnosis.models import IndicatorValue

    obj = IndicatorValue.objects.filter(city=city).first()
    assert_read_only(client, secretariat=secretariat, others=(owner, member, outsider), changelists=CHANGELISTS,
                     change_url=f"/admin/{obj._meta.app_label}/{obj._meta.model_name}/{obj.pk}/change/")
    assert type(obj).objects.filter(pk=obj.pk).exists()
