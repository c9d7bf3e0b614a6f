"""`make run`: Redis (if none answers), one Celery worker and the API, then the seeds; Ctrl-C stops all.

Logs go to .run/*.log so the console shows only what matters.
"""
from __future__ import annotations

import argparse
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import redis

from services import client
from services.common.settings import get_settings

RUN_DIR = Path(".run")
READY_TIMEOUT_SECONDS = 60


class Supervisor:
    """Starts child processes and stops them all, newest first."""

    def __init__(self) -> None:
        self.children: list[tuple[str, subprocess.Popen]] = []
        RUN_DIR.mkdir(exist_ok=True)

    def start(self, name: str, argv: list[str]) -> None:
        with open(RUN_DIR / f"{name}.log", "ab") as log:  # the child keeps its own copy
            self.children.append((name, subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT)))
        print(f"started {name} (pid {self.children[-1][1].pid}, log {RUN_DIR / name}.log)")

    def check(self) -> None:
        for name, proc in self.children:
            if proc.poll() is not None:
                raise RuntimeError(f"{name} exited with {proc.returncode}; see {RUN_DIR / name}.log")

    def stop(self) -> None:
        for name, proc in reversed(self.children):
            proc.send_signal(signal.SIGTERM)
        for name, proc in reversed(self.children):
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
            print(f"stopped {name}")


def ensure_redis(sup: Supervisor, url: str) -> None:
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
        print(f"using the Redis at {url}")
        return
    except redis.ConnectionError:
        pass
    parts = urllib.parse.urlparse(url)
    if parts.hostname not in ("127.0.0.1", "localhost"):
        raise RuntimeError(f"no Redis answers at {url} and it is not local to start")
    sup.start("redis", [shutil.which("redis-server") or "redis-server", "--port", str(parts.port or 6379),
                        "--bind", "127.0.0.1", "--dir", str(RUN_DIR.resolve()),
                        "--appendonly", "yes", "--maxmemory-policy", "noeviction"])


def wait_ready(sup: Supervisor, api_url: str) -> None:
    deadline = time.monotonic() + READY_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        sup.check()
        try:
            with urllib.request.urlopen(f"{api_url}/readyz", timeout=3):
                return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.5)
    raise RuntimeError(f"the service was not ready after {READY_TIMEOUT_SECONDS} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--api-url", default="http://127.0.0.1:8000")
    parser.add_argument("seeds", type=Path)
    args = parser.parse_args()
    bind = urllib.parse.urlparse(args.api_url).netloc
    venv_bin = Path(sys.executable).parent
    sup = Supervisor()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        ensure_redis(sup, get_settings().redis_url)
        sup.start("worker", [str(venv_bin / "celery"), "-A", "workers.celery_app", "worker",
                             "--loglevel=INFO", "--hostname", "devrun@%h"])
        sup.start("api", [str(venv_bin / "gunicorn"), "-c", "python:services.api.gunicorn_conf",
                          "--bind", bind, "--worker-class", "gthread",
                          "--threads", "16", "--workers", "2", "services.api.wsgi:app"])
        wait_ready(sup, args.api_url)
        client.main(["--api-url", args.api_url, str(args.seeds)])
        print(f"\ndocpipe is serving on {args.api_url} (docs: {args.api_url}/docs). Ctrl-C stops it.")
        while True:
            sup.check()
            time.sleep(1)
    except KeyboardInterrupt:
        print()
        return 0
    except RuntimeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        sup.stop()


if __name__ == "__main__":
    sys.exit(main())
