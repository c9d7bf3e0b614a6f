"""Throughput of the whole service: intake req/s, and jobs/s through the pipeline per worker count.

Starts its own redis-server, Celery workers and gunicorn (never the Redis on 6379), submits the
seed article N times over HTTP and waits for every job.

    python bench/load.py [--jobs 300] [--workers 1 2] [--clients 8] [--big-mb 10]

The big document (the seed repeated to --big-mb megabytes) shows one worker's time on a
document at the API's size limit: cleaning/quotes/summary in ms.

The intake figure here is bounded by this Python client; for the API alone use wrk against a
running API (MAX_QUEUED_JOBS raised): `wrk -t2 -c16 -d10s -s bench/post_seed.lua URL/v1/jobs`.
"""
from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "us-casualties-mount-in-iraq.txt"
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def spawn(argv: list[str], env: dict, log: Path) -> subprocess.Popen:
    with open(log, "ab") as out:
        return subprocess.Popen(argv, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)


def wait_for(url: str, check=lambda r: r.ok, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if check(requests.get(url, timeout=3)):
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} never became ready")


def run(n_workers: int, n_jobs: int, clients: int, tmp: Path, big_mb: float) -> dict:
    redis_port, api_port = free_port(), free_port()
    env = {**os.environ, "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0", "LOG_LEVEL": "WARNING",
           "MAX_QUEUED_JOBS": str(10 * n_jobs)}
    api = f"http://127.0.0.1:{api_port}"
    procs = [spawn([shutil.which("redis-server"), "--port", str(redis_port), "--save", "",
                    "--appendonly", "no"], env, tmp / "redis.log")]
    try:
        time.sleep(0.3)
        procs.append(spawn([str(BIN / "gunicorn"), "--bind", f"127.0.0.1:{api_port}", "-k", "gthread",
                            "--workers", "2", "--threads", "8", "services.api.wsgi:app"], env, tmp / "api.log"))
        for i in range(n_workers):
            procs.append(spawn([str(BIN / "celery"), "-A", "workers.celery_app", "worker",
                                "--concurrency=1", "-n", f"bench{i}@%h", "--loglevel=WARNING"],
                               env, tmp / f"worker{i}.log"))
        wait_for(f"{api}/readyz", lambda r: r.ok and len(r.json()["workers"]) == n_workers)
        return {**measure(api, n_jobs, clients), **big_document(api, big_mb)}
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in procs:
            proc.wait(timeout=30)


def measure(api: str, n_jobs: int, clients: int) -> dict:
    body = SEED.read_bytes()
    session = requests.Session()

    def post(_: int) -> tuple[str, float]:
        res = session.post(f"{api}/v1/jobs", data=body, headers={"Content-Type": "text/plain"}, timeout=30)
        res.raise_for_status()
        return res.json()["id"], time.monotonic()

    started = time.monotonic()
    with ThreadPoolExecutor(clients) as pool:
        submitted = list(pool.map(post, range(n_jobs)))
    intake_s = time.monotonic() - started
    latencies = []
    for job_id, t_submit in submitted:
        job = session.get(f"{api}/v1/jobs/{job_id}?wait=60", timeout=90).json()
        assert job["status"] == "succeeded", job
        end = max(s["finished_at"] for s in job["stages"])
        latencies.append(_seconds(end) - _seconds(job["created_at"]))
    total_s = time.monotonic() - started
    return {"jobs": n_jobs, "intake_req_s": round(n_jobs / intake_s, 1),
            "pipeline_jobs_s": round(n_jobs / total_s, 1),
            "latency_p50_s": round(statistics.median(latencies), 3),
            "latency_p95_s": round(statistics.quantiles(latencies, n=20)[18], 3)}


def big_document(api: str, megabytes: float) -> dict:
    """One large document through the whole pipeline: wall time and each stage's time."""
    seed = SEED.read_text(encoding="utf-8") + "\n\n"
    body = (seed * int(megabytes * 1e6 // len(seed.encode()))).encode()
    started = time.monotonic()
    res = requests.post(f"{api}/v1/jobs", data=body, headers={"Content-Type": "text/plain"}, timeout=60)
    job = requests.get(f"{api}/v1/jobs/{res.json()['id']}?wait=60", timeout=90).json()
    assert job["status"] == "succeeded", job
    return {"big_mb": round(len(body) / 1e6, 1), "big_wall_s": round(time.monotonic() - started, 2),
            "big_stage_ms": "/".join(str(s["duration_ms"]) for s in job["stages"])}


def _seconds(stamp: str) -> float:
    from datetime import datetime
    return datetime.fromisoformat(stamp.replace("Z", "+00:00")).timestamp()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=300)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--big-mb", type=float, default=10, help="size of the one large document")
    args = parser.parse_args()
    cols = ["jobs", "intake_req_s", "pipeline_jobs_s", "latency_p50_s", "latency_p95_s",
            "big_mb", "big_wall_s", "big_stage_ms"]
    print("\t".join(["workers", *cols]))
    for n in args.workers:
        with tempfile.TemporaryDirectory() as tmp:
            r = run(n, args.jobs, args.clients, Path(tmp), args.big_mb)
        print("\t".join([str(n), *(str(r[c]) for c in cols)]), flush=True)


if __name__ == "__main__":
    main()
