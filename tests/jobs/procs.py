"""Run the platform as separate processes for tests: a throwaway database (an SQLite
file, or a PostgreSQL database of its own when DATABASE_URL names PostgreSQL),
``circularcities`` commands on it, and a look at its job rows."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[2]
CLI = [sys.executable, "-c", "import sys; from circularcities.cli import main; sys.exit(main())"]
# Run by `circularcities manage shell -c` (Django set up as the command line does).
ENQUEUE = """
import json, os
from circularcities.jobs import runner
print(json.dumps([str(runner.start(s.get("kind", "test"), s["func"], s["params"]).pk)
                  for s in json.loads(os.environ["CC_TEST_JOBS"])]))
"""


def postgres_url() -> str | None:
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Platform:
    def __init__(self, home: Path):
        self.home = home
        self.procs: list[subprocess.Popen] = []
        base = postgres_url()
        self.pg_url = None
        # Without DJANGO_SETTINGS_MODULE the command line uses the platform's own settings.
        env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
        if base:
            parts = urlsplit(base)
            self.pg_name = f"{parts.path.lstrip('/') or 'cc'}_proc_{uuid.uuid4().hex[:8]}"
            self.pg_admin = urlunsplit(parts._replace(path="/postgres"))
            self.pg_url = urlunsplit(parts._replace(path="/" + self.pg_name))
            self._pg(f'CREATE DATABASE "{self.pg_name}"')
            env["DATABASE_URL"] = self.pg_url
        env.update({
            "CIRCULARCITIES_HOME": str(home), "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)]),
            "CIRCULARCITIES_JOBS_INLINE": "0", "CIRCULARCITIES_JOBS_HEARTBEAT": "1",
            "CIRCULARCITIES_JOBS_LEASE": "4", "CIRCULARCITIES_JOBS_HOUSEKEEPING": "1",
            "CIRCULARCITIES_JOBS_RETRY_BACKOFF": "0", "CIRCULARCITIES_SCHEDULE": "0",
            "LOG_LEVEL": "WARNING", "PYTHONUNBUFFERED": "1",
        })
        self.env = env
        self.cli("setup", timeout=300)

    @property
    def backend(self) -> str:
        return "postgresql" if self.pg_url else "sqlite"

    def _pg(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.pg_admin, autocommit=True) as conn:
            conn.execute(sql)

    def cli(self, *args, input: str | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
        done = subprocess.run([*CLI, *args], env=self.env, cwd=ROOT, input=input, text=True,
                              capture_output=True, timeout=timeout)
        assert done.returncode == 0, done.stderr[-2000:]
        return done

    def start(self, *args, name: str, extra_env: dict | None = None) -> subprocess.Popen:
        log = open(self.home / f"{name}.log", "w")  # noqa: SIM115 - closed with the process
        proc = subprocess.Popen([*CLI, *args], env={**self.env, **(extra_env or {})}, cwd=ROOT,
                                stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        proc.log_path = self.home / f"{name}.log"  # type: ignore[attr-defined]
        self.procs.append(proc)
        return proc

    def start_worker(self, name: str, **extra_env) -> subprocess.Popen:
        proc = self.start("worker", "--interval", "0.2", name=name, extra_env=extra_env)
        wait_for(lambda: "waiting for jobs" in proc.log_path.read_text() or proc.poll() is not None,
                 60, f"{name} to start")
        assert proc.poll() is None, proc.log_path.read_text()[-2000:]
        return proc

    def enqueue(self, *specs: dict) -> list[str]:
        # The platform's settings, not the test settings pytest names (jobs inline).
        done = subprocess.run([*CLI, "manage", "shell", "-c", ENQUEUE], cwd=ROOT, text=True,
                              env={**self.env, "CC_TEST_JOBS": json.dumps(list(specs))},
                              capture_output=True, timeout=120)
        assert done.returncode == 0, done.stderr[-2000:]
        return json.loads(done.stdout.strip().splitlines()[-1])

    def sql(self, query: str, params=()) -> list[tuple]:
        if self.pg_url:
            import psycopg

            with psycopg.connect(self.pg_url) as conn:
                return conn.execute(query.replace("?", "%s"), params).fetchall()
        import sqlite3

        with sqlite3.connect(self.home / "circularcities.sqlite3", timeout=20) as conn:
            return conn.execute(query, params).fetchall()

    def job(self, job_id: str) -> dict:
        key = job_id if self.pg_url else job_id.replace("-", "")
        rows = self.sql("SELECT status, attempt, worker, progress, error, result FROM jobs_job "
                        "WHERE id = ?", (key,))
        status, attempt, worker, progress, error, result = rows[0]
        if isinstance(result, str):
            result = json.loads(result)
        return {"status": status, "attempt": attempt, "worker": worker, "progress": progress,
                "error": error, "result": result}

    def wait_job(self, job_id: str, until, timeout: float, what: str) -> dict:
        state: dict = {}

        def check():
            state.update(self.job(job_id))
            return until(state)

        wait_for(check, timeout, f"job {what}", lambda: f"{state}\n{self.logs()}")
        return state

    def logs(self) -> str:
        return "\n".join(f"--- {p.args[-1]} {p.pid}\n" + p.log_path.read_text()[-1500:]  # type: ignore[attr-defined]
                         for p in self.procs)

    def stop(self) -> None:
        """Stop every process started so far (the database stays)."""
        procs, self.procs = self.procs, []
        for proc in procs:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc in procs:
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()

    def close(self) -> None:
        self.stop()
        if self.pg_url:
            import psycopg

            # FORCE cannot end an autovacuum worker that happens to be on the database (it runs
            # as the superuser): wait for it to finish and try again.
            for attempt in range(20):
                try:
                    self._pg(f'DROP DATABASE IF EXISTS "{self.pg_name}" WITH (FORCE)')
                    return
                except psycopg.errors.InsufficientPrivilege:
                    if attempt == 19:
                        raise
                    time.sleep(0.5)


def wait_for(predicate, timeout: float, what: str, details=lambda: "") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}\n{details()}")


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie (killed, not yet reaped by its parent) is not alive
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except OSError:
        return False
