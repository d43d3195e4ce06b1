"""Matching with its components solved as jobs, in this process (the queue inline, or
run by the coordinator itself); tests/jobs/test_distributed_processes.py runs it on
two worker processes."""

from __future__ import annotations

import pytest

from circularcities.core import matching as core
from circularcities.core.errors import CircularCitiesError
from circularcities.jobs import runner
from circularcities.jobs.models import Job
from circularcities.marketplace import distributed
from tests.jobs.conftest import work
from tests.jobs.distmatch_instance import MAX_KM, assert_same_plan, listings


def _rows(plan: core.MatchPlan) -> list[tuple[str, str, float, float]]:
    return [(m.offer, m.want, m.quantity_t, m.distance_km) for m in plan.matches]


def test_batches_cover_every_component_once_and_balance_arcs():
    arcs = [50, 1, 1, 7, 30, 30, 2, 9, 1, 12]
    groups = distributed.plan_batches(arcs, batches=3, max_arcs=1000)
    assert len(groups) == 3 and sorted(c for g in groups for c in g) == list(range(10))
    loads = sorted(sum(arcs[c] for c in g) for g in groups)
    assert loads == [46, 47, 50]  # largest first, each to the lightest batch
    # More arcs than max_arcs per batch: more batches; never more batches than components.
    assert len(distributed.plan_batches(arcs, batches=1, max_arcs=40)) == 4
    assert len(distributed.plan_batches(arcs, batches=50, max_arcs=1000)) == 10
    assert distributed.plan_batches([], batches=4) == []


def test_inline_jobs_give_the_matchers_plan(db):
    offers, wants = listings()
    seen: list[tuple[int, int]] = []
    plan = distributed.distributed_match(offers, wants, MAX_KM, batches=5,
                                         progress=lambda d, t: seen.append((d, t)))
    want = core.match(offers, wants, MAX_KM)
    assert_same_plan(_rows(plan), want)
    assert plan.matches == want.matches and plan.n_components == want.n_components == 24
    assert Job.objects.filter(kind=distributed.BATCH_KIND, status="done").count() == 5
    assert seen[-1] == (24, 24)


def test_a_programme_job_on_one_worker_runs_its_batches_itself(queue, monkeypatch, demo):
    """The programme job takes the only worker; nobody else takes its batches, so it
    runs them itself once they waited ASSIST_AFTER_S, and gives the plan of the
    in-process matcher."""
    from circularcities.marketplace.matching import run_programme_matching

    monkeypatch.setattr(distributed, "ASSIST_AFTER_S", 0.0)
    params = {"city": None, "max_km": 50.0}
    job = runner.start("marketplace-matching",
                       "circularcities.marketplace.matching.run_programme_matching",
                       {**params, "distributed": True})
    assert work() == 1  # the batches' queue entries went to the coordinator
    job.refresh_from_db()
    assert job.status == "done", job.error
    expected = run_programme_matching(params, lambda *_a: None)
    assert job.result["n_components"] == expected["n_components"] >= 2
    assert job.result["matches"] == expected["matches"]
    assert job.result["matched_t"] == pytest.approx(expected["matched_t"], rel=1e-9)
    assert job.result["tonne_km"] == pytest.approx(expected["tonne_km"], rel=1e-9)
    batches = Job.objects.filter(kind=distributed.BATCH_KIND)
    assert batches.count() == min(distributed.DEFAULT_BATCHES, expected["n_components"])
    assert set(batches.values_list("status", "worker")) == {("done", "test-worker")}


def test_no_worker_times_out_and_cancels_the_batches(queue, monkeypatch, db):
    monkeypatch.setattr(distributed, "ASSIST_AFTER_S", 3600.0)
    offers, wants = listings(60)
    with pytest.raises(CircularCitiesError, match="circularcities worker"):
        distributed.distributed_match(offers, wants, MAX_KM, batches=3, timeout_s=0.3)
    batches = Job.objects.filter(kind=distributed.BATCH_KIND)
    assert batches.count() == 3
    assert set(batches.values_list("status", flat=True)) == {"cancelled"}
