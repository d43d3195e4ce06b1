"""Load test on loopback: concurrent clients against a running platform.

Sets up a throwaway database with the demo data, starts ``circularcities serve``
(one process, or several with gunicorn) with one job worker, then runs two
phases with the same clients: the baseline, a trivial view (``/healthz``: one
``SELECT 1``), and the mix: public pages, API reads and a few API writes
(a city editor's token changing Amsterdam's population). Prints requests/s,
p50/p95/p99 latency and errors for each.

    python bench/bench_load.py --clients 50 --seconds 60                       # SQLite, 1 process
    DATABASE_URL=postgresql://u:p@127.0.0.1:5432/cc python bench/bench_load.py --web-processes 3

With DATABASE_URL naming PostgreSQL, a database of its own is created next to
it and dropped at the end.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-c", "import sys; from circularcities.cli import main; sys.exit(main())"]
PAGES = ["/", "/cities/", "/cities/amsterdam/", "/cases/", "/cases/?q=food+waste", "/working-groups/",
         "/events/", "/marketplace/", "/zh-hans/cities/"]
API_READS = ["/api/cities", "/api/cities/amsterdam", "/api/cases/search?q=plastic", "/api/areas",
             "/api/events", "/api/working-groups"]
WRITE_SHARE = 0.02  # of requests in the mix; the rest split evenly between pages and API reads
TOKEN = """
from django.contrib.auth import get_user_model
from circularcities.accounts.models import ApiToken
print(ApiToken.issue(get_user_model().objects.get(username="amsterdam-editor"), "load test")[1])
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Result:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.errors = 0
        self.writes = 0

    def add(self, seconds: float, ok: bool, write: bool) -> None:
        with self.lock:
            self.latencies.append(seconds)
            self.errors += int(not ok)
            self.writes += int(write)


def client(port: int, seed: int, until: float, mix: bool, token: str, result: Result) -> None:
    rng = random.Random(seed)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    while time.monotonic() < until:
        write = False
        if not mix:
            method, path, body, headers = "GET", "/healthz", None, {}
        else:
            r = rng.random()
            if r < WRITE_SHARE:
                write = True
                method, path = "PATCH", "/api/cities/amsterdam"
                body = json.dumps({"population": rng.randrange(800_000, 1_000_000)})
                headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
            else:
                method, body, headers = "GET", None, {}
                path = rng.choice(PAGES if r < (1 + WRITE_SHARE) / 2 else API_READS)
        t0 = time.perf_counter()
        try:
            conn.request(method, path, body=body, headers=headers)
            resp = conn.getresponse()
            resp.read()
            ok = resp.status == 200
        except (OSError, http.client.HTTPException):
            ok = False
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        result.add(time.perf_counter() - t0, ok, write)
    conn.close()


def phase(port: int, clients: int, seconds: float, mix: bool, token: str) -> dict:
    result = Result()
    until = time.monotonic() + seconds
    threads = [threading.Thread(target=client, args=(port, 1000 + i, until, mix, token, result))
               for i in range(clients)]
    t0 = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - t0
    lat = sorted(result.latencies)
    q = statistics.quantiles(lat, n=100, method="inclusive") if len(lat) > 1 else [lat[0]] * 99
    return {"requests": len(lat), "rps": len(lat) / elapsed, "p50": q[49] * 1000, "p95": q[94] * 1000,
            "p99": q[98] * 1000, "errors": result.errors, "writes": result.writes}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=60.0, help="length of the mixed phase")
    ap.add_argument("--baseline-seconds", type=float, default=20.0, help="length of the /healthz phase")
    ap.add_argument("--web-processes", type=int, default=1)
    ap.add_argument("--threads", type=int, default=8, help="threads per web process")
    args = ap.parse_args(argv)

    home = Path(tempfile.mkdtemp(prefix="cc-load-"))
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update({"CIRCULARCITIES_HOME": str(home),
                "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")]),
                "LOG_LEVEL": "ERROR", "CIRCULARCITIES_SCHEDULE": "0",
                # All the clients share one loopback address, which the per-address API
                # limit (600 a minute by default) would answer with 429 after a few seconds.
                "API_REQUESTS_PER_MINUTE": "10000000"})
    admin = None
    url = env.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        import psycopg

        parts = urlsplit(url)
        name = f"{parts.path.lstrip('/') or 'cc'}_load_{uuid.uuid4().hex[:8]}"
        admin = (urlunsplit(parts._replace(path="/postgres")), name)
        with psycopg.connect(admin[0], autocommit=True) as c:
            c.execute(f'CREATE DATABASE "{name}"')
        env["DATABASE_URL"] = urlunsplit(parts._replace(path="/" + name))
    else:
        env.pop("DATABASE_URL", None)
    backend = "PostgreSQL" if admin else "SQLite"
    server = None
    try:
        subprocess.run([*CLI, "load-demo"], env=env, cwd=ROOT, check=True, capture_output=True)
        token = subprocess.run([*CLI, "manage", "shell", "-c", TOKEN], env=env, cwd=ROOT, check=True,
                               capture_output=True, text=True).stdout.strip().splitlines()[-1]
        port = free_port()
        server = subprocess.Popen([*CLI, "serve", "--port", str(port), "--workers", str(args.web_processes),
                                   "--threads", str(args.threads), "--job-workers", "1"],
                                  env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                  start_new_session=True)
        deadline = time.monotonic() + 120
        while True:
            try:
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                c.request("GET", "/healthz")
                if c.getresponse().status == 200:
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
        for path in PAGES + API_READS:  # warm up, and check the mix is all answerable
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            c.request("GET", path)
            status = c.getresponse().status
            assert status == 200, (path, status)
        print(f"{backend}, {args.web_processes} web process(es) x {args.threads} threads, "
              f"{args.clients} clients, loopback", flush=True)
        rows = [("/healthz", phase(port, args.clients, args.baseline_seconds, False, token)),
                ("mix", phase(port, args.clients, args.seconds, True, token))]
    finally:
        if server is not None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
        if admin:
            import psycopg

            with psycopg.connect(admin[0], autocommit=True) as c:
                c.execute(f'DROP DATABASE IF EXISTS "{admin[1]}" WITH (FORCE)')
    print("| load | requests | req/s | p50 ms | p95 ms | p99 ms | errors | writes |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, r in rows:
        print(f"| {name} | {r['requests']} | {r['rps']:.1f} | {r['p50']:.0f} | {r['p95']:.0f} | "
              f"{r['p99']:.0f} | {r['errors']} | {r['writes']} |")
    base, mix = rows[0][1], rows[1][1]
    print(f"mix / healthz: throughput {mix['rps'] / base['rps']:.3f}, p50 {mix['p50'] / base['p50']:.2f} x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
