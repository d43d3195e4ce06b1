"""The back office: the secretariat registers and edits cities and organisations,
invites their people and archives a city that leaves; nobody else may."""

import pytest
from django.core import mail

from circularcities.accounts.models import Invitation
from circularcities.coalition.models import City, Partner, ThematicArea

pytestmark = pytest.mark.django_db

NEW_CITY = {"slug": "lisbon", "name_en": "Lisbon", "name_zh": "里斯本", "country": "pt", "region": "Europe",
            "status": "member", "member_since": "2024-05-01", "population": "545000", "population_year": "2021",
            "gdp": "", "gdp_currency": "", "gdp_year": "", "area_km2": "100.05", "lat": "38.72", "lon": "-9.14",
            "contact_name": "Ana", "contact_email": "ana@example.org", "profile_en": "Capital city.",
            "profile_zh": ""}


def _areas(n):
    return [str(a.pk) for a in ThematicArea.objects.all()[:n]]


@pytest.mark.parametrize("who", ["editor", "partner", "outsider"])
def test_only_the_secretariat_runs_the_back_office(client, people, city, who):
    client.force_login(people[who])
    assert client.get("/office/").status_code == 403
    assert client.post("/office/cities/new/", NEW_CITY).status_code == 403
    assert not City.objects.filter(slug="lisbon").exists()
    assert client.post(f"/office/cities/{city.slug}/archive/").status_code == 403
    assert City.objects.get(pk=city.pk).archived_at is None
    assert client.post("/office/organisations/new/", {"slug": "x-org", "name_en": "X", "kind": "funder"}).status_code == 403
    assert not Partner.objects.filter(slug="x-org").exists()
    partner = Partner.objects.exclude(kind="secretariat").first()
    assert client.post(f"/office/organisations/{partner.slug}/", {"name_en": "Renamed", "kind": "funder"}).status_code == 403
    assert Partner.objects.get(pk=partner.pk).name_en != "Renamed"


def test_anonymous_is_sent_to_sign_in(client):
    assert client.get("/office/").status_code == 302


def test_secretariat_registers_a_city_with_focal_areas(client, secretariat):
    client.force_login(secretariat)
    assert client.get("/office/").status_code == 200
    resp = client.post("/office/cities/new/", {**NEW_CITY, "focal_areas": _areas(2)})
    assert resp.status_code == 302, resp.content.decode()[:3000]
    city = City.objects.get(slug="lisbon")
    assert city.name_en == "Lisbon" and city.name_zh == "里斯本" and city.country == "PT"
    assert city.population == 545000 and city.contact_email == "ana@example.org"
    assert city.focal_areas.count() == 2 and str(city.member_since) == "2024-05-01"
    page = client.get("/cities/lisbon/").content.decode()
    assert "Lisbon" in page and "Capital city." in page


def test_four_focal_areas_are_refused(client, secretariat):
    client.force_login(secretariat)
    resp = client.post("/office/cities/new/", {**NEW_CITY, "focal_areas": _areas(4)})
    assert resp.status_code == 400 and not City.objects.filter(slug="lisbon").exists()


@pytest.mark.parametrize("field,value", [("country", "Portugal"), ("lat", "91"), ("population", "-5"),
                                         ("slug", "Lis Bon"), ("name_en", "")])
def test_rules_refuse_bad_values_beside_the_field(client, secretariat, field, value):
    client.force_login(secretariat)
    resp = client.post("/office/cities/new/", {**NEW_CITY, field: value})
    assert resp.status_code == 400
    assert field in resp.context["form"].errors
    assert City.objects.filter(slug="lisbon").count() == 0


def test_edit_then_archive_keeps_history(client, secretariat, city):
    client.force_login(secretariat)
    form = client.get(f"/office/cities/{city.slug}/").context["form"]
    data = {k: ("" if v is None else v) for k, v in ((k, form[k].value()) for k in form.fields)}
    data["focal_areas"] = [str(a) for a in form["focal_areas"].value()]
    data["contact_name"] = "Secretary"
    resp = client.post(f"/office/cities/{city.slug}/", data)
    assert resp.status_code == 302, resp.context["form"].errors if resp.context else resp
    assert City.objects.get(pk=city.pk).contact_name == "Secretary"
    cases = city.cases.count()
    assert client.post(f"/office/cities/{city.slug}/archive/").status_code == 302
    city = City.objects.get(pk=city.pk)
    assert city.status == City.Status.FORMER and city.archived_at is not None
    assert city.cases.count() == cases  # history kept
    assert client.get(city.get_absolute_url()).status_code == 200
    client.post(f"/office/cities/{city.slug}/archive/", {"restore": "1"})
    assert City.objects.get(pk=city.pk).archived_at is None


def test_secretariat_adds_a_funder_and_invites_its_people(client, secretariat):
    client.force_login(secretariat)
    resp = client.post("/office/organisations/new/", {"slug": "green-fund", "name_en": "Green Fund", "name_zh": "",
                                                      "description_en": "", "description_zh": "", "kind": "funder",
                                                      "country": "de"})
    assert resp.status_code == 302, resp.context["form"].errors
    partner = Partner.objects.get(slug="green-fund")
    assert partner.kind == "funder" and partner.country == "DE"
    page = client.get("/accounts/invite/?organisation=green-fund")
    assert page.context["form"].initial["organisation"] == partner
    resp = client.post("/accounts/invite/", {"email": "f@example.org", "role": "partner",
                                             "organisation": partner.pk})
    assert resp.status_code == 302
    inv = Invitation.objects.get(email="f@example.org")
    assert inv.organisation == partner and len(mail.outbox) == 1


def test_invitation_service_refuses_others(people):
    from django.core.exceptions import PermissionDenied

    from circularcities.accounts.services import invitation_send

    for who in ("editor", "partner", "outsider"):
        with pytest.raises(PermissionDenied):
            invitation_send(inviter=people[who], email="x@example.org", role="city", link_for=str)
    assert not Invitation.objects.filter(email="x@example.org").exists()
