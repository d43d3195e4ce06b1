"""Jobs are read-only in the admin: a job is started by jobs.runner.start and advanced by its worker."""

import pytest

from tests.web.admin_readonly import assert_read_only

pytestmark = pytest.mark.django_db

CHANGELISTS = ["/admin/jobs/job/", "/admin/jobs/scheduledrun/", ]


def test_read_only_for_the_secretariat_closed_to_city_people(client, secretariat, owner, member, outsider, city):
    from circularcities.jobs.models import Job

    obj = Job.objects.create(kind="test", title="A job", owner=owner)
    assert_read_only(client, secretariat=secretariat, others=(owner, member, outsider), changelists=CHANGELISTS,
                     change_url=f"/admin/{obj._meta.app_label}/{obj._meta.model_name}/{obj.pk}/change/")
    assert type(obj).objects.filter(pk=obj.pk).exists()
