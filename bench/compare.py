"""Two checkouts of docpipe side by side: the figures an optimisation's commit message quotes.

    .venv/bin/python bench/compare.py BEFORE_DIR [AFTER_DIR] [--what small,100k,idle,intake,paced]
                                      [--rounds 4] [--workers 2] [--rate 400]

BEFORE_DIR is another checkout (e.g. `git worktree add --detach /tmp/before HEAD~1`); AFTER_DIR
defaults to this one. Both stacks (bench/stack.py) run at once with this interpreter, each with
its own code on PYTHONPATH; only one side's workers run at a time, and the sides take turns
round after round, so a change in the machine's load falls on both alike. Per measure it prints
each side's jobs/s (or accepted POSTs/s), p50/p99 latency and CPU milliseconds per job of the
worker and API processes, and the ratio after/before. "paced" posts open-loop at --rate per
second (the same rate on both sides, no worker running): its p99 is the intake target's.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import tempfile
from pathlib import Path

import corpus
import intake
import load
from stack import ROOT, Stack, stop_on_sigterm
from speed import DOCPIPE_ENV, _workers

MEASURES = ("small", "100k", "idle", "intake", "paced")
DOCS = {"small": 200, "100k": 40, "idle": 60}
INTAKE_REQUESTS, INTAKE_SECONDS = 4000, 3
PACED_SECONDS = 5
APP = ("services.api.wsgi:app", "workers.celery_app")


class CheckoutStack(Stack):
    """A Stack whose processes import docpipe from ``root`` instead of this checkout."""

    def __init__(self, root: Path, name: str, logs: Path):
        super().__init__(name, logs, *APP, env=DOCPIPE_ENV)
        self.root = root
        self.env["PYTHONPATH"] = os.pathsep.join([str(root), str(root / "bench")])

    def _spawn(self, name: str, argv: list[str]) -> None:
        self.logs.mkdir(parents=True, exist_ok=True)
        with open(self.logs / f"{self.name}-{name}.log", "ab") as log:
            self.procs[name] = subprocess.Popen(argv, cwd=self.root, env=self.env, stdout=log,
                                                stderr=subprocess.STDOUT, start_new_session=True)


def measure(stack: Stack, what: str, workers: int, body: Path, paced_rate: float) -> dict:
    """One sample of ``what`` on ``stack``: rate, p50, p99 and CPU ms per job of each process group."""
    if what in ("intake", "paced"):
        stack.stop_workers()
        before = stack.cpu_seconds()
        url = f"{stack.api}/v1/jobs"
        run = (intake.peak(url, body, INTAKE_REQUESTS, INTAKE_SECONDS) if what == "intake"
               else intake.paced(url, body, paced_rate, PACED_SECONDS))
        after = stack.cpu_seconds()
        jobs = run["requests"] if what == "intake" else run["sent"]
        rate = run["accepted_s"]
        p50, p99 = run["p50_ms"], run["p99_ms"]
    else:
        _workers(stack, workers)
        docs = corpus.sized(100_000, DOCS[what]) if what == "100k" else corpus.small(DOCS[what])
        before = stack.cpu_seconds()
        run = load.idle_latency(stack.api, docs) if what == "idle" else load.throughput(stack.api, docs)
        after = stack.cpu_seconds()
        stack.stop_workers()  # the other side's turn runs alone
        figures = load.summary([run])
        jobs, rate, p50, p99 = run["jobs"], figures["jobs_s"], figures["p50_ms"], figures["p99_ms"]
    cpu = {name: 1000 * (after[name] - before[name]) / jobs for name in after}
    return {"rate": rate, "p50_ms": p50, "p99_ms": p99, **{f"cpu_{k}": v for k, v in cpu.items()}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("before", type=Path)
    ap.add_argument("after", type=Path, nargs="?", default=ROOT)
    ap.add_argument("--what", default=",".join(MEASURES), help=f"any of {', '.join(MEASURES)}")
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--rate", type=float, default=400, help="POSTs per second of the paced measure")
    args = ap.parse_args()
    stop_on_sigterm()
    sides = {"before": args.before.resolve(), "after": args.after.resolve()}
    with tempfile.TemporaryDirectory() as tmp:
        logs, body = Path(tmp) / "logs", Path(tmp) / "article.txt"
        body.write_bytes(corpus.small(1)[0])
        stacks = {side: CheckoutStack(root, side, logs) for side, root in sides.items()}
        try:
            for stack in stacks.values():
                stack.__enter__()
            for what in args.what.split(","):
                samples: dict[str, list[dict]] = {side: [] for side in sides}
                for r in range(args.rounds):
                    for side in (list(sides) if r % 2 == 0 else list(sides)[::-1]):
                        samples[side].append(measure(stacks[side], what, args.workers, body, args.rate))
                report(what, samples)
        finally:
            for stack in stacks.values():
                stack.close()


def report(what: str, samples: dict[str, list[dict]]) -> None:
    means = {side: {k: statistics.fmean(s[k] for s in runs) for k in runs[0]} for side, runs in samples.items()}
    unit = "POSTs/s" if what in ("intake", "paced") else "jobs/s"
    for side, m in means.items():
        cpu = " ".join(f"{k[4:]} {v:.1f}" for k, v in m.items() if k.startswith("cpu_"))
        print(f"{what:7s} {side:6s} {m['rate']:8.1f} {unit}  p50 {m['p50_ms']:7.1f} ms  "
              f"p99 {m['p99_ms']:7.1f} ms  CPU ms/job: {cpu}")
    ratio = {k: means["after"][k] / means["before"][k] for k in ("rate", "p50_ms", "p99_ms")}
    print(f"{what:7s} after/before: rate {ratio['rate']:.2f}x, p50 {ratio['p50_ms']:.2f}x, "
          f"p99 {ratio['p99_ms']:.2f}x", flush=True)


if __name__ == "__main__":
    main()
