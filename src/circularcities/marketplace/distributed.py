"""Matching spread over the job workers: one job per batch of independent components.

Where one machine is not enough: the candidate arcs and the components are
computed once, here; each batch of components goes to the job queue as plain
lists (tonnes per offer and per want, each arc's local offer and want number
and its km), any ``circularcities worker`` sharing the database (several
processes or machines) solves it with :func:`core.solve_component`, and the
flows come back in the job's result. No flow crosses between components, so
the assembled plan is the one :func:`core.match` gives: the same solver on the
same numbers (JSON writes a float as its shortest exact form, so numbers come
back bit for bit).

While it waits, the coordinator runs itself any batch that no worker took
within :data:`ASSIST_AFTER_S` seconds: a programme matching job occupies a
worker, and with a single worker nobody else would run its batches.
"""

from __future__ import annotations

import heapq
import math
import time
import uuid
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from circularcities.core import matching as core
from circularcities.core.errors import CircularCitiesError, ValidationError
from circularcities.core.matching.matcher import check_inputs, plan_from_flows
from circularcities.jobs import runner
from circularcities.jobs.models import Job

BATCH_KIND = "marketplace-matching-batch"
BATCH_FUNC = "circularcities.marketplace.distributed.solve_batch"
MAX_BATCH_ARCS = 20_000
"""Arcs per batch beyond which components go to more batches (about 0.6 MB of JSON)."""
DEFAULT_BATCHES = 8
"""At least this many batches (when there are as many components), so every worker gets some."""
ASSIST_AFTER_S = 2.0
"""A batch queued this long with no worker to take it is run by the coordinator."""
POLL_S = 0.2
DEFAULT_TIMEOUT_S = 6 * 3600.0

Progress = Callable[[int, int], None]


def plan_batches(arc_counts: Sequence[int], batches: int = DEFAULT_BATCHES,
                 max_arcs: int = MAX_BATCH_ARCS) -> list[list[int]]:
    """Components grouped into batches of about equal arcs (largest first, to the lightest).

    ``max(batches, total arcs / max_arcs)`` batches, never more than components;
    a component larger than ``max_arcs`` stays whole (components are the unit)."""
    n = len(arc_counts)
    if n == 0:
        return []
    k = min(n, max(1, batches, math.ceil(sum(arc_counts) / max(1, max_arcs))))
    heap = [(0, b) for b in range(k)]
    groups: list[list[int]] = [[] for _ in range(k)]
    for c in sorted(range(n), key=lambda c: -arc_counts[c]):
        load, b = heapq.heappop(heap)
        groups[b].append(c)
        heapq.heappush(heap, (load + int(arc_counts[c]), b))
    return [sorted(g) for g in groups]


def solve_batch(params: dict[str, Any], report) -> dict[str, Any]:
    """Job: solve each component of a batch; returns the arcs with flow and their tonnes."""
    comps = params["components"]
    out = []
    for k, c in enumerate(comps):
        flow = core.solve_component(c["supply"], c["demand"], c["arc_offer"], c["arc_want"],
                                    c["arc_km"])
        used = np.flatnonzero(flow)
        out.append({"c": c["c"], "arcs": used.tolist(), "tonnes": flow[used].tolist()})
        report((k + 1) / len(comps), f"component {k + 1} of {len(comps)}")
    return {"components": out}


def distributed_match(offers: Sequence[core.Listing], wants: Sequence[core.Listing],
                      max_km: float | None = None,
                      compatibility: core.Compatibility | None = None,
                      distance: core.DistanceProvider | None = None, *,
                      batches: int = DEFAULT_BATCHES, max_arcs: int = MAX_BATCH_ARCS,
                      timeout_s: float = DEFAULT_TIMEOUT_S, progress: Progress | None = None,
                      owner=None) -> core.MatchPlan:
    """:func:`core.match`'s plan, with the components solved by job workers.

    ``progress(done, total)`` (components) is called after every look at the
    queue, so a job's ``report`` also notices a cancel while it waits. Raises
    :class:`CircularCitiesError` when a batch fails or ``timeout_s`` passes;
    the batches not finished are then cancelled."""
    check_inputs(offers, wants, max_km)
    if isinstance(batches, bool) or not isinstance(batches, int) or not 1 <= batches <= 10_000:
        raise ValidationError(f"Expected 1 to 10,000 batches, got {batches!r}.")
    comp = compatibility if compatibility is not None else core.Compatibility()
    provider = distance if distance is not None else core.GreatCircle()
    oi, wj, km = core.candidate_arcs(offers, wants, max_km, comp, provider)
    parts = core.split_components(len(offers), len(wants), oi, wj)
    oi, wj, km = oi[parts.arc_order], wj[parts.arc_order], km[parts.arc_order]
    q_o = np.fromiter((x.quantity_t for x in offers), float, len(offers))
    q_w = np.fromiter((x.quantity_t for x in wants), float, len(wants))
    ab, ob, wb = parts.arc_bounds, parts.offer_bounds, parts.want_bounds

    def component(c: int) -> dict[str, Any]:
        s, e = int(ab[c]), int(ab[c + 1])
        return {"c": c, "supply": q_o[parts.offers[ob[c]:ob[c + 1]]].tolist(),
                "demand": q_w[parts.wants[wb[c]:wb[c + 1]]].tolist(),
                "arc_offer": parts.arc_offer[s:e].tolist(), "arc_want": parts.arc_want[s:e].tolist(),
                "arc_km": km[s:e].tolist()}

    groups = plan_batches(np.diff(ab).tolist(), batches, max_arcs)
    flow = np.zeros(km.size)
    run = uuid.uuid4().hex
    sent: dict[Any, list[int]] = {}
    try:
        # One transaction: the workers see every batch at once (and each worker gets
        # some), and a failure half-way leaves no batch behind.
        with transaction.atomic():
            for i, group in enumerate(groups, start=1):
                job = runner.start(BATCH_KIND, BATCH_FUNC,
                                   {"run": run, "components": [component(c) for c in group]},
                                   owner=owner, title=f"Matching batch {i} of {len(groups)}")
                sent[job.pk] = group
        _gather(sent, parts.n, ab, flow, timeout_s, progress)
    except BaseException:
        unfinished = Job.objects.filter(pk__in=list(sent)).exclude(
            status__in=[Job.Status.DONE, Job.Status.FAILED, Job.Status.CANCELLED])
        for job in unfinished:
            runner.cancel(job)
        raise
    return plan_from_flows(offers, wants, oi, wj, km, flow, max_km, parts.n)


def _gather(sent: dict[Any, list[int]], total: int, ab: np.ndarray, flow: np.ndarray,
            timeout_s: float, progress: Progress | None) -> None:
    """Wait for every batch and write its flows into ``flow`` (arcs in component order)."""
    pending = dict(sent)
    deadline = time.monotonic() + timeout_s
    queued_since: dict[Any, float] = {}
    done = 0
    while True:
        now = time.monotonic()
        partial = 0
        for pk, status, fraction, error in Job.objects.filter(pk__in=list(pending)).values_list(
                "pk", "status", "progress", "error"):
            group = pending[pk]
            if status == Job.Status.DONE:
                result = Job.objects.values_list("result", flat=True).get(pk=pk)
                _take(result, group, ab, flow)
                del pending[pk]
                done += len(group)
            elif status in (Job.Status.FAILED, Job.Status.CANCELLED):
                raise CircularCitiesError(f"A matching batch was {status}: {error or 'no reason given'}")
            elif status == Job.Status.QUEUED:
                queued_since.setdefault(pk, now)
            else:
                queued_since.pop(pk, None)
                partial += int(fraction * len(group))
        if progress is not None:
            progress(done + partial, total)
        if not pending:
            return
        if now > deadline:
            raise CircularCitiesError(
                f"Matching gave up after {timeout_s:,.0f} s: {len(pending)} of {len(sent)} batches "
                "unfinished. Are job workers running (`circularcities worker`)?")
        waiting = [pk for pk, since in queued_since.items()
                   if pk in pending and now - since >= ASSIST_AFTER_S]
        if not (waiting and _run_here(waiting[0])):
            time.sleep(POLL_S)


def _take(result: Any, group: list[int], ab: np.ndarray, flow: np.ndarray) -> None:
    got = result.get("components") if isinstance(result, dict) else None
    if not isinstance(got, list) or [r.get("c") for r in got] != group:
        raise CircularCitiesError("A matching batch returned other components than it was given.")
    for r in got:
        s, e = int(ab[r["c"]]), int(ab[r["c"] + 1])
        arcs = np.asarray(r["arcs"], dtype=np.intp)
        tonnes = np.asarray(r["tonnes"], dtype=float)
        if arcs.shape != tonnes.shape or arcs.ndim != 1 or (
                arcs.size and (arcs.min() < 0 or arcs.max() >= e - s)):
            raise CircularCitiesError("A matching batch returned flows on arcs it was not given.")
        flow[s + arcs] = tonnes


def _run_here(job_id) -> bool:
    """Run a queued batch in this process; False when a worker took it meanwhile."""
    from django_tasks_db.models import DBTaskResult

    job = (Job.objects.filter(pk=job_id, status=Job.Status.QUEUED)
           .filter(Q(run_after__isnull=True) | Q(run_after__lte=timezone.now())).first())
    if job is None:
        return False
    # Take the queue entry away from the workers first: exactly one side gets it
    # (an entry a worker claimed is no longer READY).
    if job.task_id is not None and not DBTaskResult.objects.filter(
            id=job.task_id, status="READY").delete()[0]:
        return False
    runner.execute(job.pk, worker=runner.worker_name())
    return True
