"""`make run`: Redis (if none answers), one Celery worker and the API, then the seeds; Ctrl-C stops all.

The worker is supervised: started again when it exits (as compose restarts containers), so a
worker that died with Redis comes back. `make worker` runs just a supervised worker.
Logs go to .run/*.log so the console shows only what matters.
"""
from __future__ import annotations

import argparse
import shutil
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import redis

from services import client
from services.common.settings import get_settings

RUN_DIR = Path(".run")
READY_TIMEOUT_SECONDS = 60
# A worker that exits is started again, unless it exits this often: then something is wrong.
RESTART_WINDOW_SECONDS = 60
MAX_RESTARTS_IN_WINDOW = 5


class Supervisor:
    """Starts child processes, restarts the ones marked so when they exit, stops them all."""

    def __init__(self) -> None:
        self.children: dict[str, tuple[list[str], bool, subprocess.Popen]] = {}
        self.restarts: dict[str, list[float]] = {}
        RUN_DIR.mkdir(exist_ok=True)

    def start(self, name: str, argv: list[str], restart: bool = False) -> None:
        with open(RUN_DIR / f"{name}.log", "ab") as log:  # the child keeps its own copy
            proc = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT)
        self.children[name] = (argv, restart, proc)
        print(f"started {name} (pid {proc.pid}, log {RUN_DIR / name}.log)", flush=True)

    def check(self) -> None:
        """Restart a supervised child that exited; raise when another one did, or one keeps dying."""
        for name, (argv, restart, proc) in list(self.children.items()):
            if proc.poll() is None:
                continue
            if not restart:
                raise RuntimeError(f"{name} exited with {proc.returncode}; see {RUN_DIR / name}.log")
            now = time.monotonic()
            recent = [t for t in self.restarts.get(name, []) if now - t < RESTART_WINDOW_SECONDS]
            if len(recent) >= MAX_RESTARTS_IN_WINDOW:
                raise RuntimeError(f"{name} exited {len(recent)} times in {RESTART_WINDOW_SECONDS} s; "
                                   f"see {RUN_DIR / name}.log")
            self.restarts[name] = [*recent, now]
            print(f"{name} exited with {proc.returncode}; restarting it", flush=True)
            self.start(name, argv, restart=True)

    def stop(self) -> None:
        for name, (_, _, proc) in reversed(self.children.items()):
            proc.send_signal(signal.SIGTERM)
        for name, (_, _, proc) in reversed(self.children.items()):
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
            print(f"stopped {name}")

    def watch(self) -> None:
        """Keep the children running until Ctrl-C (KeyboardInterrupt) or SIGTERM."""
        while True:
            self.check()
            time.sleep(1)


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
        except OSError:  # refused, reset, or a read timeout while the API boots on a busy machine
            time.sleep(0.5)
    raise RuntimeError(f"the service was not ready after {READY_TIMEOUT_SECONDS} s")


def worker_argv(venv_bin: Path) -> list[str]:
    return [str(venv_bin / "celery"), "-A", "workers.celery_app", "worker", "--loglevel=INFO",
            "--hostname", "devrun@%h"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--api-url", default="http://127.0.0.1:8000")
    parser.add_argument("--worker-only", action="store_true",
                        help="run one supervised worker and nothing else (`make worker`)")
    parser.add_argument("seeds", type=Path, nargs="?")
    args = parser.parse_args()
    bind = urllib.parse.urlparse(args.api_url).netloc
    venv_bin = Path(sys.executable).parent
    sup = Supervisor()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        if args.worker_only:
            sup.start("worker", worker_argv(venv_bin), restart=True)
            sup.watch()
        ensure_redis(sup, get_settings().redis_url)
        sup.start("worker", worker_argv(venv_bin), restart=True)
        sup.start("api", [str(venv_bin / "gunicorn"), "-c", "python:services.gunicorn_conf",
                          "--bind", bind, "services.api.wsgi:app"])
        wait_ready(sup, args.api_url)
        if args.seeds:
            client.main(["--api-url", args.api_url, str(args.seeds)])
        print(f"\ndocpipe is serving on {args.api_url} (docs: {args.api_url}/docs). Ctrl-C stops it.")
        sup.watch()
    except KeyboardInterrupt:
        print()
        return 0
    except RuntimeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        sup.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
