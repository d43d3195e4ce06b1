"""Plan enumeration, ranking (checked by brute force) and comparison."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from circularcities.core.errors import ValidationError
from circularcities.core.routing import (
    Partition,
    PlanGroup,
    all_partitions,
    bell_number,
    compare_all_partitions,
    compare_partitions,
    rank_partitions,
)
from tests.core.test_routing_support import (  # noqa: F401
    small_scenario,
)


def brute_force_partitions(items):
    """Every set partition, by labelling items and keeping distinct groupings."""
    found = set()
    for labels in itertools.product(range(len(items)), repeat=len(items)):
        groups = {}
        for item, label in zip(items, labels, strict=True):
            groups.setdefault(label, set()).add(item)
        found.add(frozenset(frozenset(g) for g in groups.values()))
    return found


@pytest.mark.parametrize("n", [0, 1, 2, 3, 4])
def test_all_partitions_matches_brute_force(n):
    items = list("ABCD")[:n]
    parts = all_partitions(items)
    assert len(parts) == bell_number(n)
    as_sets = {frozenset(p) for p in parts}
    assert len(as_sets) == len(parts)  # no duplicates
    assert as_sets == brute_force_partitions(items)


def test_bell_numbers():
    assert [bell_number(n) for n in range(8)] == [1, 1, 2, 5, 15, 52, 203, 877]


def test_refuses_more_than_four_unless_allowed():
    with pytest.raises(ValidationError, match="at most 4 municipalities.*got 5 .*52 plans"):
        all_partitions(list("ABCDE"))
    assert len(all_partitions(list("ABCDE"), allow_large=True)) == 52
    with pytest.raises(ValidationError, match="distinct"):
        all_partitions(["A", "A"])


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=1, max_value=4), st.randoms(use_true_random=False))
def test_ranking_matches_brute_force(n, rnd):
    items = list("ABCD")[:n]
    subsets = [frozenset(c) for k in range(1, n + 1) for c in itertools.combinations(items, k)]
    costs = {s: rnd.uniform(1, 100) for s in subsets}
    ranked = rank_partitions(costs, items)
    brute = sorted(sum(costs[g] for g in p) for p in brute_force_partitions(items))
    assert [round(c, 9) for _, c in ranked] == [round(c, 9) for c in brute]
    assert ranked[0][1] == pytest.approx(min(brute))


def test_ranking_prefers_joint_when_cheaper():
    costs = {frozenset("A"): 10.0, frozenset("B"): 10.0, frozenset("AB"): 15.0}
    (best, cost), (second, cost2) = rank_partitions(costs, ["A", "B"])
    assert best == (frozenset("AB"),) and cost == 15.0 and cost2 == 20.0


def test_compare_partitions_table_and_consistency():
    s = small_scenario()
    seen = []
    cmp = compare_partitions(s, seconds=0.3, progress=seen.append)
    names = [p.name for p in cmp.plans]
    assert set(names) == {"apart", "together"}
    # Warm start from the members' routes: joining is never worse.
    apart = next(p for p in cmp.plans if p.name == "apart")
    together = next(p for p in cmp.plans if p.name == "together")
    assert together.cost <= apart.cost * (1 + 1e-3)
    assert cmp.cheapest.cost <= cmp.plans[-1].cost
    assert cmp.saving == pytest.approx(cmp.plans[1].cost - cmp.plans[0].cost)
    assert cmp.saving_pct == pytest.approx(100 * cmp.saving / cmp.plans[1].cost)
    rows = cmp.table()
    totals = [r for r in rows if r["group"] == "TOTAL"]
    assert [r["rank"] for r in totals] == [1, 2]
    for plan, total in zip(cmp.plans, totals, strict=True):
        groups = [r for r in rows if r["plan"] == plan.name and r["group"] != "TOTAL"]
        assert total["cost"] == pytest.approx(sum(r["cost"] for r in groups))
        assert total["quantity_t"] == pytest.approx(s.total_quantity_t)
        for g in plan.groups:
            assert g.result.evaluation.feasible
    assert "Cheapest plan" in cmp.summary() and "JPY" in cmp.summary()
    assert seen and seen[-1].fraction <= 1 and {p.label for p in seen} >= {"North", "South"}


def test_bad_plans_are_rejected():
    s = small_scenario()
    with pytest.raises(ValidationError, match="missing South"):
        compare_partitions(s, [Partition("half", (PlanGroup({"North"}),))], seconds=0.1)
    with pytest.raises(ValidationError, match="unknown facility 'nope'"):
        compare_partitions(s, [Partition("x", (PlanGroup({"North", "South"}, "nope"),))],
                           seconds=0.1)


def test_compare_all_partitions_small():
    s = small_scenario()
    cmp = compare_all_partitions(s, seconds=0.2)
    assert len(cmp.plans) == 2
    assert {p.name for p in cmp.plans} == {"North | South", "North + South"}


def test_group_errors_name_the_group():
    s = small_scenario()
    no_depot = Partition("x", (PlanGroup({"North"}, depot_ids=()), PlanGroup({"South"})))
    with pytest.raises(ValidationError, match="Group North: Expected at least one depot"):
        compare_partitions(s, [no_depot], seconds=0.1)
