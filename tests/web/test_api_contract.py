"""The API keeps its OpenAPI contract (Schemathesis against the WSGI app).

For each operation and each caller (anonymous, the secretariat, a business, a
city editor) Schemathesis sends generated requests, valid and invalid, and
checks that no answer is a server error, that every status is one the schema
documents and that every body matches the documented schema. Bounded: a fixed
seed, derandomized, few examples per operation, so the run is repeatable.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.conftest import _user

# Not negative_data_rejection: pydantic's lax mode takes 0 for false and 0 for 1970-01-01,
# which that check counts as accepting invalid data; bodies that are not objects are refused
# (tests/web/test_api_limits.py).
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance]

CONFIG = {
    "seed": 20261202,
    "generation": {"max-examples": 8, "database": "none"},
    "phases": {"examples": {"enabled": True}, "coverage": {"enabled": True},
               "fuzzing": {"enabled": True}, "stateful": {"enabled": False}},
}

def _load_schema():
    # pytest-django has configured the settings before collection; the schema needs no database.
    from django.core.wsgi import get_wsgi_application

    return schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application(),
                                          config=SchemathesisConfig.from_dict(CONFIG))


schema = _load_schema()
# The secretariat may start any logistics run, and with JOBS_INLINE the solver would run
# inside the test for every example; tests/logistics covers that endpoint.
schema_without_solver = schema.exclude(method="POST", path_regex=r"/runs$")


@pytest.fixture(autouse=True)
def keep_test_connection():
    """The WSGI app closes the database connection after each request; the test client
    disconnects that too, or the test's transaction would go with it."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def _token(role: str) -> dict:
    """A personal token of each kind of caller."""
    from circularcities.accounts.models import ApiToken
    from circularcities.coalition.models import City

    if role == "secretariat":
        user = _user("contract-sec", "secretariat")
    elif role == "business":
        from circularcities.marketplace.models import Listing

        # The organisation of a listing, so that the business may edit it.
        org = Listing.objects.filter(organisation__isnull=False).first().organisation
        user = _user("contract-biz", "business", organisation=org)
    else:
        user = _user("contract-editor", "city", [City.objects.get(slug="amsterdam")])
    return {"Authorization": f"Bearer {ApiToken.issue(user, 'contract')[1]}"}


@pytest.fixture
def secretariat_token(demo):
    return _token("secretariat")


@pytest.fixture
def business_token(demo):
    return _token("business")


@pytest.fixture
def city_editor_token(demo):
    return _token("editor")


def _existing(path: str) -> dict:
    """Path parameters naming objects that exist, so that checks reach past the 404."""
    from circularcities.diagnosis.models import Indicator
    from circularcities.knowledge.models import Case
    from circularcities.logistics.models import Run, Scenario
    from circularcities.marketplace.models import Listing
    from circularcities.planning.models import Measure, Programme, Project, Target

    def slug():
        if path.startswith("/api/cases/"):
            return Case.objects.first().slug
        if path.startswith("/api/plans/programmes/"):
            # The secretariat may have made every programme coalition-wide by now (PATCH city=null).
            return (Programme.objects.filter(city__isnull=False).first() or Programme.objects.first()).slug
        return "amsterdam"

    def code():
        if "/indicators/{code}" in path:
            return Indicator.objects.first().code
        return (Project.objects.filter(programme__city__isnull=False).first() or Project.objects.first()).code

    def pk():
        found = (Scenario if "/scenarios/" in path else Run).objects.first()
        return found.pk if found else 1

    makers = {
        "slug": slug, "code": code, "pk": pk, "year": lambda: 2020,
        "target_id": lambda: Target.objects.filter(city__slug="amsterdam").first().pk,
        "measure_id": lambda: Measure.objects.filter(city__slug="amsterdam").first().pk,
        "listing_id": lambda: Listing.objects.filter(organisation__isnull=False).first().pk,
    }
    return {name: make() for name, make in makers.items() if "{" + name + "}" in path}


def _check(case, headers):
    case.call_and_validate(headers=headers, checks=CHECKS)
    if case.path_parameters and not case.path.endswith("/runs"):
        # Generated path parameters rarely name an existing object; send the same body to one that does.
        # (Not for starting a logistics run: with JOBS_INLINE the solver would run in the test.)
        case.path_parameters = {**case.path_parameters, **_existing(case.path)}
        case.call_and_validate(headers=headers, checks=CHECKS)


BOUNDED = settings(deadline=None, derandomize=True, database=None,
                   phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))


@pytest.mark.django_db
@schema.parametrize()
@BOUNDED
def test_contract_anonymous(case, demo):
    _check(case, {})


@pytest.mark.django_db
@schema_without_solver.parametrize()
@BOUNDED
def test_contract_secretariat(case, secretariat_token):
    _check(case, secretariat_token)


@pytest.mark.django_db
@schema.parametrize()
@BOUNDED
def test_contract_business(case, business_token):
    _check(case, business_token)


@pytest.mark.django_db
@schema.parametrize()
@BOUNDED
def test_contract_city_editor(case, city_editor_token):
    _check(case, city_editor_token)
