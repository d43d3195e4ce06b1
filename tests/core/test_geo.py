"""Great-circle distance and radius search."""

import math

import numpy as np
import pytest

from circularcities.core.errors import ValidationError
from circularcities.core.geo import (
    EARTH_RADIUS_KM,
    HALF_CIRCUMFERENCE_KM,
    check_coordinates,
    chord_for_km,
    haversine_km,
    km_for_chord,
    pairs_within,
)


def test_zero_distance_for_identical_points():
    assert haversine_km(51.5, -0.1, 51.5, -0.1) == 0.0


def test_quarter_meridian():
    assert haversine_km(0, 0, 90, 0) == pytest.approx(math.pi / 2 * EARTH_RADIUS_KM)


def test_antipodes_give_half_circumference():
    assert haversine_km(10, 20, -10, -160) == pytest.approx(HALF_CIRCUMFERENCE_KM)


def test_known_city_pair():
    # London - Paris, about 343.5 km on a 6371 km sphere.
    assert haversine_km(51.5074, -0.1278, 48.8566, 2.3522) == pytest.approx(343.5, abs=1.0)


@pytest.mark.parametrize("km", [0.0, 1.0, 50.0, 1000.0, 19000.0])
def test_chord_round_trip(km):
    assert km_for_chord(chord_for_km(km)) == pytest.approx(km, abs=1e-6)


def test_chord_rejects_negative():
    with pytest.raises(ValidationError, match="Expected distance_km >= 0"):
        chord_for_km(-1)


@pytest.mark.parametrize("lat,lon", [(91, 0), (-90.5, 0), (0, 181), (float("nan"), 0)])
def test_check_coordinates_rejects(lat, lon):
    with pytest.raises(ValidationError, match="Expected"):
        check_coordinates(lat, lon)


def test_pairs_within_matches_brute_force():
    rng = np.random.default_rng(1)
    la, lo = rng.uniform(50, 52, 60), rng.uniform(-1, 1, 60)
    lb, lob = rng.uniform(50, 52, 70), rng.uniform(-1, 1, 70)
    i, j = pairs_within(la, lo, lb, lob, 40.0)
    d = haversine_km(la[:, None], lo[:, None], lb[None, :], lob[None, :])
    want = set(zip(*np.nonzero(d <= 40.0), strict=True))
    assert set(zip(i.tolist(), j.tolist(), strict=True)) == want


def test_pairs_within_keeps_identical_points_and_no_limit():
    i, j = pairs_within([1.0, 1.0], [2.0, 2.0], [1.0], [2.0], 0.0)
    assert sorted(zip(i.tolist(), j.tolist(), strict=True)) == [(0, 0), (1, 0)]
    i, j = pairs_within([0.0, 10.0], [0.0, 0.0], [-10.0, 80.0], [170.0, 0.0], None)
    assert i.size == 4


def test_pairs_within_across_the_antimeridian():
    i, j = pairs_within([0.0], [179.9], [0.0], [-179.9], 30.0)
    assert i.tolist() == [0] and j.tolist() == [0]
