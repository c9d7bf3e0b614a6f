"""A real service for end-to-end tests: private redis-server, Celery worker processes, gunicorn."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
import requests

from tests.conftest import RedisServer, free_port
from tests.documents import ROOT

BIN = Path(sys.executable).parent
READY_SECONDS = 60
WEBHOOK_SECRET = "e2e-webhook-secret"


class Service:
    """The API and any number of workers, sharing one Redis; every process is stopped at the end."""

    def __init__(self, redis_url: str, logdir: Path, **env: str):
        self.env = {**os.environ, "REDIS_URL": redis_url, "STAGE_TIME_LIMIT_SECONDS": "30",
                    "UNACKED_RESTORE_INTERVAL_SECONDS": "1", "RECONCILE_INTERVAL_SECONDS": "1",
                    "LOG_LEVEL": "INFO", "WEBHOOK_SECRET": WEBHOOK_SECRET,
                    "WEBHOOK_ALLOW_PRIVATE_NETWORKS": "1", **env}
        self.logdir = logdir
        self.url = f"http://127.0.0.1:{free_port()}"
        self.workers: dict[str, subprocess.Popen] = {}
        self.api: subprocess.Popen | None = None
        self.redis: RedisServer | None = None

    def _spawn(self, name: str, argv: list[str]) -> subprocess.Popen:
        with open(self.logdir / f"{name}.log", "ab") as log:
            # A process group of its own, so a test can kill a worker with its pool children.
            return subprocess.Popen(argv, cwd=ROOT, env=self.env, stdout=log,
                                    stderr=subprocess.STDOUT, start_new_session=True)

    def start_api(self, *gunicorn_args: str) -> None:
        """gunicorn as configured in services.gunicorn_conf, unless arguments override it."""
        self.api = self._spawn("api", [str(BIN / "gunicorn"), "-c", "python:services.gunicorn_conf",
                                       "--bind", self.url[7:], *gunicorn_args,
                                       "services.api.wsgi:app"])
        self._wait_for("/healthz")

    def start_worker(self, name: str, concurrency: int = 1) -> None:
        self.workers[name] = self._spawn(name, [
            str(BIN / "celery"), "-A", "workers.celery_app", "worker", "--loglevel=INFO",
            f"--concurrency={concurrency}", "--hostname", f"{name}@e2e", "--without-mingle",
            "--without-gossip"])
        deadline = time.monotonic() + READY_SECONDS
        while time.monotonic() < deadline:
            try:
                names = requests.get(f"{self.url}/readyz", timeout=10).json().get("workers", [])
            except requests.Timeout:
                names = []
            if f"{name}@e2e" in names:
                return
            time.sleep(0.3)
        raise RuntimeError(f"worker {name} did not answer; see {self.logdir / name}.log")

    def revive_workers(self) -> list[str]:
        """Start again any worker whose process exited, as `make worker` and compose do."""
        dead = [name for name, proc in self.workers.items() if proc.poll() is not None]
        for name in dead:
            self.workers.pop(name)
            self.start_worker(name)
        return dead

    def kill_worker(self, name: str) -> None:
        proc = self.workers.pop(name)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)

    def stop(self) -> None:
        procs = [*self.workers.values(), *([self.api] if self.api else [])]
        for proc in procs:
            _signal_group(proc, signal.SIGTERM)
        for proc in procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                _signal_group(proc, signal.SIGKILL)
        self.workers.clear()

    def _wait_for(self, path: str) -> None:
        deadline = time.monotonic() + READY_SECONDS
        while time.monotonic() < deadline:
            try:
                if requests.get(self.url + path, timeout=5).ok:
                    return
            except (requests.ConnectionError, requests.Timeout):
                # A starting gunicorn on a busy machine may take seconds to answer: keep asking.
                time.sleep(0.2)
        raise RuntimeError(f"{path} never answered; see {self.logdir}")

    # -- client helpers --------------------------------------------------------------------

    def submit(self, **kwargs) -> dict:
        res = requests.post(f"{self.url}/v1/jobs", timeout=30, **kwargs)
        assert res.status_code == 202, res.text
        return res.json()

    def wait(self, job_id: str, timeout: float = 90) -> dict:
        deadline = time.monotonic() + timeout
        while True:
            job = requests.get(f"{self.url}/v1/jobs/{job_id}?wait=10", timeout=30).json()
            if job["status"] in ("succeeded", "failed", "cancelled") or time.monotonic() > deadline:
                return job


def _signal_group(proc: subprocess.Popen, sig: int) -> None:
    try:
        os.killpg(proc.pid, sig)
    except ProcessLookupError:  # the whole group is gone already
        pass


@contextmanager
def running_service(workdir: Path, persistent_redis: bool = False, fsync: str = "always",
                    **env: str):
    """A private Redis and the API; tests start the workers they need."""
    redis_server = RedisServer(workdir, persistent_redis, fsync)
    redis_server.start()
    svc = Service(redis_server.url, workdir, **env)
    svc.redis = redis_server
    try:
        svc.start_api()
        yield svc
    finally:
        svc.stop()
        redis_server.stop()


def service_with_worker(tmp_path_factory, worker: str, **env: str):
    """A service with one worker, for a module's fixture to ``yield from``."""
    with running_service(tmp_path_factory.mktemp(worker), **env) as svc:
        svc.start_worker(worker)
        yield svc


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    with running_service(tmp_path_factory.mktemp("e2e")) as svc:
        yield svc


def module_worker(name: str):
    """An autouse module fixture: worker NAME runs for the module's tests (some kill and restart it)."""
    @pytest.fixture(scope="module", autouse=True)
    def worker(service):
        service.start_worker(name)
        yield
        if name in service.workers:
            service.kill_worker(name)
    return worker
