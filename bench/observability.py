"""What metrics and logs cost: CPU per POST /v1/jobs with and without the request-counting hooks,
and per access-log line in each format. CPU time (not wall time), interleaved runs: the figures
hold on a busy machine. Starts its own redis-server.

    python bench/observability.py [--posts 300] [--rounds 6]
"""
from __future__ import annotations

import argparse
import logging
import shutil
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import redis

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from services.api import create_app, traffic  # noqa: E402
from services.common import logs  # noqa: E402
from services.common.settings import Settings  # noqa: E402

SEED = ROOT / "seeds" / "us-casualties-mount-in-iraq.txt"
ACCESS_FORMAT = '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s"'  # gunicorn's default
ATOMS = {"h": "127.0.0.1", "l": "-", "u": "-", "t": "[04/Dec/2026:14:00:00 +0000]",
         "r": "POST /v1/jobs HTTP/1.1", "s": "202", "b": "874", "f": "-", "a": "wrk", "m": "POST",
         "U": "/v1/jobs", "q": "", "D": 1500}


def cpu_per_post(client, body: dict, posts: int) -> float:
    start = time.process_time()
    for _ in range(posts):
        assert client.post("/v1/jobs", json=body).status_code == 202
    return (time.process_time() - start) / posts * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=6)
    args = parser.parse_args()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen([shutil.which("redis-server"), "--port", str(port), "--bind", "127.0.0.1",
                               "--save", "", "--appendonly", "no"], stdout=subprocess.DEVNULL)
    try:
        url = f"redis://127.0.0.1:{port}/0"
        for _ in range(100):
            try:
                redis.Redis.from_url(url).ping()
                break
            except redis.ConnectionError:
                time.sleep(0.05)
        settings = Settings(redis_url=url, max_queued_jobs=10**9)
        hooked, bare = create_app(settings), create_app(settings)
        bare.before_request_funcs[None].remove(traffic._start)
        bare.after_request_funcs[None].remove(traffic._count)
        body = {"text": SEED.read_text(encoding="utf-8")}
        runs: dict[str, list[float]] = {"without hooks": [], "with hooks": []}
        for _ in range(args.rounds):
            for name, app in (("without hooks", bare), ("with hooks", hooked)):
                runs[name].append(cpu_per_post(app.test_client(), body, args.posts))
        for name, values in runs.items():
            print(f"POST /v1/jobs {name}: median {statistics.median(values):.0f} µs CPU "
                  f"(rounds: {', '.join(f'{v:.0f}' for v in values)})")
        ratio = statistics.median(runs["with hooks"]) / statistics.median(runs["without hooks"])
        print(f"with/without: {ratio:.3f}")
    finally:
        server.terminate()
        server.wait()
    record = logging.LogRecord("gunicorn.access", logging.INFO, __file__, 1, ACCESS_FORMAT, (ATOMS,), None)
    for name, fmt in (("gunicorn's own", logging.Formatter("%(message)s")),
                      ("LOG_FORMAT=text", logs.TextFormatter()), ("LOG_FORMAT=json", logs.JsonFormatter())):
        start = time.process_time()
        for _ in range(20_000):
            fmt.format(record)
        print(f"access line, {name}: {(time.process_time() - start) / 20_000 * 1e6:.1f} µs CPU")


if __name__ == "__main__":
    main()
