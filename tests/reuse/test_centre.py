"""Refurbishment centre: intake to donation or auction through the one service; dismantled
parts become a marketplace offer through the marketplace's own listing service."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from circularcities.core.rules import FieldError
from circularcities.marketplace.models import Listing
from circularcities.reuse import services
from circularcities.reuse.models import CentreFigure

pytestmark = pytest.mark.django_db
D = dt.date(2025, 6, 2)


def intake(staff, crc, **kw):
    data = {"donor": "School 4", "category": "CPU", "mass_kg": "8.5", "date": D}
    data.update(kw)
    return services.intake_item(staff, crc, data)


def test_from_intake_to_donation_each_step_dated_and_signed(staff, crc):
    item = intake(staff, crc)
    services.move_item(staff, item, "assess", {"decision": "refurbish", "date": D})
    services.move_item(staff, item, "refurbish", {"date": dt.date(2025, 6, 9)})
    services.move_item(staff, item, "donate", {"recipient": "Digital inclusion site 7", "date": dt.date(2025, 6, 20)})
    item.refresh_from_db()
    assert (item.state, item.recipient) == ("donated", "Digital inclusion site 7")
    steps = list(item.steps.values_list("action", "to_state", "date", "actor"))
    assert [s[:2] for s in steps] == [("intake", "intake"), ("assess", "assessed"), ("refurbish", "refurbished"),
                                      ("donate", "donated")]
    assert all(s[3] == "staff" for s in steps)
    f = services.centre_figures(crc)
    assert f["stock"].items == 0 and f["years"][0].donated == 1


def test_dismantled_parts_become_a_marketplace_offer(staff, crc, centre_org):
    item = intake(staff, crc, mass_kg="9")
    services.move_item(staff, item, "assess", {"decision": "dismantle", "date": D})
    services.move_item(staff, item, "dismantle", {"date": D, "list_parts": True})
    item.refresh_from_db()
    offer = Listing.objects.get(pk=item.listing_id)
    assert (offer.kind, offer.organisation, offer.material_code, offer.quantity_t) == \
        ("offer", centre_org, "160216", Decimal("0.009"))
    services.move_item(staff, item, "auction", {"price": "40", "currency": "BRL", "date": D})
    item.refresh_from_db()
    assert (item.state, item.price, item.currency) == ("auctioned", Decimal("40.00"), "BRL")


def test_bad_moves_refused_and_nothing_changes(staff, crc):
    item = intake(staff, crc)
    with pytest.raises(FieldError):
        services.move_item(staff, item, "donate", {"recipient": "x"})
    services.move_item(staff, item, "assess", {"decision": "refurbish", "date": D})
    with pytest.raises(FieldError, match="decided to refurbish"):
        services.move_item(staff, item, "dismantle", {"date": D})
    with pytest.raises(FieldError, match="previous step"):
        services.move_item(staff, item, "refurbish", {"date": dt.date(2025, 6, 1)})
    item.refresh_from_db()
    assert item.state == "assessed" and item.steps.count() == 2


@pytest.mark.parametrize("who", ["outsider", "member", "resident", "organiser"])
def test_only_centre_staff_city_editors_and_secretariat_run_the_centre(request, who, crc, staff):
    user = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        intake(user, crc)
    item = intake(staff, crc)
    with pytest.raises(PermissionDenied):
        services.move_item(user, item, "assess", {"decision": "refurbish", "date": D})


def test_city_editor_and_secretariat_may(owner, secretariat, crc):
    assert intake(owner, crc).state == "intake"
    assert intake(secretariat, crc, reference="X-2").state == "intake"


def test_city_editor_without_the_organisation_cannot_list_parts(owner, crc):
    item = intake(owner, crc)
    services.move_item(owner, item, "assess", {"decision": "dismantle", "date": D})
    with pytest.raises(FieldError) as exc:
        services.move_item(owner, item, "dismantle", {"date": D, "list_parts": True})
    assert exc.value.field == "list_parts"


def test_demo_centre_has_the_source_figures(demo):
    from circularcities.reuse.models import Place

    crc = Place.objects.get(slug="belo-horizonte-crc")
    figs = {(f.kind, f.measure): f.value for f in CentreFigure.objects.filter(centre=crc)}
    assert figs[("target", "refurbished")] == 1000 and figs[("reported", "refurbished")] == 7000
    versus = services.centre_figures(crc)["versus"]
    assert versus[0]["per_year"] == pytest.approx(7000 / 9)
