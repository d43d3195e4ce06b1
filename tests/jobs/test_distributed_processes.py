"""Distributed matching on real processes: `circularcities match --distributed` hands
the components of a few hundred listings in six regions to two `circularcities
worker` processes and prints the plan the in-process matcher gives.

The module sets up its own database (SQLite file, or a PostgreSQL database of its
own when DATABASE_URL names PostgreSQL)."""

from __future__ import annotations

import json
import socket

import pytest

from circularcities.core import matching as core
from tests.jobs.distmatch_instance import MAX_KM, assert_same_plan, listings, write_csv
from tests.jobs.procs import Platform

BATCHES = 16


@pytest.fixture(scope="module")
def platform(tmp_path_factory):
    p = Platform(tmp_path_factory.mktemp("platform"))
    yield p
    p.close()


def test_two_workers_solve_the_components_and_the_plan_is_the_matchers(platform, tmp_path):
    offers, wants = listings()
    want = core.match(offers, wants, MAX_KM)
    assert want.n_components >= BATCHES  # each batch gets at least one component
    a = platform.start_worker("dist-a")
    b = platform.start_worker("dist-b")
    try:
        done = platform.cli("match", str(write_csv(tmp_path / "offers.csv", offers)),
                            str(write_csv(tmp_path / "wants.csv", wants)), "--max-km", str(MAX_KM),
                            "--distributed", "--batches", str(BATCHES), "--json", timeout=300)
    finally:
        logs = platform.logs()
        platform.stop()
    out = json.loads(done.stdout)
    assert_same_plan([(m["offer"], m["want"], m["quantity_t"], m["distance_km"])
                      for m in out["matches"]], want)
    assert out["matched_t"] == pytest.approx(want.matched_t, rel=1e-9)
    assert out["tonne_km"] == pytest.approx(want.tonne_km, rel=1e-9)

    rows = platform.sql("SELECT status, worker FROM jobs_job WHERE kind = ?",
                        ("marketplace-matching-batch",))
    assert len(rows) == BATCHES and {s for s, _w in rows} == {"done"}, rows
    host = socket.gethostname()
    workers = {f"{host}:{p.pid}"[:64] for p in (a, b)}
    # Both workers took part (the command runs a batch itself only when none is free).
    assert workers <= {w for _s, w in rows}, (rows, logs)
