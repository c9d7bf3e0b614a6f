"""Fault report: start a real stack on this machine, break it each way issue 10 lists, and print
what became of the jobs.

    .venv/bin/python bench/faults.py            # every scenario (~10 min on 2 cores)
    .venv/bin/python bench/faults.py --quick    # fewer jobs and kills
    .venv/bin/python bench/faults.py redis-load slow-clients

The stack is the one the end-to-end tests start (tests/e2e/conftest.py): a private redis-server
with AOF as compose runs it (appendfsync everysec), gunicorn as configured for production, Celery
workers. Columns: jobs accepted (202), succeeded, failed (by reason), unfinished (still queued or
running at the end), gone (404: accepted in the last second before a Redis crash, which AOF
everysec may lose), twice (a stage whose output was stored twice, from the worker logs), and
recover (seconds from the last fault until every job had finished).
"""
from __future__ import annotations

import argparse
import os
import re
import signal
import socket
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.documents import SEED, docx_bomb  # noqa: E402
from tests.e2e.conftest import Service, running_service  # noqa: E402

ENV = {"STAGE_TIME_LIMIT_SECONDS": "60", "RECONCILE_INTERVAL_SECONDS": "5",
       "WORKER_MAX_MEMORY_MB": "700"}
# The poison scenario's workers may use less: the 9 MB document of redis-midstage needs ~300 MB.
POISON_ENV = {**ENV, "WORKER_MAX_MEMORY_MB": "250"}
FINISHED = ("succeeded", "failed", "cancelled")
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class Report:
    def __init__(self) -> None:
        self.rows: list[dict] = []

    def add(self, scenario: str, **figures) -> None:
        self.rows.append({"scenario": scenario, **figures})
        print(f"  -> {figures}", flush=True)

    def print(self) -> None:
        cols = ["scenario", "accepted", "succeeded", "failed", "unfinished", "gone", "twice",
                "recover_s", "note"]
        table = [[str(row.get(c, "")) for c in cols] for row in self.rows]
        widths = [max(len(c), *(len(r[i]) for r in table)) for i, c in enumerate(cols)]
        print("\n" + "  ".join(c.ljust(w) for c, w in zip(cols, widths)))
        for r in table:
            print("  ".join(v.ljust(w) for v, w in zip(r, widths)))


# -- clients ---------------------------------------------------------------------------------

def submit(svc: Service, key: str, deadline: float, data: bytes, content_type: str) -> str | None:
    """POST until a 202 (503s and refused connections are retried, as a client should)."""
    headers = {"Idempotency-Key": key, "Content-Type": content_type}
    while time.monotonic() < deadline:
        try:
            res = requests.post(f"{svc.url}/v1/jobs", data=data, headers=headers, timeout=30)
        except requests.RequestException:
            time.sleep(0.3)
            continue
        if res.status_code == 202:
            return res.json()["id"]
        if res.status_code not in (429, 503):
            print(f"  {key}: {res.status_code} {res.text[:200]}", flush=True)
            return None
        time.sleep(0.3)
    return None


def submit_many(svc: Service, count: int, tag: str, data: bytes | None = None) -> list[str]:
    data = data or SEED.read_bytes()
    deadline = time.monotonic() + 300
    with ThreadPoolExecutor(8) as pool:
        ids = pool.map(lambda i: submit(svc, f"{tag}-{i}", deadline, data, "text/plain"), range(count))
    return [i for i in ids if i]


def settle(svc: Service, ids: list[str], timeout: float) -> tuple[dict, float]:
    """Wait until every job has finished (or the time is up); the outcome and when it ended."""
    deadline = time.monotonic() + timeout
    jobs: dict[str, dict | None] = {}
    pending = list(ids)
    while pending and time.monotonic() < deadline:
        still = []
        for job_id in pending:
            try:
                res = requests.get(f"{svc.url}/v1/jobs/{job_id}", timeout=10)
            except requests.RequestException:
                still.append(job_id)
                continue
            if res.status_code == 404:
                jobs[job_id] = None
            elif res.status_code == 200 and res.json()["status"] in FINISHED:
                jobs[job_id] = res.json()
            else:
                still.append(job_id)
        pending = still
        if pending:
            time.sleep(1)
    ended = time.monotonic()
    done = [j for j in jobs.values() if j]
    reasons = Counter(j["error"]["type"] for j in done if j["status"] == "failed")
    return {"accepted": len(ids), "succeeded": sum(j["status"] == "succeeded" for j in done),
            "failed": dict(reasons) or 0, "unfinished": len(pending),
            "gone": sum(1 for j in jobs.values() if j is None),
            "twice": stored_twice(svc)}, ended


def stored_twice(svc: Service) -> int:
    """Stages whose output was stored more than once, counted from the workers' logs."""
    done = Counter()
    for log in Path(svc.logdir).glob("*.log"):
        for match in re.finditer(r"job (\w+): (\w+) done in", log.read_text(errors="replace")):
            done[match.groups()] += 1
    return sum(1 for n in done.values() if n > 1)


# -- faults ----------------------------------------------------------------------------------

def kill_redis(svc: Service, down_seconds: float = 1.0) -> None:
    svc.redis.stop(signal.SIGKILL)
    time.sleep(down_seconds)
    svc.redis.start()


def ready_after(svc: Service, since: float, timeout: float = 120) -> float:
    """Seconds from ``since`` until /readyz says Redis and a worker answer again."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if requests.get(f"{svc.url}/readyz", timeout=5).ok:
                break
        except requests.RequestException:
            pass
        time.sleep(0.1)
    return round(time.monotonic() - since, 1)


def pool_children(svc: Service, name: str) -> list[int]:
    main = svc.workers[name].pid
    with open(f"/proc/{main}/task/{main}/children") as f:
        return [int(pid) for pid in f.read().split()]


def wait_for_stage(svc: Service, job_id: str, stage: str, timeout: float = 120) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = requests.get(f"{svc.url}/v1/jobs/{job_id}", timeout=10).json()
        if any(s["name"] == stage and s["status"] == "running" for s in job["stages"]):
            return True
        time.sleep(0.1)
    return False


def restart_dead_workers(svc: Service) -> None:
    """What `make worker` and compose do: a worker whose main process died is started again."""
    for name, proc in list(svc.workers.items()):
        if proc.poll() is not None:
            svc.workers.pop(name)
            svc.start_worker(name + "r", concurrency=2)


# -- scenarios -------------------------------------------------------------------------------

def worker_main(svc: Service, report: Report, quick: bool) -> None:
    svc.start_worker("m1", concurrency=2)
    svc.start_worker("m2", concurrency=2)
    ids = submit_many(svc, 60 if quick else 200, "main")
    time.sleep(2)
    main = svc.workers.pop("m1")
    os.kill(main.pid, signal.SIGKILL)  # the main process only; its pool is orphaned
    main.wait()
    killed = time.monotonic()
    svc.start_worker("m3", concurrency=2)
    outcome, ended = settle(svc, ids, 600)
    report.add("worker SIGKILL (main)", **outcome, recover_s=round(ended - killed, 1))


def worker_child(svc: Service, report: Report, quick: bool) -> None:
    svc.start_worker("c1", concurrency=2)
    ids = submit_many(svc, 60 if quick else 200, "child")
    for _ in range(3):
        time.sleep(1.5)
        for pid in pool_children(svc, "c1"):
            os.kill(pid, signal.SIGKILL)  # what the OOM killer does
    killed = time.monotonic()
    outcome, ended = settle(svc, ids, 600)
    report.add("worker SIGKILL (pool children x3)", **outcome, recover_s=round(ended - killed, 1))


def redis_load(svc: Service, report: Report, quick: bool) -> None:
    svc.start_worker("r1", concurrency=2)
    ids: list[str] = []
    count = 100 if quick else 300
    submitting = threading.Thread(target=lambda: ids.extend(submit_many(svc, count, "load")))
    submitting.start()
    kills = 2 if quick else 5
    for _ in range(kills):
        time.sleep(3)
        kill_redis(svc)
    back = time.monotonic()
    restart_dead_workers(svc)
    ready = ready_after(svc, back)
    submitting.join()
    outcome, ended = settle(svc, ids, 900)
    report.add(f"Redis SIGKILL x{kills} under load", **outcome, recover_s=round(ended - back, 1),
               note=f"{count} submitted; ready again {ready} s after the last restart")


def redis_midstage(svc: Service, report: Report, quick: bool) -> None:
    svc.start_worker("big", concurrency=1)
    big = ((SEED.read_text(encoding="utf-8") + "\n\n") * 2200).encode()  # ~9 MB
    job_id = submit(svc, "big", time.monotonic() + 60, big, "text/plain")
    notes = []
    for stage in (["quotes"] if quick else ["cleaning", "quotes", "summary"]):
        if wait_for_stage(svc, job_id, stage):
            time.sleep(0.5)
            kill_redis(svc)
            notes.append(stage)
            restart_dead_workers(svc)
    back = time.monotonic()
    outcome, ended = settle(svc, [job_id], 900)
    report.add("Redis SIGKILL mid-stage, 9 MB", **outcome, recover_s=round(ended - back, 1),
               note="killed during " + ", ".join(notes))


def poison(svc: Service, report: Report, quick: bool) -> None:
    svc.start_worker("p1", concurrency=2)
    documents = {
        # ~100 MB of XML in an ~8 MB zip (ratio ~12): under the upload limit and any ratio limit.
        "docx-bomb": (docx_bomb(40 if quick else 100), DOCX),
        "deep-html": (b"<html><body>" + b"<div>" * 100_000 + b"Deep text." + b"</div>" * 100_000
                      + b"</body></html>", "text/html"),
        "pdf-garbage": (b"%PDF-1.7\n" + os.urandom(200_000), "application/pdf"),
    }
    ids, names = [], {}
    deadline = time.monotonic() + 120
    for name, (data, ctype) in documents.items():
        job_id = submit(svc, name, deadline, data, ctype)
        if job_id:
            ids.append(job_id)
            names[job_id] = name
    ids += submit_many(svc, 20, "beside")
    peak = watch_memory(svc, "p1", ids)
    outcome, _ = settle(svc, ids, 600)
    reasons = []
    for job_id, name in names.items():
        job = requests.get(f"{svc.url}/v1/jobs/{job_id}", timeout=10).json()
        reasons.append(f"{name}: {job['status']}"
                       + (f" {job['error']['type']} ({job['error']['detail'][:60]})" if job["error"] else ""))
    report.add("poison documents + 20 normal", **outcome,
               note=f"pool RSS peak {peak} MB; " + "; ".join(reasons))


def watch_memory(svc: Service, name: str, ids: list[str], timeout: float = 600) -> int:
    """The highest RSS any pool process of the worker reached while the jobs ran (MB)."""
    peak, deadline = 0, time.monotonic() + timeout
    while time.monotonic() < deadline:
        for pid in pool_children(svc, name):
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            rss = int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) // 1024
            peak = max(peak, rss)
        states = [requests.get(f"{svc.url}/v1/jobs/{i}", timeout=10).json()["status"] for i in ids[:3]]
        if all(s in FINISHED for s in states):
            break
        time.sleep(0.2)
    return peak


def trickle(url: str, count: int, stop: threading.Event) -> list[socket.socket]:
    """``count`` connections that send headers promising 100,000 bytes, then a byte a second."""
    host, port = url[7:].split(":")
    socks = []
    for _ in range(count):
        sock = socket.create_connection((host, int(port)))
        sock.sendall(b"POST /v1/jobs HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                     b"Content-Length: 100000\r\n\r\n")
        socks.append(sock)

    def drip() -> None:
        while not stop.wait(1):
            for sock in socks:
                try:
                    sock.send(b"a")
                except OSError:
                    pass

    threading.Thread(target=drip, daemon=True).start()
    return socks


PROBE_TIMEOUT_SECONDS = 5


def probe(url: str, count: int, path: str = "/healthz", **post) -> list[float]:
    """Seconds each of ``count`` requests took (a timeout counts as PROBE_TIMEOUT_SECONDS):
    GET ``path``, or a POST to it with ``post`` as the request's arguments."""
    times = []
    for _ in range(count):
        started = time.perf_counter()
        try:
            if post:
                requests.post(f"{url}{path}", timeout=PROBE_TIMEOUT_SECONDS, **post)
            else:
                requests.get(f"{url}{path}", timeout=PROBE_TIMEOUT_SECONDS)
            times.append(time.perf_counter() - started)
        except requests.RequestException:
            times.append(PROBE_TIMEOUT_SECONDS)
    return times


def p99(times: list[float]) -> float:
    return sorted(times)[max(0, int(len(times) * 0.99) - 1)] * 1000


def slow_clients(svc: Service, report: Report, quick: bool, workdir: Path) -> None:
    count = 200
    for label, args in (("gevent (services.gunicorn_conf)", ()),
                        ("gthread 2x16 (before)", ("--worker-class", "gthread", "--threads", "16"))):
        apidir = workdir / label.split()[0]
        apidir.mkdir()
        with running_service(apidir, **ENV) as api:
            if args:
                api.stop()
                api.start_api(*args)
            stop = threading.Event()
            baseline = probe(api.url, 50)
            post_baseline = probe(api.url, 50 if not args else 4, "/v1/jobs",
                                  json={"text": "A normal request beside the slow ones."})
            socks = trickle(api.url, count, stop)
            time.sleep(2)
            loaded = probe(api.url, (100 if quick else 300) if not args else 12)
            posts = probe(api.url, (50 if quick else 100) if not args else 4, "/v1/jobs",
                          json={"text": "A normal request beside the slow ones."})
            stop.set()
            for sock in socks:
                sock.close()
            report.add(f"{count} slow clients, {label}",
                       note=f"/healthz p50 {statistics.median(loaded) * 1000:.0f} ms, p99 "
                            f"{p99(loaded):.0f} ms (idle p99 {p99(baseline):.0f} ms); "
                            f"{sum(t >= PROBE_TIMEOUT_SECONDS for t in loaded)}/{len(loaded)} timed out; "
                            f"POST /v1/jobs p99 {p99(posts):.0f} ms (idle {p99(post_baseline):.0f} ms)")


SCENARIOS = {"worker-main": worker_main, "worker-child": worker_child, "redis-load": redis_load,
             "redis-midstage": redis_midstage, "poison": poison, "slow-clients": slow_clients}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("scenarios", nargs="*", help=", ".join(SCENARIOS))
    args = parser.parse_args()
    unknown = set(args.scenarios) - set(SCENARIOS)
    if unknown:
        parser.error(f"unknown scenarios: {', '.join(sorted(unknown))}")
    report = Report()
    with tempfile.TemporaryDirectory(prefix="faults-") as tmp:
        for name in args.scenarios or SCENARIOS:
            print(f"{name}…", flush=True)
            workdir = Path(tmp) / name
            workdir.mkdir()
            if name == "slow-clients":
                slow_clients(None, report, args.quick, workdir)
                continue
            persistent = name.startswith("redis")
            env = POISON_ENV if name == "poison" else ENV
            with running_service(workdir, persistent_redis=persistent, fsync="everysec", **env) as svc:
                SCENARIOS[name](svc, report, args.quick)
    report.print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
