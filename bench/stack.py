"""A private service stack for a benchmark: redis-server, gunicorn and Celery worker processes.

Each Stack starts its own redis-server on a free port (never the Redis on 6379) and runs the
API and the workers the way docpipe is deployed (Dockerfile, docker-compose.yml), so an app
under test and the framework ceiling app get the same process settings. Every child runs in a
process group of its own and is stopped with it, also on Ctrl-C or SIGTERM.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
BIN = Path(sys.executable).parent
# As docpipe's API runs: its gunicorn config module when the project has one, else the
# Dockerfile's command line. The ceiling app gets the same.
GUNICORN_CONF = ROOT / "services" / "gunicorn_conf.py"
GUNICORN_ARGS = (["-c", "python:services.gunicorn_conf"] if GUNICORN_CONF.exists()
                 else ["--worker-class", "gthread", "--workers", "2", "--threads", "16"])
STOP_GRACE_SECONDS = 20


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def stop_on_sigterm() -> None:
    """Turn SIGTERM and SIGHUP into KeyboardInterrupt, so every Stack's cleanup runs."""
    def interrupt(signum, frame):
        raise KeyboardInterrupt(f"signal {signum}")
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, interrupt)


class Stack:
    """redis-server + gunicorn + Celery workers for one app; use as a context manager."""

    def __init__(self, name: str, logs: Path, wsgi_app: str, celery_app: str, env: dict | None = None):
        self.name, self.logs = name, logs
        self.wsgi_app, self.celery_app = wsgi_app, celery_app
        self.redis_port, self.api_port = free_port(), free_port()
        self.redis_url = f"redis://127.0.0.1:{self.redis_port}/0"
        self.api = f"http://127.0.0.1:{self.api_port}"
        self.env = {**os.environ, "REDIS_URL": self.redis_url,
                    "PYTHONPATH": os.pathsep.join([str(ROOT), str(BENCH)]), **(env or {})}
        self.procs: dict[str, subprocess.Popen] = {}
        self.concurrency = 0  # processes of the running worker node

    def __enter__(self) -> "Stack":
        try:
            self._spawn("redis", [shutil.which("redis-server") or "redis-server", "--port",
                                  str(self.redis_port), "--save", "", "--appendonly", "no",
                                  "--maxmemory-policy", "noeviction"])
            self._wait_redis()
            self._spawn("api", [str(BIN / "gunicorn"), "--bind", f"127.0.0.1:{self.api_port}",
                                *GUNICORN_ARGS, "--access-logfile", "-", self.wsgi_app])
            self._wait_http(f"{self.api}/healthz")
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def start_workers(self, concurrency: int) -> None:
        """One Celery worker node with ``concurrency`` prefork processes, as compose runs it."""
        self.stop_workers()
        self._spawn("worker", [str(BIN / "celery"), "-A", self.celery_app, "worker",
                               f"--concurrency={concurrency}", "--loglevel=INFO",
                               "-n", f"{self.name}@%h"])
        self.concurrency = concurrency

    def stop_workers(self) -> None:
        self._stop("worker")
        self.concurrency = 0

    def close(self) -> None:
        for name in reversed(list(self.procs)):
            self._stop(name)

    def check(self) -> None:
        for name, proc in self.procs.items():
            if proc.poll() is not None:
                raise RuntimeError(f"{self.name} {name} exited with {proc.returncode}; "
                                   f"see {self.logs / self.name}-{name}.log")

    def cpu_seconds(self) -> dict[str, float]:
        """CPU time (user + system) used so far by each process group: redis, api, worker."""
        tick = os.sysconf("SC_CLK_TCK")
        out = {}
        for name, proc in self.procs.items():
            pids = subprocess.run(["pgrep", "-g", str(proc.pid)], capture_output=True, text=True).stdout.split()
            total = 0
            for pid in pids:
                try:
                    stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                except OSError:
                    continue  # exited meanwhile
                total += int(stat[11]) + int(stat[12])  # utime, stime
            out[name] = total / tick
        return out

    def _spawn(self, name: str, argv: list[str]) -> None:
        self.logs.mkdir(parents=True, exist_ok=True)
        with open(self.logs / f"{self.name}-{name}.log", "ab") as log:
            self.procs[name] = subprocess.Popen(argv, cwd=ROOT, env=self.env, stdout=log,
                                                stderr=subprocess.STDOUT, start_new_session=True)

    def _stop(self, name: str) -> None:
        proc = self.procs.pop(name, None)
        if proc is None:
            return
        proc.terminate()  # the main process stops its own children (warm shutdown)
        try:
            proc.wait(timeout=STOP_GRACE_SECONDS)
        except subprocess.TimeoutExpired:
            pass
        _signal_group(proc, signal.SIGKILL)  # pool processes a dying parent left behind
        proc.wait()

    def _wait_redis(self, timeout: float = 10) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.check()
            try:
                with socket.create_connection(("127.0.0.1", self.redis_port), timeout=1) as sock:
                    sock.sendall(b"PING\r\n")
                    if sock.recv(16).startswith(b"+PONG"):
                        return
            except OSError:
                pass
            time.sleep(0.05)
        raise RuntimeError(f"{self.name}: redis-server never answered")

    def _wait_http(self, url: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.check()
            try:
                with urllib.request.urlopen(url, timeout=3) as res:
                    if res.status == 200:
                        return
            except OSError:  # refused, reset or timed out while gunicorn boots
                pass
            time.sleep(0.1)
        raise RuntimeError(f"{url} never answered")


def _signal_group(proc: subprocess.Popen, sig: int) -> None:
    try:
        os.killpg(proc.pid, sig)
    except ProcessLookupError:
        pass
