"""Planning fixtures: a small Amsterdam plan with one programme and project.

``project_owner`` belongs to the project's organisation; ``other_business``
to another organisation.
"""

import pytest

from tests.conftest import _user


@pytest.fixture
def indicator(demo):
    from circularcities.diagnosis.models import Indicator

    return Indicator.objects.get(code="SW-RECYCLING")


@pytest.fixture
def target(city, indicator):
    from circularcities.planning.models import Target

    return Target.objects.create(city=city, indicator=indicator, title_en="Recycling 40% by 2030",
                                 baseline_year=2020, baseline_value=20, target_year=2030, target_value=40)


@pytest.fixture
def measure(city, target):
    from circularcities.planning.models import Measure

    m = Measure.objects.create(city=city, title_en="Collect food waste", status="started")
    m.targets.add(target)
    return m


@pytest.fixture
def org(demo):
    from circularcities.coalition.models import Partner

    return Partner.objects.create(slug="repair-co", name_en="Repair Co", kind="business")


@pytest.fixture
def programme(city):
    from circularcities.planning.models import Programme

    return Programme.objects.create(slug="ams-fund", city=city, name_en="Amsterdam circular fund")


@pytest.fixture
def project(programme, org):
    from circularcities.planning.models import Project

    return Project.objects.create(programme=programme, code="ams-repair", title_en="Repair hub", organisation=org)


@pytest.fixture
def project_owner(org):
    return _user("projowner", "business", organisation=org)


@pytest.fixture
def other_business(demo):
    from circularcities.coalition.models import Partner

    other = Partner.objects.create(slug="other-co", name_en="Other Co", kind="business")
    return _user("otherbiz", "business", organisation=other)
