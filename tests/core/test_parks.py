"""Park Sankey widths and registry shares (core/parks.py)."""

import pytest

from circularcities.core.parks import sankey_widths, symbiosis_shares


def test_nothing_reported_draws_equal_widths():
    w = sankey_widths([(None, ""), (None, "")])
    assert w.widths == [1.0, 1.0] and w.mode == "none"


def test_one_unit_is_proportional_with_a_floor():
    w = sankey_widths([(1000.0, "t"), (500.0, "t"), (1.0, "t")])
    assert w.mode == "proportional"
    assert w.widths == [100.0, 50.0, pytest.approx(3.0)]


def test_units_are_compared_only_with_their_own_and_unreported_is_thin():
    w = sankey_widths([(10.0, "t"), (2000.0, "MWh"), (1000.0, "MWh"), (None, "")])
    assert w.mode == "per_unit"
    assert w.widths == [100.0, 100.0, 50.0, pytest.approx(3.0)]


def test_shares_against_targets_count_unknown_as_not_applying():
    rows = symbiosis_shares([("state", True), ("state", None), ("province", True), ("province", False),
                             ("city", True)], {"state": 75.0, "province": 50.0})
    by = {r.level: r for r in rows}
    assert [r.level for r in rows] == ["state", "province", "city"]
    assert (by["state"].parks, by["state"].applying, by["state"].unknown, by["state"].share) == (2, 1, 1, 50.0)
    assert by["state"].gap == 25.0
    assert by["province"].share == 50.0 and by["province"].gap == 0.0
    assert by["city"].target is None and by["city"].gap is None


def test_a_level_with_no_park_has_no_share():
    rows = symbiosis_shares([], {"state": 75.0})
    assert rows[0].share is None and rows[0].gap is None and rows[0].parks == 0
