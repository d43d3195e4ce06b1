"""Workers and web servers as real processes on one database: a worker killed
mid-job, scheduled jobs with two workers, two web servers and two workers.

Each test module run sets up its own database (SQLite file, or a PostgreSQL
database of its own when DATABASE_URL names PostgreSQL)."""

from __future__ import annotations

import json
import os
import signal
import time
from http.cookiejar import CookieJar
from urllib.parse import urlencode
from urllib.request import HTTPCookieProcessor, Request, build_opener

import pytest

from tests.jobs.procs import Platform, free_port, pid_alive, postgres_url, wait_for

SLOW = "tests.jobs.jobfuncs.slow"
COUNT = "tests.jobs.jobfuncs.counting"


@pytest.fixture(scope="module")
def platform(tmp_path_factory):
    p = Platform(tmp_path_factory.mktemp("platform"))
    yield p
    p.close()


@pytest.fixture(autouse=True)
def own_processes(platform):
    """Each test starts its own servers and workers and stops them at its end."""
    yield
    platform.stop()


def _slow(tmp_path, name="pid", steps=30, step=0.3) -> dict:
    return {"func": SLOW, "params": {"steps": steps, "step": step, "pidfile": str(tmp_path / name)}}


def _running(state) -> bool:
    return state["status"] == "running" and state["progress"] > 0


def test_killed_worker_job_finishes_in_the_other_worker(platform, tmp_path):
    a = platform.start_worker("kill-a")
    b = platform.start_worker("kill-b")
    [job] = platform.enqueue(_slow(tmp_path))
    platform.wait_job(job, _running, 60, "running")
    victim = int((tmp_path / "pid").read_text())
    survivor = {a.pid, b.pid} - {victim}
    assert len(survivor) == 1, (victim, a.pid, b.pid)
    os.kill(victim, signal.SIGKILL)
    state = platform.wait_job(job, lambda s: s["status"] in ("done", "failed"), 90, "finished")
    assert state["status"] == "done" and state["attempt"] == 2
    assert state["result"]["pid"] == survivor.pop()
    assert "stopped responding" in state["error"]


def test_job_of_a_killed_worker_finishes_after_a_restart(platform, tmp_path):
    """The embedded default's case: one worker, killed, started again."""
    first = platform.start_worker("restart-1")
    [job] = platform.enqueue(_slow(tmp_path, steps=20, step=0.3))
    platform.wait_job(job, _running, 60, "running")
    first.send_signal(signal.SIGKILL)
    first.wait()
    second = platform.start_worker("restart-2")
    state = platform.wait_job(job, lambda s: s["status"] in ("done", "failed"), 90, "finished")
    assert (state["status"], state["attempt"], state["result"]["pid"]) == ("done", 2, second.pid)


def test_scheduled_reminders_run_once_with_two_workers(platform):
    workers = [platform.start_worker(f"sched-{i}", CIRCULARCITIES_SCHEDULE="1") for i in range(2)]

    def reminder_jobs():
        return platform.sql("SELECT status FROM jobs_job WHERE kind = 'plans.remind'")

    wait_for(lambda: [r[0] for r in reminder_jobs()] == ["done"], 60, "the reminders job",
             platform.logs)
    # Both workers keep looking (housekeeping every second); still one job, one occurrence.
    time.sleep(4)
    assert all(w.poll() is None for w in workers)
    assert len(reminder_jobs()) == 1
    assert platform.sql("SELECT COUNT(*) FROM jobs_scheduledrun WHERE name = 'plans-remind'") == [(1,)]


class Web:
    """A browser-like client for one server (its own cookies)."""

    def __init__(self, port: int, jar: CookieJar):
        self.base = f"http://127.0.0.1:{port}"
        self.jar = jar
        self.opener = build_opener(HTTPCookieProcessor(jar))

    def get(self, path: str):
        with self.opener.open(self.base + path, timeout=30) as resp:
            return resp.status, resp.read()

    def post(self, path: str, data: dict | None = None, headers: dict | None = None):
        req = Request(self.base + path, data=urlencode(data or {}).encode(), method="POST",
                      headers={"Referer": self.base + path, **(headers or {})})
        with self.opener.open(req, timeout=30) as resp:
            return resp.status, resp.read()

    def csrf(self) -> str:
        return next(c.value for c in self.jar if c.name == "csrftoken")

    def up(self) -> bool:
        try:
            return self.get("/healthz")[0] == 200
        except OSError:
            return False


def wait_until_serving(web: list[Web], platform) -> None:
    for w in web:
        wait_for(w.up, 90, f"{w.base} to serve", platform.logs)


@pytest.mark.skipif(not postgres_url(), reason="needs DATABASE_URL naming PostgreSQL")
def test_two_web_servers_and_two_workers_share_the_queue(platform, tmp_path):
    platform.cli("create-secretariat", "opsadmin", "--password-stdin", input="Pw-for-ops-2026!\n")
    ports = [free_port(), free_port()]
    # One gunicorn server with two processes, one waitress server; each starts one worker.
    servers = [
        platform.start("serve", "--port", str(ports[0]), "--workers", "2", "--threads", "4", name="web-1"),
        platform.start("serve", "--port", str(ports[1]), "--threads", "4", name="web-2"),
    ]
    jar = CookieJar()
    web = [Web(p, jar) for p in ports]  # one browser: the same cookies on both servers
    wait_until_serving(web, platform)
    # Each server's worker writes to the server's log: both must be ready before the jobs
    # come, or the first could run both slow jobs one after the other.
    wait_for(lambda: all("waiting for jobs" in s.log_path.read_text() for s in servers), 90,
             "the servers' workers to start", platform.logs)

    # The queue is first in, first out: the two slow jobs take both workers, the quick
    # ones wait for the one that is not killed.
    [slow] = platform.enqueue(_slow(tmp_path, "slow", steps=60, step=0.3))
    [long] = platform.enqueue(_slow(tmp_path, "long", steps=600, step=0.2))
    quick = platform.enqueue(*[{"func": COUNT, "params": {"n": 3}} for _ in range(6)])

    def status(job_id, i=0):
        return json.loads(web[i % 2].get(f"/jobs/{job_id}.json")[1])

    wait_for(lambda: (tmp_path / "slow").exists() and (tmp_path / "long").exists(),
             90, "both slow jobs to start", platform.logs)
    assert status(slow)["status"] == "running"
    victim = int((tmp_path / "slow").read_text())
    other = int((tmp_path / "long").read_text())
    assert victim != other
    os.kill(victim, signal.SIGKILL)

    # Sign in on server 1, cancel the long job through the API of server 2: the
    # session is in the shared database, so server 2 knows who this is.
    web[0].get("/accounts/login/")
    web[0].post("/accounts/login/", {"username": "opsadmin", "password": "Pw-for-ops-2026!",
                                     "csrfmiddlewaretoken": web[0].csrf()})
    code, body = web[1].post(f"/api/jobs/{long}/cancel", headers={"X-CSRFToken": web[0].csrf()})
    assert code == 200 and json.loads(body)["cancel_requested"] is True

    wait_for(lambda: status(long)["status"] == "cancelled", 30, "the cancel", platform.logs)
    wait_for(lambda: all(status(j, i)["status"] == "done" for i, j in enumerate([*quick, slow])),
             180, "every job to finish", platform.logs)
    after = status(slow, 1)
    assert after["attempt"] == 2 and after["result"]["pid"] == other  # the surviving worker
    assert status(long)["result"] is None

    # Stopping the servers stops the workers they started.
    for server in servers:
        server.send_signal(signal.SIGTERM)
    for server in servers:
        server.wait(timeout=30)
    wait_for(lambda: not pid_alive(other), 30, "the servers' workers to stop", platform.logs)


@pytest.mark.skipif(not postgres_url(), reason="needs DATABASE_URL naming PostgreSQL")
def test_an_edit_through_one_server_is_found_by_the_others_search(platform):
    """Search is consistent across processes: each keeps its own index and follows
    the version the database holds, so an edit made through one server is found by
    the next query to the other."""
    platform.cli("load-demo", timeout=600)
    platform.cli("create-secretariat", "searchadmin", "--password-stdin", input="Pw-for-search-2026!\n")
    ports = [free_port(), free_port()]
    for i, port in enumerate(ports):
        platform.start("serve", "--port", str(port), "--threads", "4", "--job-workers", "0", name=f"search-{i}")
    jar = CookieJar()
    web = [Web(p, jar) for p in ports]
    wait_until_serving(web, platform)

    def hits(w, q):
        return json.loads(w.get(f"/api/cases/search?q={q}")[1])

    word = "Zuidwesterkwartier"  # no case mentions it before the edit
    assert hits(web[1], word) == []  # server 2 has built its index and found nothing
    assert any(h["city"] == "Amsterdam" for h in hits(web[1], "Amsterdam"))

    web[0].get("/accounts/login/")
    web[0].post("/accounts/login/", {"username": "searchadmin", "password": "Pw-for-search-2026!",
                                     "csrfmiddlewaretoken": web[0].csrf()})
    req = Request(web[0].base + "/api/cities/amsterdam", method="PATCH",
                  data=json.dumps({"name_en": f"Amsterdam {word}"}).encode(),
                  headers={"Content-Type": "application/json", "X-CSRFToken": web[0].csrf(),
                           "Referer": web[0].base + "/"})
    with web[0].opener.open(req, timeout=30) as resp:
        assert resp.status == 200

    found = hits(web[1], word)
    assert found and {h["city"] for h in found} == {f"Amsterdam {word}"}
