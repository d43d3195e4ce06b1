"""The solver's plans are feasible, and evaluate() agrees with it."""

from __future__ import annotations

import dataclasses
from collections import Counter

import numpy as np
import pytest

from circularcities.core.routing import (
    GreatCircleCircuity,
    MatrixDistances,
    Route,
    evaluate,
    solve,
)
from circularcities.core.routing.evaluate import TOLERANCE_MIN
from tests.core.test_routing_support import (  # noqa: F401
    small_scenario,
)


def _assert_feasible(scenario, result):
    ev = result.evaluation
    assert ev.feasible, ev.violations
    visits = Counter(p for r in result.routes for p in r.stops)
    assert visits == Counter(p.id for p in scenario.points)  # every point exactly once
    types = {v.id: v for v in scenario.vehicle_types}
    for rm in ev.routes:
        cap = types[rm.route.vehicle_type].capacity_t
        assert all(load <= cap + 1e-9 for load in rm.trip_loads_t)
        for stop in rm.stops:
            if stop.point_id is None:
                continue
            p = scenario.point(stop.point_id)
            if p.earliest_min is not None:
                assert stop.start_min >= p.earliest_min - TOLERANCE_MIN
            if p.latest_min is not None:
                assert stop.start_min <= p.latest_min + TOLERANCE_MIN
    for type_id, used in Counter(r.vehicle_type for r in result.routes).items():
        assert used <= types[type_id].count


@pytest.mark.parametrize(("capacity", "windows"), [(2.0, True), (2.0, False), (1.4, True),
                                                   (10.0, True)])
def test_solution_is_feasible_and_costs_agree(capacity, windows):
    s = small_scenario(capacity_t=capacity, windows=windows)
    result = solve(s, seconds=0.5, seed=1)
    _assert_feasible(s, result)
    # evaluate() walks the routes again, independently: same figures.
    again = evaluate(s, result.routes)
    assert again.cost == pytest.approx(result.evaluation.cost)
    # The solver's integer objective differs only by rounding (<0.5 %).
    assert result.solver_cost == pytest.approx(again.cost, rel=5e-3)
    assert again.cost_per_t == pytest.approx(again.cost / s.total_quantity_t)


def test_small_capacity_uses_several_trips_with_unloading():
    s = small_scenario(capacity_t=1.4, count=1)
    result = solve(s, seconds=0.5)
    _assert_feasible(s, result)
    assert max(len(r.trips) for r in result.routes) >= 2
    # Each trip ends with an unloading stop at the facility.
    for rm in result.evaluation.routes:
        assert sum(1 for st in rm.stops if st.point_id is None) == len(rm.route.trips)


def test_time_window_is_respected_with_waiting():
    s = small_scenario()
    tight = dataclasses.replace(s.points[0], earliest_min=200.0, latest_min=210.0)
    s = dataclasses.replace(s, points=(tight,) + s.points[1:])
    result = solve(s, seconds=0.5)
    _assert_feasible(s, result)
    stop = next(st for rm in result.evaluation.routes for st in rm.stops if st.point_id == "N0")
    assert 200.0 - 1e-6 <= stop.start_min <= 210.0 + 1e-6


def test_route_figures_by_hand():
    s = small_scenario()
    route = Route("vdN", (("N0",),), start_min=0.0)
    ev = evaluate(s, [route])
    places = np.array([[34.11, 131.39], [34.05, 131.45], [34.11, 131.40]])  # depot, plant, N0
    d = GreatCircleCircuity(1.3).distance_km(places)
    km = d[0, 2] + d[2, 1] + d[1, 0]
    rm = ev.routes[0]
    assert rm.distance_km == pytest.approx(km)
    assert rm.driving_h == pytest.approx(km / 30.0)
    assert rm.duration_h == pytest.approx(km / 30.0 + 5 / 60)
    assert rm.cost == pytest.approx(10000 + 50 * km + 3000 * (km / 30 + 5 / 60))
    assert rm.co2e_kg == pytest.approx(0.5 * km)
    assert not ev.feasible  # the other seven points are not collected
    assert sum("is not collected" in v for v in ev.violations) == 7


def test_evaluate_reports_every_violation():
    s = small_scenario(count=1)
    ids = [p.id for p in s.points]
    routes = [Route("vdN", (tuple(ids),)),          # 5.6 t in a 2 t truck
              Route("vdN", (("N0",),)),             # N0 twice, second vehicle of a 1-truck type
              Route("ghost", (("S0",),))]
    ev = evaluate(s, routes)
    text = " ".join(ev.violations)
    assert "more than the vehicle's 2 t" in text
    assert "'N0' is collected 2 times" in text
    assert "only 1 vehicles" in text
    assert "unknown vehicle type 'ghost'" in text
    late = evaluate(s, [Route("vdN", (("N1",),), start_min=400.0)])
    assert any("after its latest time 120 min" in v for v in late.violations)
    assert any("after the end of the 8 h shift" in v
               for v in evaluate(s, [Route("vdN", (("N0",),), start_min=479.0)]).violations)


def test_progress_callback_reports_and_can_stop():
    s = small_scenario()
    seen = []
    result = solve(s, seconds=0.4, progress=seen.append, label="small")
    assert seen and seen[-1].label == "small"
    fractions = [p.fraction for p in seen]
    assert fractions == sorted(fractions) and 0 <= fractions[0] and fractions[-1] <= 1
    assert any(p.best_cost is not None for p in seen)
    assert result.evaluation.feasible

    calls = []

    def stop_now(p):
        calls.append(p)
        return True

    quick = solve(s, seconds=30, progress=stop_now)
    assert len(calls) == 1 and quick.runtime_s < 5


def test_same_seed_same_plan_and_matrix_provider():
    s = small_scenario()
    places = np.array([[d.lat, d.lon] for d in s.depots] + [[34.05, 131.45]]
                      + [[p.lat, p.lon] for p in s.points])
    gc = GreatCircleCircuity(1.3)
    road = MatrixDistances(places, gc.distance_km(places), reference_speed_kmh=30.0)
    # Solving against the matrix gives a feasible plan whose cost is the same whether the
    # distances come from the matrix or from the great-circle provider it was built from.
    # (Comparing two time-limited searches would depend on how busy the machine is.)
    a = solve(s, seconds=0.3, seed=3, distances=road)
    assert a.evaluation.feasible
    assert evaluate(s, a.routes).cost == pytest.approx(a.evaluation.cost, rel=1e-6)


def test_warm_start_is_never_worse():
    s = small_scenario()
    first = solve(s, seconds=0.3)
    again = solve(s, seconds=0.05, initial_routes=first.routes)
    assert again.evaluation.cost <= first.evaluation.cost * (1 + 1e-3)
