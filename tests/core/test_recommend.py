"""Peer selection, benchmarks, focal areas and case ranking."""

from __future__ import annotations

import pytest

from circularcities.core.errors import ValidationError
from circularcities.core.recommend import (
    CityProfile,
    benchmark,
    rank_cases,
    select_peers,
    suggest_focal_areas,
)

CITY = CityProfile("Here", "ECS", 800_000)
CANDIDATES = [CityProfile("A", "ECS", 300_000), CityProfile("B", "ECS", 2_000_000),
              CityProfile("C", "ECS", 2_300_000), CityProfile("D", "ECS", 100_000),
              CityProfile("E", "EAS", 800_000), CityProfile("Here", "ECS", 800_000)]


def test_select_peers_by_region_and_population():
    sel = select_peers(CITY, CANDIDATES)
    assert sel.rule == "region+population" and [c.name for c in sel.peers] == ["A", "B", "C"]


def test_select_peers_falls_back_to_region():
    sel = select_peers(CITY, CANDIDATES, factor=1.5)
    assert sel.rule == "region" and [c.name for c in sel.peers] == ["A", "B", "C", "D"]
    with pytest.raises(ValidationError):
        select_peers(CITY, CANDIDATES, factor=1)


def test_percentile_direction_and_ties():
    b = benchmark({"up": (30.0, 2022), "down": (30.0, 2022), "tie": (5.0, 2022), "none": (1.0, 2022)},
                  {"up": [10, 20, 40, 50], "down": [10, 20, 40, 50], "tie": [5, 5, 5, 5]},
                  {"up": "higher_is_better", "down": "lower_is_better", "tie": "higher_is_better",
                   "none": "lower_is_better"})
    assert b["up"].percentile == 50 and b["down"].percentile == 50
    assert b["up"].median == 30 and b["up"].gap == 0
    assert b["tie"].percentile == 50
    assert b["none"].percentile is None and b["none"].n_peers == 0
    best = benchmark({"x": (99.0, 2020)}, {"x": [1, 2, 3]}, {"x": "higher_is_better"})["x"]
    assert best.percentile == 100 and best.gap == pytest.approx(-97)
    worst = benchmark({"x": (99.0, 2020)}, {"x": [1, 2, 3]}, {"x": "lower_is_better"})["x"]
    assert worst.percentile == 0 and worst.gap == pytest.approx(97) and worst.relative_gap == pytest.approx(48.5)
    with pytest.raises(ValidationError, match="direction"):
        benchmark({"x": (1.0, 2020)}, {}, {})


def test_focal_areas_explain_themselves():
    b = benchmark({"SW-RECYCLING": (10.0, 2022), "EC-PM25": (5.0, 2022)},
                  {"SW-RECYCLING": [30, 40, 50], "EC-PM25": [10, 12, 14]},
                  {"SW-RECYCLING": "higher_is_better", "EC-PM25": "lower_is_better"})
    areas = suggest_focal_areas(
        b, {"SW-RECYCLING": ["municipal-resources", "industrial-symbiosis"], "EC-PM25": ["spatial-planning"]},
        maturity={"rethink": 4, "redesign": 1, "reuse_share": 4, "repair": 4, "remanufacture": 4,
                  "recycle": 2, "recover": 4},
        names={"SW-RECYCLING": ("Municipal waste recycling rate", "城市生活垃圾回收率")})
    assert 1 <= len(areas) <= 3
    # recycling gap + recycle R score tie these two; ties follow the AREAS order
    assert [a.area for a in areas[:2]] == ["industrial-symbiosis", "municipal-resources"]
    municipal = areas[1]
    assert municipal.indicators == ("SW-RECYCLING",) and municipal.weak_rs == ("recycle",)
    assert "Municipal waste recycling rate (percentile 0)" in municipal.reason_en
    assert "Recycle (level 2)" in municipal.reason_en
    assert "城市生活垃圾回收率" in municipal.reason_zh and "回收利用（等级 2）" in municipal.reason_zh
    assert "recycle" not in municipal.reason_zh
    assert "spatial-planning" not in [a.area for a in areas]  # PM2.5 is better than peers
    assert {a.area for a in areas} <= {"municipal-resources", "industrial-symbiosis", "buildings",
                                       "procurement"}
    assert suggest_focal_areas({}, {}, maturity=None) == []


def test_rank_cases():
    cases = [
        {"slug": "genoa-waste", "areas": ["municipal-resources"], "r_strategies": ["recycle", "repair"],
         "keywords": ["waste"]},
        {"slug": "brummen-passport", "areas": ["buildings"], "r_strategies": ["redesign"], "keywords": []},
        {"slug": "unrelated", "areas": ["nexus"], "r_strategies": ["recover"], "keywords": []},
    ]
    ranked = rank_cases(cases, ["municipal-resources", "buildings"], ["recycle", "redesign"], ["Waste"])
    assert [c.slug for c in ranked] == ["genoa-waste", "brummen-passport"]
    assert ranked[0].score == 3 + 1 + 0.5 and ranked[0].matched_keywords == ("waste",)
    with pytest.raises(ValidationError):
        rank_cases([{"areas": []}], ["nexus"], [])
