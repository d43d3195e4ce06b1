"""The demo prints accounts that really sign in, each with its role and organisation."""

import pytest
from django.contrib.auth import authenticate as _authenticate
from django.test import RequestFactory

from circularcities.accounts.permissions import can_edit_city, can_edit_organisation, role_of
from circularcities.coalition.models import City, Partner
from circularcities.site.demo import ensure_demo_accounts

pytestmark = pytest.mark.django_db


def test_demo_accounts_sign_in_with_their_roles(demo):
    accounts = {a["username"]: a for a in ensure_demo_accounts(reset=True)}
    for name, a in accounts.items():
        user = authenticate(username=name, password=a["password"])
        assert user is not None, name
        assert role_of(user) == a["role"]
    amsterdam = City.objects.get(slug="amsterdam")
    ams = authenticate(username="amsterdam-editor", password=accounts["amsterdam-editor"]["password"])
    assert can_edit_city(ams, amsterdam) and not can_edit_city(ams, City.objects.get(slug="changchun"))
    biz = authenticate(username="business", password=accounts["business"]["password"])
    assert can_edit_organisation(biz, Partner.objects.get(slug="demo-eastside-construction"))
    # Asking again keeps the same passwords (they are printed at every start).
    again = {a["username"]: a["password"] for a in ensure_demo_accounts()}
    assert again == {n: a["password"] for n, a in accounts.items()}


def authenticate(**credentials):
    # The sign-in rate limiter (django-axes) needs the request to know the caller's address.
    return _authenticate(RequestFactory().post("/accounts/login/", REMOTE_ADDR="127.0.0.1"), **credentials)
