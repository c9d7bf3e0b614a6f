"""Child processes of `make run`: started with their logs under .run/, stopped newest first."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

RUN_DIR = Path(".run")
STOP_SECONDS = 20


class ChildExited(RuntimeError):
    """Raised when a child process has ended while `make run` still needs it."""


class Supervisor:
    def __init__(self, env: dict[str, str] | None = None) -> None:
        self.env = {**os.environ, **(env or {})}
        self.children: list[tuple[str, subprocess.Popen]] = []
        RUN_DIR.mkdir(exist_ok=True)

    def log_path(self, name: str) -> Path:
        return RUN_DIR / f"{name}.log"

    def start(self, name: str, argv: list[str], echo: bool = False) -> subprocess.Popen:
        """Start a child logging to .run/NAME.log; with ``echo`` its stdout is shown here too."""
        with open(self.log_path(name), "ab") as log:  # the child keeps its own copy
            proc = subprocess.Popen(argv, env=self.env, stderr=log,
                                    stdout=subprocess.PIPE if echo else log)
        if echo:
            threading.Thread(target=self._echo, args=(name, proc), daemon=True).start()
        self.children.append((name, proc))
        return proc

    def _echo(self, name: str, proc: subprocess.Popen) -> None:
        with open(self.log_path(name), "ab") as log:
            for line in proc.stdout:
                log.write(line)
                log.flush()
                print(f"{name} | {line.decode(errors='replace').rstrip()}", flush=True)

    def check(self) -> None:
        for name, proc in self.children:
            if proc.poll() is not None:
                raise ChildExited(f"{name} exited with {proc.returncode}; see {self.log_path(name)}")

    def stop(self) -> None:
        for _, proc in reversed(self.children):
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for name, proc in reversed(self.children):
            try:
                proc.wait(timeout=STOP_SECONDS)
            except subprocess.TimeoutExpired:
                proc.kill()
            print(f"stopped {name}", file=sys.stderr)
