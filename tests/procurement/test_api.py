"""API: the comparison in the shape of the command line, item creation, finder, scorecard, award."""

import pytest

from tests.conftest import login


@pytest.mark.django_db
def test_project_comparison_json(client, demo):
    d = client.get("/api/procurement/projects/copenhagen-katrinedals-school").json()
    (item,) = d["items"]
    assert item["reference"] == "New clay bricks" and item["chosen"].startswith("Reused bricks")
    assert 35_000 < item["saving_kgco2e"] < 140_000 and d["total_saving_kgco2e"] == item["saving_kgco2e"]
    reused = item["alternatives"][1]
    assert reused["reused"] and "recovery" in reused["assumption"] and reused["module_d_kgco2e"] is None


@pytest.mark.django_db
def test_create_project_and_item(client, officer):
    login(client, officer)
    r = client.post("/api/procurement/projects", {"city": "copenhagen", "slug": "api-p", "name": "API"},
                    content_type="application/json")
    assert r.status_code == 201
    line = {"module": "A1-A3", "quantity": 10, "unit": "t", "kgco2e_per_unit": 100}
    body = {"name": "slab", "alternatives": [{"name": "a", "lines": [line]},
                                            {"name": "b", "lines": [{**line, "kgco2e_per_unit": 50},
                                                                    {**line, "module": "D",
                                                                     "kgco2e_per_unit": -999}]}]}
    r = client.post("/api/procurement/projects/api-p/items", body, content_type="application/json")
    assert r.status_code == 201, r.content
    assert r.json()["chosen"] == "b" and r.json()["saving_kgco2e"] == 500
    bad = {**body, "name": "x", "alternatives": [{"name": "a", "lines": [{**line, "module": "E9"}]},
                                                 {"name": "b", "lines": [line]}]}
    r = client.post("/api/procurement/projects/api-p/items", bad, content_type="application/json")
    assert r.status_code == 422 and "EN 15804" in r.json()["detail"]


@pytest.mark.django_db
def test_finder_and_scorecard_and_award(client, sf_tender, sf_officer):
    rows = client.get("/api/procurement/requirement-sets/san-francisco-carpet/finder?on=2025-01-01").json()
    assert sum(r["complies"] for r in rows) == 3
    login(client, sf_officer)
    d = client.get(f"/api/procurement/tenders/{sf_tender.slug}").json()
    assert [c["rule"] for c in d["criteria"]][0] == "lowest bid / bid × 40 points"
    best = min(d["bids"], key=lambda b: b["rank"])
    r = client.post(f"/api/procurement/tenders/{sf_tender.slug}/award",
                    {"bid": best["id"], "justification": "Highest score"}, content_type="application/json")
    assert r.status_code == 200 and r.json()["status"] == "awarded" and r.json()["awarded_bid"] == best["id"]
    client.logout()
    assert client.get(f"/api/procurement/tenders/{sf_tender.slug}").status_code == 200  # now public


@pytest.mark.django_db
def test_savings_rollup_api(client, demo):
    rows = client.get("/api/procurement/savings?city=copenhagen").json()
    assert rows == [{"city": "copenhagen", "year": None, "kind": "carbon", "unit": "t CO2e", "total": 70.0,
                     "count": 1, "values": [70.0]}]


@pytest.mark.django_db
def test_epd_requirement_set_and_pilot_endpoints(client, officer, cph, sf_officer):
    from tests.core.test_procurement_epd import openepd_doc

    login(client, officer)
    client.post("/api/procurement/projects", {"city": "copenhagen", "slug": "api-epd", "name": "EPD"},
                content_type="application/json")
    line = {"module": "A1-A3", "quantity": 20, "unit": "t", "kgco2e_per_unit": 1500}
    client.post("/api/procurement/projects/api-epd/items",
                {"name": "roof", "alternatives": [{"name": "steel", "lines": [line]},
                                                  {"name": "concrete", "lines": [{**line, "kgco2e_per_unit": 900}]}]},
                content_type="application/json")
    body = {"item": "roof", "name": "glulam", "quantity": 90, "unit": "t", "document": openepd_doc()}
    r = client.post("/api/procurement/projects/api-epd/epd", body, content_type="application/json")
    assert r.status_code == 422 and "Item 'roof'" in r.json()["detail"] and "declared per m3" in r.json()["detail"]
    r = client.post("/api/procurement/projects/api-epd/epd", {**body, "unit": "m3"}, content_type="application/json")
    assert r.status_code == 201 and r.json()["chosen"] == "glulam"
    rs = {"city": "copenhagen", "slug": "cph-paint", "name": "Paint", "banned": [{"name": "lead", "cas": "7439-92-1"}]}
    assert client.post("/api/procurement/requirement-sets", rs, content_type="application/json").status_code == 201
    bad = {**rs, "slug": "cph-paint2", "banned": [{"name": "lead", "cas": "7439-92-2"}]}
    r = client.post("/api/procurement/requirement-sets", bad, content_type="application/json")
    assert r.status_code == 422 and "check digit" in r.json()["detail"]
    pilot = {"city": "copenhagen", "slug": "cph-pilot", "name": "Pilot"}
    assert client.post("/api/procurement/pilots", pilot, content_type="application/json").status_code == 201
    login(client, sf_officer)
    assert client.post("/api/procurement/pilots", pilot, content_type="application/json").status_code == 403
