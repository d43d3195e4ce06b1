"""Diagnosis is read-only in the admin: values are written by diagnosis.services.set_value."""

import pytest

from tests.web.admin_readonly import assert_read_only

pytestmark = pytest.mark.django_db

CHANGELISTS = ["/admin/diagnosis/indicatorvalue/", "/admin/diagnosis/indicatorvaluechange/", "/admin/diagnosis/dataupload/", ]


def test_read_only_for_the_secretariat_closed_to_city_people(client, secretariat, owner, member, outsider, city):
    from circularcities.diagnosis.models import IndicatorValue

    obj = IndicatorValue.objects.filter(city=city).first()
    assert_read_only(client, secretariat=secretariat, others=(owner, member, outsider), changelists=CHANGELISTS,
                     change_url=f"/admin/{obj._meta.app_label}/{obj._meta.model_name}/{obj.pk}/change/")
    assert type(obj).objects.filter(pk=obj.pk).exists()


def test_the_admin_changes_an_indicator_through_the_service(client, secretariat, owner, city):
    from circularcities.diagnosis.models import Indicator, IndicatorValue
    from circularcities.diagnosis.services import save_indicator

    ind = save_indicator(user=owner, city=city, code="ADM-IND", names={"en": "Admin test"}, unit="t",
                         direction="higher_is_better")
    url = f"/admin/diagnosis/indicator/{ind.code}/change/"
    client.force_login(owner)
    assert client.get(url).status_code in (302, 403)
    client.force_login(secretariat)
    assert client.get("/admin/diagnosis/indicator/").status_code == 200
    form = {"unit": "kt", "direction": "higher_is_better", "frequency": "annual", "source": "",
            "frameworks": '[{"framework": "iso37120", "ref": "99.9"}]'}
    r = client.post(url, form)
    assert r.status_code == 200 and b"16.1" in r.content  # the service's message, beside the field
    assert Indicator.objects.get(code="ADM-IND").unit == "t"
    r = client.post(url, {**form, "frameworks": '[{"framework": "iso37120", "ref": "16.1"}]'})
    assert r.status_code == 302
    ind.refresh_from_db()
    assert ind.unit == "kt" and ind.frameworks == [{"framework": "iso37120", "ref": "16.1"}]
    assert ind.t("name") == "Admin test"
    assert not IndicatorValue.objects.filter(indicator=ind).exists()
