"""Target status rules (core.planning.status) and trajectories."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from circularcities.core.planning import (
    Observation,
    Status,
    Trajectory,
    annual_observations,
    assess,
)

# A recycling-rate style target: 20 % in 2020 -> 40 % in 2030 (2 points a year; band 2 points).
RISE = Trajectory(2020, 20.0, 2030, 40.0)
# A waste-per-person style target: 400 kg in 2020 -> 300 kg in 2030, lower is better (band 10 kg).
FALL = Trajectory(2020, 400.0, 2030, 300.0)


def obs(*pairs):
    return [Observation(float(t), float(v)) for t, v in pairs]


@pytest.mark.parametrize(("observations", "status", "reason"), [
    ([], Status.NO_DATA, "no_data"),
    (obs((2018, 50), (2019, 60)), Status.NO_DATA, "before_baseline"),
    (obs((2025, 30)), Status.ON_TRACK, "ahead"),           # exactly on the trajectory
    (obs((2025, 31)), Status.ON_TRACK, "ahead"),
    (obs((2025, 28.5)), Status.AT_RISK, "within_band"),    # 1.5 short, band 2
    (obs((2025, 28)), Status.AT_RISK, "within_band"),      # exactly the band
    (obs((2025, 27.9)), Status.OFF_TRACK, "behind"),
    (obs((2024, 45)), Status.ON_TRACK, "met"),             # already beyond the target value
    (obs((2030, 39)), Status.OFF_TRACK, "missed"),         # target year reached, not met: no band
    (obs((2032, 39.9)), Status.OFF_TRACK, "missed"),
    (obs((2032, 40)), Status.ON_TRACK, "met"),
    (obs((2019, 99), (2021, 21)), Status.AT_RISK, "within_band"),  # the value before the baseline is ignored
    (obs((2026, 10), (2021, 22)), Status.OFF_TRACK, "behind"),     # the latest counts, not the best
])
def test_rising_target(observations, status, reason):
    a = assess(RISE, observations, higher_is_better=True)
    assert (a.status, a.reason) == (status, reason)


@pytest.mark.parametrize(("value", "status"), [
    (350, Status.ON_TRACK),    # exactly on the trajectory in 2025
    (340, Status.ON_TRACK),    # lower is better: below the line is ahead
    (355, Status.AT_RISK),     # 5 kg above, band 10
    (360, Status.AT_RISK),
    (361, Status.OFF_TRACK),
    (290, Status.ON_TRACK),    # target already met
])
def test_falling_indicator_where_lower_is_better(value, status):
    a = assess(FALL, obs((2025, value)), higher_is_better=False)
    assert a.status == status


def test_same_falling_values_judged_as_higher_is_better_are_wrong_way_round():
    # 340 kg in 2025 is ahead when lower is better and far behind if higher were better.
    assert assess(FALL, obs((2025, 340)), higher_is_better=False).status == Status.ON_TRACK
    assert assess(FALL, obs((2025, 340)), higher_is_better=True).status == Status.ON_TRACK  # 340 > 300 "met"
    assert assess(FALL, obs((2025, 340)), higher_is_better=True).reason == "met"


def test_hold_the_line_target_uses_the_target_value_for_its_band():
    flat = Trajectory(2018, 2000, 2021, 2000)  # "at least 2,000 a year"
    assert assess(flat, obs((2019, 2000))).status == Status.ON_TRACK
    assert assess(flat, obs((2019, 1850))).status == Status.AT_RISK   # band 10 % of 2,000 = 200
    assert assess(flat, obs((2019, 1790))).status == Status.OFF_TRACK


def test_figures_reported_with_the_status():
    a = assess(RISE, obs((2025, 29)))
    assert a.expected == pytest.approx(30)
    assert a.shortfall == pytest.approx(1)
    assert a.band == pytest.approx(2)
    assert a.progress == pytest.approx(0.45)
    assert a.observation.value == 29


def test_milestone_points_bend_the_trajectory():
    t = Trajectory(2020, 0, 2030, 100, points=((2025, 80),))
    assert t.expected(2025) == 80
    assert t.expected(2022.5) == pytest.approx(40)
    assert t.expected(2027.5) == pytest.approx(90)
    assert t.expected(2010) == 0 and t.expected(2040) == 100
    # 60 in 2025 would be on a straight line's track (50) but is behind the bent one (band 10).
    assert assess(t, obs((2025, 60))).status == Status.OFF_TRACK
    assert assess(Trajectory(2020, 0, 2030, 100), obs((2025, 60))).status == Status.ON_TRACK


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"target_year": 2020}, "target_year > baseline_year"),
    ({"target_year": 2019}, "target_year > baseline_year"),
    ({"baseline_value": math.nan}, "finite"),
    ({"target_value": "lots"}, "number"),
    ({"points": ((2031, 5),)}, "strictly increasing"),
    ({"points": ((2025, 5), (2024, 6))}, "strictly increasing"),
    ({"points": ((2020, 5),)}, "strictly increasing"),
])
def test_trajectory_validates_when_built(kwargs, message):
    args = {"baseline_year": 2020, "baseline_value": 1.0, "target_year": 2030, "target_value": 2.0, **kwargs}
    with pytest.raises(ValueError, match=message):
        Trajectory(**args)


def test_observation_and_tolerance_validation():
    with pytest.raises(ValueError, match="finite"):
        Observation(2020, math.inf)
    with pytest.raises(ValueError, match="tolerance"):
        assess(RISE, [], tolerance=1.5)


def test_annual_observations_sum_quarters_and_annualise_a_partial_year():
    entries = [(2019, q, 250) for q in (1, 2, 3, 4)] + [(2020, 1, 200), (2020, 2, 300)]
    o2019, o2020 = annual_observations(entries)
    assert (o2019.time, o2019.value, o2019.label) == (2019.0, 1000, "2019")
    assert o2020.value == 1000 and o2020.time == 2019.5 and (o2020.label, o2020.quarters) == ("2020", 2)
    assert annual_observations(entries, annualise=False)[1].value == 500
    with pytest.raises(ValueError):
        annual_observations([(2020, 5, 1)])


finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)


@settings(max_examples=200, derandomize=True)
@given(base=finite, goal=finite, t=st.floats(min_value=2020, max_value=2035), v1=finite, v2=finite,
       higher=st.booleans())
def test_a_better_value_never_gets_a_worse_status(base, goal, t, v1, v2, higher):
    traj = Trajectory(2020, base, 2030, goal)
    worse, better = sorted([v1, v2]) if higher else sorted([v1, v2], reverse=True)
    a_worse = assess(traj, [Observation(t, worse)], higher_is_better=higher)
    a_better = assess(traj, [Observation(t, better)], higher_is_better=higher)
    assert a_better.status.rank >= a_worse.status.rank


@settings(max_examples=200, derandomize=True)
@given(base=finite, goal=finite, t=st.floats(min_value=2020, max_value=2035), v=finite)
def test_mirroring_values_and_direction_keeps_the_status(base, goal, t, v):
    up = assess(Trajectory(2020, base, 2030, goal), [Observation(t, v)], higher_is_better=True)
    down = assess(Trajectory(2020, -base, 2030, -goal), [Observation(t, -v)], higher_is_better=False)
    assert (up.status, up.reason) == (down.status, down.reason)


@settings(max_examples=100, derandomize=True)
@given(base=finite, goal=finite, t=st.floats(min_value=2020, max_value=2029.99))
def test_a_value_on_the_trajectory_is_on_track(base, goal, t):
    traj = Trajectory(2020, base, 2030, goal)
    assert assess(traj, [Observation(t, traj.expected(t))]).status == Status.ON_TRACK
