"""Load from outside over HTTP: submit documents, long-poll their jobs, time each from POST to finished.

Works against docpipe and against the framework ceiling app (bench/ceiling_app.py) alike: both
answer POST /v1/jobs with 202 and an id, and GET /v1/jobs/<id>?wait=N when the job is done.
One keep-alive connection per client thread (http.client: the client's own cost stays small
beside the service's).
"""
from __future__ import annotations

import http.client
import statistics
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from typing import Callable
from urllib.parse import urlsplit

import orjson

WAIT_SECONDS = 30


class Client:
    """A JSON client with one keep-alive connection per thread."""

    def __init__(self, base: str):
        url = urlsplit(base)
        self.host, self.port = url.hostname, url.port
        self.local = threading.local()

    def request(self, method: str, path: str, body: bytes | None = None,
                headers: dict | None = None, timeout: float = 60) -> tuple[int, dict]:
        reused = getattr(self.local, "conn", None) is not None
        conn = self.local.conn if reused else http.client.HTTPConnection(self.host, self.port)
        self.local.conn, conn.timeout = conn, timeout
        if conn.sock is not None:
            conn.sock.settimeout(timeout)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            res = conn.getresponse()
            # orjson: the load generator shares the machine with the service; the 254 KB answer
            # of a 100 KB document took json 4.5 ms of CPU to decode, orjson 1.2 ms.
            return res.status, orjson.loads(res.read() or b"{}")
        except (http.client.HTTPException, OSError) as exc:
            conn.close()
            self.local.conn = None
            if reused and isinstance(exc, (http.client.RemoteDisconnected, ConnectionResetError,
                                           BrokenPipeError)):
                # The server closed a keep-alive connection that sat idle: nothing was read of
                # this request, so it goes again on a new connection.
                return self.request(method, path, body, headers, timeout)
            raise

    def submit(self, body: bytes, content_type: str = "text/plain") -> str:
        status, job = self.request("POST", "/v1/jobs", body, {"Content-Type": content_type})
        if status != 202:
            raise RuntimeError(f"POST answered {status}: {job}")
        return job["id"]

    def wait(self, job_id: str, timeout: float = 600, poll: int = WAIT_SECONDS,
             check: Callable[[], None] = lambda: None) -> dict:
        """The finished job; long-polls again until ``timeout`` (a 10 MB job on one busy process),
        calling ``check`` (which may raise) between polls."""
        deadline = time.monotonic() + timeout
        while True:
            check()
            status, job = self.request("GET", f"/v1/jobs/{job_id}?wait={poll}", timeout=poll + 30)
            if status == 200 and job.get("status") == "succeeded":
                return job
            if status != 200 or job.get("status") in ("failed", "cancelled") or time.monotonic() > deadline:
                raise RuntimeError(f"job {job_id} answered {status}: {str(job)[:300]}")


def span(job: dict) -> tuple[float, float]:
    """(created, finished) in epoch seconds, from the service's own clock."""
    if "stages" in job:  # docpipe
        return _epoch(job["created_at"]), max(_epoch(s["finished_at"]) for s in job["stages"])
    return job["created"], job["finished"]


def throughput(api: str, bodies: list[bytes], clients: int = 8) -> dict:
    """Post every body from ``clients`` threads, long-poll every job: a sample (see summary).

    The time counts from the first job's creation to the last one's end (the service's clock),
    so the client's own polling order does not count; latency is each job's POST to finished.
    """
    client = Client(api)
    with ThreadPoolExecutor(clients) as pool:
        ids = list(pool.map(client.submit, bodies))
        spans = [span(job) for job in pool.map(client.wait, ids)]
    first, last = min(s[0] for s in spans), max(s[1] for s in spans)
    return {"jobs": len(bodies), "seconds": last - first, "latencies": [end - start for start, end in spans]}


def idle_latency(api: str, bodies: list[bytes]) -> dict:
    """One job at a time: POST, then GET ?wait; the client's time for the pair. A sample."""
    client = Client(api)
    times = []
    for body in bodies:
        started = time.perf_counter()
        client.wait(client.submit(body))
        times.append(time.perf_counter() - started)
    return {"jobs": len(bodies), "seconds": sum(times), "latencies": times}


def summary(samples: list[dict]) -> dict:
    """Samples taken in turns with other sides, as one figure: jobs/s over all, p50/p90/p99 in ms."""
    latencies = [t for s in samples for t in s["latencies"]]
    cuts = statistics.quantiles(latencies, n=100, method="inclusive") if len(latencies) > 1 else latencies * 99
    jobs = sum(s["jobs"] for s in samples)
    return {"jobs": jobs, "jobs_s": jobs / sum(s["seconds"] for s in samples),
            "p50_ms": 1000 * statistics.median(latencies), "p90_ms": 1000 * cuts[89],
            "p99_ms": 1000 * cuts[98]}


def _epoch(stamp: str) -> float:
    return datetime.fromisoformat(stamp.replace("Z", "+00:00")).timestamp()
