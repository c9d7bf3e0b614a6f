"""docpipe's speed beside the framework ceiling and the in-process loop, side by side in one run.

    .venv/bin/python bench/speed.py [--quick] [--out bench/results]

1. small documents: docpipe vs the ceiling app (bench/ceiling_app.py, run the same way) vs the
   three stages in a loop: jobs/s, p50/p99 from POST to finished, and idle latency;
2. documents of 4 KB to 10 MB through W = 1, 2, 4 worker processes vs the loop;
3. intake alone: docpipe's POST vs the ceiling's bare enqueue-and-202 handler (wrk, then paced);
4. each stage's MB/s from 1 KB to 10 MB, with the fitted exponent.
Both stacks run at once and the sides take turns, round after round, so a change in the
machine's load falls on every side alike. Writes results.md, results.json and PNG plots to
--out; logs of every process go to --out/logs.
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
from typing import Callable

import corpus
import inprocess
import intake
import load
import report
import roundtrips
from stack import ROOT, Stack, stop_on_sigterm

PROFILES = {
    "full": {"small_jobs": 300, "idle_jobs": 300, "rounds": 3, "workers": [1, 2, 4],
             # Per worker process at least 4 documents of each size up to 1 MB: the span ends
             # with the last one, and a process idle while the other finishes costs the rate
             # up to half a document's time per process (12% with 8 at 1 MB on W=2).
             "sizes": {4_000: 200, 100_000: 40, 1_000_000: 16, 10_000_000: 4},
             # Each size's pair measured this many times, the order flipping: one pair of a few
             # seconds gave 1.47× at 100 KB in one run and 1.65× in the next.
             "size_rounds": 2,
             "intake_requests": 20_000, "intake_seconds": 10, "paced_seconds": 5,
             "stage_sizes": [1_000, 10_000, 100_000, 1_000_000, 10_000_000]},
    "quick": {"small_jobs": 100, "idle_jobs": 40, "rounds": 2, "workers": [2],
              "sizes": {4_000: 40, 100_000: 8}, "size_rounds": 1,
              "intake_requests": 3_000, "intake_seconds": 3, "paced_seconds": 2,
              "stage_sizes": [1_000, 10_000, 100_000, 1_000_000]},
}
CLIENTS = 8
SMALL_WORKERS = 2  # docker-compose.yml's WORKER_CONCURRENCY default
PARALLEL_W = 2  # W whose docs/s is also set beside that many plain loops running at once
ROUNDTRIP_JOBS = 20  # jobs run one at a time under Redis MONITOR
# Intake runs with no worker, so the queue only grows: let docpipe accept all of it.
DOCPIPE_ENV = {"MAX_QUEUED_JOBS": "100000000", "LOG_LEVEL": "INFO"}
APPS = {"docpipe": ("services.api.wsgi:app", "workers.celery_app"),
        "ceiling": ("ceiling_app:app", "ceiling_app:celery")}
SERVICES = ("ceiling", "docpipe")


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
               "size_rounds": cfg["size_rounds"], "roundtrip_jobs": ROUNDTRIP_JOBS,
               "workers": cfg["workers"], "machine": _machine()}
    (args.out / "logs").mkdir(parents=True, exist_ok=True)
    with Stack("ceiling", args.out / "logs", *APPS["ceiling"]) as ceiling, \
            Stack("docpipe", args.out / "logs", *APPS["docpipe"], env=DOCPIPE_ENV) as docpipe:
        stacks = {"ceiling": ceiling, "docpipe": docpipe}
        _small(stacks, cfg, results)
        _sizes(stacks["docpipe"], cfg, results)
        _intake(stacks, cfg, results)
    _say("stage scaling")
    results["stage_sizes"] = cfg["stage_sizes"]
    results["stages"] = inprocess.stage_scaling(cfg["stage_sizes"])
    results["machine"]["load_after"] = os.getloadavg()[0]
    (args.out / "results.json").write_text(json.dumps(results, indent=1))
    table = report.write(results, args.out)
    print(table.read_text(encoding="utf-8"))
    print(f"({time.monotonic() - started:.0f} s; plots and logs in {args.out})")


def in_turns(chunks: list, sides: list[str], measure: Callable[[str, object], dict],
             combine: Callable[[list[dict]], dict]) -> dict[str, dict]:
    """Each chunk measured on every side in turn, the order flipping each round."""
    samples: dict[str, list[dict]] = {side: [] for side in sides}
    for i, chunk in enumerate(chunks):
        for side in (sides if i % 2 == 0 else sides[::-1]):
            samples[side].append(measure(side, chunk))
    return {side: combine(s) for side, s in samples.items()}


def _small(stacks: dict[str, Stack], cfg: dict, results: dict) -> None:
    _say("small documents")
    for stack in stacks.values():
        _workers(stack, SMALL_WORKERS)
    rounds = cfg["rounds"]
    small, idle = corpus.small(cfg["small_jobs"]), corpus.small(cfg["idle_jobs"])
    chunks = [small[i::rounds] for i in range(rounds)]

    def busy(side: str, chunk: list[bytes]) -> dict:
        return inprocess.loop(chunk) if side == "loop" else load.throughput(stacks[side].api, chunk, CLIENTS)

    results["small"] = in_turns(chunks, ["ceiling", "docpipe", "loop"], busy, load.summary)
    results["idle"] = in_turns([idle[i::rounds] for i in range(rounds)], list(SERVICES),
                               lambda side, chunk: load.idle_latency(stacks[side].api, chunk), load.summary)
    for side, stack in stacks.items():
        results["idle"][side].update(roundtrips.measure(
            stack, ROUNDTRIP_JOBS, lambda: load.idle_latency(stack.api, idle[:ROUNDTRIP_JOBS]),
            stack.logs / f"{side}-monitor.log"))


def _sizes(docpipe: Stack, cfg: dict, results: dict) -> None:
    """Each W beside a loop over the same documents, measured just before or after it."""
    sized = {size: corpus.sized(size, n) for size, n in cfg["sizes"].items()}
    results["sizes"] = {str(size): {} for size in sized}
    for w in sorted(cfg["workers"], key=lambda w: w != SMALL_WORKERS):  # no restart for the first
        _say(f"documents by size, W={w}")
        _workers(docpipe, w)
        for i, (size, docs) in enumerate(sized.items()):
            def measure(side: str, chunk: list[bytes]) -> dict:
                if side == "loop":
                    return _with_cpu(lambda: inprocess.loop(chunk), None, len(chunk))
                if side == "loops":
                    return inprocess.loops_at_once(chunk, w)
                return _with_cpu(lambda: load.throughput(docpipe.api, chunk, min(CLIENTS, len(chunk))),
                                 docpipe, len(chunk))
            sides = ["loop", "docpipe"] if (i + w) % 2 else ["docpipe", "loop"]
            if w == PARALLEL_W:  # and the machine's own parallel ceiling beside them
                sides.append("loops")
            pair = in_turns([docs] * cfg["size_rounds"], sides, measure, _summary_with_cpu)
            row = results["sizes"][str(size)]
            row[f"W{w}"] = {**pair["docpipe"], "ratio": pair["docpipe"]["jobs_s"] / pair["loop"]["jobs_s"]}
            if "loops" in pair:
                row["parallel"] = {**pair["loops"], "workers": w,
                                   "ratio": pair["loops"]["jobs_s"] / pair["loop"]["jobs_s"]}
            row.setdefault("loops", []).append(pair["loop"])
            if w == PARALLEL_W:
                row["cpu_ms"] = {"loop": pair["loop"]["cpu_ms"]["loop"], **pair["docpipe"]["cpu_ms"]}
    for row in results["sizes"].values():
        loops = row.pop("loops")
        row["loop"] = {"jobs": loops[0]["jobs"], "jobs_s": sum(x["jobs_s"] for x in loops) / len(loops)}


def _with_cpu(run: Callable[[], dict], stack: Stack | None, docs: int) -> dict:
    """``run``'s sample, with the CPU milliseconds per document of this process (the loop, or
    the load generator) and of each of ``stack``'s process groups: where a job's time goes."""
    before, mine = stack.cpu_seconds() if stack else {}, time.process_time()
    sample = run()
    cpu = {"client" if stack else "loop": time.process_time() - mine}
    if stack:
        after = stack.cpu_seconds()
        cpu.update({name: after[name] - before[name] for name in after})
    return {**sample, "cpu_ms": {name: 1000 * seconds / docs for name, seconds in cpu.items()}}


def _summary_with_cpu(samples: list[dict]) -> dict:
    """load.summary, and the samples' CPU milliseconds per document (their mean), if taken."""
    cpus = [sample["cpu_ms"] for sample in samples if "cpu_ms" in sample]
    mean = {name: sum(cpu[name] for cpu in cpus) / len(cpus) for name in cpus[0]} if cpus else None
    return {**load.summary(samples), **({"cpu_ms": mean} if mean else {})}


def _intake(stacks: dict[str, Stack], cfg: dict, results: dict) -> None:
    _say("intake")
    for stack in stacks.values():
        stack.stop_workers()
    rounds = cfg["rounds"]
    with tempfile.TemporaryDirectory() as tmp:
        body = Path(tmp) / "article.txt"
        body.write_bytes(corpus.small(1)[0])

        def peak(side: str, _: object) -> dict:
            return intake.peak(f"{stacks[side].api}/v1/jobs", body, cfg["intake_requests"] // rounds,
                               cfg["intake_seconds"] / rounds)

        peaks = in_turns([None] * rounds, list(SERVICES), peak, intake.combine)
        results["intake"] = {}
        for side, stack in stacks.items():
            rate = round(intake.PACED_SHARE * peaks[side]["accepted_s"])
            paced = intake.paced(f"{stack.api}/v1/jobs", body, rate, cfg["paced_seconds"])
            results["intake"][side] = {"peak": peaks[side], "paced": paced}
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
