"""Shared by the page benchmarks: time a page against a baseline in the same run."""

from __future__ import annotations

import statistics
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


def measure(client: Client, url: str, repeat: int) -> tuple[float, int]:
    """Median seconds per request and the number of queries of one request."""
    resp = client.get(url)  # warm-up (templates, caches)
    assert resp.status_code == 200, (url, resp.status_code)
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        client.get(url)
        times.append(time.perf_counter() - t0)
    with CaptureQueriesContext(connection) as ctx:
        client.get(url)
    return statistics.median(times), len(ctx.captured_queries)
