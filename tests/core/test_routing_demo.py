"""The packaged Yamaguchi demo loads, matches its generator, and solves quickly."""

from __future__ import annotations

import csv
import time

import pytest

from circularcities.core.routing import compare_partitions, read_scenario_workbook
from circularcities.data.routing_demo import build_demo
from tests.core.test_routing_support import (  # noqa: F401
    REPO,
)

DEMO = REPO / "src" / "circularcities" / "data" / "routing_demo"


def test_workbook_is_what_the_script_builds():
    scenario, settings_ = read_scenario_workbook(DEMO / "scenario.xlsx")
    assert scenario == build_demo.build()
    assert settings_["currency"] == "JPY"
    assert scenario.total_quantity_t == pytest.approx(10_000 / 300, rel=1e-3)
    assert set(scenario.municipalities) == {"Ube", "Hofu", "Yamaguchi"}
    assert all("(generated)" in p.name for p in scenario.points)
    assert (DEMO / "README.md").exists()


def test_city_halls_come_from_the_packaged_csv():
    with open(REPO / "src" / "circularcities" / "data" / "japan_municipal_offices.csv",
              encoding="utf-8") as fh:
        rows = {r["lgcode"]: r for r in csv.DictReader(fh)}
    assert rows["352021"]["city"] == "宇部市"
    halls = build_demo.city_halls()
    assert halls["352063"] == pytest.approx((34.05194444, 131.5627778))


def test_demo_solves_in_a_few_seconds_and_compares_the_joint_plan():
    scenario, _ = read_scenario_workbook(DEMO / "scenario.xlsx")
    start = time.perf_counter()
    cmp = compare_partitions(scenario, seconds=0.4)
    assert time.perf_counter() - start < 10
    names = {p.name for p in cmp.plans}
    assert names == {"Each city alone", "Ube alone + Hofu & Yamaguchi joint"}
    joint = next(p for p in cmp.plans if "joint" in p.name)
    assert {g.label for g in joint.groups} == {"Ube", "Hofu + Yamaguchi"}
    for plan in cmp.plans:
        assert plan.load_t == pytest.approx(scenario.total_quantity_t)
        assert all(g.result.evaluation.feasible for g in plan.groups)
    alone = next(p for p in cmp.plans if p.name == "Each city alone")
    assert joint.cost <= alone.cost * (1 + 1e-3)  # warm-started from the cities' routes
