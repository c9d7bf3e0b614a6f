"""Redis commands and round trips per job (from MONITOR) and CPU time per job: figures the machine's load cannot blur.

A MULTI … EXEC block sent as one pipeline counts as one round trip; every other command as one
(redis-py sends a non-transactional pipeline as separate commands in MONITOR's eyes, so this
errs high for those). Kombu's idle polling in the same window is counted too, like in service.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import time
from collections import defaultdict
from pathlib import Path
from typing import Callable

from stack import Stack

_LINE = re.compile(rb'^[\d.]+ \[\d+ ([^\]]+)\] "(\w+)"')


def measure(stack: Stack, jobs: int, run: Callable[[], None], log: Path) -> dict:
    """Run ``run`` (which completes ``jobs`` jobs) under MONITOR: Redis commands and round trips
    per job; and, without MONITOR, each process group's CPU milliseconds per job."""
    with open(log, "wb") as out:
        monitor = subprocess.Popen([shutil.which("redis-cli") or "redis-cli", "-p", str(stack.redis_port),
                                    "monitor"], stdout=out)
        try:
            time.sleep(0.3)  # MONITOR is on before the first command
            run()
            time.sleep(0.3)
        finally:
            monitor.terminate()
            monitor.wait()
    commands, trips = count(log.read_bytes().splitlines())
    before = stack.cpu_seconds()
    run()
    after = stack.cpu_seconds()
    cpu = {f"cpu_ms_{name}": 1000 * (after[name] - before[name]) / jobs for name in after}
    return {"commands": commands / jobs, "round_trips": trips / jobs, **cpu}


def count(lines: list[bytes]) -> tuple[int, int]:
    in_block: dict[bytes, bool] = defaultdict(bool)
    commands = trips = 0
    for line in lines:
        match = _LINE.match(line)
        if match is None:  # OK, or a Lua script's own calls ("[0 lua]")
            continue
        client, command = match.group(1), match.group(2).upper()
        if client == b"lua":
            continue
        commands += 1
        if command == b"MULTI":
            in_block[client] = True
            trips += 1
        elif command == b"EXEC":
            in_block[client] = False
        elif not in_block[client]:
            trips += 1
    return commands, trips
