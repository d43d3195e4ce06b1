"""Services against the demo data: the Copenhagen comparison, the San Francisco finder
and scorecards, awards with expired certificates, savings roll-up, pilots fed to planning."""

import datetime as dt

import pytest

from circularcities.core.errors import DataImportError, ValidationError
from circularcities.core.rules import FieldError
from circularcities.procurement import models as m
from circularcities.procurement import services as s


@pytest.mark.django_db
def test_copenhagen_reused_bricks_chosen_with_order_of_magnitude_70_t(demo):
    p = m.ComparisonProject.objects.get(slug="copenhagen-katrinedals-school")
    (r,) = s.compare_project(p)
    assert r.reference.alternative.name == "New clay bricks"
    assert r.chosen.alternative.reused and r.chosen is not r.reference
    # 300 t x (241.79306 - 2.21 - 10) - 300 t x 10 km x 0.1 = 68,874.9 - 300 ... hand-computed:
    expected = 300 * 241.79306 - (300 * 2.21 + 300 * 10 + 3000 * 0.1)
    assert r.saving_kgco2e == pytest.approx(expected)
    assert 35_000 < r.saving_kgco2e < 140_000  # same order of magnitude as the reported 70 t
    assert "300 t of bricks" in r.chosen.alternative.assumption


@pytest.mark.django_db
def test_finder_lists_three_compliant_makers_and_why_the_fourth_fails(demo):
    rs = m.RequirementSet.objects.get(slug="san-francisco-carpet")
    rows = s.finder(rs, on=dt.date(2025, 1, 1))
    ok = [r.product.supplier.slug for r in rows if not r.failures]
    assert sorted(ok) == ["demo-carpet-maker-a", "demo-carpet-maker-b", "demo-carpet-maker-c"]
    (bad,) = [r for r in rows if r.failures]
    assert {f.code for f in bad.failures} == {"banned_substance", "recycled_content", "certification",
                                              "take_back"}


@pytest.mark.django_db
def test_scorecards_and_award_flags_expired_certificate(sf_tender, sf_officer):
    cards = s.scorecards(sf_tender, on=dt.date(2025, 1, 1))
    assert len(cards) == 3 and all(not c.failures for c in cards)
    best = min(cards, key=lambda c: c.card.rank)
    assert best.card.rank == 1 and best.card.total == max(c.card.total for c in cards)
    maker_c = next(c for c in cards if "maker C" in c.bid.bidder_name)
    # maker C's certificate runs to 2028-03-31: awarding later flags it
    t = s.award(user=sf_officer, tender=sf_tender, bid=maker_c.bid, justification="test", on=dt.date(2028, 6, 1))
    assert t.status == "awarded" and "expired on 2028-03-31" in t.award_warnings[0]
    with pytest.raises(ValidationError, match="awarded already"):
        s.award(user=sf_officer, tender=sf_tender, bid=maker_c.bid, justification="x")


@pytest.mark.django_db
def test_award_refuses_a_non_compliant_bid(sf_tender, sf_officer):
    d = m.Product.objects.get(supplier__slug="demo-carpet-maker-d")
    bid = s.bid_save(user=sf_officer, tender=sf_tender, bidder_name="Maker D", product=d, price=1,
                     life_cycle_cost=1, life_cycle_carbon=1, circularity=1)
    card = next(c for c in s.scorecards(sf_tender) if c.bid == bid)
    assert card.card.rank is None and card.failures
    with pytest.raises(FieldError, match="fails the requirements"):
        s.award(user=sf_officer, tender=sf_tender, bid=bid, justification="cheapest")


@pytest.mark.django_db
def test_import_bids_all_or_nothing(sf_tender, sf_officer):
    before = sf_tender.bids.count()
    bad = (b"bidder,product,supplier,price,life_cycle_cost,life_cycle_carbon,circularity\n"
           b"New one,Modular carpet tile,demo-carpet-maker-a,100,200,300,5\n"
           b"Bad one,Modular carpet tile,demo-carpet-maker-b,-5,200,300,11\n")
    with pytest.raises(DataImportError) as e:
        s.import_bids(user=sf_officer, tender=sf_tender, data=bad, filename="bids.csv")
    assert "Row 3" in str(e.value) and sf_tender.bids.count() == before
    good = bad.replace(b"-5", b"90").replace(b",11\n", b",6\n")
    assert len(s.import_bids(user=sf_officer, tender=sf_tender, data=good, filename="bids.csv")) == 2


@pytest.mark.django_db
def test_savings_rollup_per_city_and_year(demo):
    rows = s.savings_rollup()
    cph = [r for r in rows if r.city == "copenhagen"]
    assert [(r.kind, r.total, r.unit) for r in cph] == [("carbon", 70.0, "t CO2e")]
    gm = [r for r in rows if r.city == "shenzhen"]
    assert {(r.kind, r.values, r.total) for r in gm} == {("money", (48.0,), None), ("carbon", (14.0,), None)}


@pytest.mark.django_db
def test_pilot_reading_feeds_the_plan_through_planning(demo, make_user):
    from circularcities.coalition.models import City
    from circularcities.planning.models import ProgressEntry

    toronto = City.objects.get(slug="toronto")
    officer = make_user("tor-officer", "city", [toronto])
    pilot = m.Pilot.objects.get(slug="toronto-circular-procurement-pilots")
    assert pilot.planning_project is not None and not pilot.readings.exists()
    s.reading_record(user=officer, pilot=pilot, dimension="environmental", indicator="Waste diverted",
                     programme_indicator="tonnes_diverted", year=2019, quarter=2, value=12.5, unit="t",
                     source="test")
    entry = ProgressEntry.objects.get(project=pilot.planning_project, indicator="tonnes_diverted")
    assert (entry.year, entry.quarter, entry.value) == (2019, 2, 12.5)
    with pytest.raises(FieldError):
        s.reading_record(user=officer, pilot=pilot, dimension="spiritual", indicator="x", year=2019, quarter=1,
                         value=1, unit="t")


@pytest.mark.django_db
def test_item_rules_come_from_core(officer, cph):
    p = s.project_create(user=officer, city=cph, slug="t1", name="T1")
    with pytest.raises(ValidationError, match="at least two alternatives"):
        s.item_add(user=officer, project=p, name="wall", alternatives=[
            {"name": "a", "lines": [{"module": "A1-A3", "quantity": 1, "unit": "t", "kgco2e_per_unit": 1}]}])
    items = s.import_items(user=officer, project=p, filename="i.csv", data=(
        b"item,alternative,module,quantity,unit,kgco2e_per_unit\nwall,a,A1-A3,1,t,10\nwall,b,A1-A3,2,m3,3\n"))
    assert [i.name for i in items] == ["wall"]
    (r,) = s.compare_project(p)
    assert r.chosen.alternative.name == "b" and r.saving_kgco2e == pytest.approx(4)


@pytest.mark.django_db
def test_alternative_from_openepd_and_ilcd_with_unit_check(officer, cph):
    import json

    from tests.core.test_procurement_epd import ilcd_doc, openepd_doc

    p = s.project_create(user=officer, city=cph, slug="epd-p", name="EPD")
    item = s.import_items(user=officer, project=p, filename="i.csv", data=(
        b"item,alternative,module,quantity,unit,kgco2e_per_unit\nroof,steel,A1-A3,20,t,1500\n"
        b"roof,concrete,A1-A3,100,t,120\n"))[0]
    with pytest.raises(ValidationError, match="Item 'roof'.*in t.*declared per m3"):
        s.alternative_from_epd(user=officer, item=item, name="glulam", data=json.dumps(openepd_doc()).encode(),
                               filename="glulam.json", quantity=70, unit="t")
    s.alternative_from_epd(user=officer, item=item, name="glulam", data=json.dumps(openepd_doc()).encode(),
                           filename="glulam.json", quantity=90, unit="m3")
    s.alternative_from_epd(user=officer, item=item, name="ilcd", data=json.dumps(ilcd_doc()).encode(),
                           filename="x.json", quantity=90, unit="m3")
    (r,) = s.compare_project(p)
    glulam = next(a for a in r.results if a.alternative.name == "glulam")
    assert glulam.total_a_c_kgco2e == pytest.approx(90 * (120.5 + 4.5 + 5)) and glulam.module_d_kgco2e == -27000
    assert r.reference.alternative.name == "steel"
    with pytest.raises(DataImportError):
        s.alternative_from_epd(user=officer, item=item, name="junk", data=b"<xml/>", filename="x.xml",
                               quantity=1, unit="t")
