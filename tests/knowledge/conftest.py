import pytest

from tests.conftest import _user


@pytest.fixture
def partner_user(demo):
    from circularcities.coalition.models import Partner

    return _user("office-partner", "partner", organisation=Partner.objects.exclude(kind="secretariat").first())


@pytest.fixture
def people(owner, outsider, secretariat, partner_user):
    return {"secretariat": secretariat, "editor": owner, "partner": partner_user, "outsider": outsider}
