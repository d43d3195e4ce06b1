"""Runs: checks before solving, the background job (inline in tests), feasible
routes checked with the core's independent evaluate, results, exports, API."""

import csv
import io
import json
import re
from collections import Counter

import pytest
from openpyxl import load_workbook

from circularcities.core import routing
from circularcities.logistics import models as m
from circularcities.logistics import services
from circularcities.logistics.convert import save_core

from .conftest import two_towns

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(scenario, owner):
    return services.start_run(scenario, seconds=0.3, seed=1, user=owner)


def test_run_produces_feasible_routes_serving_every_point_once(run, core_scenario):
    run.refresh_from_db()
    assert run.status == m.Run.Status.DONE and run.job.status == "done"
    assert {p["name"] for p in run.result["plans"]} == {"Each alone", "Together"}
    for plan in run.result["plans"]:
        served = Counter()
        for g in plan["groups"]:
            group = routing.PlanGroup(frozenset(g["municipalities"]))
            routes = [routing.Route(r["vehicle_type"], tuple(tuple(t) for t in r["trips"]),
                                    r["start_min"]) for r in g["routes"]]
            # Independent recomputation on the scenario as it was built, not as stored.
            ev = routing.evaluate(core_scenario.subset(group, "plant"), routes)
            assert ev.feasible, ev.violations
            served.update(p for r in routes for p in r.stops)
        assert served == Counter({p.id: 1 for p in core_scenario.points})
        total = next(r for r in run.result["table"] if r["plan"] == plan["name"] and
                     r["group"] == "TOTAL")
        assert total["quantity_t"] == pytest.approx(core_scenario.total_quantity_t)
        assert total["cost"] == pytest.approx(plan["cost"])


def test_result_names_the_cheaper_plan_and_the_saving(run):
    run.refresh_from_db()
    plans = sorted(run.result["plans"], key=lambda p: p["cost"])
    assert run.result["cheapest"] == plans[0]["name"]
    assert run.result["saving"] == pytest.approx(plans[1]["cost"] - plans[0]["cost"])
    assert plans[0]["name"] in run.result["summary"]


def test_rebuilt_comparison_matches_the_stored_figures(run):
    run.refresh_from_db()
    _core, comparison = services.rebuild(run)
    stored = {p["name"]: p for p in run.result["plans"]}
    for plan in comparison.plans:
        assert plan.cost == pytest.approx(stored[plan.name]["cost"])
        assert plan.co2e_kg == pytest.approx(stored[plan.name]["co2e_kg"])


def test_snapshot_keeps_the_run_true_after_edits(run, scenario):
    scenario.points.filter(code="N0").update(quantity_t=1.9)
    run.refresh_from_db()
    core, comparison = services.rebuild(run)
    assert core.point("N0").quantity_t == 0.4
    assert all(g.result.evaluation.feasible for p in comparison.plans for g in p.groups)


def test_every_partition_mode_ranks_all_of_them(scenario, owner):
    run = services.start_run(scenario, seconds=0.2, mode="all", user=owner)
    run.refresh_from_db()
    assert run.status == "done"
    assert len(run.result["plans"]) == routing.bell_number(2)
    costs = [p["cost"] for p in run.result["plans"]]
    assert costs == sorted(costs)


def test_no_plans_listed_compares_together_with_each_alone(scenario, owner):
    scenario.plans.all().delete()
    run = services.start_run(scenario, seconds=0.2, user=owner)
    run.refresh_from_db()
    assert {p["name"] for p in run.result["plans"]} == {"All together", "Each alone"}


@pytest.mark.parametrize("change,message", [
    (lambda s: s.points.filter(code="N1").update(quantity_t=5.0),
     "more than the largest vehicle carries"),
    (lambda s: s.facilities.update(capacity_t_per_day=1.0), "accepts only 1 t per day"),
    (lambda s: s.vehicle_types.update(count=0), "Expected at least one vehicle"),
    (lambda s: s.points.filter(code="S0").update(latest_min=0.5), "no vehicle can arrive"),
    (lambda s: s.facilities.all().delete(), "Expected at least one processing facility"),
])
def test_checks_before_solving_refuse_and_run_nothing(client, owner, scenario, change, message):
    change(scenario)
    client.force_login(owner)
    resp = client.post(f"/logistics/{scenario.pk}/run/", {"seconds": 0.2, "seed": 0,
                                                          "mode": "plans"})
    assert resp.status_code == 400
    assert message in resp.content.decode()
    assert 'data-testid="problems"' in resp.content.decode()
    assert not scenario.runs.exists()


def test_check_message_names_the_point_and_the_group(scenario):
    scenario.points.filter(code="N1").update(quantity_t=5.0)
    with pytest.raises(Exception) as exc:
        services.start_run(scenario, seconds=0.2)
    texts = [str(p) for p in exc.value.problems]
    assert any("North" in t and "'N1'" in t and "column 'quantity_t'" in t for t in texts), texts
    assert len(texts) == len(set(texts))  # a group shared by plans is reported once


def test_time_limit_is_bounded(client, owner, scenario):
    client.force_login(owner)
    resp = client.post(f"/logistics/{scenario.pk}/run/", {"seconds": 600, "seed": 0, "mode": "plans"})
    assert resp.status_code == 400 and not scenario.runs.exists()


def test_a_failed_solve_is_recorded_on_the_run(scenario, owner, monkeypatch):
    from circularcities.core.errors import InfeasibleError

    def boom(*a, **k):
        raise InfeasibleError("No feasible plan found in 0.2 s (some points are not served).")

    monkeypatch.setattr(routing, "compare_partitions", boom)
    run = services.start_run(scenario, seconds=0.2, user=owner)
    run.refresh_from_db()
    assert run.status == "failed" and "No feasible plan" in run.error
    assert run.job.status == "failed"


# -- pages and exports ---------------------------------------------------------

def test_run_page_shows_table_map_data_and_exports(client, owner, run):
    client.force_login(owner)
    html = client.get(f"/logistics/runs/{run.pk}/").content.decode()
    assert 'data-testid="comparison"' in html and "Cost per tonne (EUR/t)" in html
    assert "cheaper than" in html
    data = json.loads(re.search(r'id="rmap-data"[^>]*>(.*?)</script>', html, re.S).group(1))
    assert len(data["plans"]) == 2 and data["base"]["facilities"][0]["id"] == "plant"


def test_status_fragment_asks_htmx_to_reload_when_done(client, owner, run):
    client.force_login(owner)
    resp = client.get(f"/logistics/runs/{run.pk}/status/", HTTP_HX_REQUEST="true")
    assert resp["HX-Refresh"] == "true"
    assert 'data-status="done"' in resp.content.decode()


def test_geojson_export_is_a_feature_collection(client, owner, run, core_scenario):
    client.force_login(owner)
    for plan in (0, 1):
        resp = client.get(f"/logistics/runs/{run.pk}/export.geojson?plan={plan}")
        fc = json.loads(resp.content)
        assert fc["type"] == "FeatureCollection"
        kinds = Counter(f["properties"]["kind"] for f in fc["features"])
        assert kinds["point"] == len(core_scenario.points) and kinds["facility"] == 1
        lines = [f for f in fc["features"] if f["geometry"]["type"] == "LineString"]
        assert lines and all(len(f["geometry"]["coordinates"]) >= 3 for f in lines)
        assert sorted(f["properties"]["route"] for f in lines) == list(range(1, len(lines) + 1))
        lon, lat = lines[0]["geometry"]["coordinates"][0]
        assert 4 < lon < 6 and 52 < lat < 53  # [lon, lat] order


def test_csv_export_has_a_row_per_stop(client, owner, run, core_scenario):
    client.force_login(owner)
    resp = client.get(f"/logistics/runs/{run.pk}/export.csv?plan=0")
    rows = list(csv.DictReader(io.StringIO(resp.content.decode())))
    visits = [r for r in rows if r["point_id"]]
    assert sorted(r["point_id"] for r in visits) == sorted(p.id for p in core_scenario.points)
    assert {"plan", "group", "route", "arrival_min"} <= set(rows[0])
    assert client.get(f"/logistics/runs/{run.pk}/export.csv?plan=9").status_code == 404


def test_excel_export_has_the_core_sheets(client, owner, run):
    client.force_login(owner)
    resp = client.get(f"/logistics/runs/{run.pk}/export.xlsx")
    wb = load_workbook(io.BytesIO(resp.content))
    assert wb.sheetnames == ["comparison", "routes", "stops"]
    assert wb["comparison"]["J1"].value == "cost_EUR"


def test_pdf_export(client, owner, run):
    client.force_login(owner)
    resp = client.get(f"/logistics/runs/{run.pk}/export.pdf")
    assert resp["Content-Type"] == "application/pdf" and resp.content.startswith(b"%PDF")
    zh = client.get(f"/zh-hans/logistics/runs/{run.pk}/export.pdf")
    assert zh.content.startswith(b"%PDF")


def test_template_download_is_the_core_template(client):
    resp = client.get("/logistics/template.xlsx")
    wb = load_workbook(io.BytesIO(resp.content))
    assert {"settings", "points", "depots", "facilities", "vehicles", "plans"} <= set(wb.sheetnames)


def test_scenario_download_reads_back(client, owner, scenario, tmp_path):
    client.force_login(owner)
    path = tmp_path / "back.xlsx"
    path.write_bytes(client.get(f"/logistics/{scenario.pk}/scenario.xlsx").content)
    back = routing.read_scenario(path)
    assert [p.id for p in back.points] == [p.id for p in two_towns().points]
    assert [p.lat for p in back.points] == pytest.approx([p.lat for p in two_towns().points])
    assert back.plans == two_towns().plans


# -- API ---------------------------------------------------------------------

def test_api_run_then_status_with_geojson(client, owner, scenario):
    client.force_login(owner)
    resp = client.post(f"/api/logistics/scenarios/{scenario.pk}/runs",
                       json.dumps({"seconds": 0.2, "seed": 3}), content_type="application/json")
    assert resp.status_code == 201
    run_id = resp.json()["id"]
    body = client.get(f"/api/logistics/runs/{run_id}").json()
    assert body["status"] == "done" and body["progress"] == 1.0
    assert set(body["result"]["geojson"]) == {"Each alone", "Together"}
    assert body["result"]["geojson"]["Together"]["type"] == "FeatureCollection"


def test_api_refuses_an_infeasible_scenario_with_every_problem(client, owner, scenario):
    scenario.points.filter(code__in=["N1", "S2"]).update(quantity_t=7.0)
    client.force_login(owner)
    resp = client.post(f"/api/logistics/scenarios/{scenario.pk}/runs",
                       json.dumps({"seconds": 0.2}), content_type="application/json")
    assert resp.status_code == 422
    errors = resp.json()["errors"]
    assert {e["column"] for e in errors} == {"quantity_t"}
    assert any("'N1'" in e["message"] for e in errors) and any("'S2'" in e["message"] for e in errors)


def test_api_validates_the_time_limit(client, owner, scenario):
    client.force_login(owner)
    resp = client.post(f"/api/logistics/scenarios/{scenario.pk}/runs",
                       json.dumps({"seconds": 0}), content_type="application/json")
    assert resp.status_code == 422 and "seconds" in resp.json()["detail"]


def test_api_scenario_detail_has_the_data(client, owner, scenario):
    client.force_login(owner)
    body = client.get(f"/api/logistics/scenarios/{scenario.pk}").json()
    assert body["points"] == 6 and body["municipalities"] == ["North", "South"]
    assert len(body["data"]["vehicle_types"]) == 2


def test_demo_runs_in_the_web_app(client, secretariat):
    """The demo scenario solves end to end with a short limit (0.3 s per group)."""
    demo = m.Scenario.objects.get(is_demo=True)
    run = services.start_run(demo, seconds=0.3, user=secretariat)
    run.refresh_from_db()
    assert run.status == "done"
    _core, comparison = services.rebuild(run)
    joint = next(p for p in comparison.plans if "joint" in p.name)
    assert {g.label for g in joint.groups} == {"Ube", "Hofu + Yamaguchi"}
    assert all(g.result.evaluation.feasible for p in comparison.plans for g in p.groups)


def test_save_core_then_run_uses_new_data(scenario, owner):
    save_core(scenario, two_towns(points=two_towns().points[:4]))
    run = services.start_run(scenario, seconds=0.2, user=owner)
    run.refresh_from_db()
    assert len(run.snapshot["points"]) == 4


def test_a_run_whose_job_failed_elsewhere_shows_failed(client, owner, run):
    m.Run.objects.filter(pk=run.pk).update(status="running")
    run.job.__class__.objects.filter(pk=run.job_id).update(status="failed", error="Worker lost.")
    client.force_login(owner)
    html = client.get(f"/logistics/runs/{run.pk}/").content.decode()
    assert "Worker lost." in html
    run.refresh_from_db()
    assert run.status == "failed"


def test_every_partition_is_refused_beyond_four_municipalities(client, owner, scenario):
    for n, p in enumerate(scenario.points.order_by("code")[:5]):
        p.municipality = f"Town {n}"
        p.save()
    client.force_login(owner)
    resp = client.post(f"/logistics/{scenario.pk}/run/", {"seconds": 0.2, "seed": 0, "mode": "all"})
    assert resp.status_code == 400
    assert "at most 4 municipalities" in resp.content.decode()
    assert not scenario.runs.exists()
