"""``circularcities worker``: run queued jobs; ``circularcities jobs``: list, cancel, retry.

Start as many workers as you like, on this machine or on others that share the
PostgreSQL database; each runs one job at a time. ``demo`` and ``serve`` start
one beside the web server (see :func:`spawn_workers`).
"""

from __future__ import annotations

import argparse
import logging
import os
import subprocess
import sys


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("worker", help="run background jobs (route solving, matching, reminders)")
    p.add_argument("--interval", type=float, default=1.0,
                   help="seconds between looks at an empty queue (default 1)")
    p.add_argument("--batch", action="store_true", help="run what is queued, then stop")
    p.add_argument("--max-jobs", type=int, default=None, help="stop after this many jobs")
    p.set_defaults(func=cmd_worker)

    p = sub.add_parser("jobs", help="list, cancel or retry background jobs")
    jobs = p.add_subparsers(dest="jobs_command", metavar="SUBCOMMAND", required=True)
    ls = jobs.add_parser("list", help="the latest jobs and their state")
    ls.add_argument("--status", choices=["queued", "running", "done", "failed", "cancelled"])
    ls.add_argument("--limit", type=int, default=20)
    ls.set_defaults(func=cmd_list)
    for name, what in (("cancel", "cancel a queued or running job"),
                       ("retry", "run a failed or cancelled job again")):
        c = jobs.add_parser(name, help=what)
        c.add_argument("job_id")
        c.set_defaults(func=cmd_cancel if name == "cancel" else cmd_retry)


def _bootstrap():
    from circularcities.site import bootstrap

    return bootstrap


def cmd_worker(args) -> int:
    bootstrap = _bootstrap()
    bootstrap.setup_django()
    if bootstrap.pending_migrations()[0]:
        print("error: the database needs migrating; run `circularcities setup` first.", file=sys.stderr)
        return 1
    from circularcities.jobs.worker import Worker

    logging.getLogger("circularcities.jobs").setLevel(logging.INFO)
    parent = os.environ.get("CIRCULARCITIES_WORKER_PARENT", "")
    worker = Worker(interval=max(0.05, args.interval), batch=args.batch, max_tasks=args.max_jobs,
                    parent_pid=int(parent) if parent.isdigit() else None)
    print(f"Worker {worker.worker_id} waiting for jobs.", flush=True)
    worker.configure_signals()
    try:
        worker.run()
    except SystemExit:  # the signal handler's way out of a sleep
        pass
    return 0


def _job(job_id):
    _bootstrap().ensure_database(load_demo_if_new=False)
    from django.core.exceptions import ValidationError

    from circularcities.jobs.models import Job

    try:
        job = Job.objects.filter(pk=job_id).first()
    except ValidationError:
        job = None
    if job is None:
        print(f"error: no job with the id {job_id!r}.", file=sys.stderr)
    return job


def _line(job) -> str:
    return (f"{job.pk}  {job.status:<9} {job.percent:>3}%  attempt {job.attempt}/{job.max_attempts}"
            f"  {job.kind}  {job.title}  {job.error or job.message}")[:200]


def cmd_list(args) -> int:
    _bootstrap().ensure_database(load_demo_if_new=False)
    from circularcities.jobs.models import Job

    jobs = Job.objects.all()
    if args.status:
        jobs = jobs.filter(status=args.status)
    for job in jobs[: max(1, min(args.limit, 1000))]:
        print(_line(job))
    return 0


def cmd_cancel(args) -> int:
    job = _job(args.job_id)
    if job is None:
        return 1
    from circularcities.jobs import runner

    print(_line(runner.cancel(job)))
    return 0


def cmd_retry(args) -> int:
    job = _job(args.job_id)
    if job is None:
        return 1
    from circularcities.jobs import runner

    job = runner.retry(job)
    print(_line(job))
    return 0 if job.status != "failed" else 1


def spawn_workers(count: int) -> list[subprocess.Popen]:
    """Start ``count`` worker processes beside a web server (same environment)."""
    cmd = [sys.executable, "-c", "import sys; from circularcities.cli import main; sys.exit(main())",
           "worker"]
    # The worker stops by itself if this process dies without stopping it.
    env = {**os.environ, "CIRCULARCITIES_WORKER_PARENT": str(os.getpid())}
    return [subprocess.Popen(cmd, env=env) for _ in range(max(0, count))]


def stop_workers(procs: list[subprocess.Popen], grace: float = 10.0) -> None:
    """Ask each worker to stop after its current job; kill those still busy after ``grace``.

    A killed worker's job is taken back by the next worker (lease timeout)."""
    for proc in procs:
        if proc.poll() is None:
            proc.terminate()
    for proc in procs:
        try:
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def serve_gunicorn(host: str, port: int, workers: int, threads: int = 8) -> None:
    """Several web server processes (``serve --workers N``, Unix only).

    The web tier keeps no state of its own: sessions and the cache are in the
    database and files go through the storage API, so the processes (and other
    machines running the same command on the same database) are interchangeable."""
    from gunicorn.app.base import BaseApplication

    class App(BaseApplication):
        def load_config(self):
            for key, value in {
                "bind": f"{host}:{port}", "workers": max(1, workers), "threads": max(1, threads),
                "worker_class": "gthread", "timeout": 120, "graceful_timeout": 20,
                "accesslog": None, "errorlog": "-", "loglevel": "warning", "proc_name": "circularcities",
            }.items():
                self.cfg.set(key, value)

        def load(self):
            from django.core.wsgi import get_wsgi_application

            return get_wsgi_application()

    App().run()
