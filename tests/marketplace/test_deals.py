"""Deals both sides agree to: propose, counter, accept, decline, withdraw; only an
accepted deal becomes an exchange; each move notifies the other side."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied

from circularcities.accounts.models import Notification
from circularcities.core.errors import ValidationError
from circularcities.core.rules import FieldError
from tests.conftest import _user


@pytest.fixture
def same_want(buyer, make_listing):
    """Org B wants the very material org A offers (17 01 01), 6 t."""
    return make_listing(buyer, kind="want", title_en="Concrete wanted", quantity=Decimal("6"))


def _svc():
    from circularcities.marketplace import services

    return services


@pytest.mark.django_db(transaction=True)
def test_propose_counter_accept_records_one_exchange(seller, buyer, offer, same_want):
    s = _svc()
    p = s.propose_deal(seller, offer, want=same_want, quantity_t="5", value="50", currency="EUR",
                       text="Delivery next week")
    assert p.started_by == "giver" and p.turn == "receiver" and p.receiver == same_want.organisation
    assert Notification.objects.filter(user=buyer).count() == 1
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [buyer.email]
    assert offer.exchanges_out.count() == 0  # nothing counts before the other side agrees

    with pytest.raises(PermissionDenied):  # not the giver's turn
        s.accept_deal(seller, p)
    p = s.counter_deal(buyer, p, quantity_t="4", value="30", currency="EUR", version=p.version)
    assert p.turn == "giver" and p.quantity_t == Decimal("4")
    assert Notification.objects.filter(user=seller).count() == 1

    with pytest.raises(ValidationError):  # terms read before the counter-offer
        s.accept_deal(seller, p, version=p.version - 1)
    p = s.accept_deal(seller, p, version=p.version)
    assert p.status == "accepted" and p.exchange is not None
    ex = p.exchange
    assert ex.quantity_t == Decimal("4") and ex.value == Decimal("30.00") and ex.receiver == buyer.profile.organisation
    offer.refresh_from_db()
    assert offer.remaining_t == Decimal("6")
    assert Notification.objects.filter(user=buyer).count() == 2
    assert [e.kind for e in p.events.all()] == ["proposed", "countered", "accepted"]
    with pytest.raises(ValidationError):
        s.decline_deal(buyer, p)


@pytest.mark.django_db
def test_receiver_asks_and_giver_declines(seller, buyer, offer):
    s = _svc()
    p = s.propose_deal(buyer, offer, quantity_t="2")
    assert p.started_by == "receiver" and p.turn == "giver" and p.want is None
    p = s.decline_deal(seller, p, text="Reserved for someone else")
    assert p.status == "declined" and p.exchange is None
    assert Notification.objects.filter(user=buyer, text__contains="declined").exists()


@pytest.mark.django_db
def test_withdraw_only_by_the_side_that_made_the_terms(seller, buyer, offer, same_want):
    s = _svc()
    p = s.propose_deal(seller, offer, want=same_want, quantity_t="1")
    with pytest.raises(PermissionDenied):
        s.withdraw_deal(buyer, p)
    assert s.withdraw_deal(seller, p).status == "withdrawn"


@pytest.mark.django_db
def test_who_may_propose(seller, buyer, colleague, offer, same_want, make_listing):
    s = _svc()
    resident = _user("resident", "public")
    with pytest.raises(PermissionDenied):
        s.propose_deal(resident, offer, quantity_t="1")
    with pytest.raises(PermissionDenied):  # the offer's own side must name a want
        s.propose_deal(colleague, offer, quantity_t="1")
    from circularcities.coalition.models import Partner

    org_c = Partner.objects.create(slug="test-org-c", name_en="Test C", kind="business")
    stranger = _user("stranger", "business", organisation=org_c)
    with pytest.raises(PermissionDenied):  # a want of someone else cannot be used to ask
        s.propose_deal(stranger, offer, want=same_want, quantity_t="1")
    other_want = make_listing(seller, kind="want", title_en="Own want", quantity=Decimal("1"))
    with pytest.raises(FieldError):  # an organisation cannot deal with itself
        s.propose_deal(seller, offer, want=other_want, quantity_t="1")


@pytest.mark.django_db
@pytest.mark.parametrize("quantity,field", [("0", "quantity_t"), ("11", "quantity_t"), ("-1", "quantity_t"),
                                            ("nan", "quantity_t")])
def test_bad_terms_are_refused_by_field(buyer, offer, quantity, field):
    with pytest.raises(FieldError) as err:
        _svc().propose_deal(buyer, offer, quantity_t=quantity)
    assert err.value.field == field


@pytest.mark.django_db
def test_value_and_currency_rules(buyer, offer):
    with pytest.raises(FieldError) as err:
        _svc().propose_deal(buyer, offer, quantity_t="1", value="-5")
    assert err.value.field == "value"
    with pytest.raises(FieldError) as err:
        _svc().propose_deal(buyer, offer, quantity_t="1", value="5", currency="XXQ")
    assert err.value.field == "currency"


@pytest.mark.django_db
def test_registered_receiver_must_agree(seller, offer, org_b):
    """Recording an exchange for a registered organisation without its agreement is refused."""
    with pytest.raises(FieldError) as err:
        _svc().record_exchange(seller, offer, Decimal("1"), receiver=org_b)
    assert err.value.field == "receiver"
    ex = _svc().record_exchange(seller, offer, Decimal("1"), receiver_name="A neighbour")
    assert ex.receiver is None


@pytest.mark.django_db
def test_messages_from_either_side_only(seller, buyer, offer):
    s = _svc()
    p = s.propose_deal(buyer, offer, quantity_t="1")
    s.write_in_deal(seller, p, "Can you collect it on Monday?")
    s.write_in_deal(buyer, p, "Yes.")
    outsider = _user("someone", "business")
    with pytest.raises(PermissionDenied):
        s.write_in_deal(outsider, p, "hello")
    with pytest.raises(FieldError):
        s.write_in_deal(buyer, p, "")
    assert [e.kind for e in p.events.all()] == ["proposed", "message", "message"]


@pytest.mark.django_db
def test_notification_in_the_recipients_language(seller, buyer, offer):
    buyer_profile = seller.profile
    buyer_profile.language = "zh-hans"
    buyer_profile.save()
    _svc().propose_deal(buyer, offer, quantity_t="1")
    note = Notification.objects.get(user=seller)
    assert "t" in note.text and any("\u4e00" <= ch <= "\u9fff" for ch in note.text)


@pytest.mark.django_db
def test_pages_owner_member_outsider(client, seller, buyer, offer, same_want):
    p = _svc().propose_deal(seller, offer, want=same_want, quantity_t="2")
    url = f"/marketplace/deals/{p.pk}/"
    assert client.get(url).status_code == 302  # sign in first
    client.force_login(_user("nosy", "business"))
    assert client.get(url).status_code == 403
    client.force_login(buyer)
    page = client.get(url).content.decode()
    assert 'data-testid="deal-accept"' in page and 'data-testid="deal-turn"' in page
    assert client.get("/accounts/me/inbox/").content.decode().count("proposes") == 1
    resp = client.post(f"{url}accept/", {"version": p.version})
    assert resp.status_code == 302
    p.refresh_from_db()
    assert p.status == "accepted"
    client.force_login(seller)
    assert "deal-accept" not in client.get(url).content.decode()
    assert p.exchange.pk and client.get("/marketplace/deals/").status_code == 200


@pytest.mark.django_db
def test_offer_page_lists_only_parties_involved(client, seller, buyer, offer, same_want, want,
                                                make_listing):
    glass = make_listing(buyer, kind="want", title_en="Glass wanted", material="15 01 07",
                         quantity=Decimal("1"))
    client.force_login(seller)
    page = client.get(f"/marketplace/listings/{offer.pk}/").content.decode()
    assert 'data-testid="proposal-form"' in page
    assert f'value="{same_want.pk}"' in page  # the same material
    assert f'value="{want.pk}"' in page  # a material the compatibility table allows
    assert f'value="{glass.pk}"' not in page  # another material's want is not a party


def _post(client, url, data):
    import json

    return client.post(url, json.dumps(data), content_type="application/json")


@pytest.mark.django_db
def test_api_deal_workflow_and_permissions(client, seller, buyer, offer, same_want):
    assert _post(client, "/api/marketplace/deals", {"offer": offer.pk, "quantity_t": 1}).status_code == 401
    client.force_login(seller)
    resp = _post(client, "/api/marketplace/deals", {"offer": offer.pk, "want": same_want.pk, "quantity_t": 3,
                                                    "value": 12, "currency": "EUR", "text": "Hi"})
    assert resp.status_code == 201, resp.content
    deal = resp.json()
    assert deal["turn"] == "receiver" and deal["your_side"] == "giver" and deal["events"][0]["text"] == "Hi"
    url = f"/api/marketplace/deals/{deal['id']}"
    assert _post(client, f"{url}/accept", {}).status_code == 403  # not the giver's turn
    client.force_login(_user("nosy", "business"))
    assert client.get(url).status_code == 403
    client.force_login(buyer)
    resp = _post(client, f"{url}/counter", {"quantity_t": 2, "version": deal["version"]})
    assert resp.status_code == 200 and resp.json()["turn"] == "giver"
    client.force_login(seller)
    assert _post(client, f"{url}/accept", {"version": deal["version"]}).status_code == 422  # stale terms
    resp = _post(client, f"{url}/accept", {"version": deal["version"] + 1})
    assert resp.status_code == 200 and resp.json()["status"] == "accepted" and resp.json()["exchange"]
    assert [d["id"] for d in client.get("/api/marketplace/deals").json()] == [deal["id"]]
    assert _post(client, f"{url}/messages", {"text": "Thanks"}).status_code == 201
    assert _post(client, f"{url}/decline", {}).status_code == 422  # closed
