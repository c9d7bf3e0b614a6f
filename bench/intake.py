"""Intake alone: accepted POSTs/s at the peak (wrk, closed loop) and latency at 70% of it (bench/pace.py).

Both load generators run as processes of their own, bounded in requests and in time; no worker
runs, so the figures are the API's (and Redis's) alone.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
WRK_THREADS, WRK_CONNECTIONS = 2, 16
PACED_SHARE = 0.7
_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def peak(url: str, body: Path, max_requests: int, seconds: float) -> dict:
    """wrk against POST url: accepted (202) requests/s and latency percentiles."""
    wrk = shutil.which("wrk")
    if wrk is None:
        raise RuntimeError("wrk is not installed (make bench installs it from Debian)")
    env = {**os.environ, "WRK_BODY": str(body), "WRK_MAX_REQUESTS": str(max_requests),
           "WRK_THREADS": str(WRK_THREADS)}
    out = subprocess.run([wrk, f"-t{WRK_THREADS}", f"-c{WRK_CONNECTIONS}", f"-d{max(1, round(seconds))}s",
                          "--timeout", "10s", "--latency", "-s", str(BENCH / "post_seed.lua"), url],
                         env=env, capture_output=True, text=True, check=True, timeout=seconds + 60).stdout
    return parse_wrk(out)


def parse_wrk(out: str) -> dict:
    done = re.search(r"(\d+) requests in ([\d.]+)(\w+),", out)
    if done is None:
        raise RuntimeError(f"wrk printed no summary:\n{out}")
    requests, elapsed = int(done.group(1)), _ms(done.group(2), done.group(3)) / 1000
    refused = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    failed = (int(refused.group(1)) if refused else 0) + (sum(map(int, errors.groups())) if errors else 0)
    dist = {int(p): _ms(v, u) for p, v, u in re.findall(r"^\s+(\d+)%\s+([\d.]+)(\w+)$", out, re.M)}
    return {"requests": requests, "errors": failed, "seconds": elapsed,
            "accepted_s": (requests - failed) / elapsed,
            "p50_ms": dist.get(50), "p90_ms": dist.get(90), "p99_ms": dist.get(99)}


def combine(runs: list[dict]) -> dict:
    """wrk runs taken in turns with another side: accepted/s over all, percentiles averaged."""
    accepted = sum(r["requests"] - r["errors"] for r in runs)
    seconds = sum(r["seconds"] for r in runs)
    out = {"requests": sum(r["requests"] for r in runs), "errors": sum(r["errors"] for r in runs),
           "seconds": seconds, "accepted_s": accepted / seconds}
    for key in ("p50_ms", "p90_ms", "p99_ms"):
        out[key] = statistics.fmean(r[key] for r in runs if r[key] is not None)
    return out


def paced(url: str, body: Path, rate: float, seconds: float) -> dict:
    """Open-loop POSTs at ``rate`` per second from a process of its own."""
    out = subprocess.run([sys.executable, str(BENCH / "pace.py"), url, str(body), "--rate", str(rate),
                          "--seconds", str(seconds)], capture_output=True, text=True, check=True,
                         timeout=seconds + 60).stdout
    return json.loads(out)


def _ms(value: str, unit: str) -> float:
    return float(value) * _UNITS[unit]
