"""Job functions the tests run, importable by dotted path in worker processes too."""

from __future__ import annotations

import os
import time
from pathlib import Path

from circularcities.core.errors import InfeasibleError


def counting(params, report):
    for i in range(params["n"]):
        report((i + 1) / params["n"], f"step {i + 1}")
    return {"total": sum(range(params["n"]))}


def infeasible(params, report):
    raise InfeasibleError("A point of 9 t is heavier than any vehicle (max 5 t).")


def flaky(params, report):
    """Fails until its counter file says it has failed ``fail`` times."""
    path = Path(params["counter"])
    seen = int(path.read_text()) if path.exists() else 0
    path.write_text(str(seen + 1))
    if seen < params["fail"]:
        raise RuntimeError(f"flaky failure {seen + 1}")
    return {"attempts": seen + 1}


def slow(params, report):
    """Runs ``steps`` steps of ``step`` seconds; notes its pid so a test can kill it."""
    if params.get("pidfile"):
        Path(params["pidfile"]).write_text(str(os.getpid()))
    for i in range(params["steps"]):
        time.sleep(params["step"])
        report((i + 1) / params["steps"], f"step {i + 1}")
    return {"pid": os.getpid(), "steps": params["steps"]}


def cancels_itself(params, report):
    """Asks for its own cancellation, then reports: report() must stop it."""
    from circularcities.jobs import runner
    from circularcities.jobs.models import Job

    runner.cancel(Job.objects.get(pk=params["job"]))
    report(0.5, "after cancel")
    return {"reached": "end"}


def reaps_itself_once(params, report):
    """First attempt: declares its own worker dead (as a lease timeout would) and
    reports, which must stop it; the next attempt finishes."""
    from datetime import timedelta

    from django.utils import timezone

    from circularcities.jobs import runner

    path = Path(params["counter"])
    if not path.exists():
        path.write_text("1")
        runner.reap(now=timezone.now() + timedelta(hours=1))
        report(0.5, "after being given up")
        return {"reached": "first attempt end"}
    return {"reached": "second attempt"}
