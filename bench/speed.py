"""docpipe's speed beside the framework ceiling and the in-process loop, side by side in one run.

    .venv/bin/python bench/speed.py [--quick] [--out bench/results]

1. small documents: docpipe vs the ceiling app (bench/ceiling_app.py, run the same way) vs the
   three stages in a loop: jobs/s, p50/p99 from POST to finished, and idle latency;
2. documents of 4 KB to 10 MB through W = 1, 2, 4 worker processes vs the loop;
3. intake alone: docpipe's POST vs the ceiling's bare enqueue-and-202 handler (wrk, then paced);
4. each stage's MB/s from 1 KB to 10 MB, with the fitted exponent.
Writes results.md, results.json and PNG plots to --out; logs of every process go to --out/logs.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

import corpus
import inprocess
import intake
import load
import report
import roundtrips
from stack import ROOT, Stack, stop_on_sigterm

PROFILES = {
    "full": {"small_jobs": 300, "idle_jobs": 300, "workers": [1, 2, 4],
             "sizes": {4_000: 200, 100_000: 40, 1_000_000: 8, 10_000_000: 4},
             "intake_requests": 20_000, "intake_seconds": 10, "paced_seconds": 5,
             "stage_sizes": [1_000, 10_000, 100_000, 1_000_000, 10_000_000]},
    "quick": {"small_jobs": 100, "idle_jobs": 40, "workers": [2],
              "sizes": {4_000: 40, 100_000: 8},
              "intake_requests": 3_000, "intake_seconds": 3, "paced_seconds": 2,
              "stage_sizes": [1_000, 10_000, 100_000, 1_000_000]},
}
CLIENTS = 8
ROUNDTRIP_JOBS = 20  # jobs run one at a time under Redis MONITOR
SMALL_WORKERS = 2  # docker-compose.yml's WORKER_CONCURRENCY default
# Intake runs with no worker, so the queue only grows: let docpipe accept all of it.
DOCPIPE_ENV = {"MAX_QUEUED_JOBS": "100000000", "LOG_LEVEL": "INFO"}
APPS = {"docpipe": ("services.api.wsgi:app", "workers.celery_app"),
        "ceiling": ("ceiling_app:app", "ceiling_app:celery")}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="fewer jobs and sizes: under a minute")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    args = ap.parse_args()
    stop_on_sigterm()
    profile = "quick" if args.quick else "full"
    cfg = PROFILES[profile]
    started = time.monotonic()
    results = {"profile": profile, "clients": CLIENTS, "small_workers": SMALL_WORKERS,
               "workers": cfg["workers"], "machine": _machine()}
    small, idle = corpus.small(cfg["small_jobs"]), corpus.small(cfg["idle_jobs"])
    sized = {size: corpus.sized(size, n) for size, n in cfg["sizes"].items()}

    _say("in-process loop")
    results["small"] = {"loop": inprocess.loop(small)}
    results["sizes"] = {str(size): {"loop": inprocess.loop(docs)} for size, docs in sized.items()}
    results["idle"], results["intake"] = {}, {}
    (args.out / "logs").mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        body = Path(tmp) / "article.txt"
        body.write_bytes(small[0])
        for side in ("ceiling", "docpipe"):
            with Stack(side, args.out / "logs", *APPS[side],
                       env=DOCPIPE_ENV if side == "docpipe" else None) as stack:
                _service_side(side, stack, cfg, small, idle, sized, body, results)
    _say("stage scaling")
    results["stage_sizes"] = cfg["stage_sizes"]
    results["stages"] = inprocess.stage_scaling(cfg["stage_sizes"])
    results["machine"]["load_after"] = os.getloadavg()[0]
    (args.out / "results.json").write_text(json.dumps(results, indent=1))
    table = report.write(results, args.out)
    print(table.read_text(encoding="utf-8"))
    print(f"({time.monotonic() - started:.0f} s; plots and logs in {args.out})")


def _service_side(side: str, stack: Stack, cfg: dict, small: list[bytes], idle: list[bytes],
                  sized: dict[int, list[bytes]], body: Path, results: dict) -> None:
    _say(f"{side}: small documents")
    _workers(stack, SMALL_WORKERS)
    results["small"][side] = load.throughput(stack.api, small, CLIENTS)
    results["idle"][side] = load.idle_latency(stack.api, idle)
    results["idle"][side].update(roundtrips.measure(
        stack.redis_port, ROUNDTRIP_JOBS, lambda: load.idle_latency(stack.api, idle[:ROUNDTRIP_JOBS]),
        stack.logs / f"{side}-monitor.log"))
    if side == "docpipe":
        for w in sorted(cfg["workers"], key=lambda w: w != SMALL_WORKERS):  # no restart for the first
            _say(f"docpipe: documents by size, W={w}")
            _workers(stack, w)
            for size, docs in sized.items():
                results["sizes"][str(size)][f"W{w}"] = load.throughput(stack.api, docs, min(CLIENTS, len(docs)))
    stack.stop_workers()
    _say(f"{side}: intake")
    url = f"{stack.api}/v1/jobs"
    peak = intake.peak(url, body, cfg["intake_requests"], cfg["intake_seconds"])
    paced = intake.paced(url, body, round(intake.PACED_SHARE * peak["accepted_s"]), cfg["paced_seconds"])
    results["intake"][side] = {"peak": peak, "paced": paced}
    stack.check()


def _workers(stack: Stack, concurrency: int) -> None:
    """(Re)start the worker node and wait until each process has run a job."""
    if stack.concurrency != concurrency:
        stack.start_workers(concurrency)
    client = load.Client(stack.api)
    for job_id in [client.submit(body) for body in corpus.small(2 * concurrency)]:
        client.wait(job_id, timeout=120, poll=1, check=stack.check)


def _machine() -> dict:
    commit = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip()
    return {"date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "commit": commit,
            "cpus": os.cpu_count(), "load_before": os.getloadavg()[0]}


def _say(what: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {what}", flush=True)


if __name__ == "__main__":
    main()
