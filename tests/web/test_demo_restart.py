"""`circularcities demo` restarts after ordinary use and keeps what people changed."""

import pytest

from circularcities.coalition.models import City
from circularcities.planning.models import Target
from circularcities.site.bootstrap import prepare_demo
from circularcities.site.demo import ensure_demo_accounts, load_demo

pytestmark = pytest.mark.django_db

quiet = lambda *a, **k: None  # noqa: E731


@pytest.fixture
def edited(demo):
    """An editor's day: a demo target retitled, a second target on the same indicator."""
    target = Target.objects.filter(is_demo=True, indicator__isnull=False).select_related("city").first()
    assert target is not None, "the demo data has a target on an indicator"
    target.title_en = "Our own wording"
    target.save()
    second = Target.objects.create(
        city=target.city, indicator=target.indicator, title_en="A second target",
        baseline_year=2020, baseline_value=1, target_year=2035, target_value=2)
    amsterdam = City.objects.get(slug="amsterdam")
    amsterdam.population = 123_456
    amsterdam.save()
    return target, second


def test_demo_starts_again_and_keeps_the_edits(edited):
    target, second = edited
    accounts = prepare_demo(log=quiet)  # the code path of `circularcities demo`
    assert {a["username"] for a in accounts} >= {"secretariat", "amsterdam-editor"}
    target.refresh_from_db()
    assert target.title_en == "Our own wording"
    assert Target.objects.filter(pk=second.pk).exists()
    assert City.objects.get(slug="amsterdam").population == 123_456
    # And once more: starting is repeatable.
    prepare_demo(log=quiet)
    target.refresh_from_db()
    assert target.title_en == "Our own wording"


def test_load_demo_refreshes_demo_records_and_keeps_peoples_own(edited):
    target, second = edited
    load_demo(log=quiet)  # `circularcities load-demo`: an explicit refresh
    target.refresh_from_db()
    assert target.title_en != "Our own wording"
    second.refresh_from_db()
    assert second.title_en == "A second target"


def test_a_changed_demo_password_is_not_reset_on_start(demo):
    from django.contrib.auth import get_user_model

    ensure_demo_accounts(reset=True)
    user = get_user_model().objects.get(username="partner")
    user.set_password("my-own-Passphrase-77")
    user.save()
    shown = {a["username"]: a["password"] for a in prepare_demo(log=quiet)}
    assert shown["partner"] is None  # printed as changed, not replaced
    user.refresh_from_db()
    assert user.check_password("my-own-Passphrase-77")
    assert shown["secretariat"]
