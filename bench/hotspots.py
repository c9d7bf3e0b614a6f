"""Where a job's time goes: py-spy samples the API and the worker processes under the small-document load.

    .venv/bin/python bench/hotspots.py [--jobs 600] [--size BYTES] [--workers 2] [--top 25] [--out bench/results/hotspots]

Starts a docpipe stack (bench/stack.py), lets py-spy (root or ptrace rights needed) record every
gunicorn and Celery process while bench/load.py submits the articles, then prints, per side,
the functions with the most samples inclusive of what they call (and the file of collapsed
stacks, for a flame graph: `flamegraph.pl api.txt > api.svg`).
"""
from __future__ import annotations

import argparse
import collections
import shutil
import subprocess
import sys
import time
from pathlib import Path

import corpus
import load
from stack import BIN, ROOT, Stack, stop_on_sigterm
from speed import APPS, DOCPIPE_ENV, _workers


def record(pid: int, out: Path, seconds: float) -> subprocess.Popen:
    py_spy = shutil.which("py-spy", path=str(BIN)) or shutil.which("py-spy")
    if py_spy is None:
        sys.exit("py-spy is not installed: make install (the bench extra) installs it")
    # One recorder per process tree: --subprocesses follows gunicorn's and Celery's children.
    return subprocess.Popen([py_spy, "record", "--format", "raw", "--rate", "200", "--duration",
                             str(int(seconds)), "--subprocesses", "--nonblocking", "-o", str(out),
                             "--pid", str(pid)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def inclusive(collapsed: Path, top: int) -> list[tuple[int, float, str]]:
    """(samples, share, frame) for the frames with most samples, each counted once per stack."""
    counts: collections.Counter[str] = collections.Counter()
    total = 0
    for line in collapsed.read_text(encoding="utf-8", errors="replace").splitlines():
        stack, _, n = line.rpartition(" ")
        if not n.isdigit():
            continue
        frames = {_short(frame) for frame in stack.split(";")[1:]}  # [0] is the process
        total += int(n)
        for frame in frames:
            counts[frame] += int(n)
    return [(n, n / max(total, 1), frame) for frame, n in counts.most_common(top)]


def _short(frame: str) -> str:
    # "func (/long/path/site-packages/pkg/mod.py:12)" -> "func (pkg/mod.py)"
    name, _, where = frame.partition(" (")
    path = where.split(":")[0]
    for marker in ("site-packages/", str(ROOT) + "/", "/lib/python3"):
        if marker in path:
            path = path.split(marker, 1)[1]
    return f"{name} ({path})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jobs", type=int, default=600)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--size", type=int, default=0, help="documents of this many bytes (default: the articles)")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "hotspots")
    args = ap.parse_args()
    stop_on_sigterm()
    args.out.mkdir(parents=True, exist_ok=True)
    bodies = corpus.sized(args.size, args.jobs) if args.size else corpus.small(args.jobs)
    with Stack("docpipe", args.out / "logs", *APPS["docpipe"], env=DOCPIPE_ENV) as stack:
        _workers(stack, args.workers)
        recorders = {side: record(stack.procs[name].pid, args.out / f"{side}.txt", 600)
                     for side, name in (("api", "api"), ("worker", "worker"))}
        time.sleep(1)  # py-spy attaches
        figures = load.throughput(stack.api, bodies, 8)
        for proc in recorders.values():
            proc.send_signal(2)  # SIGINT: py-spy writes what it has
        for proc in recorders.values():
            proc.wait(timeout=60)
    figures = load.summary([figures])
    print(f"{figures['jobs']} jobs, {figures['jobs_s']:.1f} jobs/s while sampled\n")
    for side in recorders:
        print(f"== {side}: share of samples (inclusive) ==")
        for n, share, frame in inclusive(args.out / f"{side}.txt", args.top):
            print(f"{share:6.1%} {n:7d}  {frame}")
        print()


if __name__ == "__main__":
    main()
